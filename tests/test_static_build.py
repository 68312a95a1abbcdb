"""The static files built by deploy/build (the image's build step) serve pages with DEBUG off.

Issue 15: the image used to collect static files with DEBUG=true (plain storage, no manifest)
and serve with DEBUG=false (manifest storage), so every page — the 500 page too — failed with
"Missing staticfiles manifest entry". Here the pages are rendered with the production storage
over what each way of building left in STATIC_ROOT: deploy/build's passes, the old way fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.processes import ROOT

# Each test runs a build in another process; rendering needs the database.
pytestmark = [pytest.mark.slow, pytest.mark.server, pytest.mark.django_db]

PRODUCTION_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def _clean_environment(var_dir: Path) -> dict[str, str]:
    """What a Docker build has: no DEBUG, no secret, no database; only where to write."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(var_dir)),
        "PYTHON": sys.executable,
        "COMMITTEE_VAR_DIR": str(var_dir),
    }


def _deploy_build(var_dir: Path) -> Path:
    result = subprocess.run(
        [str(ROOT / "deploy" / "build")],
        env=_clean_environment(var_dir),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return var_dir / "static"


def _old_dockerfile_build(var_dir: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env={**_clean_environment(var_dir), "DEBUG": "true"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return var_dir / "static"


@pytest.fixture
def serve_from(settings):
    def serve(static_root: Path) -> Client:
        settings.DEBUG = False
        settings.STATIC_ROOT = static_root
        settings.WHITENOISE_USE_FINDERS = False
        settings.WHITENOISE_AUTOREFRESH = False
        settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": PRODUCTION_STORAGE}}
        return Client(raise_request_exception=False)

    return serve


def test_pages_render_over_what_deploy_build_collected(serve_from, tmp_path):
    static_root = _deploy_build(tmp_path)
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    hashed_css = manifest["committee/site.css"]
    assert hashed_css != "committee/site.css"
    assert (static_root / hashed_css).is_file()
    client = serve_from(static_root)
    for path in ("/en/", "/ar/recommendations/", "/es/meetings/", "/fr/data/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert f"/static/{hashed_css}" in response.text
    missing = client.get("/en/no-such-page/")
    assert missing.status_code == 404
    assert f"/static/{hashed_css}" in missing.text


def test_pages_fail_over_what_the_old_dockerfile_collected(serve_from, tmp_path):
    # The same check on the old build: proves it tells the two apart.
    static_root = _old_dockerfile_build(tmp_path)
    assert not (static_root / "staticfiles.json").exists()
    # The page fails, and so does our 500 page: the error leaves Django (gunicorn answers it).
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        serve_from(static_root).get("/en/")


def test_the_build_needs_nothing_from_the_environment(tmp_path):
    # The Docker build has no SECRET_KEY, DATABASE_URL or DEBUG: deploy/build needs none.
    _deploy_build(tmp_path)
    assert not (tmp_path / "pgdata").exists()  # no database was started for the build
