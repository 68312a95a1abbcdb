"""What a reader sees of the sources, in the browser: each article once, its sentences folded
until asked for, and the article's page marking only the record the reader came from."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from committee.meetings.models import Meeting
from tests.browser.seed import REFERENCE


@pytest.mark.parametrize("language", ["ar", "es"])
def test_a_meeting_shows_each_source_once_with_its_sentences_folded(seeded, page, language):
    meeting = Meeting.objects.get(kind="seminar", ordinal=2)
    page.goto(f"{seeded.url}/{language}/meetings/{meeting.pk}/")
    sources = page.locator("section.sources")
    expect(sources.locator("ul.cited-sources > li")).to_have_count(1)  # one seed article
    folded = sources.locator("details.passages")
    expect(folded).to_have_count(1)
    passages = folded.locator("blockquote.passage")
    assert not passages.first.is_visible()  # folded until the reader opens it
    assert folded.get_attribute("open") is None
    folded.locator("summary").click()
    expect(passages.first).to_be_visible()
    for passage in passages.all():
        assert len(passage.inner_text().split()) > 3, "a sentence, never a one-word quote"
        expect(passage).to_have_attribute("dir", "rtl")  # the article's Arabic, on any page


@pytest.mark.parametrize("language", ["ar", "es"])
def test_the_article_marks_only_the_record_the_reader_came_from(seeded, page, language):
    page.goto(f"{seeded.url}/{language}/recommendations/{REFERENCE}/")
    link = page.locator("section.sources p.cited-article a").first
    assert "?record=recommendation-" in (link.get_attribute("href") or "")
    link.click()
    marked = page.locator(".article-text mark")
    expect(marked.first).to_be_visible()
    text = page.locator(".article-text").inner_text()
    marked_chars = sum(len(piece) for piece in marked.all_inner_texts())
    assert marked_chars < len(text) / 3, "only this recommendation's words, not the article"
