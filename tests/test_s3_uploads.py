"""Uploads in an S3-compatible bucket (S3_BUCKET): stored through django-storages' S3Storage and
read back only through the access-checked downloads; the backup names the bucket instead of
copying it.

Runs against a real S3 API over HTTP: moto's server, started here on a free port (the dev extra
installs it; a checkout without it skips, CI fails).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tarfile
import uuid

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from committee.bilateral import Visibility
from committee.recommendations import services
from committee.recommendations.models import ProgressUpdate
from tests import factories as f
from tests.factories import PDF

BUCKET = "committee-uploads"
REGION = "eu-west-1"


def _moto_or_skip():
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI installs the dev extra, moto[server] with it: {error}")
        pytest.skip(f"moto[server] is not installed (the dev extra): {error}")
    try:
        import boto3  # noqa: F401
        import storages  # noqa: F401
    except ImportError as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI installs the s3 extra (through the dev extra): {error}")
        pytest.skip(f"the s3 extra is not installed: {error}")
    return ThreadedMotoServer


@pytest.fixture(scope="module")
def s3_endpoint():
    server = _moto_or_skip()(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        endpoint = f"http://{host}:{port}"
        client = _client(endpoint)
        # moto keeps its buckets per process: a server started again (pytest-django runs the
        # transactional tests last, after other modules) finds the bucket there.
        with contextlib.suppress(client.exceptions.BucketAlreadyOwnedByYou):
            client.create_bucket(
                Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
            )
        yield endpoint
    finally:
        server.stop()


def _client(endpoint: str):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture
def s3(s3_endpoint, monkeypatch):
    """STORAGES["default"] as committee.settings builds it for S3_BUCKET, on a fresh bucket and
    prefix; yields the boto3 client to look into the bucket behind the app's back."""
    from committee.object_storage import s3_storage

    # Fixed fake credentials for moto; nothing of the machine's own AWS setup is read.
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    prefix = f"run-{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv("S3_BUCKET", BUCKET)
    monkeypatch.setenv("S3_ENDPOINT_URL", s3_endpoint)
    monkeypatch.setenv("S3_REGION", REGION)
    monkeypatch.setenv("S3_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("S3_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("S3_PREFIX", f"/{prefix}/")
    monkeypatch.delenv("S3_ADDRESSING_STYLE", raising=False)
    storage = s3_storage()
    client = _client(s3_endpoint)
    with override_settings(STORAGES={**settings.STORAGES, "default": storage}):
        client.prefix = prefix
        yield client


def _keys(client) -> list[str]:
    listing = client.list_objects_v2(Bucket=BUCKET, Prefix=client.prefix + "/")
    return [item["Key"] for item in listing.get("Contents", [])]


def test_the_settings_for_a_bucket_keep_objects_private_and_never_overwrite(s3):
    from storages.backends.s3 import S3Storage

    storage = storages["default"]
    assert isinstance(storage, S3Storage)
    assert storage.default_acl is None  # the bucket's own policy: private
    assert storage.querystring_auth is True
    assert storage.file_overwrite is False
    assert storage.location == s3.prefix  # the slashes around S3_PREFIX are dropped
    first = default_storage.save("evidence/same", ContentFile(b"one"))
    second = default_storage.save("evidence/same", ContentFile(b"two"))
    assert first != second
    with default_storage.open(first) as handle:
        assert handle.read() == b"one"


@pytest.mark.django_db
def test_evidence_goes_to_the_bucket_and_back_only_through_the_checked_download(
    s3, client, ma_seated, es_seated, rec, body
):
    client.force_login(ma_seated)
    response = client.post(
        reverse("progress-create", args=[rec.reference]),
        {
            "as_of": "2015-01-15",
            "language": "es",
            "narrative": "Se celebró un curso",
            "proposed_completion": "",
            "visibility": "committee",
            "evidence": SimpleUploadedFile("informe.pdf", PDF, "text/html"),
            "publish": "1",
        },
    )
    assert response.status_code == 302
    evidence = ProgressUpdate.objects.get().evidence.get()
    # In the bucket, under the prefix, by the server-chosen name; nothing on the filesystem.
    assert _keys(s3) == [f"{s3.prefix}/{evidence.file.name}"]
    stored = s3.get_object(Bucket=BUCKET, Key=f"{s3.prefix}/{evidence.file.name}")
    assert stored["Body"].read() == PDF
    acl = s3.get_object_acl(Bucket=BUCKET, Key=f"{s3.prefix}/{evidence.file.name}")
    assert not [g for g in acl["Grants"] if "AllUsers" in str(g["Grantee"].get("URI", ""))]

    download = client.get(reverse("evidence-download", args=[evidence.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "informe.pdf" in download["Content-Disposition"]

    # A reader who may not see it: the visibility check answers before the bucket is asked.
    private = f.RecommendationFactory(body=body, visibility=Visibility.MA)
    from committee.uploads import check_upload

    hidden = services.record_progress(
        recommendation=private,
        author=ma_seated,
        as_of=dt.date(2015, 1, 1),
        narrative="x",
        language="es",
        visibility="ma",
        evidence=[check_upload(SimpleUploadedFile("r.pdf", PDF))],
    )
    services.publish_progress(update=hidden, by=ma_seated)
    client.force_login(es_seated)
    hidden_evidence = hidden.evidence.get()
    assert client.get(reverse("evidence-download", args=[hidden_evidence.pk])).status_code == 404
    client.force_login(ma_seated)
    shown = client.get(reverse("evidence-download", args=[hidden_evidence.pk]))
    assert b"".join(shown.streaming_content) == PDF


@pytest.mark.django_db
def test_a_meeting_document_in_the_bucket_downloads_for_its_readers_only(s3, client, es_member):
    public = f.DocumentFactory(original_name="final.pdf", content_type="application/pdf")
    hidden = f.DocumentFactory(
        meeting=public.meeting,
        visibility=Visibility.MA,
        file=ContentFile(b"%PDF-1.4 ma only", name="x.pdf"),
    )
    assert sorted(_keys(s3)) == sorted(f"{s3.prefix}/{d.file.name}" for d in (public, hidden))
    client.force_login(es_member)
    url = f"/es/meetings/{public.meeting.pk}/documents/"
    assert client.get(f"{url}{hidden.pk}/").status_code == 404
    response = client.get(f"{url}{public.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n%%EOF\n"


@pytest.mark.django_db
def test_a_document_missing_from_the_bucket_is_a_404_not_a_500(s3, client, es_member):
    document = f.DocumentFactory(original_name="final.pdf", content_type="application/pdf")
    s3.delete_object(Bucket=BUCKET, Key=f"{s3.prefix}/{document.file.name}")
    client.force_login(es_member)
    response = client.get(f"/es/meetings/{document.meeting.pk}/documents/{document.pk}/")
    assert response.status_code == 404


@pytest.mark.django_db(transaction=True)
@pytest.mark.server
def test_a_backup_with_uploads_in_a_bucket_names_the_bucket_and_copies_no_file(s3, tmp_path):
    from committee.database.backups import create_backup

    document = f.DocumentFactory()
    manifest = create_backup(tmp_path / "backup.tar")
    assert manifest.files == {}
    assert manifest.media_elsewhere == f"s3://{BUCKET}/{s3.prefix}/"
    with tarfile.open(tmp_path / "backup.tar") as archive:
        names = archive.getnames()
    assert not [name for name in names if name.startswith("media/")]
    assert f"{s3.prefix}/{document.file.name}" in _keys(s3)  # the bucket keeps it
