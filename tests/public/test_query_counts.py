"""Every public page runs in the same number of queries whatever the amount of data."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("page", PAGES)
def test_the_page_runs_in_the_same_number_of_queries_for_few_and_many_rows(
    client, world, ma_member, page, django_assert_max_num_queries
):
    url = page.format(**{key: getattr(value, "pk", None) for key, value in world.items()})
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == 200
    f.grow(world, ma_member, 12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
