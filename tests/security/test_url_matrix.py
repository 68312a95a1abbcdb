"""Every URL of the URLconf, requested as every role, about records of every visibility.

The expectations come from ``tests/security/access.py``, the one table of who may reach what.
URLs of the members' area need a member's records: ``tests/members/test_matrix.py`` requests
them, against the same table; this test makes sure each has a member rule.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from pghistory.models import Events

from committee.members import urls as member_urls
from tests.security.access import (
    ADMIN_ADD,
    MEMBERS,
    ROLES,
    VISIBILITIES,
    expected,
    is_staff_role,
    rule_for,
)
from tests.security.addresses import ADMIN_NAME, every_url, one_world, url_for
from tests.security.pagechecks import html_problems

pytestmark = pytest.mark.django_db


def test_every_url_has_a_rule():
    missing = sorted({name for name, _route in every_url() if rule_for(name) is None})
    assert missing == [], "add these URLs to tests/security/access.py"


def test_every_members_url_is_in_the_members_table():
    members = {name for name, _route in every_url() if rule_for(name) in MEMBERS}
    assert members == {pattern.name for pattern in member_urls.urlpatterns}


@pytest.fixture
def worlds(roles, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    owners = {"es": roles["es_member"]}
    worlds = {
        visibility: one_world(visibility, owners.get(visibility, roles["ma_member"]))
        for visibility in VISIBILITIES
    }
    # Accounts are the admin's records of a delegation: an MA account is "ma", an ES one "es".
    worlds["ma"]["user"] = roles["ma_member"]
    worlds["es"]["user"] = roles["es_member"]
    return worlds


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_table_says(client, roles, worlds, role):
    user = roles[role]
    if user is not None:
        client.force_login(user)
    events_before = Events.objects.count()
    wrong, checked = [], 0
    for name, route in every_url():
        rule = rule_for(name)
        if rule is None or rule in MEMBERS or name in {"logout", "account_logout", "admin:logout"}:
            continue  # members: own table; logging out would end this session
        for visibility, world in worlds.items():
            url = url_for(name, route, world)
            if url is None:
                continue
            if rule == ADMIN_ADD and is_staff_role(role) and not _may_add(name, user):
                want = {403}
            else:
                want = expected(rule, role, visibility, roles)
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
            checked += 1
            if response.status_code not in want:
                wrong.append((name, visibility, response.status_code, sorted(want)))
            if problems := html_problems(response, logged_in=user is not None):
                wrong.append((name, visibility, response.status_code, problems))
            if (
                "<path:object_id>" not in route
                and visibility == "public"
                and rule not in {"record", "public-only", "admin-object"}
            ):
                break  # a URL not about a record answers the same whatever the world
    assert checked > 150
    assert wrong == []
    assert Events.objects.count() == events_before, (
        "a GET changed committee data (docs/security.md item 15)"
    )


def _may_add(name: str, user) -> bool:
    match = ADMIN_NAME.match(name)
    model_admin = next(
        a
        for m, a in admin.site._registry.items()
        if m._meta.app_label == match["app"] and m._meta.model_name == match["model"]
    )
    return model_admin.has_add_permission(type("Request", (), {"user": user})())
