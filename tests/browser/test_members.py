"""Journey 3 of issue 9: two keys, one per delegation, turned through the browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from committee.bilateral import Side
from committee.recommendations.models import Evidence, Recommendation
from tests.browser.conftest import log_in, new_context
from tests.browser.seed import REFERENCE
from tests.factories import seated

#: A small but real PDF: a header, one empty page, a cross-reference table and a trailer.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture
def members(seeded, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    body = Recommendation.objects.get(reference=REFERENCE).body
    return seated("ma_browser", Side.MA, body), seated("es_browser", Side.ES, body, language="es")


def test_a_proposal_by_morocco_confirmed_by_spain_shows_on_the_public_page(
    seeded, members, browser, page, tmp_path
):
    base = seeded.url
    evidence = tmp_path / "rapport-2026.pdf"
    evidence.write_bytes(PDF)

    # Morocco: password, TOTP, then the recommendation in the members' area.
    log_in(page, base, "ma_browser")
    expect(page).to_have_url(f"{base}/ar/me/")
    page.goto(f"{base}/ar/me/recommendations/{REFERENCE}/")
    page.locator(f"a[href$='/me/recommendations/{REFERENCE}/progress/']").first.click()
    page.locator("input[name=as_of]").fill("2026-11-20")
    page.locator("select[name=language]").select_option("ar")
    page.locator("textarea[name=narrative]").fill("عقدت اللجنة اجتماعها السنوي في الرباط.")
    page.locator("select[name=proposed_completion]").select_option("complete")
    page.locator("select[name=visibility]").select_option("public")
    page.locator("input[type=file]").set_input_files(evidence)
    page.locator("button[name=publish]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert Evidence.objects.get().original_name == "rapport-2026.pdf"

    page.goto(f"{base}/ar/me/recommendations/{REFERENCE}/status/")
    page.locator("select[name=to_status]").select_option("implemented")
    page.locator("select[name=completion]").select_option("complete")
    page.locator("textarea[name=reason]").fill("نُفذت التوصية بالكامل.")
    page.locator("form button[type=submit]").last.click()
    expect(page.locator(".messages")).to_be_visible()
    rec = Recommendation.objects.get(reference=REFERENCE)
    assert rec.status == "adopted"  # one key turns nothing

    # Spain, in its own browser context: the proposal waits on the dashboard.
    spain = new_context(browser)
    try:
        other = spain.new_page()
        log_in(other, base, "es_browser", language="es")
        expect(other).to_have_url(f"{base}/es/me/")
        # Shown by its text, the reference beside the link.
        waiting = (
            other.locator("section[aria-labelledby=awaiting] li")
            .filter(has_text=REFERENCE)
            .locator("a")
        )
        expect(waiting).to_have_count(1)
        waiting.click()
        expect(other).to_have_url(re.compile(r"/es/me/status-changes/\d+/$"))
        other.locator("input[name=action][value=confirm] ~ p button").click()
        expect(other.locator(".messages")).to_be_visible()
    finally:
        spain.close()

    rec.refresh_from_db()
    assert rec.status == "implemented"
    # The public page, as a visitor would read it in Arabic.
    visitor = new_context(browser)
    try:
        public = visitor.new_page()
        public.goto(f"{base}/ar/recommendations/{REFERENCE}/")
        expect(public.locator("main .facts")).to_contain_text("منفذة")
        history = public.locator("table.history tbody tr").first
        expect(history).to_contain_text("المغرب")
        expect(history).to_contain_text("إسبانيا")
        expect(public.locator("main")).to_contain_text("عقدت اللجنة اجتماعها السنوي في الرباط.")
    finally:
        visitor.close()
