"""The admin console in a real headless Chromium, as the demo tenant's owner: company
settings (time zone and brand colour seen applied), users and groups, an API token whose
secret shows once, a connector's delivery log with a failed delivery replayed, and a dropdown
custom field that then shows on the agent's ticket page. The tests run in file order and
share one signed-in browser; the module signs out and restores the tenant's zone at the end."""

import json
import socket
import time
import urllib.request
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as seen
from selenium.webdriver.support.select import Select

from test_agent_workspace import assert_no_policy_violation, by_test_id, flash, submit, wait

BRAND = "#0a7d55"


@pytest.fixture(scope="module", autouse=True)
def admin(concierge, chromium):
    """The demo owner signed in through the console's own link; signed out afterwards."""
    tenant, email, password = concierge.login
    chromium.get(concierge.base_url + "/admin")
    wait(chromium).until(seen.url_contains("/agent/login?next=%2Fadmin"))
    chromium.find_element(By.NAME, "tenant").send_keys(tenant)
    chromium.find_element(By.NAME, "email").send_keys(email)
    chromium.find_element(By.NAME, "password").send_keys(password)
    submit(chromium, (By.CSS_SELECTOR, "button[type=submit]"))
    wait(chromium).until(seen.url_matches(r"/admin$"))
    yield
    concierge.api("PATCH", "/api/v1/tenant", {"time_zone": "Asia/Shanghai", "brand_color": None})
    chromium.set_window_size(1280, 900)
    chromium.delete_all_cookies()


def open_page(chromium, concierge, path):
    chromium.get(concierge.base_url + path)
    wait(chromium).until(seen.visibility_of_element_located((By.CSS_SELECTOR, "h1")))


def shot(chromium, screenshots, name, phone=False):
    if not screenshots:
        return
    if phone:
        chromium.set_window_size(390, 844)
    chromium.save_screenshot(str(screenshots / f"admin-{name}.png"))
    if phone:
        chromium.set_window_size(1280, 900)


def test_the_console_lists_its_sections_and_links_back(concierge, chromium, text, screenshots):
    cards = chromium.find_elements(By.CSS_SELECTOR, ".admin-card")
    assert len(cards) == 9
    assert text["admin_section_settings"] in cards[0].text
    assert chromium.find_element(*by_test_id("admin-back")).get_attribute("href").endswith("/agent/tickets")
    shot(chromium, screenshots, "home")
    shot(chromium, screenshots, "home-phone", phone=True)
    # The workspace links to the console for its admins.
    open_page(chromium, concierge, "/agent/tickets")
    assert chromium.find_element(*by_test_id("nav-admin")).get_attribute("href").endswith("/admin")
    assert_no_policy_violation(chromium)


def test_a_bad_colour_is_refused_next_to_its_field(concierge, chromium, text):
    open_page(chromium, concierge, "/admin/settings")
    colour = chromium.find_element(*by_test_id("settings-brand-color"))
    colour.clear()
    colour.send_keys("green")
    submit(chromium, by_test_id("settings-submit"))
    assert chromium.find_element(*by_test_id("error-brand_color")).text == text["admin_error_invalid_color"]
    assert concierge.api("GET", "/api/v1/tenant")["tenant"].get("brand_color") is None


def test_time_zone_and_colour_are_applied_to_the_workspace(concierge, chromium, text, screenshots):
    open_page(chromium, concierge, "/admin/settings")
    Select(chromium.find_element(*by_test_id("settings-time-zone"))).select_by_value("Europe/London")
    colour = chromium.find_element(*by_test_id("settings-brand-color"))
    colour.clear()
    colour.send_keys(BRAND)
    submit(chromium, by_test_id("settings-submit"))
    assert flash(chromium) == text["admin_flash_saved"]
    tenant = concierge.api("GET", "/api/v1/tenant")["tenant"]
    assert (tenant["time_zone"], tenant["brand_color"]) == ("Europe/London", BRAND)
    # The header wears the colour (through the generated style sheet, under the CSP).
    header = chromium.find_element(By.CSS_SELECTOR, ".topbar")
    assert header.value_of_css_property("background-color") in ("rgba(10, 125, 85, 1)", "rgb(10, 125, 85)")
    shot(chromium, screenshots, "settings")
    # Dates in the workspace are in the new zone.
    concierge.create_ticket("控制台测试 console check")
    open_page(chromium, concierge, "/agent/tickets")
    stamp = chromium.find_element(By.CSS_SELECTOR, '[data-testid="ticket-row"] time')
    instant = datetime.fromisoformat(stamp.get_attribute("datetime").replace("Z", "+00:00"))
    assert stamp.text == instant.astimezone(ZoneInfo("Europe/London")).strftime("%Y-%m-%d %H:%M")
    header = chromium.find_element(By.CSS_SELECTOR, ".topbar")
    assert header.value_of_css_property("background-color") in ("rgba(10, 125, 85, 1)", "rgb(10, 125, 85)")
    assert_no_policy_violation(chromium)


def test_a_user_and_a_group_are_created_and_the_user_added(concierge, chromium, text, screenshots):
    open_page(chromium, concierge, "/admin/users")
    chromium.find_element(*by_test_id("user-name")).send_keys("赵六 Zhao")
    chromium.find_element(*by_test_id("user-email")).send_keys("zhao.liu@demo.concierge.local")
    Select(chromium.find_element(*by_test_id("user-role"))).select_by_value("agent")
    chromium.find_element(*by_test_id("user-password")).send_keys("zhao liu password 2026")
    submit(chromium, by_test_id("user-create-submit"))
    assert flash(chromium) == text["admin_flash_created"]
    assert chromium.find_element(*by_test_id("user-heading")).text == "赵六 Zhao"
    shot(chromium, screenshots, "user")
    open_page(chromium, concierge, "/admin/users")
    assert any("赵六 Zhao" in row.text for row in chromium.find_elements(*by_test_id("user-row")))
    shot(chromium, screenshots, "users")
    shot(chromium, screenshots, "users-phone", phone=True)

    open_page(chromium, concierge, "/admin/groups")
    chromium.find_element(*by_test_id("group-name")).send_keys("华东现场服务")
    chromium.find_element(*by_test_id("group-key")).send_keys("east-field")
    submit(chromium, by_test_id("group-create-submit"))
    assert flash(chromium) == text["admin_flash_created"]
    Select(chromium.find_element(*by_test_id("member-candidate"))).select_by_visible_text(
        "赵六 Zhao <zhao.liu@demo.concierge.local>")
    submit(chromium, by_test_id("member-add"))
    assert flash(chromium) == text["admin_flash_member_added"]
    assert [row.text.split("\n")[0] for row in chromium.find_elements(*by_test_id("member-row"))][0].startswith("赵六 Zhao")
    shot(chromium, screenshots, "group")
    groups = concierge.api("GET", "/api/v1/groups")["groups"]
    group = next(group for group in groups if group["key"] == "east-field")
    users = concierge.api("GET", "/api/v1/users?limit=200")["users"]
    zhao = next(user for user in users if user["email"] == "zhao.liu@demo.concierge.local")
    assert zhao["role"] == "agent" and zhao["status"] == "active"
    assert group["member_ids"] == [zhao["id"]]
    assert_no_policy_violation(chromium)


def test_an_api_token_shows_its_secret_once(concierge, chromium, text, screenshots):
    open_page(chromium, concierge, "/admin/tokens")
    chromium.find_element(*by_test_id("token-name-input")).send_keys("ERP 同步")
    Select(chromium.find_element(*by_test_id("token-role"))).select_by_value("agent")
    submit(chromium, by_test_id("token-create-submit"))
    secret = chromium.find_element(*by_test_id("token-secret")).text
    assert secret.startswith("cnc_")
    shot(chromium, screenshots, "token-issued")
    # The secret works against the API with the role it was given.
    request = urllib.request.Request(concierge.base_url + "/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert json.loads(response.read())["role"] == "agent"
    # Back on the list the token is there, its secret is not.
    chromium.find_element(*by_test_id("token-done")).click()
    wait(chromium).until(seen.url_matches(r"/admin/tokens$"))
    assert "ERP 同步" in [cell.text for cell in chromium.find_elements(*by_test_id("token-name"))]
    assert secret not in chromium.page_source
    # Going back does not bring it back either: the page was never cached (no-store).
    chromium.back()
    assert secret not in chromium.page_source
    open_page(chromium, concierge, "/admin/tokens")
    shot(chromium, screenshots, "tokens")
    assert_no_policy_violation(chromium)


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_failed_delivery_is_found_in_the_log_and_replayed(concierge, chromium, text, screenshots):
    connector = concierge.api("POST", "/api/v1/connectors", {
        "key": "browser-hook", "kind": "webhook", "name": "浏览器测试 Webhook",
        "settings": {"url": f"http://127.0.0.1:{closed_port()}/hook"},
        "secrets": {"signing_secret": "browser-secret-never-shown"}, "events": ["ticket.created"],
    })["connector"]
    try:
        concierge.create_ticket("连接器测试 connector check")
        # The worker delivers the ticket.created event; a local address is refused for good
        # (shared mode), so the delivery fails at its first attempt.
        path = f"/admin/connectors/{connector['id']}?status=failed"
        deadline = time.monotonic() + 30
        while True:
            open_page(chromium, concierge, path)
            rows = chromium.find_elements(*by_test_id("delivery-row"))
            if rows or time.monotonic() > deadline:
                break
            time.sleep(1)
        assert len(rows) == 1, "no failed delivery within 30 s"
        assert rows[0].get_attribute("data-status") in ("failed", "quarantined")
        assert "127.0.0.1" in chromium.find_element(*by_test_id("delivery-error")).text
        assert "browser-secret-never-shown" not in chromium.page_source
        assert chromium.find_element(*by_test_id("connector-secret")).text == text["admin_connector_secret_set"]
        shot(chromium, screenshots, "connector")
        submit(chromium, by_test_id("delivery-replay"))
        assert flash(chromium) == text["admin_flash_replayed"]
        deliveries = concierge.api("GET", f"/api/v1/connectors/{connector['id']}/deliveries")["deliveries"]
        assert len(deliveries) == 1 and deliveries[0]["status"] in ("pending", "quarantined")
        # A test message is sent at once and fails the same way.
        submit(chromium, by_test_id("connector-test"))
        assert flash(chromium) == text["admin_flash_test_failed"]
        open_page(chromium, concierge, "/admin/connectors")
        assert any("浏览器测试 Webhook" in row.text for row in chromium.find_elements(*by_test_id("connector-row")))
        shot(chromium, screenshots, "connectors")
        assert_no_policy_violation(chromium)
    finally:
        request = urllib.request.Request(
            f"{concierge.base_url}/api/v1/connectors/{connector['id']}", method="DELETE",
            headers={"Authorization": f"Bearer {concierge.token}"})
        urllib.request.urlopen(request, timeout=10).close()


def test_a_dropdown_field_shows_on_the_agent_ticket_page(concierge, chromium, text, screenshots):
    open_page(chromium, concierge, "/admin/fields")
    chromium.find_element(*by_test_id("field-new")).click()
    wait(chromium).until(seen.visibility_of_element_located(by_test_id("field-key")))
    chromium.find_element(*by_test_id("field-key")).send_keys("service_mode")
    Select(chromium.find_element(*by_test_id("field-type"))).select_by_value("dropdown")
    chromium.find_element(*by_test_id("field-label-zh")).send_keys("服务方式")
    chromium.find_element(*by_test_id("field-label-en")).send_keys("Service mode")
    options = chromium.find_element(*by_test_id("field-options"))
    options.send_keys("on_site | 上门服务 | On site")
    options.send_keys("\n")
    options.send_keys("remote | 远程支持 | Remote")
    submit(chromium, by_test_id("field-submit"))
    assert flash(chromium) == text["admin_flash_created"]
    shot(chromium, screenshots, "field")
    open_page(chromium, concierge, "/admin/fields")
    assert any("服务方式" in row.text for row in chromium.find_elements(*by_test_id("field-row")))
    shot(chromium, screenshots, "fields")
    # The default form ("一般咨询") takes the field, so tickets may carry it.
    open_page(chromium, concierge, "/admin/forms")
    link = next(link for link in chromium.find_elements(*by_test_id("form-link")) if link.text == "一般咨询")
    link.click()
    wait(chromium).until(seen.visibility_of_element_located(by_test_id("form-fields")))
    chromium.find_element(By.CSS_SELECTOR, 'input[name="field_keys"][value="service_mode"]').click()
    submit(chromium, by_test_id("form-submit"))
    assert flash(chromium) == text["admin_flash_saved"]
    shot(chromium, screenshots, "form")
    forms = concierge.api("GET", "/api/v1/ticket-forms")["ticket_forms"]
    assert next(form for form in forms if form["key"] == "general")["field_keys"] == ["region", "service_mode"]
    # A ticket with a value for it shows the field by its labels on the agent's page.
    ticket = concierge.api("POST", "/api/v1/tickets", {
        "subject": "现场检修 field check", "description": "浏览器测试", "custom_fields": {"service_mode": "on_site"},
        "requester": {"email": "customer@example.cn", "name": "测试客户"},
    })["ticket"]
    open_page(chromium, concierge, f"/agent/tickets/{ticket['number']}")
    values = [element.text for element in chromium.find_elements(*by_test_id("custom-field"))]
    assert "上门服务" in values
    assert "服务方式" in chromium.find_element(By.CSS_SELECTOR, ".facts").text
    assert_no_policy_violation(chromium)


def test_sla_calendars_and_rules_are_listed_and_edited(concierge, chromium, text, screenshots):
    open_page(chromium, concierge, "/admin/sla")
    assert chromium.find_elements(*by_test_id("policy-row")) and chromium.find_elements(*by_test_id("calendar-row"))
    shot(chromium, screenshots, "sla")
    chromium.find_element(*by_test_id("calendar-new")).click()
    wait(chromium).until(seen.visibility_of_element_located(by_test_id("calendar-key")))
    chromium.find_element(*by_test_id("calendar-key")).send_keys("browser-office")
    chromium.find_element(*by_test_id("calendar-holidays-input")).send_keys("2026-10-01\n2026-10-02")
    chromium.find_element(*by_test_id("calendar-workdays-input")).send_keys("2026-10-10 09:00-12:00")
    submit(chromium, by_test_id("calendar-submit"))
    assert flash(chromium) == text["admin_flash_created"]
    shot(chromium, screenshots, "calendar")
    calendars = concierge.api("GET", "/api/v1/business-calendars")["business_calendars"]
    created = next(calendar for calendar in calendars if calendar["key"] == "browser-office")
    assert created["holidays"] == ["2026-10-01", "2026-10-02"]
    assert created["workdays"] == [{"date": "2026-10-10", "hours": [["09:00", "12:00"]]}]
    open_page(chromium, concierge, "/admin/sla/policies/standard")
    shot(chromium, screenshots, "policy")
    open_page(chromium, concierge, "/admin/rules")
    assert chromium.find_elements(*by_test_id("trigger-row")) and chromium.find_elements(*by_test_id("automation-row"))
    shot(chromium, screenshots, "rules")
    chromium.find_element(*by_test_id("rule-link")).click()
    wait(chromium).until(seen.visibility_of_element_located(by_test_id("rule-conditions")))
    shot(chromium, screenshots, "rule")
    assert_no_policy_violation(chromium)
