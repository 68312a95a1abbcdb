"""Meeting documents uploaded in the admin are checked like every upload (docs/security.md item 18)."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse

from committee.meetings.models import Document
from tests import factories as f
from tests.factories import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def upload(client, ma_secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = f.MeetingFactory()
    client.force_login(ma_secretariat)

    def post(name: str, content: bytes):
        return client.post(
            reverse("admin:meetings_document_add"),
            {
                "meeting": meeting.pk,
                "kind": "final_document",
                "language": "ar",
                "title": "البيان الختامي",
                "file": f.upload(name, content, "application/pdf"),
                "visibility": "public",
                "original_language": "ar",
                "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
                "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
            },
        )

    return post


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("final.pdf", b"<html><script>alert(1)</script></html>", "is not a PDF file"),
        ("final.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100, "is not a PDF file"),
        ("final.html", b"<html></html>", "Files of this kind are not accepted"),
        ("final.pdf", b"", "empty"),
    ],
)
def test_a_file_whose_name_and_content_disagree_is_refused(upload, name, content, reason):
    response = upload(name, content)
    assert response.status_code == 200
    assert reason in response.text
    assert not Document.objects.exists()


def test_a_good_file_is_stored_under_a_server_chosen_name_with_its_proven_type(upload):
    response = upload("../../Acta final.pdf", PDF)
    assert response.status_code == 302, response.text[:2000]
    document = Document.objects.get()
    assert document.original_name == "Acta final.pdf"
    assert document.content_type == "application/pdf"
    assert document.size == len(PDF)
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()
    assert document.file.name.startswith("documents/")
    assert "Acta" not in document.file.name
