"""What the benchmarks share: the app migrated, then served by gunicorn on loopback with
production settings (``pages.py``, ``load_with_faults.py``)."""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_environment(database_url: str, **extra: str) -> dict[str, str]:
    """Production settings (DEBUG off, a throwaway secret) on loopback, over plain HTTP."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "committee.settings",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "CONN_MAX_AGE": "60",
        **extra,
    }


def migrate_and_collect_static(env: dict[str, str]) -> None:
    """``migrate`` and ``collectstatic``; exits saying why when the database cannot be migrated."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    migrated = subprocess.run(
        [*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=False
    )
    if migrated.returncode != 0:
        sys.exit(
            "could not migrate the database of DATABASE_URL (see above); it must exist and be "
            "disposable (createdb committee_bench)."
        )
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )


def start_gunicorn(
    env: dict[str, str], port: int, log: Path, *, timeout: int, options: Sequence[str] = ()
) -> subprocess.Popen[bytes]:
    """Two workers on ``127.0.0.1:port``, their output appended to ``log``; once they answer."""
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "committee.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--timeout",
        str(timeout),
        *options,
    ]
    with log.open("ab") as output:
        server = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if healthy(port):
            time.sleep(1)  # the second worker too
            return server
        time.sleep(0.3)
    server.terminate()
    sys.exit(f"gunicorn did not answer /healthz within 60 s; see {log}")


def healthy(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        response.read()
    except (OSError, http.client.HTTPException):
        return False
    else:
        return response.status == 200
    finally:
        connection.close()
