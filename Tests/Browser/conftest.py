"""Fixtures of the browser tests: one Concierge and one headless Chromium for the session."""

import json
import os
import shutil

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from mail_sink import MailSink
from platform_under_test import ROOT, Platform


@pytest.fixture(scope="session")
def mail():
    """Where Concierge's worker sends its emails (a local SMTP server the tests read)."""
    sink = MailSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture(scope="session")
def concierge(mail):
    platform = Platform(extra_env={
        "CONCIERGE_SMTP_HOST": "127.0.0.1", "CONCIERGE_SMTP_PORT": str(mail.port),
        "CONCIERGE_SMTP_SECURITY": "plaintext", "CONCIERGE_SMTP_FROM": "support@demo.concierge.example",
    })
    platform.start()
    yield platform
    platform.stop()


@pytest.fixture(scope="session")
def chromium():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    # A Chinese browser, like the demo tenant's agents (the sign-in page follows Accept-Language).
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    # An alert must stay visible to the test (it proves an injected script ran), not be dismissed.
    options.unhandled_prompt_behavior = "ignore"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def text():
    """The zh-CN catalogue (the demo tenant's language): the text the pages must show."""
    with open(ROOT / "Sources/ConciergeHTTP/Resources/Web/i18n/zh-CN.json", encoding="utf-8") as file:
        return json.load(file)


@pytest.fixture(scope="session")
def screenshots():
    directory = ROOT / "docs" / "screenshots"
    directory.mkdir(parents=True, exist_ok=True)
    return directory if os.environ.get("CONCIERGE_SCREENSHOTS", "1") == "1" else None
