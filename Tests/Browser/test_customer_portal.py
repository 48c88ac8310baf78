"""The customer portal in a real headless Chromium: a customer files a request through the
portal's form, signs in with the link the worker emails (read from a local SMTP server), sees
the agent's reply (an internal note never shows), replies with a photo, and rates the request
once the agent has solved it; another customer cannot open that request. The tests run in file
order and share one browser, like the workspace tests."""

import re
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as seen
from selenium.webdriver.support.ui import WebDriverWait

from test_agent_workspace import assert_no_alert, assert_no_policy_violation, by_test_id, flash, gone, submit

CUSTOMER = "chen.jing@example.cn"
NOTE = "内部备注：客户合同快到期 INTERNAL-ONLY"
XSS = "<script>alert('portal')</script>"


@pytest.fixture(scope="module")
def portal(concierge):
    return f"{concierge.base_url}/portal/demo"


@pytest.fixture(scope="module")
def state():
    """What the tests hand on to each other: the request's number."""
    return {}


def wait(chromium, seconds=10):
    return WebDriverWait(chromium, seconds)


def sign_in(chromium, mail, portal, address):
    """Asks for a sign-in link on the portal, opens the one the worker emails, confirms."""
    chromium.get(portal + "/login")
    field = chromium.find_element(*by_test_id("login-email"))
    field.clear()
    field.send_keys(address)
    before = mail.count()
    submit(chromium, by_test_id("login-submit"))
    assert chromium.find_element(*by_test_id("link-sent"))
    message = mail.wait_for(address, after=before)
    link = re.search(r"https?://\S+/portal/demo/login/cpl_\S+", message["text"]).group(0)
    chromium.get(link)
    submit(chromium, by_test_id("link-confirm"))
    return message


def test_the_home_page_offers_the_form_and_the_sign_in(concierge, chromium, portal, text, screenshots):
    chromium.delete_all_cookies()
    chromium.get(portal)
    heading = chromium.find_element(*by_test_id("portal-heading")).text
    assert "精密设备演示公司" in heading
    cards = chromium.find_elements(*by_test_id("form-card"))
    assert [card.text.split("\n")[0] for card in cards] == ["设备在线报修"]
    assert chromium.find_element(*by_test_id("home-sign-in")).text == text["portal_sign_in"]
    assert_no_policy_violation(chromium)
    if screenshots:
        chromium.save_screenshot(str(screenshots / "portal-home.png"))


def test_a_customer_files_a_request_through_the_portal_form(concierge, chromium, portal, state, text, tmp_path):
    chromium.get(portal)
    submit(chromium, by_test_id("form-card"))
    assert chromium.find_element(*by_test_id("form-title")).text == "设备在线报修"
    chromium.find_element(*by_test_id("form-name")).send_keys("陈静")
    chromium.find_element(*by_test_id("form-email")).send_keys(CUSTOMER)
    chromium.find_element(*by_test_id("form-subject")).send_keys("激光打印机卡纸 " + XSS)
    chromium.find_element(*by_test_id("form-description")).send_keys("三楼的激光打印机每打印几页就卡纸，有异响。")
    photo = tmp_path / "卡纸位置.png"
    photo.write_bytes(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + b"a photo of the jam")
    chromium.find_element(*by_test_id("form-files")).send_keys(str(photo))
    time.sleep(2.1)  # people take longer than the form's two-second bot check
    submit(chromium, by_test_id("form-submit"))
    received = chromium.find_element(*by_test_id("received-message")).text
    number = int(re.search(r"#(\d+)", received).group(1))
    state["number"] = number
    ticket = concierge.api("GET", f"/api/v1/tickets/{number}")["ticket"]
    assert ticket["channel"] == "web" and "报修" in ticket["tags"]
    assert_no_alert(chromium)
    assert_no_policy_violation(chromium)


def test_the_customer_signs_in_with_the_emailed_link(concierge, chromium, mail, portal, state, text, screenshots):
    # "sign in to follow it" offers the sign-in form with the address filled in
    submit(chromium, by_test_id("received-sign-in"))
    assert chromium.find_element(*by_test_id("login-email")).get_attribute("value") == CUSTOMER
    message = sign_in(chromium, mail, portal, CUSTOMER)
    assert "登录" in message["subject"] and "15 分钟" in message["text"]
    assert flash(chromium) == text["portal_flash_signed_in"]
    wait(chromium).until(seen.url_matches(r"/portal/demo/requests$"))
    rows = chromium.find_elements(*by_test_id("request-row"))
    assert len(rows) == 1 and f"#{state['number']}" in rows[0].text
    assert XSS in rows[0].find_element(*by_test_id("request-subject")).text  # shown as text
    assert rows[0].find_element(*by_test_id("request-status")).text == text["portal_status_in_progress"]
    # the link was spent: opening it again only offers a new one
    link = re.search(r"https?://\S+/portal/demo/login/cpl_\S+", message["text"]).group(0)
    chromium.get(link)
    assert chromium.find_elements(*by_test_id("link-confirm")) == []
    assert chromium.find_element(*by_test_id("link-new"))
    assert_no_alert(chromium)


def test_the_customer_sees_the_agents_reply_but_never_the_internal_note(
        concierge, chromium, mail, portal, state, text, screenshots):
    number = state["number"]
    _, email, _ = concierge.login
    agent = next(user for user in concierge.api("GET", "/api/v1/users?limit=200")["users"] if user["email"] == email)
    before = mail.count()
    concierge.api("POST", f"/api/v1/tickets/{number}/comments", {"body": NOTE, "public": False, "author_id": agent["id"]})
    concierge.api("POST", f"/api/v1/tickets/{number}/comments",
                  {"body": "您好，工程师明天上午到场，请准备好设备型号。", "public": True, "author_id": agent["id"]})
    # the reply is also emailed, with the way back to the request on the portal (the note is not)
    emailed = mail.wait_for(CUSTOMER, after=before)
    assert "工程师明天上午到场" in emailed["text"] and "INTERNAL-ONLY" not in emailed["text"]
    assert f"/portal/demo/requests/{number}" in emailed["text"]
    chromium.get(f"{portal}/requests")
    rows = chromium.find_elements(*by_test_id("request-row"))
    assert rows[0].find_element(*by_test_id("request-status")).text == text["portal_status_in_progress"]
    if screenshots:
        chromium.save_screenshot(str(screenshots / "portal-requests.png"))
    submit(chromium, (By.CSS_SELECTOR, '[data-testid="request-row"] a'))
    reply = chromium.find_element(*by_test_id("message-agent"))
    assert "工程师明天上午到场" in reply.text and agent["name"] in reply.text
    assert "INTERNAL-ONLY" not in chromium.page_source and "合同快到期" not in chromium.page_source
    assert [link.text for link in chromium.find_elements(*by_test_id("message-file"))] == ["卡纸位置.png"]
    assert_no_alert(chromium)
    assert_no_policy_violation(chromium)


def test_the_customer_replies_with_a_photo(concierge, chromium, portal, state, text, tmp_path, screenshots):
    number = state["number"]
    chromium.get(f"{portal}/requests/{number}")
    chromium.find_element(*by_test_id("reply-body")).send_keys("型号是 P2000，卡纸位置见照片。")
    photo = tmp_path / "型号铭牌.jpg"
    photo.write_bytes(bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + b"JFIF nameplate")
    chromium.find_element(*by_test_id("reply-files")).send_keys(str(photo))
    submit(chromium, by_test_id("reply-submit"))
    assert flash(chromium) == text["portal_flash_reply_sent"]
    mine = chromium.find_elements(*by_test_id("message-you"))
    assert "型号是 P2000" in mine[-1].text and "型号铭牌.jpg" in mine[-1].text
    comments = concierge.api("GET", f"/api/v1/tickets/{number}/comments")["comments"]
    assert comments[-1]["body"] == "型号是 P2000，卡纸位置见照片。" and comments[-1]["public"] is True
    if screenshots:
        chromium.set_window_size(1280, 1500)
        chromium.save_screenshot(str(screenshots / "portal-request.png"))
        chromium.set_window_size(390, 844)
        chromium.save_screenshot(str(screenshots / "portal-request-phone.png"))
        chromium.set_window_size(1280, 900)


def test_the_customer_rates_the_solved_request(concierge, chromium, portal, state, text):
    number = state["number"]
    concierge.api("PATCH", f"/api/v1/tickets/{number}", {"status": "solved"})
    chromium.get(f"{portal}/requests/{number}")
    assert chromium.find_element(*by_test_id("request-status")).text == text["portal_status_solved"]
    chromium.find_element(*by_test_id("rating-5")).click()
    chromium.find_element(*by_test_id("rating-comment")).send_keys("响应很快，工程师很专业。")
    submit(chromium, by_test_id("rating-submit"))
    assert flash(chromium) == text["portal_flash_rated"]
    assert "5" in chromium.find_element(*by_test_id("rated")).text
    assert chromium.find_elements(*by_test_id("rating-submit")) == []
    # the agent sees it: the same survey the email would have answered
    surveys = concierge.api("GET", f"/api/v1/tickets/{number}/satisfaction")
    assert [survey["rating"] for survey in surveys["surveys"]] == [5]
    assert_no_policy_violation(chromium)


def test_another_customer_cannot_open_the_request(concierge, chromium, portal, state, text):
    number = state["number"]
    concierge.create_ticket("另一位客户的请求", email="other.customer@example.cn", name="另一位客户")
    submit(chromium, by_test_id("sign-out"))
    assert flash(chromium) == text["portal_flash_signed_out"]
    # this one signs in with a link support handed out (`concierge portal link`)
    chromium.get(concierge.portal_link("other.customer@example.cn"))
    submit(chromium, by_test_id("link-confirm"))
    subjects = [e.text for e in chromium.find_elements(*by_test_id("request-subject"))]
    assert subjects == ["另一位客户的请求"]
    chromium.get(f"{portal}/requests/{number}")
    assert chromium.find_element(*by_test_id("error-message")).text == text["portal_error_not_found"]
    assert "激光打印机" not in chromium.page_source
    chromium.get(portal)
    submit(chromium, by_test_id("sign-out"))


def test_the_portal_speaks_english_on_a_phone(concierge, chromium, portal, screenshots):
    chromium.set_window_size(390, 844)
    try:
        chromium.get(portal + "?lang=en")
        assert chromium.find_element(*by_test_id("portal-heading")).text.endswith("help centre")
        assert chromium.find_element(*by_test_id("nav-requests")).text == "My requests"
        if screenshots:
            chromium.save_screenshot(str(screenshots / "portal-home-phone.png"))
        # the page fits the phone's width
        width = chromium.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390, width
        # the choice is remembered
        chromium.get(portal + "/login")
        assert chromium.find_element(*by_test_id("login-submit")).text == "Email me a sign-in link"
        chromium.get(portal + "?lang=zh-CN")
    finally:
        chromium.set_window_size(1280, 900)
