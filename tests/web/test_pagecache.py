"""Kept pages (committee.web.pagecache): who must never get one, and when one must not be kept.

These tests commit their data (``transaction=True``): a test wrapped in a transaction sees rows
nobody else sees, and nothing is kept from such a connection (``stamp.current()`` is None).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import OperationalError, connection, connections
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from committee.web import pagecache, stamp
from tests import factories as f
from tests.factories import CANARY
from tests.pages import stable
from tests.security.access import PUBLIC, PUBLIC_ONLY, RECORD, VISIBILITIES, rule_for
from tests.security.addresses import every_url, one_world, url_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.server]

BODY_NONCE = re.compile(rb'nonce="([^"]+)"')
HEADER_NONCE = re.compile(r"'nonce-([^']+)'")


def get(client: Client, url: str, **extra):
    """The response and the SQL it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
        content = b"".join(response.streaming_content) if response.streaming else response.content
    return response, content, [query["sql"] for query in queries.captured_queries]


def from_copy(sql: list[str]) -> bool:
    """The request read the stamp and nothing else: it was answered from a kept page."""
    return bool(sql) and all(stamp.TABLE in statement for statement in sql)


def rendered(sql: list[str]) -> bool:
    """The request read recommendations: a member's page was rendered, not taken from a copy."""
    return any("recommendations_" in statement for statement in sql)


def nonces(response, content: bytes) -> tuple[set[bytes], str | None]:
    header = HEADER_NONCE.search(response.headers.get("Content-Security-Policy", ""))
    return set(BODY_NONCE.findall(content)), header.group(1) if header else None


def test_a_visitors_second_request_is_answered_from_the_copy_with_a_fresh_nonce(client, world):
    url = reverse("body-detail", args=[world["committee"].pk])
    first, first_content, first_sql = get(client, url)
    second, second_content, second_sql = get(client, url)
    assert not from_copy(first_sql)
    assert from_copy(second_sql)
    assert first.status_code == second.status_code == 200
    assert stable(first_content.decode()) == stable(second_content.decode())
    (first_nonces, first_header), (second_nonces, second_header) = (
        nonces(first, first_content),
        nonces(second, second_content),
    )
    assert first_nonces == {first_header.encode()}
    assert second_nonces == {second_header.encode()}
    assert first_header != second_header
    assert pagecache.NONCE_PLACEHOLDER not in second_content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == first["Content-Language"]


def test_a_committed_change_shows_on_the_next_request(client, world):
    body = world["committee"]
    url = reverse("body-detail", args=[body.pk])
    get(client, url)
    body.name_en = "Renamed strategic committee"
    body.save()
    _response, content, sql = get(client, url)
    assert not from_copy(sql)
    assert b"Renamed strategic committee" in content


def test_a_page_read_while_a_write_commits_is_not_kept(client, world):
    body = world["committee"]
    url = reverse("body-detail", args=[body.pk])
    other = connections.create_connection("default")
    committed = []

    def commit_midway(execute, sql, params, many, context):
        if not committed and stamp.TABLE not in sql:
            with other.cursor() as cursor:  # another process saving while this page renders
                cursor.execute(
                    "UPDATE subcommittees_body SET name_en = 'Saved meanwhile' WHERE id = %s",
                    [body.pk],
                )
            committed.append(sql)
        return execute(sql, params, many, context)

    try:
        with connection.execute_wrapper(commit_midway):
            client.get(url)
    finally:
        other.close()
    assert committed
    _response, content, sql = get(client, url)
    assert not from_copy(sql), "a page rendered across a commit was kept"
    assert b"Saved meanwhile" in content


def test_members_are_never_answered_from_a_visitors_copy_nor_visitors_from_a_members_page(
    client, canary, ma_member
):
    url = reverse("recommendation-list")
    member = Client()
    member.force_login(ma_member)
    response, content, sql = get(member, url)
    assert CANARY.encode() in content.lower()
    assert "no-store" in response["Cache-Control"]
    for _ in range(2):
        _response, content, sql = get(client, url)
        assert CANARY.encode() not in content.lower()
    assert from_copy(sql)
    _response, content, sql = get(member, url)
    assert not from_copy(sql)
    assert CANARY.encode() in content.lower()


def test_a_request_with_a_session_or_a_message_is_rendered_for_itself(client, world):
    url = reverse("home")
    get(client, url)
    assert from_copy(get(client, url)[2])
    client.cookies["messages"] = "anything"
    assert not from_copy(get(client, url)[2])
    del client.cookies["messages"]
    client.cookies["unrelated"] = "x"  # neither a session nor messages: still the copy
    assert from_copy(get(client, url)[2])
    client.cookies[settings.SESSION_COOKIE_NAME] = "expired-or-forged"
    response, _content, sql = get(client, url)
    assert response.status_code == 200
    assert not from_copy(sql)


def test_pages_that_set_a_cookie_fail_or_are_too_big_are_not_kept(client, world, monkeypatch):
    login = reverse("login")
    for _ in range(2):
        response, content, sql = get(client, login)
        assert not from_copy(sql)
        assert b"csrfmiddlewaretoken" in content
    missing = reverse("recommendation-detail", args=["NO-SUCH-REFERENCE"])
    for _ in range(2):
        response, content, sql = get(client, missing)
        assert response.status_code == 404
        assert not from_copy(sql)
    monkeypatch.setattr(pagecache, "MAX_ENTRY_BYTES", 1000)
    for _ in range(2):
        assert not from_copy(get(client, reverse("home"))[2])


def test_the_language_the_address_and_the_day_each_have_their_own_copy(client, world):
    get(client, "/es/")
    _arabic, content, sql = get(client, "/ar/")
    assert not from_copy(sql)
    assert b'dir="rtl"' in content
    get(client, "/es/recommendations/?status=open")
    assert not from_copy(get(client, "/es/recommendations/?status=done")[2])
    assert from_copy(get(client, "/es/recommendations/?status=open")[2])
    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=1)):
        assert not from_copy(get(client, "/es/")[2])


def test_head_and_post_are_never_answered_from_the_copy(client, world):
    url = reverse("search")
    get(client, url)
    for send in (client.head, client.post):
        with CaptureQueriesContext(connection) as queries:
            send(url)
        assert not from_copy([query["sql"] for query in queries.captured_queries])


def test_addresses_outside_the_language_prefix_never_read_the_stamp(client, world):
    for url in ("/healthz", reverse("open-data-csv", args=["recommendations"])):
        assert client.get(url).status_code == 200
        assert not any(stamp.TABLE in statement for statement in get(client, url)[2])


def test_a_page_whose_stamp_cannot_be_read_is_rendered_by_its_view(client, world, monkeypatch):
    def unreachable():
        raise OperationalError("the server closed the connection unexpectedly")

    monkeypatch.setattr(stamp, "current", unreachable)
    for _ in range(2):
        response = client.get(reverse("home"))
        assert response.status_code == 200


def test_every_public_page_kept_is_the_page_rendered_and_reads_no_unwatched_table(
    client, roles, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    owners = {"es": roles["es_member"]}
    worlds = {v: one_world(v, owners.get(v, roles["ma_member"])) for v in VISIBILITIES}
    others = stamp.UNWATCHED - {stamp.TABLE}
    unwatched = re.compile("|".join(rf"\b{table}\b" for table in others))
    kept, wrong = 0, []
    for name, route in every_url():
        if rule_for(name) not in {PUBLIC, RECORD, PUBLIC_ONLY}:
            continue
        for visibility, world in worlds.items():
            url = url_for(name, route, world)
            if url is None:
                continue
            first, first_content, first_sql = get(client, url)
            second, second_content, second_sql = get(client, url)
            reads = [sql for sql in first_sql if unwatched.search(sql)]
            if reads:
                wrong.append((url, "reads", reads))
            if first.status_code != second.status_code:
                wrong.append((url, first.status_code, second.status_code))
            elif first["Content-Type"].startswith("text/html") and stable(
                first_content.decode(errors="replace")
            ) != stable(second_content.decode(errors="replace")):  # (iCal has a DTSTAMP of now)
                wrong.append((url, "differs"))
            if from_copy(second_sql):
                kept += 1
                if second.status_code != 200:
                    wrong.append((url, visibility, second.status_code, "kept"))
    assert wrong == []
    assert kept > 20


def test_a_members_dashboard_is_kept_for_that_member_only(client, world, ma_member, es_member):
    ma_member.person = world["director"]  # co-chair of the committee: follows its recommendations
    ma_member.save()
    ma, es = Client(), Client()
    ma.force_login(ma_member)
    es.force_login(es_member)
    url = reverse("me")
    ma_page = get(ma, url)[1].decode()
    es_page = get(es, url)[1].decode()
    assert "delegation of Morocco" in ma_page
    assert "delegation of Spain" in es_page
    again = get(es, url)
    assert "delegation of Spain" in again[1].decode()
    assert not rendered(again[2]), "not answered from the copy"
    f.StatusChangeFactory(
        recommendation=world["recommendation"], proposed_by=ma_member, proposed_side="MA"
    )
    after = get(es, url)
    assert rendered(after[2])


def test_a_kept_members_page_carries_this_responses_csrf_token_which_works(world, ma_member):
    member = Client(enforce_csrf_checks=True)
    member.force_login(ma_member)
    url = reverse("me")
    tokens = []
    for _ in range(2):
        response, content, sql = get(member, url)
        (token,) = set(pagecache.CSRF_TOKEN.findall(content))
        tokens.append(token)
        assert pagecache.TOKEN_PLACEHOLDER not in content
        assert pagecache.NONCE_PLACEHOLDER not in content
    assert not rendered(sql), "not the kept page"
    assert tokens[0] != tokens[1]
    response = member.post(reverse("logout"), {"csrfmiddlewaretoken": tokens[1].decode()})
    assert response.status_code == 302
    assert member.get(url).status_code == 302  # logged out: the kept page is not shown


def message_cookie(text: str) -> str:
    """The value of the cookie Django's message framework would set for ``text``."""
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(messages.SUCCESS, text)
    response = HttpResponse()
    storage.update(response)
    return response.cookies[CookieStorage.cookie_name].value


def test_a_members_page_is_rendered_while_a_message_waits(world, ma_member):
    member = Client()
    member.force_login(ma_member)
    url = reverse("me")
    get(member, url)
    assert not rendered(get(member, url)[2])  # kept
    member.cookies[CookieStorage.cookie_name] = message_cookie("Progress update saved.")
    _response, content, sql = get(member, url)
    assert b"Progress update saved." in content
    assert rendered(sql)
    _response, content, sql = get(member, url)  # shown once, then gone; the kept page again
    assert b"Progress update saved." not in content
    assert not rendered(sql)


def test_a_kept_members_page_reads_no_unwatched_table(world, ma_member, monkeypatch):
    seen: list[str] = []
    keep = pagecache.member_page

    def spying(request, parts, render):
        def render_and_watch():
            with CaptureQueriesContext(connection) as queries:
                response = render()
            seen.extend(query["sql"] for query in queries.captured_queries)
            return response

        return keep(request, parts, render_and_watch)

    monkeypatch.setattr(pagecache, "member_page", spying)
    ma_member.person = world["director"]  # co-chair of the committee: follows its recommendations
    ma_member.save()
    member = Client()
    member.force_login(ma_member)
    assert member.get(reverse("me")).status_code == 200
    assert len(seen) > 8
    others = stamp.UNWATCHED - {stamp.TABLE}
    assert [sql for sql in seen if any(table in sql for table in others)] == []


def test_a_members_page_rendered_for_a_user_changed_meanwhile_is_not_kept(world, ma_member):
    """The user is loaded before the stamp is read: a role change committed in between is in
    the stamp but not in the page, which must then not be kept for the demoted user."""
    member = Client()
    member.force_login(ma_member)
    url = reverse("me")
    other = connections.create_connection("default")
    demoted = []

    def demote_before_the_stamp(execute, sql, params, many, context):
        if not demoted and stamp.TABLE in sql:
            with other.cursor() as cursor:  # the secretariat saves meanwhile
                cursor.execute(
                    "UPDATE people_user SET role = 'observer' WHERE id = %s", [ma_member.pk]
                )
            demoted.append(sql)
        return execute(sql, params, many, context)

    try:
        with connection.execute_wrapper(demote_before_the_stamp):
            first = member.get(url)
    finally:
        other.close()
    assert demoted
    assert "Member · delegation of Morocco" in first.text  # rendered with the stale user
    _response, content, sql = get(member, url)
    assert rendered(sql), "the stale page was kept"
    assert b"Observer" in content


def test_readyz_renders_the_home_page_even_when_a_copy_of_it_is_kept(settings, tmp_path):
    client = Client(raise_request_exception=False)
    with translation.override("en"):
        home = reverse("home")
    client.get(home, secure=True)
    assert from_copy(get(client, home, secure=True)[2])  # the copy /readyz's request would match
    settings.STATIC_ROOT = tmp_path  # now every page that renders fails (issue 15's bug)
    settings.WHITENOISE_USE_FINDERS = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    assert client.get(home, secure=True).status_code == 200  # visitors still get the copy

    assert client.get("/readyz", secure=True).status_code == 503
