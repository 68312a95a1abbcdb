"""Pages say what matters in the readers' words: Moroccan month names, the day first, the
meeting that adopted a recommendation, and labels that cannot be misread."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import translation

from committee.bilateral import Side
from committee.recommendations.models import Status
from tests import factories as f

pytestmark = pytest.mark.django_db

MASHRIQ = ("نوفمبر", "ديسمبر", "أغسطس", "سبتمبر", "يوليو ")
MOROCCAN = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
]
MONTH_FIRST = re.compile(r"\b11/2[89]/2013\b")


@pytest.fixture
def seminar():
    return f.MeetingFactory(
        title_ar="الندوة الثانية",
        title_es="II Seminario",
        start_date=dt.date(2013, 11, 28),
        end_date=dt.date(2013, 11, 29),
    )


@pytest.fixture
def adopted(seminar):
    recommendation = f.RecommendationFactory(
        reference="R-WORDS", status=Status.SUPERSEDED, status_reason="Merged into R-NEXT."
    )
    f.AdoptionFactory(recommendation=recommendation, meeting=seminar)
    return recommendation


# --- What must not show ------------------------------------------------------------------------


def test_an_arabic_meeting_page_has_no_mashriq_month_and_no_month_first_date(client, seminar):
    page = client.get(f"/ar/meetings/{seminar.pk}/").text
    assert not any(name in page for name in MASHRIQ)
    assert not MONTH_FIRST.search(page)
    assert "28 نونبر 2013 – 29 نونبر 2013" not in page  # the month and year are said once


def test_the_adoption_is_not_a_bare_year_and_superseded_does_not_read_overdue(client, adopted):
    page = client.get("/ar/recommendations/R-WORDS/").text
    assert ">2013</a>" not in page
    assert "متجاوزة<" not in page  # «overdue», for a recommendation replaced by another
    assert "منعدمة" not in page  # «nil», for a recommendation nobody has reported on


def test_the_arabic_admin_writes_dates_day_first_with_moroccan_months(
    client, ma_secretariat, seminar
):
    seminar.city_ar = "الرباط"
    seminar.save()  # an entry in its history, dated and timed
    client.force_login(ma_secretariat)
    listing = client.get("/ar/admin/meetings/meeting/").text
    history = client.get(f"/ar/admin/meetings/meeting/{seminar.pk}/history/").text
    for page in (listing, history):
        assert not any(name in page for name in MASHRIQ)
    assert "28 نونبر 2013" in listing
    assert not re.search(r"[^\d]\d{1,2}, 20\d\d", history)  # no «ديسمبر 7, 2026»
    assert re.search(rf"\b\d{{1,2}} ({'|'.join(MOROCCAN)}) 20\d\d، \d\d:\d\d", history)


def test_a_progress_update_is_named_in_the_admin_with_a_written_date():
    update = f.ProgressUpdateFactory(as_of=dt.date(2014, 12, 7))
    with translation.override("ar"):
        assert str(update).endswith("7 دجنبر 2014")
        assert "2014-12-07" not in str(update)


def test_the_arabic_admin_calendar_has_moroccan_month_names(client, ma_secretariat):
    client.force_login(ma_secretariat)
    script = client.get("/ar/admin/jsi18n/").text
    catalog = re.sub(r"\\u([0-9a-f]{4})", lambda code: chr(int(code[1], 16)), script)
    assert "نوفمبر" not in catalog and "ديسمبر" not in catalog
    assert "نونبر" in catalog and "دجنبر" in catalog


# --- What shows --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "dates"),
    [
        ("ar", "28–29 نونبر 2013"),
        ("es", "28–29 de noviembre de 2013"),
        ("fr", "28–29 novembre 2013"),
    ],
)
def test_a_meeting_page_gives_its_dates_once(client, seminar, language, dates):
    assert dates in client.get(f"/{language}/meetings/{seminar.pk}/").text


@pytest.mark.parametrize(
    ("language", "adopted_at"),
    [
        ("ar", 'اعتُمدت خلال <a href="/ar/meetings/{pk}/">'),
        ("es", 'adoptada en <a href="/es/meetings/{pk}/">'),
        ("en", 'adopted at <a href="/en/meetings/{pk}/">'),
    ],
)
def test_the_recommendation_names_and_links_the_meeting_that_adopted_it(
    client, adopted, seminar, language, adopted_at
):
    page = client.get(f"/{language}/recommendations/R-WORDS/").text
    facts = " ".join(page.split('<span class="adoption">')[1].split("</span></dd>")[0].split())
    assert adopted_at.format(pk=seminar.pk) in facts
    assert "II Seminario" in facts or "الندوة الثانية" in facts
    assert {"ar": "، 28–29 نونبر 2013", "es": ", 28–29 de noviembre de 2013"}.get(
        language, ", 28–29 November 2013"
    ) in facts


def test_superseded_and_no_progress_say_what_they_mean(client, adopted):
    page = client.get("/ar/recommendations/R-WORDS/").text
    assert "معوَّضة بتوصية لاحقة" in page
    assert "لم يُبلَّغ عن أي تقدم" in page
    assert "Sin avances comunicados" in client.get("/es/recommendations/R-WORDS/").text


def test_a_recommendation_with_reported_progress_is_not_said_to_have_none(client, adopted):
    f.ProgressUpdateFactory(
        recommendation=adopted,
        state="published",
        published_at=dt.datetime(2014, 12, 7, tzinfo=dt.UTC),
        proposed_completion="limited",
    )
    page = client.get("/ar/recommendations/R-WORDS/").text
    assert "لم يُبلَّغ عن أي تقدم" not in page
    assert "لم تُقيَّم بعد" in page  # the level both delegations agree on is still to come
    assert "Sin evaluar" in client.get("/es/recommendations/R-WORDS/").text


def test_a_pending_proposal_is_opened_by_a_link_that_says_review(client, ma_member, es_member):
    change = f.StatusChangeFactory(proposed_by=ma_member, proposed_side=Side.MA)
    client.force_login(es_member)
    with translation.override("es"):
        url = reverse("member-recommendation", args=[change.recommendation.reference])
        link = reverse("status-decide", args=[change.pk])
    page = client.get(url).text
    assert re.search(rf'<a href="{link}">\s*Examinar la propuesta\s*</a>', page)
    assert ">Abiertas<" not in page


def test_a_member_proposing_no_progress_says_nothing_was_done_not_that_it_is_unassessed(
    client, ma_seated, rec
):
    client.force_login(ma_seated)
    with translation.override("ar"):
        form = client.get(reverse("progress-create", args=[rec.reference])).text
    option = re.search(r'<option value="none"[^>]*>([^<]*)</option>', form)
    assert option is not None
    assert option[1] == "لم يُنجَز أي شيء بعد"
    f.ProgressUpdateFactory(
        recommendation=rec,
        state="published",
        published_at=dt.datetime(2014, 12, 7, tzinfo=dt.UTC),
        proposed_completion="none",
    )
    page = client.get(f"/en/recommendations/{rec.reference}/").text
    assert "completion: Nothing done yet" in page
    assert "completion: Not yet assessed" not in page
