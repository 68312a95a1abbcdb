"""The other delegation's words in the browser: a reason keeps its own language and direction
on a page in another language, and people appear by name, not by username."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from committee.bilateral import Side
from committee.recommendations import services
from committee.recommendations.models import Recommendation
from tests.browser.conftest import log_in, new_context
from tests.browser.seed import REFERENCE
from tests.factories import seated

ARABIC_REASON = "نُفذت التوصية بالكامل بعد تنظيم الدورة التكوينية المشتركة."
SPANISH_REASON = "Falta el informe final de la Comisaría General."


@pytest.fixture
def proposal(seeded):
    body = Recommendation.objects.get(reference=REFERENCE).body
    ma = seated("ma_words", Side.MA, body)
    ma.first_name, ma.last_name = "Nadia", "Benali"
    ma.save()
    es = seated("es_words", Side.ES, body, language="es")
    es.first_name, es.last_name = "Javier", "Ortega"
    es.save()
    rec = Recommendation.objects.get(reference=REFERENCE)
    return services.propose_status_change(
        recommendation=rec, by=ma, to_status="implemented", reason=ARABIC_REASON, language="ar"
    )


def direction_of(locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).direction")


def test_each_delegation_reads_the_other_s_reason_in_its_own_language(
    seeded, proposal, browser, page
):
    base = seeded.url
    # Spain, on a Spanish page: the Moroccan reason is Arabic, right to left; the page is not.
    spain = new_context(browser)
    try:
        other = spain.new_page()
        log_in(other, base, "es_words", language="es")
        other.goto(f"{base}/es/me/status-changes/{proposal.pk}/")
        reason = other.locator(".reason [lang]")
        expect(reason).to_have_text(ARABIC_REASON)
        expect(reason).to_have_attribute("lang", "ar")
        expect(reason).to_have_attribute("dir", "rtl")
        assert direction_of(reason) == "rtl"
        assert direction_of(other.locator("h1")) == "ltr"
        expect(other.locator("main")).to_contain_text("Nadia Benali (Marruecos)")
        expect(other.locator("main")).not_to_contain_text("ma_words")
        other.locator("textarea[name=reason]").fill(SPANISH_REASON)
        other.locator("input[name=action][value=reject] ~ p button").click()
        expect(other).to_have_url(re.compile(rf"/es/me/recommendations/{REFERENCE}/$"))
    finally:
        spain.close()

    # Morocco, on an Arabic page: the Spanish rejection is Spanish, left to right.
    log_in(page, base, "ma_words")
    page.goto(f"{base}/ar/me/status-changes/{proposal.pk}/")
    rejection = page.locator("[lang=es]").filter(has_text=SPANISH_REASON)
    expect(rejection).to_have_count(1)
    expect(rejection).to_have_attribute("dir", "ltr")
    assert direction_of(rejection) == "ltr"
    assert direction_of(page.locator("h1")) == "rtl"
    expect(page.locator("main")).to_contain_text("Javier Ortega")
    expect(page.locator("main")).not_to_contain_text("es_words")
