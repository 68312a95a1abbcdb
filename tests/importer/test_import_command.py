"""The import_article and import_seeds commands: exit codes, messages, JSON, nothing written on refusal."""

from __future__ import annotations

import json
import signal
import time

import pytest
from django.core.management import CommandError, call_command

from committee.meetings.models import Meeting
from committee.sources.models import ImportRun, SourceDocument
from tests.factories import row_counts
from tests.importer.conftest import SEED
from tests.processes import manage_process

pytestmark = [pytest.mark.django_db, pytest.mark.server]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\x00\x01\x02binary", "NUL"),
    ],
)
def test_bad_files_exit_non_zero_with_a_message_and_write_nothing(tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    before = row_counts()
    with pytest.raises(CommandError, match=message):
        call_command("import_article", str(path))
    assert row_counts() == before


def test_a_missing_path_and_a_directory_are_refused(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_article", str(tmp_path / "absent.txt"))
    with pytest.raises(CommandError, match="directory"):
        call_command("import_article", str(tmp_path))


def test_a_file_over_two_megabytes_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(SEED.read_bytes() * 300)
    before = row_counts()
    with pytest.raises(CommandError, match="2 MB"):
        call_command("import_article", str(path))
    assert row_counts() == before


def test_a_bad_publication_date_is_refused(tmp_path):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("import_article", str(SEED), "--published", "7/3/2014")


def test_an_unrelated_article_is_refused_and_said_so_in_json(tmp_path, capsys):
    path = tmp_path / "football.txt"
    path.write_text(
        "فاز فريق الرجاء البيضاوي على ضيفه الوداد بهدفين لصفر في مباراة الديربي التي جرت مساء أمس بملعب محمد الخامس.",
        encoding="utf-8",
    )
    before = row_counts()
    with pytest.raises(CommandError, match="nothing the committee tracks"):
        call_command("import_article", str(path), "--format", "json")
    assert json.loads(capsys.readouterr().out)["status"] == "refused"
    assert row_counts() == before


def test_windows_1256_is_imported_and_the_report_says_so(tmp_path, capsys):
    path = tmp_path / "legacy.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("cp1256"))
    call_command("import_article", str(path), "--published", "2014-03-07")
    assert "Windows-1256" in capsys.readouterr().out
    assert Meeting.objects.filter(kind="seminar", ordinal=2).exists()


def test_json_output_lists_created_records_and_a_second_run_is_unchanged(capsys):
    call_command("import_article", str(SEED), "--published", "2014-03-07", "--format", "json")
    first = json.loads(capsys.readouterr().out)
    assert first["status"] == "succeeded"
    assert {"model": "sources.sourcedocument"}.items() <= first["created"][0].items()
    call_command("import_article", str(SEED), "--published", "2014-03-07", "--format", "json")
    second = json.loads(capsys.readouterr().out)
    assert (second["status"], second["created"], second["updated"]) == ("unchanged", [], [])
    assert ImportRun.objects.count() == 1


def test_dry_run_prints_the_plan_and_saves_nothing(capsys):
    before = row_counts()
    call_command("import_article", str(SEED), "--published", "2014-03-07", "--dry-run")
    assert "dry run" in capsys.readouterr().out
    assert row_counts() == before


def test_import_seeds_reads_the_publication_date_beside_the_article(capsys):
    call_command("import_seeds")
    assert SourceDocument.objects.get().published_on.isoformat() == "2014-03-07"
    second = Meeting.objects.get(kind="seminar", ordinal=2)
    assert second.theme_es, "the seeds' translations were applied"
    call_command("import_seeds")
    assert "unchanged" in capsys.readouterr().out.splitlines()[-1]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_imports_do_not_duplicate():
    first = manage_process("import_article", str(SEED), "--published", "2014-03-07")
    second = manage_process("import_article", str(SEED), "--published", "2014-03-07")
    outputs = [process.communicate(timeout=180) for process in (first, second)]
    codes = [process.returncode for process in (first, second)]
    # Either they ran one after the other (the second found everything and wrote nothing) or
    # they overlapped and the later one was refused; never both writing.
    assert 0 in codes, outputs
    for code, (_out, err) in zip(codes, outputs, strict=True):
        assert code == 0 or "another import is running" in err, err
    assert SourceDocument.objects.count() == 1
    assert Meeting.objects.filter(kind="seminar", ordinal=2).count() == 1
    assert ImportRun.objects.count() == 1


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_an_import_started_while_another_runs_is_refused_and_writes_nothing():
    from django.db import connection

    from committee.importer.services import IMPORT_LOCK

    before = row_counts()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [IMPORT_LOCK])  # an import is running
        try:
            process = manage_process("import_article", str(SEED), "--published", "2014-03-07")
            _out, err = process.communicate(timeout=180)
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [IMPORT_LOCK])
    assert process.returncode != 0
    assert "another import is running; nothing was written" in err
    assert row_counts() == before


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_an_import_killed_midway_leaves_nothing():
    from django.db import connection

    before = row_counts()
    # Hold the table the import writes late, so the import is caught half-way, then kill it.
    with connection.cursor() as cursor:
        cursor.execute("BEGIN")
        cursor.execute("LOCK TABLE meetings_statement IN ACCESS EXCLUSIVE MODE")
        process = manage_process("import_article", str(SEED), "--published", "2014-03-07")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE relation = 'meetings_statement'::regclass AND NOT granted"
            )
            if cursor.fetchone()[0]:
                break
            time.sleep(0.2)
        else:
            process.kill()
            process.communicate(timeout=30)
            pytest.fail("the import never reached the statements")
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        cursor.execute("ROLLBACK")
    assert row_counts() == before


HOSTILE_ADDRESSES = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://files.example.org/article.txt",
]


@pytest.mark.parametrize("url", HOSTILE_ADDRESSES)
def test_an_address_that_is_not_http_is_refused_and_nothing_is_written(url):
    before = row_counts()
    with pytest.raises(CommandError, match="http:// or https://"):
        call_command("import_article", str(SEED), "--url", url)
    assert row_counts() == before
    assert not SourceDocument.objects.exists()


def test_an_http_address_is_kept():
    call_command("import_article", str(SEED), "--url", "https://www.example.ma/article?id=7")
    assert SourceDocument.objects.get().url == "https://www.example.ma/article?id=7"
