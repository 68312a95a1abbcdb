"""backup then restore into an empty database round-trips every row and file."""

from __future__ import annotations

import dataclasses
import hashlib
import subprocess
import tarfile
import uuid

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.db import connection

from committee.database.backups import (
    BackupError,
    Manifest,
    digest_sql,
    media_files,
    table_counts,
    table_digests,
    verify,
)
from tests import factories as f
from tests.processes import ROOT, database_url

# pg_dump and pg_restore, through manage.py in another process
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow, pytest.mark.server]


@pytest.fixture
def empty_database():
    name = f"restore_{uuid.uuid4().hex[:10]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    url = database_url().replace(f"/{connection.settings_dict['NAME']}", f"/{name}")
    yield url
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args, database, media, env_extra=None):
    import os
    import sys

    env = {
        **os.environ,
        "DATABASE_URL": database,
        "MEDIA_ROOT": str(media),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "CONN_MAX_AGE": "0",
        **(env_extra or {}),
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_backup_then_restore_round_trips_every_row_and_file(tmp_path, settings, empty_database):
    settings.MEDIA_ROOT = tmp_path / "media"
    document = f.DocumentFactory()
    document.file.save("minutes.pdf", ContentFile(b"%PDF-1.4 minutes of the meeting\n%%EOF"))
    f.RecommendationFactory(text_ar="توصية للنسخ الاحتياطي")
    counts, digests, files = table_counts(), table_digests(), media_files(settings.MEDIA_ROOT)
    assert files

    archive = tmp_path / "backup.tar"
    made = manage(
        "backup", "--output", str(archive), database=database_url(), media=settings.MEDIA_ROOT
    )
    assert made.returncode == 0, made.stderr

    restored_media = tmp_path / "restored-media"
    restored = manage("restore", str(archive), database=empty_database, media=restored_media)
    assert restored.returncode == 0, restored.stderr
    assert "all matching" in restored.stdout

    with psycopg.connect(empty_database) as target:
        for table, count in counts.items():
            assert target.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == count, table
            digest = target.execute(digest_sql(table)).fetchone()[0]
            assert digest == digests[table], table
    assert media_files(restored_media) == files
    original = (settings.MEDIA_ROOT / document.file.name).read_bytes()
    assert (
        hashlib.sha256((restored_media / document.file.name).read_bytes()).hexdigest()
        == hashlib.sha256(original).hexdigest()
    )


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, settings):
    archive = tmp_path / "backup.tar"
    assert (
        manage(
            "backup", "--output", str(archive), database=database_url(), media=tmp_path
        ).returncode
        == 0
    )
    refused = manage("restore", str(archive), database=database_url(), media=tmp_path / "m")
    assert refused.returncode != 0
    assert "not empty" in refused.stderr


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, empty_database):
    bogus = tmp_path / "bogus.tar"
    bogus.write_bytes(b"not a tar file")
    refused = manage("restore", str(bogus), database=empty_database, media=tmp_path / "m")
    assert refused.returncode != 0
    assert "Traceback" not in refused.stderr


def test_a_restore_whose_rows_differ_in_content_is_refused_even_with_equal_counts(tmp_path):
    recommendation = f.RecommendationFactory(text_es="texto original")
    manifest = Manifest(
        created="2026-12-03T00:00:00+00:00",
        tables=table_counts(),
        digests=table_digests(),
        files={},
    )
    verify(manifest, media_root=tmp_path)  # the same database matches its own manifest
    type(recommendation).objects.filter(pk=recommendation.pk).update(text_es="texto cambiado")
    manifest = dataclasses.replace(manifest, tables=table_counts())  # the audit row aside
    with pytest.raises(BackupError, match="differ in content"):
        verify(manifest, media_root=tmp_path)


#: Uploads in a bucket (committee.settings' S3_BUCKET); nothing here contacts it.
IN_A_BUCKET = {
    "S3_BUCKET": "committee-uploads",
    "S3_PREFIX": "site",
    "S3_ENDPOINT_URL": "http://127.0.0.1:9",
}


def test_with_uploads_in_a_bucket_the_backup_says_so_and_the_restore_brings_the_rows(
    tmp_path, empty_database
):
    f.RecommendationFactory(text_ar="توصية للنسخ الاحتياطي")
    archive = tmp_path / "backup.tar"
    made = manage(
        "backup",
        "--output",
        str(archive),
        database=database_url(),
        media=tmp_path / "unused",
        env_extra=IN_A_BUCKET,
    )
    assert made.returncode == 0, made.stderr
    assert "0 files" in made.stdout
    assert "not in this archive: they are kept in s3://committee-uploads/site/" in made.stdout
    assert "versioning and backups" in made.stdout
    with tarfile.open(archive) as opened:
        assert not [name for name in opened.getnames() if name.startswith("media")]
        manifest = Manifest.from_json(opened.extractfile("manifest.json").read())
    assert manifest.media_elsewhere == "s3://committee-uploads/site/"

    # Restored where uploads are on the filesystem: the rows, and where their files still are.
    restored = manage("restore", str(archive), database=empty_database, media=tmp_path / "m")
    assert restored.returncode == 0, restored.stderr
    assert "kept in s3://committee-uploads/site/" in restored.stdout


def test_an_archive_with_files_is_refused_where_uploads_go_to_a_bucket(
    tmp_path, settings, empty_database
):
    settings.MEDIA_ROOT = tmp_path / "media"
    f.DocumentFactory()
    archive = tmp_path / "backup.tar"
    made = manage(
        "backup", "--output", str(archive), database=database_url(), media=settings.MEDIA_ROOT
    )
    assert made.returncode == 0, made.stderr
    refused = manage(
        "restore",
        str(archive),
        database=empty_database,
        media=tmp_path / "m",
        env_extra=IN_A_BUCKET,
    )
    assert refused.returncode != 0
    assert "holds 1 uploaded files" in refused.stderr
    assert "Restore with S3_BUCKET unset" in refused.stderr
    assert "Traceback" not in refused.stderr
    with psycopg.connect(empty_database) as target:  # refused before anything was restored
        assert target.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone() == (0,)
