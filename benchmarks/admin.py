"""The admin's changelists at scale, in-process, for each role that uses the admin.

    DEBUG=true PAGE_CACHE=off DATABASE_URL=postgres://…/committee_bench_copy \\
        .venv/bin/python benchmarks/admin.py [--runs 20] [--all]

On a database already filled by ``generate_demo_data`` (a disposable copy: this script adds
three accounts to it, ``bench-operator``, ``bench-ma-secretariat`` and ``bench-es-secretariat``,
each with a second factor), it logs each in through the test client and requests the
recommendations' changelist ``--runs`` times, unfiltered then with each of its filters; it
prints the median time and the number of queries of each. ``--all`` adds the changelist of
every registered model (median of 5). Nothing is served: what is measured is Django, the admin
and PostgreSQL, the page cache left out (``PAGE_CACHE=off``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "committee.settings")


def accounts() -> dict[str, object]:
    from allauth.mfa.models import Authenticator  # noqa: PLC0415
    from allauth.mfa.totp.internal.auth import TOTP  # noqa: PLC0415

    from committee.bilateral import Role, Side  # noqa: PLC0415
    from committee.people.models import User  # noqa: PLC0415

    wanted = {
        "operator": {"side": "", "is_superuser": True},
        "ma-secretariat": {"side": Side.MA, "is_superuser": False},
        "es-secretariat": {"side": Side.ES, "is_superuser": False},
    }
    users: dict[str, object] = {}
    for name, fields in wanted.items():
        user, _ = User.objects.update_or_create(
            username=f"bench-{name}",
            defaults={**fields, "role": Role.SECRETARIAT, "is_staff": True, "is_active": True},
        )
        user.set_unusable_password()
        user.save()
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        users[name] = user
    return users


def measure(client: object, url: str, runs: int) -> tuple[float, int]:
    """The median milliseconds of ``runs`` requests after one warm-up, and the queries of one."""
    from django.db import connection, reset_queries  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    reset_queries()  # each request clears the log (DEBUG keeps one): count from an empty one
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)  # type: ignore[attr-defined]
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--all", action="store_true", help="every registered changelist too")
    parser.add_argument("--roles", default="operator,ma-secretariat,es-secretariat")
    parser.add_argument("--skip", default="", help="pages left out, by name: search,…")
    options = parser.parse_args()

    import django  # noqa: PLC0415

    django.setup()
    from django.contrib import admin  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415
    from django.urls import reverse  # noqa: PLC0415

    from committee.recommendations.models import Recommendation  # noqa: PLC0415

    users = accounts()
    base = reverse("admin:recommendations_recommendation_changelist")
    any_body = Recommendation.objects.exclude(body=None).values_list("body", flat=True).first()
    pages = {
        "recommendations": base,
        "… facets shown": f"{base}?_facets=1",
        "… status=adopted": f"{base}?status__exact=adopted",
        "… body": f"{base}?body__id__exact={any_body}",
        "… missing fr": f"{base}?missing_translation=fr",
        "… needs review": f"{base}?needs_review__exact=1",
        "… search": f"{base}?q=police",
    }
    if options.all:
        for model in sorted(admin.site._registry, key=lambda model: model._meta.label):
            info = f"{model._meta.app_label}_{model._meta.model_name}"
            pages.setdefault(model._meta.label, reverse(f"admin:{info}_changelist"))
    print(f"{'page':32} {'role':16} {'median ms':>10} {'queries':>8}")
    for role in options.roles.split(","):
        client = Client(SERVER_NAME="localhost")  # among the development ALLOWED_HOSTS
        client.force_login(users[role])  # type: ignore[arg-type]
        for name, url in pages.items():
            if name.lstrip("… ") in options.skip.split(","):
                continue
            runs = options.runs if name.startswith(("recommendations", "…")) else 5
            try:
                median, queries = measure(client, url, runs)
            except Exception as error:  # a page that fails is reported, not fatal
                print(f"{name:32} {role:16} failed: {type(error).__name__}: {error}", flush=True)
                continue
            print(f"{name:32} {role:16} {median:10.0f} {queries:8d}", flush=True)


if __name__ == "__main__":
    main()
