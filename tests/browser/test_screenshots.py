"""Screenshots of the main pages in every language, at desktop and phone widths (issue 9).

Written to var/screenshots/ (ignored by git) on every run, to be looked at. What a look would
catch first is also checked: no page is wider than the phone, and no text spills out of its box.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from committee.bilateral import Side
from committee.recommendations.models import Recommendation
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, TIMEOUT_MS, log_in
from tests.browser.seed import REFERENCE, pages
from tests.factories import seated

LANGUAGES = ("ar", "es", "fr", "en")

#: Elements wider than the page, or whose content is wider than themselves without a scroll bar
#: to reach it (a table or a long word that runs off the screen).
OVERFLOWS = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (!box.width || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('.visually-hidden, .skip-link, svg')) continue;
    const scrolls = el.closest('[data-scroll], .table-scroll');
    if (!scrolls && (box.right > width + 1 || box.left < -1)) {
      found.push(`${el.tagName.toLowerCase()}.${el.className} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
    }
  }
  return document.documentElement.scrollWidth > width + 1
    ? [`page ${document.documentElement.scrollWidth}px wide`, ...found.slice(0, 5)] : [];
}"""


def shoot(page: Page, base: str, language: str, width: str, name: str, path: str) -> list[str]:
    page.goto(f"{base}/{language}{path}")
    page.wait_for_load_state("load")
    page.screenshot(path=SCREENSHOTS / f"{language}-{width}-{name}.png", full_page=True)
    return [f"{language}-{width}-{name}: {problem}" for problem in page.evaluate(OVERFLOWS)]


@pytest.mark.parametrize(("width", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots_of_the_main_pages_in_every_language(seeded, browser: Browser, width, viewport):
    base = seeded.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    body = Recommendation.objects.get(reference=REFERENCE).body
    seated("ma_screens", Side.MA, body)
    phone = viewport is PHONE
    context = browser.new_context(
        viewport=viewport, is_mobile=phone, has_touch=phone, device_scale_factor=1
    )
    context.set_default_timeout(TIMEOUT_MS)
    problems: list[str] = []
    try:
        page = context.new_page()
        for name, path in pages():
            for language in LANGUAGES:
                problems += shoot(page, base, language, width, name, path)
        log_in(page, base, "ma_screens")
        for language in LANGUAGES:
            problems += shoot(page, base, language, width, "me", "/me/")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
