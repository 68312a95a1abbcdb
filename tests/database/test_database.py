"""Where the database is: DATABASE_URL, or the embedded server."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from committee.database import EMBEDDED_ENGINE, database_settings, parse_database_url, server
from committee.database.server import ensure_running
from tests.processes import manage

# DATABASE_URL or the embedded server: what the external-server run checks the other way.
pytestmark = pytest.mark.server


def test_a_postgres_url_becomes_django_settings():
    settings = parse_database_url(
        "postgres://alice:s%40cret@db.example:6543/committee?sslmode=require"
    )
    assert settings["ENGINE"] == "django.db.backends.postgresql"
    assert (settings["USER"], settings["PASSWORD"]) == ("alice", "s@cret")
    assert (settings["HOST"], settings["PORT"], settings["NAME"]) == (
        "db.example",
        "6543",
        "committee",
    )
    assert settings["OPTIONS"] == {"sslmode": "require"}


def test_a_socket_directory_can_be_given_as_host_parameter():
    settings = parse_database_url("postgresql://postgres@/committee?host=/run/postgresql")
    assert settings["HOST"] == "/run/postgresql"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("mysql://root@localhost/committee", "PostgreSQL only"),
        ("sqlite:///committee.db", "PostgreSQL only"),
        ("committee", "no scheme"),
        ("postgres://localhost:notaport/committee", "malformed"),
        ("postgres://localhost:5432/", "names no database"),
    ],
)
def test_a_malformed_database_url_is_refused_with_the_reason(url, reason):
    with pytest.raises(ImproperlyConfigured, match=reason):
        parse_database_url(url)


def test_the_password_of_a_refused_url_is_not_echoed():
    with pytest.raises(ImproperlyConfigured) as refused:
        parse_database_url("mysql://root:hunter2hunter2@localhost/committee")
    assert "hunter2hunter2" not in str(refused.value)


def test_without_database_url_the_embedded_server_is_used(tmp_path):
    settings = database_settings(
        url=None,
        embedded_pgdata=tmp_path / "pgdata",
        conn_max_age=0,
        debug=True,
        allow_embedded=False,
    )
    assert settings["ENGINE"] == EMBEDDED_ENGINE
    assert settings["PGDATA"] == str(tmp_path / "pgdata")
    assert settings["ATOMIC_REQUESTS"] is True


def test_production_refuses_the_embedded_server_unless_explicitly_allowed(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="ALLOW_EMBEDDED_POSTGRES=true") as refused:
        database_settings(
            url=None,
            embedded_pgdata=tmp_path / "pgdata",
            conn_max_age=0,
            debug=False,
            allow_embedded=False,
        )
    assert "DATABASE_URL" in str(refused.value)
    allowed = database_settings(
        url=None,
        embedded_pgdata=tmp_path / "pgdata",
        conn_max_age=0,
        debug=False,
        allow_embedded=True,
    )
    assert allowed["ENGINE"] == EMBEDDED_ENGINE


def test_production_with_a_database_url_needs_no_permission(tmp_path):
    settings = database_settings(
        url="postgres://u@db.example/committee",
        embedded_pgdata=tmp_path / "pgdata",
        conn_max_age=0,
        debug=False,
        allow_embedded=False,
    )
    assert settings["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.slow
def test_manage_py_in_production_without_database_url_names_the_variable(tmp_path):
    env = {
        "DEBUG": "false",
        "SECRET_KEY": "a-production-like-secret-key-" + "k" * 40,
        "ALLOWED_HOSTS": "committee.example.org",
        "DATABASE_URL": "",
        "ALLOW_EMBEDDED_POSTGRES": "",
        "EMBEDDED_PGDATA": str(tmp_path / "pgdata"),
    }
    result = manage("check", env=env)
    assert result.returncode == 2
    assert "ALLOW_EMBEDDED_POSTGRES=true" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "pgdata").exists()  # refused before any server started


def test_an_embedded_server_that_cannot_start_names_embedded_pgdata(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the data directory's parent should be")
    with pytest.raises(ImproperlyConfigured, match="EMBEDDED_PGDATA") as refused:
        ensure_running(blocker / "pgdata", database="committee")
    assert str(blocker / "pgdata") in str(refused.value)


@pytest.mark.slow
def test_manage_py_with_a_malformed_database_url_prints_a_message_not_a_traceback():
    result = manage("check", env={"DATABASE_URL": "mysql://root@localhost/x", "DEBUG": "true"})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_manage_py_with_an_unusable_embedded_pgdata_prints_a_message_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    env = {"EMBEDDED_PGDATA": str(blocker / "pgdata"), "DEBUG": "true", "DATABASE_URL": ""}
    result = manage("migrate", "--check", env=env)
    assert result.returncode != 0
    assert "EMBEDDED_PGDATA" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("content", ["", "[12", '{"pid": 1}'])
def test_an_unreadable_list_of_processes_is_replaced_not_kept(tmp_path, content):
    # A process killed while the list was being written leaves it empty or cut short; the
    # embedded server could then never start again in that directory.
    (tmp_path / server.HANDLES_FILE).write_text(content)
    server._forget_dead_processes(tmp_path)
    assert (tmp_path / server.HANDLES_FILE).read_text() == "[]"
