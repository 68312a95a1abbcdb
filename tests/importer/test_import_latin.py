"""French and Spanish articles: imported like Arabic ones, merged with what Arabic ones made."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from committee.importer.reading import Article, ArticleRefused
from committee.importer.services import import_article, translation_memory
from committee.meetings.models import Meeting
from committee.people.models import Person, PersonAlias
from committee.recommendations.models import Recommendation
from committee.sources.models import Citation, SourceDocument
from committee.subcommittees.models import Body
from tests.factories import row_counts
from tests.importer.conftest import PUBLISHED, article_file

pytestmark = pytest.mark.django_db

SPANISH = "030_spanish_second_seminar_marrakech.txt"
FRENCH = "008_french_dispatch.txt"


def cited_in(record, source: SourceDocument) -> list[Citation]:
    kind = ContentType.objects.get_for_model(record)
    return list(Citation.objects.filter(source=source, content_type=kind, object_id=record.pk))


# --- what must NOT happen first ------------------------------------------------------------


def test_a_french_article_with_nothing_the_committee_tracks_is_refused(no_memory):
    before = row_counts()
    weather = Article(
        text="La météo annonce pour demain un temps ensoleillé sur la plupart des régions du "
        "royaume, avec des vents faibles et des températures en légère hausse.",
        encoding="utf-8",
    )
    with pytest.raises(ArticleRefused, match="nothing the committee tracks"):
        import_article(article=weather, published=dt.date(2026, 3, 12), memory=no_memory)
    assert row_counts() == before


def test_an_english_article_is_still_refused_and_the_error_names_the_languages(no_memory):
    english = Article(
        text="The strategic security committee of the two police forces met in Madrid. " * 2,
        encoding="utf-8",
    )
    with pytest.raises(ArticleRefused, match="Arabic, French and Spanish"):
        import_article(article=english, published=PUBLISHED, memory=no_memory)


# --- a Spanish article about the seed's seminar ---------------------------------------------


@pytest.fixture
def seed_then_spanish(seed_article):
    memory = translation_memory()  # gives the seed's records their Spanish names
    import_article(article=seed_article, published=PUBLISHED, memory=memory)
    seminar = Meeting.objects.get(kind="seminar", ordinal=2)
    before = {
        "title_ar": seminar.title_ar,
        "original_language": seminar.original_language,
        "people": Person.objects.count(),
        "meetings": Meeting.objects.count(),
    }
    report = import_article(article=article_file(SPANISH), published=PUBLISHED, memory=memory)
    source = SourceDocument.objects.get(pk=report.source)
    return before, source


def test_the_spanish_report_of_the_seed_s_seminar_is_the_same_meeting(seed_then_spanish):
    before, source = seed_then_spanish
    assert source.language == source.original_language == "es"
    assert Meeting.objects.count() == before["meetings"]  # the second seminar and the first
    seminar = Meeting.objects.get(kind="seminar", ordinal=2)
    assert (seminar.title_ar, seminar.original_language) == (
        before["title_ar"],
        before["original_language"],
    )
    citations = cited_in(seminar, source)
    assert citations
    for citation in citations:
        assert source.text[citation.start : citation.end] == citation.quote
    assert any("II Seminario" in citation.quote for citation in citations)


def test_the_spanish_director_is_the_seed_s_director_under_his_spanish_name(seed_then_spanish):
    before, source = seed_then_spanish
    assert Person.objects.count() == before["people"]
    director = Person.objects.get(name_es__unaccent__iexact="Ignacio Cosido")
    assert director.name_ar  # the Arabic original stays
    assert cited_in(director, source)
    assert "Ignacio Cosidó" in set(director.aliases.values_list("name", flat=True))


def test_what_only_the_spanish_article_says_has_spanish_as_its_original(seed_then_spanish):
    _, source = seed_then_spanish
    training = Recommendation.objects.get(text_es__startswith="intensificar la formación")
    assert (training.original_language, training.text_ar) == ("es", "")
    assert cited_in(training, source)
    assert Body.objects.filter(kind="strategic_committee").count() == 1
    assert Body.objects.filter(kind="follow_up_committee").count() == 1


def test_importing_the_spanish_article_again_writes_nothing(seed_then_spanish):
    before = row_counts()
    report = import_article(
        article=article_file(SPANISH), published=PUBLISHED, memory=translation_memory()
    )
    assert report.status == "unchanged"
    assert row_counts() == before


def test_the_french_dispatch_adds_to_the_same_seminar_too(seed_then_spanish):
    report = import_article(
        article=article_file(FRENCH), published=PUBLISHED, memory=translation_memory()
    )
    source = SourceDocument.objects.get(pk=report.source)
    seminar = Meeting.objects.get(kind="seminar", ordinal=2)
    assert source.language == "fr"
    assert cited_in(seminar, source)
    assert Meeting.objects.filter(kind="seminar", ordinal=2).count() == 1


def test_a_person_is_matched_across_scripts_by_a_latin_alias_already_known(seed_article, no_memory):
    import_article(article=seed_article, published=PUBLISHED, memory=no_memory)
    director = Person.objects.get(aliases__normalized__contains="كوسيدو")
    assert director.name_es == ""  # no translation memory: only an alias can tell
    PersonAlias.objects.create(person=director, name="Ignacio Cosidó")
    people = Person.objects.count()
    import_article(article=article_file(SPANISH), published=PUBLISHED, memory=no_memory)
    assert Person.objects.count() == people + 1  # his Moroccan counterpart has no Latin alias
    director.refresh_from_db()
    assert director.name_es == "Ignacio Cosidó"


def test_a_french_article_alone_makes_french_original_records(no_memory):
    report = import_article(
        article=article_file("029_french_strategic_session_rabat.txt"),
        published=dt.date(2026, 3, 12),
        memory=no_memory,
    )
    source = SourceDocument.objects.get(pk=report.source)
    session = Meeting.objects.get(kind="strategic_committee_session", ordinal=3)
    assert (session.original_language, session.title_ar) == ("fr", "")
    assert session.title_fr.startswith("troisième session du Comité stratégique")
    director = Person.objects.get(name_fr="Abdellatif Hammouchi")
    assert (director.original_language, director.side) == ("fr", "MA")
    group = Body.objects.get(kind="working_group")
    assert (group.mandate_fr, group.status) == ("la lutte contre la cybercriminalité", "proposed")
    for record in (session, director, group):
        citations = cited_in(record, source)
        assert citations
        assert all(source.text[c.start : c.end] == c.quote for c in citations)
