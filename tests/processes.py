"""Running the project's commands in another process, on the test database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    """The test database as a DATABASE_URL, for commands run in another process."""
    connection.ensure_connection()
    settings = connection.settings_dict
    host, port = settings["HOST"], settings["PORT"] or "5432"
    user = settings["USER"] or "postgres"
    if host.startswith("/"):
        return f"postgresql://{user}@/{settings['NAME']}?host={host}&port={port}"
    return f"postgresql://{user}@{host}:{port}/{settings['NAME']}"


def manage_process(*args: str) -> subprocess.Popen[str]:
    """``manage.py`` in another process, on the test database."""
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}},
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "CONN_MAX_AGE": "0",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


#: Variables the suite's own settings put in the environment; a child process starts without them.
SUITE_ONLY = {"SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "DJANGO_SETTINGS_MODULE"}


def manage(*args: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """Run ``manage.py`` in a fresh process with the project's settings and ``env``."""
    inherited = {key: value for key, value in os.environ.items() if key not in SUITE_ONLY}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**inherited, "DJANGO_SETTINGS_MODULE": "committee.settings", **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
