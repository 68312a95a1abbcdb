"""The checkout's .env (written by bin/start) makes manage.py work without exporting anything;
real environment variables win; production without SECRET_KEY still refuses to start."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from committee.settings import read_env_file
from tests.processes import ROOT


def test_names_values_comments_quotes_and_export_are_read(tmp_path):
    env = tmp_path / ".env"
    env.write_text(
        "# development\n\nDEBUG=true\nexport SITE_URL = 'http://127.0.0.1:8080'\n"
        'MFA_TOTP_ISSUER="Comité # dev"\nEMPTY=\n'
    )
    assert read_env_file(env) == {
        "DEBUG": "true",
        "SITE_URL": "http://127.0.0.1:8080",
        "MFA_TOTP_ISSUER": "Comité # dev",
        "EMPTY": "",
    }


def test_a_missing_file_is_empty(tmp_path):
    assert read_env_file(tmp_path / ".env") == {}


@pytest.mark.parametrize("line", ["DEBUG", "2DEBUG=true", "DE BUG=true", "=true"])
def test_a_malformed_line_is_refused_with_its_number_but_not_its_text(tmp_path, line):
    env = tmp_path / ".env"
    env.write_text(f"DEBUG=true\n{line}\n")
    with pytest.raises(ImproperlyConfigured, match=r"line 2: expected NAME=value") as refused:
        read_env_file(env)
    assert line not in str(refused.value).split(":", 1)[1]


@pytest.fixture
def checkout(tmp_path):
    """A copy of what manage.py needs, so that a .env can be written beside it."""
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    shutil.copytree(
        ROOT / "committee", tmp_path / "committee", ignore=shutil.ignore_patterns("__pycache__")
    )
    return tmp_path


def _manage(checkout: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    unset = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "PYTHONPATH"}
    inherited = {key: value for key, value in os.environ.items() if key not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=checkout,
        env={**inherited, "COMMITTEE_VAR_DIR": str(checkout / "var"), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_without_env_file_or_secret_manage_py_refuses_to_start(checkout):
    result = _manage(checkout, "--help")
    assert result.returncode == 2
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.slow
def test_the_env_file_of_bin_start_lets_manage_py_run_without_exports(checkout):
    (checkout / ".env").write_text("# written by bin/start\nDEBUG=true\n")
    result = _manage(checkout, "--help")
    assert result.returncode == 0, result.stderr
    assert "create_secretariat_user" in result.stdout
    assert "import_article" in result.stdout


@pytest.mark.slow
def test_the_real_environment_wins_over_the_env_file(checkout):
    (checkout / ".env").write_text("DEBUG=true\n")
    result = _manage(checkout, "--help", DEBUG="false")
    assert result.returncode == 2
    assert "SECRET_KEY is not set" in result.stderr


def test_bin_start_writes_an_env_file_that_git_and_the_image_ignore():
    start = (ROOT / "bin" / "start").read_text()
    assert 'cat > "$ROOT/.env"' in start
    assert "DEBUG=true" in start
    assert "/.env" in (ROOT / ".gitignore").read_text().split()
    assert ".env" in (ROOT / ".dockerignore").read_text().split()
