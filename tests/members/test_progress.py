"""Progress updates: drafts by their author, immutable once published, evidence checked."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from committee.bilateral import Side, Visibility
from committee.recommendations import services
from committee.recommendations.models import ProgressUpdate
from committee.uploads import MAX_UPLOAD_BYTES, check_upload
from tests import factories as f
from tests.factories import PDF, upload

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def draft(author, rec, **kwargs):
    values = {
        "as_of": dt.date(2015, 1, 15),
        "narrative": "Se celebró un curso de formación",
        "language": "es",
    }
    return services.record_progress(recommendation=rec, author=author, **(values | kwargs))


def test_the_narrative_is_stored_in_the_column_of_its_language(ma_seated, rec):
    update = draft(ma_seated, rec, narrative="تم تنظيم دورة تكوينية", language="ar")
    assert update.narrative_ar == "تم تنظيم دورة تكوينية"
    assert update.narrative_es == update.narrative_fr == update.narrative_en == ""
    assert (update.original_language, update.side, update.state) == ("ar", Side.MA, "draft")


def test_a_member_chooses_public_committee_or_own_side_never_the_other(ma_seated, rec):
    for level in (Visibility.PUBLIC, Visibility.COMMITTEE, Visibility.MA):
        assert draft(ma_seated, rec, visibility=level).visibility == level
    for level in (Visibility.ES, Visibility.SECRETARIAT):
        with pytest.raises(ValidationError):
            draft(ma_seated, rec, visibility=level)


def test_only_the_author_changes_a_draft(ma_seated, es_seated, rec):
    update = draft(ma_seated, rec)
    with pytest.raises(PermissionDenied):
        services.edit_progress(
            update=update,
            by=es_seated,
            seen_version=update.version,
            as_of=update.as_of,
            narrative="x",
            language="es",
        )


def test_a_published_update_is_immutable(ma_seated, rec):
    update = services.publish_progress(update=draft(ma_seated, rec), by=ma_seated)
    assert update.state == "published"
    assert update.published_at is not None
    with pytest.raises(ValidationError):
        services.edit_progress(
            update=update,
            by=ma_seated,
            seen_version=update.version,
            as_of=update.as_of,
            narrative="changed",
            language="es",
        )


def test_a_correction_is_a_new_update_linked_to_the_published_one(ma_seated, rec):
    original = services.publish_progress(update=draft(ma_seated, rec), by=ma_seated)
    correction = draft(ma_seated, rec, narrative="Corrección", corrects=original)
    assert correction.corrects == original
    original.refresh_from_db()
    assert original.narrative_es == "Se celebró un curso de formación"
    with pytest.raises(ValidationError):
        draft(ma_seated, rec, corrects=correction)  # a draft cannot be corrected


def test_editing_a_stale_copy_of_a_draft_is_refused(ma_seated, rec):
    update = draft(ma_seated, rec)
    seen = update.version
    services.edit_progress(
        update=update,
        by=ma_seated,
        seen_version=seen,
        as_of=update.as_of,
        narrative="first tab",
        language="es",
    )
    with pytest.raises(services.StaleEdit) as stale:
        services.edit_progress(
            update=update,
            by=ma_seated,
            seen_version=seen,
            as_of=update.as_of,
            narrative="second tab",
            language="es",
        )
    assert stale.value.current.narrative_es == "first tab"


def test_who_may_post_follows_the_body_and_the_side(ma_seated, rec, body, ma_secretariat):
    assert draft(ma_secretariat, rec).side == Side.MA
    former = f.PersonFactory()
    f.MembershipFactory(body=body, person=former, side=Side.MA, end_date=dt.date(2014, 1, 1))
    former_user = f.UserFactory(username="former", person=former)
    with pytest.raises(PermissionDenied):
        draft(former_user, rec)
    wrong_side = f.PersonFactory()
    f.MembershipFactory(body=body, person=wrong_side, side=Side.ES)
    with pytest.raises(PermissionDenied):
        draft(f.UserFactory(username="wrongside", side=Side.MA, person=wrong_side), rec)
    observer = f.UserFactory(username="obs", role="observer", person=f.PersonFactory())
    f.MembershipFactory(body=body, person=observer.person, side=Side.MA)
    with pytest.raises(PermissionDenied):
        draft(observer, rec)


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("report.pdf", PDF, "application/pdf"),
        ("photo.PNG", PNG, "image/png"),
        (
            "minutes.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("notes.txt", "ملاحظات".encode(), "text/plain"),
    ],
)
def test_allowed_files_pass_when_their_content_agrees(name, data, content_type):
    checked = check_upload(upload(name, data, "application/x-whatever"))
    assert checked.content_type == content_type
    assert checked.size == len(data)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report.pdf", PNG),  # content disagrees with the extension
        ("page.html", b"<script>alert(1)</script>"),  # extension not allowed
        ("report.exe", b"MZ\x90\x00"),
        ("minutes.docx", b"PK\x03\x04not really a zip"),
        ("table.xlsx", docx_bytes()),  # a Word archive named as a spreadsheet
        ("notes.txt", b"\x00\x01binary"),
        ("empty.pdf", b""),
        ("noextension", PDF),
    ],
)
def test_files_are_refused_when_extension_or_content_is_wrong(name, data):
    with pytest.raises(ValidationError):
        check_upload(upload(name, data))


def test_files_over_the_size_limit_are_refused():
    big = upload("big.pdf", PDF + b"0" * MAX_UPLOAD_BYTES)
    with pytest.raises(ValidationError):
        check_upload(big)


def test_evidence_is_stored_under_a_name_the_server_chooses(ma_seated, rec, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    checked = check_upload(upload("../../etc/passwd.pdf", PDF))
    update = draft(ma_seated, rec, evidence=[checked])
    evidence = update.evidence.get()
    assert evidence.original_name == "passwd.pdf"
    assert evidence.file.name.startswith("evidence/")
    assert "passwd" not in evidence.file.name
    assert (tmp_path / evidence.file.name).read_bytes() == PDF
    assert ProgressUpdate.objects.count() == 1
