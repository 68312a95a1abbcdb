"""A live server on loopback, the seed article imported, and one Chromium for the package.

Playwright's synchronous API keeps an event loop running in the test's thread, which Django's
async-safety check mistakes for async code: the check is lifted while the browser lives, in
this package only. Every test here is marked ``browser`` and ``slow``, and grouped on one xdist
worker (``bin/test`` distributes with ``--dist loadgroup``), so the package starts one browser.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests import factories as f
from tests.processes import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "var" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
#: Generous: a 2-core CI machine runs the rest of the suite beside the browser.
TIMEOUT_MS = 30_000
PASSWORD = "correct horse battery staple"
expect.set_options(timeout=TIMEOUT_MS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: bin/lib.sh ensure_test_system_packages installs it")
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage"],
            )
            yield chromium
            chromium.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


def new_context(browser: Browser, **options) -> BrowserContext:
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True, **options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def seeded(transactional_db, live_server):
    """The seed article imported as at every start, behind a live server (data flushed after)."""
    call_command("import_seeds", stdout=io.StringIO())
    return live_server


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and used TOTP codes live in the cache: each test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def log_in(page: Page, base: str, username: str, *, language: str = "ar") -> None:
    """Password, then the current TOTP code, through the login pages."""
    page.goto(f"{base}/{language}/accounts/login/")
    page.locator("input[name=login]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    code = page.locator("input[name=code]")
    code.fill(f.totp_code())
    code.press("Enter")  # the page's last button cancels the login
    expect(page.locator(".site-header .account form")).to_be_attached()  # the log-out button
