"""What matters at a glance is above the fold on a phone (390×844): on the home page and on the
member's dashboard, in Arabic and Spanish, with demo data, the overdue count and the next
meeting are within the first 844 pixels. Screenshots go to var/screenshots/glance-*.png."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone
from playwright.sync_api import Browser, Page

from committee.bilateral import Side, Visibility
from committee.recommendations.models import Recommendation
from tests import factories as f
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, TIMEOUT_MS, log_in
from tests.factories import seated

LANGUAGES = ("ar", "es")


@pytest.fixture
def demo(transactional_db, live_server):
    """Demo data, a public meeting planned next month, and a Spanish member seated on the body
    with the most overdue recommendations."""
    call_command("generate_demo_data", "--scale", "300", "--seed", "3", stdout=io.StringIO())
    f.MeetingFactory(
        status="planned",
        start_date=timezone.localdate() + dt.timedelta(days=30),
        end_date=None,
        end_precision="",
        title_ar="الاجتماع السنوي للجنة الأمنية الاستراتيجية",
        title_es="Reunión anual del Comité Estratégico de Seguridad",
        city_ar="الرباط",
        city_es="Rabat",
    )
    busiest = (
        Recommendation.objects.public()
        .overdue(timezone.localdate())
        .exclude(body=None)
        .values("body")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    assert busiest, "the demo data has overdue recommendations"
    body = Recommendation.objects.filter(body=busiest["body"]).first().body
    assert body.visibility == Visibility.PUBLIC
    seated("es_glance", Side.ES, body, language="es")
    return live_server


def bottom(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["y"] + box["height"]


def look(page: Page, url: str, name: str) -> dict[str, float]:
    page.goto(url)
    page.wait_for_load_state("load")
    width = "phone" if page.viewport_size == PHONE else "desktop"
    page.screenshot(path=SCREENSHOTS / f"glance-{name}-{width}.png", full_page=True)
    return {
        "overdue": bottom(page, "#overdue-heading"),
        "next meeting": bottom(page, ".next-meeting, #next-meeting-heading + .empty"),
    }


@pytest.mark.parametrize(("width", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_the_overdue_count_and_the_next_meeting_are_above_the_fold(
    demo, browser: Browser, width, viewport
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone = viewport is PHONE
    context = browser.new_context(
        viewport=viewport, is_mobile=phone, has_touch=phone, device_scale_factor=1
    )
    context.set_default_timeout(TIMEOUT_MS)
    fold = viewport["height"]
    late: list[str] = []
    try:
        page = context.new_page()
        for language in LANGUAGES:
            url = f"{demo.url}/{language}/"
            for what, y in look(page, url, f"home-{language}").items():
                if y > fold:
                    late.append(f"home {language}: {what} ends at {y:.0f}px")
            page.locator("#overdue-heading a").click()  # the count leads to the filtered list
            page.wait_for_load_state("load")
            page.screenshot(
                path=SCREENSHOTS / f"glance-list-{language}-{width}.png", full_page=True
            )
            assert page.locator("table.recommendations .late").count() > 0
            page.locator("table.recommendations th.text a").first.click()
            page.wait_for_load_state("load")
            page.screenshot(path=SCREENSHOTS / f"glance-detail-{language}-{width}.png")
            assert page.locator("main h1").inner_text() != page.locator(".record-ref").inner_text()
            assert page.locator("dl.facts .late").count() == 1
        log_in(page, demo.url, "es_glance", language="es")
        for language in LANGUAGES:
            url = f"{demo.url}/{language}/me/"
            for what, y in look(page, url, f"me-{language}").items():
                if y > fold:
                    late.append(f"dashboard {language}: {what} ends at {y:.0f}px")
            if bottom(page, "#awaiting") > fold:
                late.append(f"dashboard {language}: what awaits the delegation is below the fold")
    finally:
        context.close()
    assert not late, "\n".join(late)
