"""A reader in Rabat sees dates as Moroccan administrations write them: the day first, the
month by its Moroccan name, a meeting's two days said once, and the meeting that adopted a
recommendation named and one click away."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from committee.recommendations.models import Status
from tests import factories as f

MASHRIQ = ("نوفمبر", "ديسمبر", "أغسطس", "سبتمبر")


def test_an_arabic_reader_sees_a_moroccan_month_day_first_and_reaches_the_meeting(
    transactional_db, live_server, page
):
    meeting = f.MeetingFactory(
        title_ar="الدورة الثالثة للجنة",
        start_date=dt.date(2013, 11, 28),
        end_date=dt.date(2013, 11, 29),
    )
    recommendation = f.RecommendationFactory(reference="R-DATES", status=Status.ADOPTED)
    f.AdoptionFactory(recommendation=recommendation, meeting=meeting)

    page.goto(f"{live_server.url}/ar/recommendations/R-DATES/")
    adoption = page.locator(".adoption")
    expect(adoption).to_have_text("اعتُمدت خلال الدورة الثالثة للجنة، 28–29 نونبر 2013")
    text = page.locator("main").inner_text()
    assert not any(name in text for name in MASHRIQ)
    assert "11/28" not in text

    adoption.get_by_role("link", name="الدورة الثالثة للجنة").click()
    expect(page).to_have_url(f"{live_server.url}/ar/meetings/{meeting.pk}/")
    dates = page.locator("main dd").filter(has_text="نونبر").first
    expect(dates).to_contain_text("28–29 نونبر 2013")
    # Day first as read right to left: the 28 stands right of the month's name.
    day = dates.evaluate(
        """dd => { const range = document.createRange(); const text = dd.firstChild;
        const at = text.textContent.indexOf('28'); range.setStart(text, at);
        range.setEnd(text, at + 2); return range.getBoundingClientRect().x; }"""
    )
    month = dates.evaluate(
        """dd => { const range = document.createRange(); const text = dd.firstChild;
        const at = text.textContent.indexOf('نونبر'); range.setStart(text, at);
        range.setEnd(text, at + 5); return range.getBoundingClientRect().x; }"""
    )
    assert day > month
    assert not any(name in page.locator("main").inner_text() for name in MASHRIQ)
