"""Every change to committee data leaves an audit event with who, when and through which path."""

from __future__ import annotations

import pghistory
import pytest
from django.apps import apps
from django.db import connection
from pghistory.models import Events

from committee.audit import command_context
from committee.recommendations.models import Recommendation
from committee.write_paths import through_service
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.server]


def events_of(record):
    return list(Events.objects.tracks(record).order_by("pgh_id"))


def test_every_committee_model_is_audited():
    tracked = {
        event_model.pgh_tracked_model
        for event_model in apps.get_models()
        if hasattr(event_model, "pgh_tracked_model")
    }
    ours = [
        model
        for model in apps.get_models()
        if model._meta.app_label
        in {"people", "subcommittees", "meetings", "recommendations", "agreements", "sources"}
        and not hasattr(model, "pgh_tracked_model")
        and model.__name__ not in {"ImportRun"}
    ]
    assert ours
    missing = [model.__name__ for model in ours if model not in tracked]
    assert missing == []


def test_a_save_is_recorded_with_its_context():
    recommendation = f.RecommendationFactory()
    with pghistory.context(path="web", user=None), through_service():
        recommendation.status = "in_progress"
        recommendation.save()
    update = events_of(recommendation)[-1]
    assert update.pgh_label == "update"
    assert update.pgh_context["path"] == "web"
    assert update.pgh_diff["status"] == ["adopted", "in_progress"]


def test_a_bulk_update_is_recorded_for_every_row():
    first, second = f.RecommendationFactory(), f.RecommendationFactory()
    with command_context("bulk_test"):
        Recommendation.objects.filter(pk__in=[first.pk, second.pk]).update(priority="high")
    for record in (first, second):
        update = events_of(record)[-1]
        assert update.pgh_label == "update"
        assert update.pgh_context == {"path": "command", "command": "bulk_test"}


def test_raw_sql_is_recorded_too():
    recommendation = f.RecommendationFactory()
    with command_context("shell"), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE recommendations_recommendation SET priority = 'low' WHERE id = %s",
            [recommendation.pk],
        )
    update = events_of(recommendation)[-1]
    assert update.pgh_diff["priority"] == ["normal", "low"]
    assert update.pgh_context["path"] == "shell"


def test_a_save_that_changes_nothing_records_nothing():
    recommendation = f.RecommendationFactory()
    before = len(events_of(recommendation))
    recommendation.save()
    assert len(events_of(recommendation)) == before


def test_a_delete_is_recorded():
    person = f.PersonFactory()
    pk = person.pk
    person.delete()
    assert Events.objects.filter(
        pgh_obj_model="people.Person", pgh_obj_id=str(pk), pgh_label="delete"
    ).exists()


def test_audit_events_cannot_be_altered():
    recommendation = f.RecommendationFactory()
    event_model = apps.get_model("recommendations", "RecommendationEvent")
    from django.db import ProgrammingError, transaction

    with pytest.raises(ProgrammingError, match="Cannot update or delete"), transaction.atomic():
        event_model.objects.filter(pgh_obj_id=recommendation.pk).update(priority="high")
    with pytest.raises(ProgrammingError, match="Cannot update or delete"), transaction.atomic():
        event_model.objects.filter(pgh_obj_id=recommendation.pk).delete()


def test_an_import_is_recorded_with_its_context():
    from committee.importer.reading import Article
    from committee.importer.services import import_article
    from committee.importer.translation_memory import TranslationMemory
    from committee.meetings.models import Meeting
    from tests.importer.conftest import PUBLISHED, SEED

    article = Article(text=SEED.read_text(encoding="utf-8"), encoding="utf-8", file_name=SEED.name)
    with command_context("import_article"):
        import_article(article=article, published=PUBLISHED, memory=TranslationMemory())
    meeting = Meeting.objects.get(kind="seminar", ordinal=2)
    insert = events_of(meeting)[0]
    assert insert.pgh_label == "insert"
    assert insert.pgh_context == {
        "path": "command",
        "command": "import_article",
        "operation": "import_article",
        "article": SEED.name,
    }
