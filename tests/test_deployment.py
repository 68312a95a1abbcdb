"""docker-compose.yml is valid compose with the services operators rely on."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

COMPOSE_FILE = Path(__file__).resolve().parent.parent / "docker-compose.yml"
DOCKER_COMPOSE = shutil.which("docker-compose")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.mark.slow
@pytest.mark.skipif(DOCKER_COMPOSE is None, reason="docker-compose is installed by bin/test")
def test_docker_compose_accepts_the_file():
    result = subprocess.run(
        [DOCKER_COMPOSE, "-f", str(COMPOSE_FILE), "--profile", "proxy", "config", "--quiet"],
        env={**os.environ, "POSTGRES_PASSWORD": "x", "SECRET_KEY": "y"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
@pytest.mark.skipif(DOCKER_COMPOSE is None, reason="docker-compose is installed by bin/test")
def test_docker_compose_refuses_to_run_without_secrets():
    result = subprocess.run(
        [DOCKER_COMPOSE, "-f", str(COMPOSE_FILE), "config", "--quiet"],
        env={
            key: value
            for key, value in os.environ.items()
            if key not in {"SECRET_KEY", "POSTGRES_PASSWORD"}
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "POSTGRES_PASSWORD" in result.stderr or "SECRET_KEY" in result.stderr


def test_the_database_is_the_official_postgres_image_with_a_volume(compose):
    db = compose["services"]["db"]
    assert db["image"].startswith("postgres:")
    assert int(db["image"].split(":")[1]) >= 15
    assert any(volume.endswith(":/var/lib/postgresql/data") for volume in db["volumes"])
    assert "pgdata" in compose["volumes"]


def test_the_image_builds_and_serves_with_the_shared_deploy_scripts():
    dockerfile = (COMPOSE_FILE.parent / "Dockerfile").read_text()
    assert "RUN deploy/build" in dockerfile
    assert dockerfile.rstrip().endswith('CMD ["deploy/serve"]')
    assert "DEBUG=true" not in dockerfile  # the build collects with the serving settings
    serve = (COMPOSE_FILE.parent / "deploy" / "serve").read_text()
    assert "migrate" not in serve.split("exec", 1)[1]  # replicas never race on migrations
    for option in ("--timeout", "--max-requests ", "--max-requests-jitter", "x-request-id"):
        assert option in serve


def test_migrations_run_once_in_their_own_service_before_web(compose):
    migrate = compose["services"]["migrate"]
    assert migrate["command"] == ["deploy/migrate"]
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    web = compose["services"]["web"]
    assert web["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert migrate["environment"] == web["environment"]
    migrate_script = (COMPOSE_FILE.parent / "deploy" / "migrate").read_text()
    assert migrate_script.index("migrate --noinput") < migrate_script.index("import_seeds")


def test_an_env_file_never_enters_the_image():
    ignored = (COMPOSE_FILE.parent / ".dockerignore").read_text().split()
    assert ".env" in ignored


def test_the_web_service_is_health_checked_on_readyz(compose):
    web = compose["services"]["web"]
    assert "/readyz" in " ".join(web["healthcheck"]["test"])
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert web["environment"]["DEBUG"] == "false"
    assert "SECRET_KEY" in web["environment"]


def _schedule(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    python = Path(sys.executable).parent
    return subprocess.run(
        ["/bin/sh", str(COMPOSE_FILE.parent / "deploy" / "schedule")],
        env={
            **os.environ,
            "PATH": f"{python}{os.pathsep}{os.environ['PATH']}",
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "SCHEDULE_ONCE": "true",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_daily_schedule_refuses_an_interval_that_is_not_a_number():
    result = _schedule({"SCHEDULE_INTERVAL": "daily"})
    assert result.returncode == 2
    assert "SCHEDULE_INTERVAL and BACKUP_KEEP_DAYS must be whole numbers" in result.stderr


@pytest.mark.slow
@pytest.mark.server
@pytest.mark.django_db(transaction=True)
def test_the_daily_schedule_reminds_and_keeps_two_weeks_of_backups(tmp_path):
    from tests.processes import database_url

    stale = tmp_path / "committee-20200101T000000Z.tar"
    stale.write_bytes(b"old")
    month_ago = time.time() - 30 * 24 * 3600
    os.utime(stale, (month_ago, month_ago))
    result = _schedule({"DATABASE_URL": database_url(), "BACKUP_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "failed" not in result.stderr
    archives = sorted(path.name for path in tmp_path.glob("committee-*.tar"))
    assert len(archives) == 1
    assert archives != [stale.name]


def test_web_processes_share_redis_and_a_worker_and_a_scheduler_run_beside_them(compose):
    services = compose["services"]
    web = services["web"]
    assert web["environment"]["CACHE_URL"].startswith("redis://redis:")
    assert web["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "allkeys-lru" in services["redis"]["command"]
    assert web["environment"]["TASKS_BACKEND"] == "database"
    assert "db_worker" in services["worker"]["command"]
    assert services["worker"]["environment"] == web["environment"]
    scheduler = services["scheduler"]
    assert scheduler["command"] == ["deploy/schedule"]
    assert {**web["environment"], **scheduler["environment"]} == scheduler["environment"]
    assert any(volume.startswith("backups:") for volume in scheduler["volumes"])
    assert "backups" in compose["volumes"]


def test_every_variable_the_compose_file_passes_is_documented():
    readme = (COMPOSE_FILE.parent / "README.md").read_text()
    passed = set(re.findall(r"\$\{([A-Z_]+)", COMPOSE_FILE.read_text()))
    assert passed
    assert {name for name in passed if f"`{name}`" not in readme} == set()
