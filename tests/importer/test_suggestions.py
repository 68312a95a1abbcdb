"""Doubtful facts are suggested to the secretariat, never recorded silently."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from committee.importer.reading import Article, ArticleRefused
from committee.importer.services import import_article
from committee.meetings.models import Meeting
from committee.people.models import Person
from committee.sources.models import Citation, ImportRun, SourceDocument
from tests.factories import row_counts
from tests.importer.extraction.test_confidence import ARTICLE, PUBLISHED

pytestmark = pytest.mark.django_db
IMPORT = reverse("admin:sources_sourcedocument_import")


def article() -> Article:
    return Article(text=ARTICLE, encoding="utf-8", file_name="working_meeting.txt")


def first_name_only() -> bool:
    return Person.objects.filter(name_ar="كريم").exists()


def test_a_doubtful_person_is_not_recorded_but_suggested(no_memory):
    report = import_article(article=article(), published=PUBLISHED, memory=no_memory)
    assert not first_name_only()
    assert Person.objects.filter(name_ar="عبد اللطيف حموشي").exists()
    assert Meeting.objects.count() == 1
    (suggestion,) = report.suggested
    assert suggestion.label == "كريم"
    saved = ImportRun.objects.get().report["suggested"]
    assert [item["key"] for item in saved] == [suggestion.key]
    assert "accept with --accept" in report.as_text()


def test_an_accepted_suggestion_is_recorded_with_its_citation_on_a_second_import(no_memory):
    first = import_article(article=article(), published=PUBLISHED, memory=no_memory)
    key = first.suggested[0].key
    again = import_article(article=article(), published=PUBLISHED, memory=no_memory, accepted=[key])
    person = Person.objects.get(name_ar="كريم")
    assert again.suggested == [] and ("people.person", person.pk) in {
        (c.model, c.pk) for c in again.created
    }
    (citation,) = Citation.objects.of(person)  # type: ignore[attr-defined]
    assert ARTICLE[citation.start : citation.end] == citation.quote
    assert SourceDocument.objects.count() == 1


def test_accepting_what_is_not_a_suggestion_is_refused_and_writes_nothing(no_memory):
    before = row_counts()
    with pytest.raises(ArticleRefused, match="meeting:7 is not a suggestion"):
        import_article(
            article=article(), published=PUBLISHED, memory=no_memory, accepted=["meeting:7"]
        )
    assert row_counts() == before


def test_the_command_lists_suggestions_and_accepts_them(tmp_path, capsys):
    path = tmp_path / "working_meeting.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    call_command("import_article", str(path), "--published", "2026-03-12")
    assert "Suggested, not saved 1" in capsys.readouterr().out
    assert not first_name_only()
    with pytest.raises(CommandError, match="not a suggestion"):
        call_command("import_article", str(path), "--accept", "person:1")
    call_command("import_article", str(path), "--accept", "person:3", "--format", "json")
    assert first_name_only()


def preview(client):
    return client.post(
        IMPORT, {"text": ARTICLE, "published": "2026-03-12", "url": "", "visibility": "public"}
    )


def confirmed(response, **extra):
    confirm = response.context["confirm"]
    data = {name: confirm[name].value() or "" for name in confirm.fields}
    return {**data, "save": "1", **extra}


def test_the_preview_shows_the_suggestion_unticked_and_saving_leaves_it_out(client, ma_secretariat):
    client.force_login(ma_secretariat)
    response = preview(client)
    assert 'name="accept" value="person:3"' in response.text
    assert 'value="person:3" checked' not in response.text
    assert "named without an office or institution" in response.text
    client.post(IMPORT, confirmed(response))
    assert not first_name_only()
    assert Person.objects.filter(name_ar="عبد اللطيف حموشي").exists()


def test_a_ticked_suggestion_is_saved(client, ma_secretariat):
    client.force_login(ma_secretariat)
    saved = client.post(IMPORT, confirmed(preview(client), accept=["person:3"]))
    assert saved.status_code == 302 and first_name_only()


def test_a_forged_suggestion_key_saves_nothing_and_says_why(client, ma_secretariat):
    client.force_login(ma_secretariat)
    response = preview(client)
    before = row_counts()
    saved = client.post(IMPORT, confirmed(response, accept=["meeting:1"]), follow=True)
    assert "is not a suggestion" in saved.text
    assert row_counts() == before


def test_suggestions_can_be_reviewed_again_only_by_who_may_import_and_see_the_article(
    client, ma_member, ma_secretariat, es_secretariat, no_memory
):
    import_article(article=article(), published=PUBLISHED, memory=no_memory, visibility="ma")
    source = SourceDocument.objects.get()
    url = reverse("admin:sources_sourcedocument_suggestions", args=[source.pk])
    client.force_login(ma_member)
    assert client.get(url).status_code == 302  # not staff: sent to the admin's login
    client.force_login(es_secretariat)
    assert client.get(url).status_code == 404  # a Moroccan-only article
    client.force_login(ma_secretariat)
    page = client.get(url)
    assert page.status_code == 200 and 'name="accept" value="person:3"' in page.text
    client.post(IMPORT, confirmed(page, accept=["person:3"]))
    assert first_name_only()
    assert Person.objects.get(name_ar="كريم").visibility == "ma"
