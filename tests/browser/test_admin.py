"""Journey 4 of issue 9: the secretariat uploads an article, reviews, saves, and reads the
result on the public site."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from committee.bilateral import Role, Side
from committee.meetings.models import Meeting
from committee.sources.models import SourceDocument
from tests import factories as f
from tests.browser.conftest import log_in, new_context
from tests.importer.conftest import ARTICLES

#: The announcement of the third seminar (Madrid, May 2015): a meeting and two people that the
#: seed article does not hold.
ARTICLE = ARTICLES / "001_announcement_third_seminar.txt"


def test_the_secretariat_uploads_reviews_saves_and_finds_the_records_in_public(
    seeded, browser, page
):
    base = seeded.url
    f.UserFactory(username="ma_secretariat", side=Side.MA, role=Role.SECRETARIAT, is_staff=True)
    assert not Meeting.objects.filter(kind="seminar", ordinal=3).exists()
    sources = SourceDocument.objects.count()

    log_in(page, base, "ma_secretariat", language="en")
    page.goto(f"{base}/en/admin/sources/sourcedocument/import/")
    page.locator("input[name=file]").set_input_files(ARTICLE)
    page.locator("input[name=published]").fill("2015-04-20")
    page.locator("select[name=visibility]").select_option("public")
    page.locator("input[name=preview]").click()

    # The review: what would be created, the article with the words each fact came from.
    preview = page.locator(".import-preview")
    expect(preview).to_contain_text("would be created")
    expect(preview).to_contain_text("عبد الرحيم الوزاني")
    marks = preview.locator(".source-text mark")
    expect(marks.first).to_be_visible()
    assert marks.count() >= 3
    assert preview.locator(".source-text").evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert SourceDocument.objects.count() == sources  # nothing saved by the preview

    page.locator("input[name=save]").click()
    expect(page).to_have_url(re.compile(r"/en/admin/sources/sourcedocument/\d+/change/$"))
    assert SourceDocument.objects.count() == sources + 1
    meeting = Meeting.objects.get(kind="seminar", ordinal=3)

    # The public site, as a visitor reading Arabic.
    visitor = new_context(browser)
    try:
        public = visitor.new_page()
        public.goto(f"{base}/ar/meetings/")
        link = public.locator(f"main a[href='/ar/meetings/{meeting.pk}/']").first
        expect(link).to_be_visible()
        link.click()
        expect(public.locator("main")).to_contain_text("مدريد")
        expect(public.locator("main")).to_contain_text("الجريمة المنظمة العابرة للحدود")
        public.goto(f"{base}/ar/search/?q=الوزاني")
        expect(public.locator("main h2 a").filter(has_text="عبد الرحيم الوزاني")).to_be_visible()
    finally:
        visitor.close()
