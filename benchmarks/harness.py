"""What the benchmarks share: the app migrated, then served by gunicorn on loopback with
production settings (``pages.py``, ``load_with_faults.py``); a Redis cache of their own
(``pages.py --cache-url``, ``tests/web/test_two_instances.py``)."""

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
    env: dict[str, str],
    port: int,
    log: Path,
    *,
    timeout: int,
    options: Sequence[str] = (),
    workers: int = 2,
) -> subprocess.Popen[bytes]:
    """``workers`` workers on ``127.0.0.1:port``, their output appended to ``log``; once they
    answer."""
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "committee.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
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
            time.sleep(1)  # the other workers too
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


def redis_error(url: str) -> str:
    """Why the Redis of ``url`` cannot be used, or ``""`` when it answers."""
    import redis  # noqa: PLC0415

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return str(error) or type(error).__name__
    return ""


def forget_prefix(url: str, prefix: str) -> int:
    """Delete the keys a ``CACHE_KEY_PREFIX`` of ``prefix`` wrote (``prefix:…`` for the default
    cache, ``prefix-pages:…`` for kept pages) from the Redis of ``url``, and nothing else."""
    import redis  # noqa: PLC0415

    store = redis.Redis.from_url(url)
    removed = 0
    for key in store.scan_iter(f"{prefix}*", count=1000):
        removed += int(store.delete(key))
    return removed
