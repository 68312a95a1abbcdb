"""Every public page runs in the same number of queries whatever the amount of data."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests import factories as f

pytestmark = pytest.mark.django_db

PAGES = [
    "/es/meetings/",
    "/es/meetings/{seminar}/",
    "/es/meetings/{upcoming}/",
    "/es/meetings/{seminar}/minutes/",
    "/es/meetings/{seminar}/report/",
    "/es/bodies/",
    "/es/bodies/{committee}/",
    "/es/people/",
    "/es/people/{director}/",
    "/es/organizations/{dgsn}/",
    "/es/agreements/",
    "/es/agreements/{agreement}/",
    "/es/mechanisms/{mechanism}/",
    "/es/sources/{source}/",
    "/es/data/",
    "/calendar.ics",
    "/bodies/{committee}/calendar.ics",
    "/feed/",
]


def grow(world, ma_member, times: int) -> None:
    """More of everything each page lists, tied to the same records."""
    for n in range(times):
        meeting = f.MeetingFactory(body=world["committee"], title_es=f"Reunión {n}")
        recommendation = f.RecommendationFactory(body=world["committee"])
        f.AdoptionFactory(recommendation=recommendation, meeting=world["seminar"])
        f.AdoptionFactory(recommendation=recommendation, meeting=meeting, kind="reiterated")
        person = f.PersonFactory(organization=world["dgsn"])
        f.MembershipFactory(body=world["committee"], person=person)
        f.ParticipationFactory(meeting=world["seminar"], person=person)
        f.StatementFactory(meeting=world["seminar"], person=person)
        f.AgendaItemFactory(meeting=world["seminar"]).presenters.add(person)
        world["agreement"].parties.add(f.OrganizationFactory())
        world["agreement"].recommendations.add(recommendation)
        world["mechanism"].organizations.add(f.OrganizationFactory())
        f.CitationFactory(source=world["source"], record=recommendation, start=n, end=n + 3)
        # (A source page loads cited records with one query per kind of record: bounded by
        # the number of models, so growth here adds rows of kinds already cited.)
        f.CitationFactory(source=world["source"], record=meeting, start=n + 1, end=n + 4)
        f.ProgressUpdateFactory(
            recommendation=recommendation,
            author=ma_member,
            state="published",
            published_at=timezone.now(),
        )


@pytest.mark.parametrize("page", PAGES)
def test_the_page_runs_in_the_same_number_of_queries_for_few_and_many_rows(
    client, world, ma_member, page, django_assert_max_num_queries
):
    url = page.format(**{key: getattr(value, "pk", None) for key, value in world.items()})
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == 200
    grow(world, ma_member, 12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
