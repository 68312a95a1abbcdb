"""Every member URL, for every role, against records of every visibility (docs/security.md items 11–12).

Who may reach what is written in the suite's one access table, ``tests/security/access.py``
(its member rules: anonymous users are sent to the login; a record the role may not see
answers 404; a page that acts on a record answers 403 to a role that sees it but may not act).
Here: how each member URL is built from the records of one visibility. A URL of the members'
area missing from ``PAGES`` fails.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from pghistory.models import Events

from committee.bilateral import Visibility
from committee.members import urls as member_urls
from committee.recommendations.models import Evidence, PublicationRequest
from tests import factories as f
from tests.security.access import MEMBERS, OWNER, ROLES, RULES, VISIBILITIES, expected
from tests.security.pagechecks import html_problems

pytestmark = pytest.mark.django_db

#: page → how its URL is built from the records of one visibility (who may reach it: RULES).
PAGES = {
    "me": lambda r: reverse("me"),
    "member-recommendation": lambda r: reverse("member-recommendation", args=[r["rec"].reference]),
    "progress-create": lambda r: reverse("progress-create", args=[r["rec"].reference]),
    "status-propose": lambda r: reverse("status-propose", args=[r["rec"].reference]),
    "progress-edit": lambda r: reverse("progress-edit", args=[r["draft"].pk]),
    "progress-publish": lambda r: reverse("progress-publish", args=[r["draft"].pk]),
    "evidence-download": lambda r: reverse("evidence-download", args=[r["evidence"].pk]),
    "status-decide": lambda r: reverse("status-decide", args=[r["change"].pk]),
    "publication-propose": lambda r: reverse(
        "publication-propose", args=["recommendation", r["rec"].pk]
    ),
    "publication-decide": lambda r: reverse("publication-decide", args=[r["publication"].pk]),
}


@pytest.fixture
def world(roles, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    body = f.BodyFactory(visibility=Visibility.PUBLIC)
    for name in ("ma_member", "es_member"):
        user = roles[name]
        user.person = f.PersonFactory(side=user.side)
        user.save()
        f.MembershipFactory(body=body, person=user.person, side=user.side)
    records = {}
    for visibility in VISIBILITIES:
        owner = roles[OWNER[visibility]]
        rec = f.RecommendationFactory(body=body, visibility=visibility, status="in_progress")
        published = f.ProgressUpdateFactory(
            recommendation=rec,
            author=owner,
            side=owner.side,
            visibility=visibility,
            state="published",
            published_at=rec.created_at,
        )
        evidence = Evidence(
            progress_update=published,
            original_name="report.pdf",
            content_type="application/pdf",
            size=9,
            sha256="0" * 64,
        )
        evidence.file.save("report.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
        evidence.save()
        records[visibility] = {
            "rec": rec,
            "draft": f.ProgressUpdateFactory(
                recommendation=rec, author=owner, side=owner.side, visibility=visibility
            ),
            "evidence": evidence,
            "change": f.StatusChangeFactory(
                recommendation=rec,
                proposed_by=owner,
                proposed_side=owner.side,
                from_status="in_progress",
                to_status="implemented",
                visibility=visibility,
            ),
            "publication": PublicationRequest.objects.create(
                content_type_id=_content_type(rec),
                object_id=rec.pk,
                proposed_by=owner,
                proposed_side=owner.side,
            ),
        }
    return records


def _content_type(record):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(record).pk


def test_every_member_url_is_in_the_table():
    names = {pattern.name for pattern in member_urls.urlpatterns}
    assert names == set(PAGES)
    assert {name: RULES.get(name) in MEMBERS for name in names} == dict.fromkeys(names, True)


@pytest.mark.parametrize("role", ROLES)
def test_every_member_url_answers_each_role_as_the_table_says(client, roles, world, role):
    user = roles[role]
    if user is not None:
        client.force_login(user)
    events_before = Events.objects.count()
    wrong = []
    for visibility, records in world.items():
        for page, url_of in PAGES.items():
            url = url_of(records)
            want = expected(RULES[page], role, visibility, roles)
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)  # reading to the end closes the file
            got = response.status_code
            if got not in want:
                wrong.append((page, visibility, got, sorted(want)))
            if problems := html_problems(response, logged_in=user is not None):
                wrong.append((page, visibility, got, problems))
    assert wrong == []
    assert Events.objects.count() == events_before, (
        "a GET changed committee data (docs/security.md item 15)"
    )


def test_anonymous_users_are_sent_to_the_login(client, world):
    response = client.get(reverse("me"))
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", ["ma_member", "es_member"])
def test_every_member_post_without_a_csrf_token_is_refused_and_writes_nothing(roles, world, role):
    client = Client(enforce_csrf_checks=True)
    client.force_login(roles[role])
    events_before = Events.objects.count()
    let_through = []
    for records in world.values():
        for page, url_of in PAGES.items():
            response = client.post(url_of(records), {"action": "confirm", "reason": "x"})
            if response.status_code != 403:
                let_through.append((page, response.status_code))
    assert let_through == []
    assert Events.objects.count() == events_before
