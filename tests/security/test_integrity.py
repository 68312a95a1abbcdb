"""No lost updates (docs/security.md item 22): two people saving the same record at the same moment — one
change is kept, the other gets a conflict, never a silent overwrite."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from committee.people.models import Organization
from tests import factories as f

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.server]


def form_data(organization, name_es: str) -> dict[str, str]:
    return {
        "acronym": organization.acronym,
        "side": "MA",
        "kind": "police",
        "name_ar": organization.name_ar,
        "name_es": name_es,
        "name_fr": "",
        "name_en": "",
        "visibility": "public",
        "original_language": "ar",
        "seen_version": str(organization.version),
        "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
        "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
    }


def test_two_secretaries_saving_the_same_record_at_once_do_not_overwrite_each_other(
    ma_secretariat, es_secretariat
):
    organization = f.OrganizationFactory(acronym="DGX", visibility="public")
    url = reverse("admin:people_organization_change", args=[organization.pk])
    start = threading.Barrier(2)
    statuses: dict[str, int] = {}

    def edit(user, name_es: str) -> None:
        client = Client()
        client.force_login(user)
        start.wait(timeout=30)
        statuses[name_es] = client.post(url, form_data(organization, name_es)).status_code
        connection.close()

    threads = [
        threading.Thread(target=edit, args=(ma_secretariat, "Primera")),
        threading.Thread(target=edit, args=(es_secretariat, "Segunda")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(statuses.values()) == [200, 302], statuses  # one saved, one told of the conflict
    organization = Organization.objects.get(pk=organization.pk)
    saved = next(name for name, status in statuses.items() if status == 302)
    assert organization.name_es == saved
    assert organization.version == 2
