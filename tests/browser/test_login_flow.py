"""A newcomer's first login in Arabic and in Spanish, in Chromium: one password, the
verification code set up, the recovery codes kept, then on to the members' area; and at the
next login, the code page with its primary button and a secondary «Cancel»."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from tests import factories as f
from tests.browser.conftest import PASSWORD, PHONE, SCREENSHOTS

NAMES = {"ar": "رمز التحقق", "es": "código de verificación"}


def background(page: Page, selector: str) -> str:
    return page.locator(selector).evaluate("e => getComputedStyle(e).backgroundColor")


def type_password(page: Page, base: str, language: str) -> None:
    page.goto(f"{base}/{language}/accounts/login/")
    page.locator("input[name=login]").fill("newcomer")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")


@pytest.mark.parametrize("language", ["ar", "es"])
def test_first_login_one_password_then_the_code_then_the_members_area(
    transactional_db, live_server, page, language
):
    f.UserFactory(username="newcomer", second_factor=False, preferred_language=language)
    base = live_server.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    type_password(page, base, language)

    # Straight to setting up the code: the password is not asked for again.
    expect(page).to_have_url(re.compile(rf"^{base}/{language}/accounts/.*/totp/activate"))
    expect(page.locator("input[type=password]")).to_have_count(0)
    expect(page.locator("h1")).to_contain_text(NAMES[language], ignore_case=True)
    page.screenshot(path=SCREENSHOTS / f"login-setup-{language}.png", full_page=True)
    secret = page.locator("#authenticator_secret").input_value()
    code = page.locator("input[name=code]")
    code.fill(f.totp_code(secret))
    code.press("Enter")

    # The recovery codes, and a clear way on.
    expect(page).to_have_url(re.compile(rf"^{base}/{language}/accounts/.*recovery"))
    expect(page.locator("#recovery_codes")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / f"login-recovery-{language}.png", full_page=True)
    page.locator("a.button.primary").click()
    expect(page).to_have_url(f"{base}/{language}/me/")

    # Next login: password, then the code page; «Cancel» does not look like the way on.
    page.locator(".site-header .account form button").click()
    type_password(page, base, language)
    expect(page).to_have_url(re.compile(rf"^{base}/{language}/accounts/.*/authenticate"))
    expect(page.locator("h1")).to_contain_text(NAMES[language], ignore_case=True)
    assert background(page, "button.primary") != background(page, "button.secondary")
    page.screenshot(path=SCREENSHOTS / f"login-code-{language}.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SCREENSHOTS / f"login-code-{language}-phone.png", full_page=True)
    cache.clear()  # the code of this 30-second window was used to set it up
    code = page.locator("input[name=code]")
    code.fill(f.totp_code(secret))
    code.press("Enter")
    expect(page).to_have_url(f"{base}/{language}/me/")
