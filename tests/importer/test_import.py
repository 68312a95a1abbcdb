"""import_article: the seed becomes cited, reviewable records; re-imports enrich, never duplicate."""

from __future__ import annotations

import datetime as dt

import pytest
from pghistory.models import Events

from committee.agreements.models import Agreement, Mechanism
from committee.importer.reading import Article, ArticleRefused
from committee.importer.services import import_article
from committee.importer.translation_memory import TranslationMemory
from committee.meetings.models import AgendaItem, Meeting, Participation, Statement
from committee.people.models import Organization, Person
from committee.recommendations.models import ActionPlan, Recommendation
from committee.sources.models import Citation, ImportRun, SourceDocument
from committee.subcommittees.models import Body, Membership
from tests.factories import row_counts
from tests.importer.conftest import PUBLISHED

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(seed_article, no_memory):
    return import_article(article=seed_article, published=PUBLISHED, memory=no_memory)


# --- what must NOT happen first ------------------------------------------------------------


def test_an_article_with_nothing_the_committee_tracks_is_refused_and_nothing_is_written(no_memory):
    before = row_counts()
    weather = Article(
        text="توقعت مديرية الأرصاد الجوية أن يكون الطقس غدا السبت حارا نسبيا بمعظم مناطق المملكة، "
        "مع سماء صافية إلى قليلة السحب، ورياح ضعيفة إلى معتدلة.",
        encoding="utf-8",
    )
    with pytest.raises(ArticleRefused, match="nothing the committee tracks"):
        import_article(article=weather, published=dt.date(2014, 3, 7), memory=no_memory)
    assert row_counts() == before


def test_an_article_in_an_unsupported_language_is_refused_with_a_reason(no_memory):
    before = row_counts()
    english = Article(
        text="The weather will be sunny tomorrow in most regions of the kingdom. " * 3,
        encoding="utf-8",
    )
    with pytest.raises(ArticleRefused):
        import_article(article=english, memory=no_memory)
    assert row_counts() == before


def test_a_dry_run_writes_nothing_but_reports_everything(seed_article, no_memory):
    before = row_counts()
    report = import_article(
        article=seed_article, published=PUBLISHED, dry_run=True, memory=no_memory
    )
    assert row_counts() == before
    assert report.dry_run
    assert len(report.created) > 20


def test_importing_the_same_article_again_writes_nothing(imported, seed_article, no_memory):
    before = row_counts()
    report = import_article(article=seed_article, published=PUBLISHED, memory=no_memory)
    assert report.created == []
    assert report.updated == []
    assert report.status == "unchanged"
    assert row_counts() == before, "no new rows, no new audit events, no new import run"


def test_a_failure_midway_leaves_nothing(seed_article, no_memory, monkeypatch):
    from committee.importer import recording

    def explode(self, fact, order):
        raise RuntimeError("the power went out")

    monkeypatch.setattr(recording.ArticleRecorder, "record_statement", explode)
    before = row_counts()
    with pytest.raises(RuntimeError):
        import_article(article=seed_article, published=PUBLISHED, memory=no_memory)
    assert row_counts() == before


# --- the seed, record by record --------------------------------------------------------------


def test_both_seminars_are_recorded_with_their_dates_and_precision(imported):
    second = Meeting.objects.get(kind="seminar", ordinal=2)
    assert (second.city_es, second.country, second.host_side) == ("Marrakech", "MA", "MA")
    assert (second.start_date, second.start_precision) == (dt.date(2014, 3, 6), "day")
    assert (second.end_date, second.end_precision) == (dt.date(2014, 3, 7), "day")
    assert "التطرف الظلامي وسبل مواجهته" in second.theme_ar
    assert second.status == "held"
    first = Meeting.objects.get(kind="seminar", ordinal=1)
    assert (first.city_es, first.country) == ("Córdoba", "ES")
    assert (first.start_date, first.start_precision) == (dt.date(2013, 11, 1), "month")
    assert "تحديات جديدة" in first.theme_ar


def test_the_strategic_committee_is_created_in_november_2013_and_co_chaired_by_both_directors(
    imported,
):
    committee = Body.objects.get(kind="strategic_committee")
    assert (committee.established_date, committee.established_precision) == (
        dt.date(2013, 11, 1),
        "month",
    )
    assert committee.status == "active"
    chairs = Membership.objects.filter(body=committee, role="co_chair")
    assert {chair.side for chair in chairs} == {"MA", "ES"}
    assert all(chair.person.organization.acronym in {"DGSN", "DGP"} for chair in chairs)


def test_the_follow_up_committee_and_three_subcommittees_are_proposed_with_mandates(imported):
    follow_up = Body.objects.get(kind="follow_up_committee")
    assert follow_up.status == "proposed"
    assert "تتبع تنفيذ التوصيات" in follow_up.mandate_ar
    subcommittees = Body.objects.filter(kind="subcommittee")
    assert subcommittees.count() == 3
    assert all(body.mandate_ar for body in subcommittees)
    assert all(
        body.parent == Body.objects.get(kind="strategic_committee") for body in subcommittees
    )
    assert all(body.created_by_recommendation is not None for body in (*subcommittees, follow_up))


def test_both_organisations_are_recorded_with_names_in_four_languages(imported):
    dgsn, dgp = Organization.objects.get(acronym="DGSN"), Organization.objects.get(acronym="DGP")
    assert (dgsn.side, dgp.side) == ("MA", "ES")
    assert all(org.name_ar and org.name_es and org.name_fr and org.name_en for org in (dgsn, dgp))


def test_each_director_general_is_one_person_despite_spelling_variants(imported):
    assert Person.objects.count() == 2
    dgsn_head = Person.objects.get(organization__acronym="DGSN")
    assert Person.objects.matching_name("بوشعيب ارميل").get() == dgsn_head
    assert Person.objects.matching_name("بوشعيب أرميل").get() == dgsn_head
    assert dgsn_head.aliases.count() >= 1
    assert Person.objects.get(organization__acronym="DGP").side == "ES"


def test_each_recommendation_is_its_own_record_and_compound_ones_are_split(imported):
    second = Meeting.objects.get(kind="seminar", ordinal=2)
    adopted = Recommendation.objects.filter(adoptions__meeting=second)
    assert adopted.count() >= 8
    compound = (
        Recommendation.objects.filter(children__isnull=False, parent__isnull=True).distinct().get()
    )
    assert compound.children.count() == 3
    assert {child.reference for child in compound.children.all()} == {
        f"{compound.reference}.{n}" for n in (1, 2, 3)
    }
    assert Recommendation.objects.filter(kind="standing").exists()
    assert all(
        reference.startswith("SEM2-2014-R")
        for reference in adopted.values_list("reference", flat=True)
    )
    assert all(r.needs_review and r.visibility == "public" for r in adopted)


def test_the_action_plan_agreement_and_joint_stations_are_recorded(imported):
    plan = ActionPlan.objects.get()
    assert (plan.period_start, plan.period_end) == (2014, 2014)
    assert plan.recommendations.filter(kind="adopts_plan").exists()
    agreement = Agreement.objects.get()
    assert (agreement.signed_date, agreement.signed_precision) == (dt.date(2013, 4, 1), "month")
    assert "الهجرة غير المشروعة" in agreement.subject_ar
    assert set(agreement.parties.values_list("acronym", flat=True)) == {"DGSN", "DGP"}
    stations = Mechanism.objects.get(kind="joint_police_station")
    assert "Tánger Med" in stations.location_es
    assert "Algeciras" in stations.location_es


def test_presentations_become_agenda_items_and_statements_have_the_right_speaker(imported):
    second = Meeting.objects.get(kind="seminar", ordinal=2)
    assert AgendaItem.objects.filter(meeting=second).count() >= 4
    dgp_head = Person.objects.get(organization__acronym="DGP")
    verbatim = Statement.objects.filter(is_verbatim=True)
    assert verbatim.exists()
    assert all(statement.person == dgp_head for statement in verbatim)
    assert set(Participation.objects.filter(meeting=second).values_list("side", flat=True)) == {
        "MA",
        "ES",
    }


def test_every_record_cites_words_of_the_article_exactly(imported):
    source = SourceDocument.objects.get()
    citations = Citation.objects.filter(source=source)
    assert citations.count() > 30
    for citation in citations:
        assert source.text[citation.start : citation.end] == citation.quote
    for model in (
        Meeting,
        Body,
        Person,
        Organization,
        Recommendation,
        ActionPlan,
        Agreement,
        Mechanism,
        Statement,
        AgendaItem,
    ):
        for record in model.objects.all():
            assert Citation.objects.of(record).exists(), (
                f"{model.__name__} {record} has no citation"
            )


def test_the_import_run_records_the_outcome(imported):
    run = ImportRun.objects.get()
    assert run.status == "succeeded"
    assert run.created == len(imported.created)
    assert run.report["created"]


def test_imported_records_are_audited(imported):
    assert Events.objects.filter(pgh_obj_model="meetings.Meeting", pgh_label="insert").exists()


# --- translations ----------------------------------------------------------------------------


def test_the_translation_memory_fills_other_languages_at_import(seed_article):
    memory = TranslationMemory(
        {
            "تحديات جديدة .. مزيدا من التعاون": {
                "es": "Nuevos desafíos: más cooperación",
                "fr": "Nouveaux défis",
                "en": "New challenges",
            }
        }
    )
    import_article(article=seed_article, published=PUBLISHED, memory=memory)
    first = Meeting.objects.get(kind="seminar", ordinal=1)
    assert first.theme_es == "Nuevos desafíos: más cooperación"
    assert first.theme_en == "New challenges"


def test_the_seeds_translation_file_covers_everything_the_seed_yields(seed_article):
    from committee.importer.services import translation_memory

    import_article(article=seed_article, published=PUBLISHED, memory=translation_memory())
    from committee.languages import translated_attributes

    missing = []
    for model in (
        Meeting,
        Body,
        Person,
        Organization,
        Recommendation,
        ActionPlan,
        Agreement,
        Mechanism,
        Statement,
        AgendaItem,
    ):
        for record in model.objects.all():
            for attribute in translated_attributes(model):
                values = attribute.values(record)
                if values["ar"]:
                    missing += [
                        f"{model.__name__}.{attribute.name}_{code}: {values['ar'][:50]}"
                        for code in ("es", "fr", "en")
                        if not values[code]
                    ]
    assert missing == []


# --- a second report of the same meeting enriches, never duplicates -------------------------


def test_a_second_report_of_the_same_seminar_enriches_and_duplicates_nothing(imported, no_memory):
    from tests.importer.conftest import article_file

    before = {
        model: model.objects.count()
        for model in (Meeting, Person, Body, Recommendation, Organization)
    }
    report = import_article(
        article=article_file("005_seed_seminar_retold.txt"),
        published=dt.date(2014, 3, 8),
        memory=no_memory,
    )
    after = {model: model.objects.count() for model in before}
    assert after == before, report.as_text()
    cosido = Person.objects.get(organization__acronym="DGP")
    assert Person.objects.matching_name("إغناسيو كوسيدو").get() == cosido, (
        "the new spelling became an alias"
    )
    second = Meeting.objects.get(kind="seminar", ordinal=2)
    assert Citation.objects.of(second).values("source").distinct().count() == 2, (
        "cited by both articles"
    )
    assert SourceDocument.objects.count() == 2


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example.org/a.txt"])
def test_the_service_refuses_an_address_that_is_not_http(seed_article, no_memory, url):
    """Whatever calls it (command, seeds and their .json, the admin), the service refuses."""
    before = row_counts()
    with pytest.raises(ArticleRefused, match="http:// or https://"):
        import_article(article=seed_article, url=url, memory=no_memory)
    assert row_counts() == before
