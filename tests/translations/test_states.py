"""Each field's text in each language says where it came from, whichever path saved it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from committee.languages import written
from committee.translations.models import FieldTranslation
from committee.translations.services import draft_missing
from tests import factories as f

pytestmark = pytest.mark.django_db


def states(record, field="name"):
    return dict(
        FieldTranslation.objects.of(record).filter(field=field).values_list("language", "state")
    )


def test_a_plain_text_is_never_marked_and_an_original_is_not_a_draft():
    organization = f.OrganizationFactory(
        acronym="DGX", name_ar="مديرية", name_es="", name_fr="", name_en=""
    )
    assert "machine-draft" not in written("مديرية", "ar")
    assert "machine-draft" not in written(organization.name)
    assert states(organization) == {"ar": "original"}


def test_an_admin_edit_of_a_machine_draft_makes_it_human_with_who_changed_it(
    client, ma_secretariat, libretranslate
):
    organization = f.OrganizationFactory(
        acronym="DGX", name_ar="مديرية", name_es="", name_fr="", name_en=""
    )
    draft_missing()
    organization.refresh_from_db()
    assert states(organization) == {
        "ar": "original",
        "es": "machine",
        "fr": "machine",
        "en": "machine",
    }
    client.force_login(ma_secretariat)
    response = client.post(
        reverse("admin:people_organization_change", args=[organization.pk]),
        {
            "acronym": "DGX",
            "side": "MA",
            "kind": "police",
            "name_ar": organization.name_ar,
            "name_es": "Dirección revisada",
            "name_fr": organization.name_fr,
            "name_en": organization.name_en,
            "visibility": "public",
            "original_language": "ar",
            "seen_version": organization.version,
            "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
            "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert states(organization) == {
        "ar": "original",
        "es": "human",
        "fr": "machine",
        "en": "machine",
    }
    edited = FieldTranslation.objects.of(organization).get(field="name", language="es")
    assert edited.changed_by == ma_secretariat and edited.service == ""
    organization.refresh_from_db()
    assert organization.name_fr == "[fr] مديرية"


def test_emptying_a_translation_forgets_its_state():
    organization = f.OrganizationFactory(acronym="DGX", name_ar="مديرية", name_es="Dirección")
    assert states(organization) == {"ar": "original", "es": "human"}
    organization.name_es = ""
    organization.save()
    assert states(organization) == {"ar": "original"}


def test_a_save_of_untranslated_columns_reads_nothing_more_and_a_text_column_is_marked(
    django_assert_num_queries,
):
    organization = f.OrganizationFactory(
        acronym="DGX", name_ar="مديرية", name_es="", name_fr="", name_en=""
    )
    organization.acronym = "DGY"
    with django_assert_num_queries(1):  # the UPDATE alone: no read of the texts before it
        organization.save(update_fields=["acronym"])
    assert states(organization) == {"ar": "original"}
    organization.name_es = "Dirección"
    organization.save(update_fields=["name_es"])
    assert states(organization) == {"ar": "original", "es": "human"}
