"""Page speed at scale: every main page under load, against the framework's own floor.

    .venv/bin/python benchmarks/pages.py                          # 100,000 recommendations
    .venv/bin/python benchmarks/pages.py --scale 10000 --duration 5 --pages floor,home,list

It uses the PostgreSQL of ``DATABASE_URL`` (a dedicated, disposable database: the demo data
goes in it) or, without one, an embedded server of its own under ``var/benchmarks/pgdata``. It
migrates it and fills it with ``generate_demo_data --scale N`` unless that seed's data is
already there, creates a superuser and a member (both with a second factor) and a logged-in
session for each, counts the queries each page runs (in-process, through the test client),
starts gunicorn with 2 workers on loopback (production settings), warms every page up and
measures each one with ``wrk`` (Debian package, installed when missing) for ``--duration``
seconds at ``--connections`` connections: requests/s, p50/p95/p99 latency, errors (socket
errors and 4xx/5xx; every page is checked to answer 200 before and after its run), queries
per request, the peak resident memory of the workers during the run (sampled with psutil) and
the throughput as a ratio to the floor — ``/healthz``, a trivial view behind the same
middleware. The table is printed and written, with the load average of the machine, to
``var/benchmarks/pages.json`` and ``var/benchmarks/pages.md``.

    .venv/bin/python benchmarks/pages.py --instances 2 --cache-url redis://127.0.0.1:6379/0

``--cache-url`` keeps the pages in that Redis (``CACHE_URL``, under a key prefix of this run's
own, deleted before the load and after it) instead of each worker's memory; ``--instances 2``
starts two gunicorns (2 workers each) on different ports sharing the database and that cache,
and loads both at once, every page and the floor alike: one ``wrk`` per instance, the
connections split between them. Requests/s is their sum; the latencies are percentiles of all
their requests together (wrk's histograms merged). Both are asked for one ``Host``, as behind
one proxy (a kept page's key holds the host). *first ms other* is the page's first request on
the second instance, with the Redis misses meanwhile (0: it answered what the first kept); with
``--cache-url`` the table adds Redis hits per request during the load (1.00 for a kept page).
Written as ``pages-redis2.*`` (``pages-redis1.*`` for one instance on Redis, ``pages-local2.*``
for two without it).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import json
import math
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote

from harness import (
    ROOT,
    forget_prefix,
    free_port,
    migrate_and_collect_static,
    redis_error,
    server_environment,
    start_gunicorn,
)

sys.path.insert(0, str(ROOT))
OUTPUT = ROOT / "var" / "benchmarks"
PAGE_NAMES = (
    "floor",
    "member_floor",
    "home",
    "list",
    "list_filtered",
    "list_arabic_q",
    "detail",
    "meeting",
    "body",
    "search",
    "dashboard",
    "open_data_json",
    "admin_changelist",
)
#: The filter the public list and the admin changelist are compared on.
FILTER = "status=in_progress&theme=training"
ADMIN_FILTER = "status__exact=in_progress&theme__exact=training"
#: Pages whose targets are the public ones (the admin is the naive baseline; the floor, the floor).
TARGETED = frozenset(PAGE_NAMES) - {"floor", "member_floor", "admin_changelist", "open_data_json"}
#: The Host every instance is asked for when there are several, as behind one proxy: a kept
#: page's key holds the host, and wrk's ``127.0.0.1:port`` would differ between instances.
SHARED_HOST = "127.0.0.1"
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK-JSON {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,' ..
    '"status":%d,"timeout":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
  local parts = {}
  for i = 1, #latency do
    local value, count = latency(i)
    parts[#parts + 1] = string.format('%d:%d', value, count)
  end
  io.write('WRK-HISTOGRAM ' .. table.concat(parts, ',') .. '\\n')
end
"""


# --- in a child process, on the benchmark database ------------------------------------------


def prepare(scale: int, seed: int, wanted: list[str]) -> None:  # noqa: PLR0915
    """Demo data, accounts, sessions, URLs and queries per page; printed as JSON."""
    import django  # noqa: PLC0415

    django.setup()
    from allauth.mfa.models import Authenticator  # noqa: PLC0415
    from allauth.mfa.totp.internal.auth import TOTP  # noqa: PLC0415
    from django.conf import settings  # noqa: PLC0415
    from django.db import connection  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    from committee.bilateral import Role, Side, Visibility  # noqa: PLC0415
    from committee.demo import data as demo  # noqa: PLC0415
    from committee.meetings.models import Meeting  # noqa: PLC0415
    from committee.people.models import User  # noqa: PLC0415
    from committee.recommendations.models import Recommendation  # noqa: PLC0415
    from committee.subcommittees.models import Body, Membership  # noqa: PLC0415

    prefix = f"{demo.REFERENCE_PREFIX}{seed}-"
    present = Recommendation.objects.filter(reference__startswith=prefix).count()
    if present and present != scale:
        sys.exit(f"this database holds seed {seed} at scale {present:,}, not {scale:,}")
    if not present:
        started = time.perf_counter()
        demo.load(demo.plan(scale, seed), report=lambda line: print(line, file=sys.stderr))
        print(f"demo data: {time.perf_counter() - started:.1f} s", file=sys.stderr)
        # As autovacuum would in time: statistics, and visibility maps for index-only scans.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    seat = (
        Membership.objects.current()
        .filter(side=Side.MA, person__user__isnull=True, body__visibility=Visibility.PUBLIC)
        .filter(body__recommendations__reference__startswith=prefix)
        .select_related("person", "body")
        .first()
    )
    assert seat is not None, "no seat for the benchmark member"
    member, _ = User.objects.update_or_create(
        username=f"bench-member-{seed}",
        defaults={"side": Side.MA, "role": Role.MEMBER, "person": seat.person},
    )
    admin, _ = User.objects.update_or_create(
        username="bench-admin",
        defaults={"side": "", "role": Role.SECRETARIAT, "is_staff": True, "is_superuser": True},
    )
    cookies = {}
    for user in (member, admin):
        user.set_unusable_password()
        user.save()
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        client = Client()
        client.force_login(user)
        cookies[user.username] = client.cookies[settings.SESSION_COOKIE_NAME].value
    public = Recommendation.objects.public().filter(reference__startswith=prefix)
    detail = (
        public.filter(progress_updates__state="published", status_changes__isnull=False)
        .order_by("reference")
        .first()
    ) or public.order_by("reference").first()
    assert detail is not None
    meeting = (
        Meeting.objects.public().filter(adoptions__recommendation__reference__startswith=prefix)
    ).first()
    body = Body.objects.public().filter(pk=seat.body_id).first()
    assert meeting is not None
    assert body is not None
    session = settings.SESSION_COOKIE_NAME
    member_cookie = f"{session}={cookies[member.username]}"
    admin_cookie = f"{session}={cookies[admin.username]}"
    pages = {
        "floor": ("/healthz", ""),
        # The same trivial view for a logged-in member: what the session, the user and the
        # second-factor check cost every member page before it renders anything.
        "member_floor": ("/healthz", member_cookie),
        "home": ("/es/", ""),
        "list": ("/es/recommendations/", ""),
        "list_filtered": (f"/es/recommendations/?{FILTER}", ""),
        "list_arabic_q": (f"/ar/recommendations/?q={quote('الارهاب')}", ""),
        "detail": (f"/es/recommendations/{detail.reference}/", ""),
        "meeting": (f"/es/meetings/{meeting.pk}/", ""),
        "body": (f"/es/bodies/{body.pk}/", ""),
        "search": (f"/ar/search/?q={quote('الأمنية')}", ""),
        "dashboard": ("/es/me/", member_cookie),
        "open_data_json": ("/data/committee.json", ""),
        "admin_changelist": (
            f"/es/admin/recommendations/recommendation/?{ADMIN_FILTER}",
            admin_cookie,
        ),
    }
    pages = {name: page for name, page in pages.items() if name in wanted}
    queries: dict[str, list[int]] = {}
    for name, (url, cookie) in pages.items():
        client = Client(HTTP_HOST="127.0.0.1")
        if cookie:
            client.cookies[session] = cookie.split("=", 1)[1]
        queries[name] = []
        for _time in ("first", "again"):  # rendered, then (where it may be) a kept copy
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
                if response.streaming:
                    for _chunk in response.streaming_content:
                        pass
            if response.status_code != 200:
                sys.exit(f"{name}: {url} answered {response.status_code} in-process")
            queries[name].append(len(captured))
    counts = {
        "recommendations": Recommendation.objects.filter(reference__startswith=prefix).count()
    }
    print(json.dumps({"pages": pages, "queries": queries, "counts": counts}))


# --- the benchmark --------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    url: str
    requests_per_second: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    requests: int = 0
    errors: int = 0
    first_ms: float = 0.0  # the first request a worker answers: rendered, never a kept copy
    first_other_ms: float = 0.0  # then on the other instance (--instances 2): kept by the first
    first_other_misses: int = 0  # Redis misses meanwhile (0: it answered what the first kept)
    cache_hits_per_request: float = 0.0  # Redis hits per request during the load (--cache-url)
    cache_misses: int = 0  # Redis misses during the load
    queries_first: int = 0
    queries_again: int = 0
    peak_rss_mb: float = 0.0
    rss_growth_mb: float = 0.0
    ratio_to_floor: float = 0.0
    ratio_to_member_floor: float = 0.0  # the dashboard's, when member_floor was measured
    misses: list[str] = field(default_factory=list)


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        return url
    from committee.database import server  # noqa: PLC0415

    running = server.ensure_running(OUTPUT / "pgdata", database="committee")
    return f"postgresql://postgres@/committee?host={running.socket_dir}&port={running.port}"


def ensure_wrk() -> str:
    subprocess.run(["bash", "-c", "source bin/lib.sh && apt_install wrk"], cwd=ROOT, check=True)
    return "wrk"


def status_of(port: int, url: str, cookie: str, host: str = "") -> int:
    """The page's status, or 0 when it does not answer within two minutes (a miss, not a crash)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Cookie": cookie} if cookie else {}
    if host:
        headers["Host"] = host
    try:
        connection.request("GET", url, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()


def worker_rss(masters: Sequence[int]) -> dict[int, float]:
    import psutil  # noqa: PLC0415

    sizes = {}
    for master in masters:
        for child in psutil.Process(master).children():
            with contextlib.suppress(psutil.Error):
                sizes[child.pid] = child.memory_info().rss / 2**20
    return sizes


@contextlib.contextmanager
def sampling(masters: Sequence[int]) -> Iterator[dict[int, float]]:
    """The peak resident memory of each worker (of every instance) while the block runs."""
    peaks: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            for pid, rss in worker_rss(masters).items():
                peaks[pid] = max(peaks.get(pid, 0.0), rss)
            stop.wait(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peaks
    finally:
        stop.set()
        thread.join()


def run_wrk(
    port: int, url: str, cookie: str, seconds: int, connections: int, threads: int, host: str
) -> tuple[dict[str, int], Counter[int]]:
    """wrk's figures, and its latency histogram (microseconds: requests)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        script.name,
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if host:
        command += ["-H", f"Host: {host}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{url}"], capture_output=True, text=True, check=True
    ).stdout
    Path(script.name).unlink()
    lines = output.splitlines()
    line = next(line for line in lines if line.startswith("WRK-JSON "))
    parsed: dict[str, int] = json.loads(line.removeprefix("WRK-JSON "))
    line = next(line for line in lines if line.startswith("WRK-HISTOGRAM "))
    histogram: Counter[int] = Counter()
    for pair in filter(None, line.removeprefix("WRK-HISTOGRAM ").split(",")):
        value, count = pair.split(":")
        histogram[int(value)] += int(count)
    return parsed, histogram


def percentile(histogram: Counter[int], percent: float) -> int:
    """wrk's own percentile (the latency of rank ``round(percent% × count + 0.5)``)."""
    rank = math.floor(percent / 100 * sum(histogram.values()) + 1)
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return max(histogram, default=0)


def load(
    ports: Sequence[int], url: str, cookie: str, seconds: int, connections: int
) -> dict[str, float]:
    """wrk on every instance at once, ``connections`` split between them (and wrk's 2 threads):
    requests/s summed, the percentiles of all their requests together. With one instance,
    exactly what its wrk says."""
    shares = [
        connections // len(ports) + (index < connections % len(ports))
        for index in range(len(ports))
    ]
    threads = max(1, min(2, connections) // len(ports))
    host = SHARED_HOST if len(ports) > 1 else ""
    with ThreadPoolExecutor(len(ports)) as pool:
        runs = list(
            pool.map(
                lambda port, share: run_wrk(port, url, cookie, seconds, share, threads, host),
                ports,
                shares,
            )
        )
    histogram: Counter[int] = Counter()
    for _figures, part in runs:
        histogram.update(part)
    first = runs[0][0]
    single = len(runs) == 1
    return {
        "requests": sum(figures["requests"] for figures, _ in runs),
        "requests_per_second": sum(
            figures["requests"] / (figures["duration_us"] / 1e6) for figures, _ in runs
        ),
        **{
            key: first[key] if single else percentile(histogram, float(key[1:]))
            for key in ("p50", "p95", "p99")
        },
        "max": max(figures["max"] for figures, _ in runs),
        "errors": sum(
            figures[key]
            for figures, _ in runs
            for key in ("connect", "read", "write", "status", "timeout")
        ),
    }


def redis_counts(url: str) -> tuple[int, int]:
    """The Redis server's hits and misses so far (of every client: other users of the same
    server add to them); ``(0, 0)`` without ``url``."""
    if not url:
        return 0, 0
    import redis  # noqa: PLC0415

    stats = redis.Redis.from_url(url).info("stats")
    return int(stats["keyspace_hits"]), int(stats["keyspace_misses"])


def measure(
    name: str,
    url: str,
    cookie: str,
    ports: Sequence[int],
    masters: Sequence[int],
    arguments: argparse.Namespace,
) -> Result:
    result = Result(name=name, url=url)
    port = ports[0]
    host = SHARED_HOST if len(ports) > 1 else ""
    started = time.perf_counter()
    status = status_of(port, url, cookie, host)
    result.first_ms = (time.perf_counter() - started) * 1000
    if status != 200:
        result.errors = 1
        result.misses.append("does not answer 200")
        return result
    if name == "open_data_json":  # streamed, never kept: once, on one instance
        return export_once(result, url, port, masters)
    redis = arguments.cache_url
    for other in ports[1:]:
        counted = redis_counts(redis)
        started = time.perf_counter()
        status = status_of(other, url, cookie, host)
        result.first_other_ms = (time.perf_counter() - started) * 1000
        result.first_other_misses = redis_counts(redis)[1] - counted[1]
        if status != 200:
            result.errors = 1
            result.misses.append("does not answer 200 on another instance")
            return result
    load(ports, url, cookie, arguments.warmup, arguments.connections)
    before = worker_rss(masters)
    counted = redis_counts(redis)
    with sampling(masters) as peaks:
        figures = load(ports, url, cookie, arguments.duration, arguments.connections)
    hits, misses = (now - then for now, then in zip(redis_counts(redis), counted, strict=True))
    result.cache_hits_per_request = hits / max(figures["requests"], 1)
    result.cache_misses = misses
    result.requests = int(figures["requests"])
    result.requests_per_second = figures["requests_per_second"]
    result.p50_ms = figures["p50"] / 1000
    result.p95_ms = figures["p95"] / 1000
    result.p99_ms = figures["p99"] / 1000
    result.max_ms = figures["max"] / 1000
    result.errors = int(figures["errors"])
    if any(status_of(port, url, cookie, host) != 200 for port in ports):
        result.errors += 1
        result.misses.append("stopped answering 200")
    result.peak_rss_mb = max(peaks.values(), default=0.0)
    result.rss_growth_mb = max(
        (peak - before.get(pid, peak) for pid, peak in peaks.items()), default=0.0
    )
    return result


def export_once(result: Result, url: str, port: int, masters: Sequence[int]) -> Result:
    """The whole export, once: its duration and how much the worker that streams it grows."""
    before = worker_rss(masters)
    started = time.perf_counter()
    with sampling(masters) as peaks:
        status = status_of(port, url, "")
    elapsed = time.perf_counter() - started
    result.requests = 1
    result.requests_per_second = 1 / elapsed
    result.p50_ms = result.p95_ms = result.p99_ms = result.max_ms = elapsed * 1000
    result.errors = int(status != 200)
    result.peak_rss_mb = max(peaks.values(), default=0.0)
    result.rss_growth_mb = max(
        (peak - before.get(pid, peak) for pid, peak in peaks.items()), default=0.0
    )
    return result


def judge(result: Result, floor: float, member_floor: float) -> None:
    """Misses against the targets. A member's page is held to the floor a member's request
    has (``member_floor``: the same trivial view, with the session, user and second-factor
    lookups every member request makes); its ratio to the visitors' floor is reported too."""
    result.ratio_to_floor = result.requests_per_second / floor if floor else 0.0
    if result.name == "dashboard" and member_floor:
        result.ratio_to_member_floor = result.requests_per_second / member_floor
    if result.errors:
        result.misses.append("errors")
    if result.name == "open_data_json" and result.rss_growth_mb >= 50:
        result.misses.append("worker memory grew by 50 MB or more while exporting")
    if result.name not in TARGETED:
        return
    if result.name == "dashboard" and member_floor:
        if result.ratio_to_member_floor < 0.5:
            result.misses.append("< 0.5x member floor")
    elif result.ratio_to_floor < 0.5:
        result.misses.append("< 0.5x floor")
    if result.p50_ms > 50:
        result.misses.append("p50 > 50 ms")
    if result.p99_ms > 250:
        result.misses.append("p99 > 250 ms")


def table(results: list[Result], *, other: bool = False, redis: bool = False) -> str:
    """The results; ``other``: with the first request on the other instance (and the Redis
    misses meanwhile); ``redis``: with Redis hits per request and misses during the load."""
    header = (
        "| page | req/s | × floor | p50 ms | p95 ms | p99 ms | errors | first ms | "
        + ("first ms other (Redis misses) | " if other else "")
        + ("Redis hits/request, misses | " if redis else "")
        + "queries first/again | peak RSS MB | RSS growth MB | misses |"
    )
    lines = [header, "|" + "---|" * (12 + other + redis)]
    for r in results:
        member = (
            f" ({r.ratio_to_member_floor:.2f}× member floor)" if r.ratio_to_member_floor else ""
        )
        lines.append(
            f"| {r.name} | {r.requests_per_second:.1f} | {r.ratio_to_floor:.2f}{member} | "
            f"{r.p50_ms:.1f} | {r.p95_ms:.1f} | {r.p99_ms:.1f} | {r.errors} | {r.first_ms:.0f} | "
            + (f"{r.first_other_ms:.0f} ({r.first_other_misses}) | " if other else "")
            + (f"{r.cache_hits_per_request:.2f}, {r.cache_misses} | " if redis else "")
            + f"{r.queries_first}/{r.queries_again} | "
            f"{r.peak_rss_mb:.0f} | {r.rss_growth_mb:.1f} | {', '.join(r.misses) or '—'} |"
        )
    return "\n".join(lines)


@contextlib.contextmanager
def serving(env: dict[str, str], instances: int) -> Iterator[tuple[list[int], list[int]]]:
    """``instances`` gunicorns, each on a port of its own, sharing ``env`` (the database, the
    secret key, the cache): their ports and master pids. With ``CACHE_URL`` the run's keys are
    deleted before (what the in-process counting kept: the servers render their first
    requests) and after."""
    cache = (env["CACHE_URL"], env["CACHE_KEY_PREFIX"]) if env.get("CACHE_URL") else None
    servers: list[subprocess.Popen[bytes]] = []
    ports: list[int] = []
    try:
        if cache:
            forget_prefix(*cache)
        for _instance in range(instances):
            ports.append(free_port())
            servers.append(start_gunicorn(env, ports[-1], OUTPUT / "gunicorn.log", timeout=120))
        yield ports, [server.pid for server in servers]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
        if cache:
            forget_prefix(*cache)


def servers(arguments: argparse.Namespace) -> str:
    """What served the run, for the written table."""
    described = "2 gunicorn workers"
    if arguments.instances > 1:
        described = (
            f"{arguments.instances} gunicorn instances of 2 workers on different ports, sharing "
            "the database, loaded at once (one wrk each, the connections split between them; "
            "req/s summed, latencies of all their requests together)"
        )
    if arguments.cache_url:
        described += f", pages kept in the Redis of {arguments.cache_url}"
    return described


def main() -> None:  # noqa: PLR0915
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100_000, help="recommendations")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--pages", default=",".join(PAGE_NAMES), help=f"comma-separated: {','.join(PAGE_NAMES)}"
    )
    parser.add_argument(
        "--page-cache",
        choices=("on", "off"),
        default="on",
        help="off: every request renders its page (PAGE_CACHE=off); written as pages-uncached.*",
    )
    parser.add_argument(
        "--cache-url",
        default="",
        help="keep the pages in this Redis (CACHE_URL, a key prefix of the run's own), "
        "e.g. redis://127.0.0.1:6379/0; written as pages-redisN.*",
    )
    parser.add_argument(
        "--instances",
        type=int,
        default=1,
        help="gunicorn instances (2 workers each) sharing the database and the cache, loaded "
        "at once with the connections split between them",
    )
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.prepare:
        prepare(arguments.scale, arguments.seed, arguments.pages.split(","))
        return
    wanted = [name.strip() for name in arguments.pages.split(",") if name.strip()]
    unknown = sorted(set(wanted) - set(PAGE_NAMES))
    if unknown:
        parser.error(f"unknown pages: {', '.join(unknown)}")
    if not 1 <= arguments.instances <= arguments.connections:
        parser.error("--instances must be between 1 and --connections")
    cache: dict[str, str] = {}
    if arguments.cache_url:
        problem = redis_error(arguments.cache_url)
        if problem:
            sys.exit(f"the Redis of --cache-url does not answer: {problem}")
        cache = {
            "CACHE_URL": arguments.cache_url,
            "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(6)}",
        }
    if "floor" not in wanted:
        wanted.insert(0, "floor")
    if "dashboard" in wanted and "member_floor" not in wanted:
        wanted.insert(1, "member_floor")
    ensure_wrk()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    env = server_environment(database_url(), PAGE_CACHE=arguments.page_cache, **cache)
    stem = "pages" if arguments.page_cache == "on" else "pages-uncached"
    if cache:
        stem += f"-redis{arguments.instances}"
    elif arguments.instances > 1:
        stem += f"-local{arguments.instances}"
    migrate_and_collect_static(env)
    prepared = json.loads(
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--prepare",
                "--scale",
                str(arguments.scale),
                "--seed",
                str(arguments.seed),
                "--pages",
                ",".join(wanted),
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.splitlines()[-1]
    )
    results: list[Result] = []
    with serving(env, arguments.instances) as (ports, masters):
        for name in wanted:
            url, cookie = prepared["pages"][name]
            print(f"{name}: {url}", file=sys.stderr, flush=True)
            result = measure(name, url, cookie, ports, masters, arguments)
            result.queries_first, result.queries_again = prepared["queries"][name]
            results.append(result)
        after = worker_rss(masters)
    floor = results[0].requests_per_second
    member_floor = next((r.requests_per_second for r in results if r.name == "member_floor"), 0.0)
    for result in results:
        judge(result, floor, member_floor)
    rss_after = max(after.values(), default=0.0)
    load = os.getloadavg()
    summary = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "page_cache": arguments.page_cache,
        "cache": "redis" if cache else "in-process",
        "instances": arguments.instances,
        "workers_per_instance": 2,
        "scale": prepared["counts"]["recommendations"],
        "duration_s": arguments.duration,
        "connections": arguments.connections,
        "cpus": os.cpu_count(),
        "load_average_after": [round(value, 2) for value in load],
        "worker_rss_after_mb": round(rss_after, 1),
        "results": [asdict(result) for result in results],
    }
    markdown = (
        f"{summary['scale']:,} recommendations, {arguments.duration} s per page at "
        f"{arguments.connections} connections, {servers(arguments)}, {summary['cpus']} CPUs, "
        f"page cache {arguments.page_cache}, "
        f"load average after the run {' '.join(f'{v:.2f}' for v in load)}; "
        f"worker RSS after the run {rss_after:.0f} MB.\n\n"
        f"{table(results, other=arguments.instances > 1, redis=bool(cache))}\n"
    )
    (OUTPUT / f"{stem}.json").write_text(json.dumps(summary, indent=2) + "\n")
    (OUTPUT / f"{stem}.md").write_text(markdown)
    print(markdown)
    print(f"written to {OUTPUT / f'{stem}.json'} and {OUTPUT / f'{stem}.md'}")


if __name__ == "__main__":
    main()
