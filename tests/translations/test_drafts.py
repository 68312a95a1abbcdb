"""Machine drafts of missing translations, asked of a real (local) LibreTranslate server."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from pghistory.models import Events

from committee.importer.reading import Article
from committee.importer.services import import_article
from committee.importer.translation_memory import TranslationMemory
from committee.languages import CODES
from committee.recommendations.models import Recommendation
from committee.translations.backends import LibreTranslate, TranslationError
from committee.translations.models import FieldTranslation, State
from committee.translations.services import (
    DraftFailed,
    draft_missing,
    field_names,
    translatable_models,
)
from tests.importer.conftest import PUBLISHED, SEED

pytestmark = pytest.mark.django_db


def texts() -> dict[tuple[str, int, str], str]:
    """Every translatable column of every record."""
    found = {}
    for model in translatable_models():
        columns = [f"{name}_{code}" for name in field_names(model) for code in CODES]
        for row in model._base_manager.values("pk", *columns):
            for column in columns:
                found[(model._meta.label_lower, row["pk"], column)] = row[column]
    return found


def counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"translations", "recommendations", "meetings", "people", "subcommittees", "agreements"}
    }


@pytest.fixture
def imported():
    article = Article(text=SEED.read_text(encoding="utf-8"), encoding="utf-8", file_name=SEED.name)
    return import_article(article=article, published=PUBLISHED, memory=TranslationMemory())


def machine_drafts() -> int:
    return FieldTranslation.objects.filter(state=State.MACHINE).count()


# --- what must NOT happen first ------------------------------------------------------------


def test_without_a_service_url_nothing_changes(imported, settings, capsys):
    settings.TRANSLATION_SERVICE_URL = ""
    before, columns = counts(), texts()
    report = draft_missing()
    assert report.service == "" and not report.drafted
    call_command("translate_missing")
    assert "No translation service configured" in capsys.readouterr().out
    assert counts() == before and texts() == columns


def test_a_server_error_is_reported_clearly_and_nothing_is_written(imported, libretranslate):
    libretranslate.mode = "error"
    before, columns = counts(), texts()
    with pytest.raises(DraftFailed, match="HTTP 500: Translation engine crashed") as failure:
        draft_missing()
    assert failure.value.report.drafted == []
    assert counts() == before and texts() == columns
    with pytest.raises(CommandError, match="HTTP 500: Translation engine crashed"):
        call_command("translate_missing")
    assert texts() == columns


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("bad json", "not JSON"),
        ("no text", "without a translated text"),
        ("slow", "did not answer within 1"),
    ],
)
def test_a_bad_answer_is_a_clear_error_and_nothing_is_written(
    imported, libretranslate, mode, message
):
    libretranslate.mode = mode
    before, columns = counts(), texts()
    with pytest.raises(DraftFailed, match=message):
        draft_missing(language="es")
    assert counts() == before and texts() == columns


def test_an_unreachable_service_is_a_clear_error():
    with pytest.raises(TranslationError, match="could not be reached"):
        LibreTranslate("http://127.0.0.1:9", timeout=1).translate("نص", "ar", "es")
    with pytest.raises(TranslationError, match="not an http"):
        LibreTranslate("file:///etc/passwd")


def test_a_failure_midway_keeps_whole_drafts_and_leaves_the_failing_field_untouched(
    imported, libretranslate
):
    libretranslate.fail_after = 3
    with pytest.raises(DraftFailed) as failure:
        draft_missing(language="fr")
    drafted = failure.value.report.drafted
    assert len(drafted) == 3 and machine_drafts() == 3
    for item in drafted:
        assert getattr(item.model._base_manager.get(pk=item.pk), f"{item.field}_fr")
    failed = failure.value.missing
    assert getattr(failed.model._base_manager.get(pk=failed.pk), f"{failed.field}_fr") == ""
    with pytest.raises(CommandError):
        call_command("translate_missing", "--language", "fr")


# --- what must happen -------------------------------------------------------------------------


def test_every_empty_field_of_an_imported_arabic_record_gets_a_marked_draft(
    imported, libretranslate
):
    recommendation = Recommendation.objects.order_by("pk").first()
    recommendation.text_es = "Texto revisado por la secretaría."
    recommendation.save()
    assert FieldTranslation.objects.of(recommendation).get(field="text", language="es").state == (
        State.HUMAN
    )
    before = texts()

    report = draft_missing()

    assert report.drafted and libretranslate.requests[0]["api_key"] == "secret-key"
    after = texts()
    for (model, pk, column), text in before.items():
        if text:
            assert after[(model, pk, column)] == text  # human and original texts untouched
    for model in translatable_models():
        for record in model._base_manager.all():
            original = record.original_language
            for name in field_names(model):
                if not getattr(record, f"{name}_{original}"):
                    continue
                for code in CODES:
                    assert getattr(record, f"{name}_{code}"), (record, name, code)
    recommendation.refresh_from_db()
    assert recommendation.text_es == "Texto revisado por la secretaría."
    states = dict(
        FieldTranslation.objects.of(recommendation)
        .filter(field="text")
        .values_list("language", "state")
    )
    assert states == {"ar": "original", "es": "human", "fr": "machine", "en": "machine"}
    assert recommendation.text_fr == f"[fr] {recommendation.text_ar}"

    asked = len(libretranslate.requests)
    again = draft_missing()
    assert again.drafted == [] and len(libretranslate.requests) == asked
    assert texts() == after


def test_the_command_prints_what_it_drafted(imported, libretranslate, capsys):
    call_command("translate_missing", "--language", "es", "--dry-run")
    out = capsys.readouterr().out
    assert "would draft" in out and machine_drafts() == 0 and not libretranslate.requests
    call_command("translate_missing", "--language", "es")
    out = capsys.readouterr().out
    assert "drafted recommendations.recommendation" in out and "ar → es" in out
    assert not FieldTranslation.objects.filter(state=State.MACHINE).exclude(language="es")


def test_a_human_edit_of_a_draft_makes_it_human(imported, libretranslate):
    draft_missing(language="en")
    recommendation = Recommendation.objects.order_by("pk").first()
    state = FieldTranslation.objects.of(recommendation).get(field="text", language="en")
    assert state.state == State.MACHINE
    recommendation.text_en = "Checked by the secretariat."
    recommendation.save()
    state.refresh_from_db()
    assert state.state == State.HUMAN


def test_the_public_page_shows_the_draft_with_its_marker(imported, libretranslate, client):
    draft_missing(language="es")
    recommendation = Recommendation.objects.public().order_by("pk").first()
    page = client.get(f"/es/recommendations/{recommendation.reference}/").text
    assert f"[es] {recommendation.text_ar}"[:40] in page
    assert "traducción automática" in page
    arabic = client.get(f"/ar/recommendations/{recommendation.reference}/").text
    assert "ترجمة آلية" not in arabic


def test_the_audit_trail_records_the_draft_as_a_machine_draft(imported, libretranslate):
    draft_missing(language="es")
    recommendation = Recommendation.objects.order_by("pk").first()
    update = Events.objects.filter(
        pgh_obj_model="recommendations.Recommendation",
        pgh_obj_id=recommendation.pk,
        pgh_label="update",
    ).latest("pgh_created_at")
    assert update.pgh_context["machine_draft"] is True
    assert update.pgh_context["translation_service"].startswith("LibreTranslate http://127.0.0.1")
    assert update.pgh_data["text_es"].startswith("[es] ")
