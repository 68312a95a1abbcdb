"""The canary of tests/site/conftest.py, sought where the public crawl does not go: the admin
(every changelist, its filters and search, every autocomplete) and the e-mails (docs/security.md item 13)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from django.contrib import admin
from django.core import mail
from django.urls import reverse

from committee.bilateral import Side, Visibility
from committee.recommendations.services import propose_status_change
from tests import factories as f
from tests.factories import CANARY
from tests.pages import stable

pytestmark = pytest.mark.django_db

FILTER_LINK = re.compile(r'href="(\?[^"]+)"')


def admin_pages(client) -> dict[str, str]:
    """Every changelist, searched for the canary, and every filter link on it, followed."""
    pages: dict[str, str] = {}
    for model in admin.site._registry:
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for url in (changelist, f"{changelist}?q={CANARY}"):
            response = client.get(url)
            assert response.status_code == 200, url
            pages[url] = response.text
        for query in sorted(set(FILTER_LINK.findall(pages[changelist])))[:40]:
            url = urljoin(changelist, query.replace("&amp;", "&"))
            pages[url] = client.get(url).text
    return pages


def autocompletes(client) -> dict[str, str]:
    """Every autocomplete the admin forms use, asked for the canary and for everything."""
    answers = {}
    for model, model_admin in admin.site._registry.items():
        for field_name in getattr(model_admin, "autocomplete_fields", ()):
            for term in (CANARY, ""):
                url = (
                    reverse("admin:autocomplete")
                    + f"?app_label={model._meta.app_label}&model_name={model._meta.model_name}"
                    + f"&field_name={field_name}&term={term}"
                )
                response = client.get(url)
                assert response.status_code in {200, 403}, url
                answers[url] = response.content.decode()
    return answers


NO_MATCH = "qqnomatchqq"


def leaks(pages: dict[str, str], client) -> list[str]:
    """Pages that show the canary, other than echoing back what the reader typed: a page asked
    for the canary must be exactly the page asked for a word that matches nothing."""
    found = []
    for url, text in pages.items():
        if CANARY not in url:
            if CANARY in text.lower():
                found.append(url)
            continue
        baseline = client.get(url.replace(CANARY, NO_MATCH)).content.decode()
        if stable(text.replace(CANARY, NO_MATCH)) != stable(baseline):
            found.append(url)
    return found


def test_the_spanish_secretariat_finds_the_moroccan_canary_nowhere_in_the_admin(
    client, world, canary, es_secretariat
):
    client.force_login(es_secretariat)
    assert leaks(admin_pages(client), client) == []
    assert leaks(autocompletes(client), client) == []


def test_the_moroccan_secretariat_does_find_it(client, world, canary, ma_secretariat):
    """The control: the same crawl sees the canary when it may."""
    client.force_login(ma_secretariat)
    assert leaks(admin_pages(client), client)
    assert leaks(autocompletes(client), client)


def mailed_text(recommendation, by, reason, capture) -> dict[str, str]:
    """Propose a status change, run what waits for the commit, and return, per recipient,
    the text of every e-mail they got."""
    mail.outbox.clear()
    with capture(execute=True) as callbacks:
        propose_status_change(
            recommendation=recommendation,
            by=by,
            to_status="implemented",
            completion="complete",
            reason=reason,
        )
    assert callbacks, "the proposal queued no notification"
    texts: dict[str, str] = {}
    for message in mail.outbox:
        alternatives = [str(body) for body, _type in getattr(message, "alternatives", [])]
        for address in message.to:
            texts[address] = " ".join(
                [texts.get(address, ""), message.subject, message.body, *alternatives]
            )
    return texts


@pytest.fixture
def focal_points(world, ma_member, es_member):
    """Both members, focal points of the committee: each would hear of the other's proposals."""
    for user, side in ((ma_member, Side.MA), (es_member, Side.ES)):
        user.person = f.PersonFactory(side=side)
        user.email = f"{user.username}@example.org"
        user.save()
        f.MembershipFactory(
            body=world["committee"], person=user.person, side=side, role="focal_point"
        )


def test_no_email_carries_a_record_to_someone_who_may_not_see_it(
    world, canary, ma_member, es_member, focal_points, django_capture_on_commit_callbacks
):
    texts = mailed_text(
        canary["recommendation"], ma_member, f"hecho {CANARY}", django_capture_on_commit_callbacks
    )
    assert CANARY not in texts.get(es_member.email, "").lower()
    assert all(CANARY not in text.lower() for text in texts.values())


def test_the_same_proposal_on_a_shared_record_does_reach_the_other_side(
    world, ma_member, es_member, focal_points, django_capture_on_commit_callbacks
):
    """The control: the e-mail would carry the canary if the record could be seen."""
    shared = f.RecommendationFactory(
        body=world["committee"], text_es=f"Recomendación {CANARY}", visibility=Visibility.COMMITTEE
    )
    texts = mailed_text(shared, ma_member, f"hecho {CANARY}", django_capture_on_commit_callbacks)
    assert CANARY in texts[es_member.email].lower()
