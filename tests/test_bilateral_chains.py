"""``is_visible`` and ``visible_to`` agree, and both follow the whole chain (docs/design.md §5.2):
for random graphs of records with a random visibility at every level, every role, every record."""

from __future__ import annotations

import random

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from committee.bilateral import is_visible, visible_levels
from committee.subcommittees.models import Body
from committee.write_paths import through_service
from tests import factories as f
from tests.graphs import build

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    """Undoes one example's records."""


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_is_visible_agrees_with_visible_to_and_the_oracle(roles, seed, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    try:
        with transaction.atomic():
            graph = build(random.Random(seed), "p", roles["ma_member"])
            for role, user in roles.items():
                levels = visible_levels(user)
                listed: dict[type, set[object]] = {}
                for node in graph.nodes:
                    model = type(node.record)
                    if model not in listed:
                        queryset = model._default_manager.visible_to(user)  # type: ignore[attr-defined]
                        listed[model] = set(queryset.values_list("pk", flat=True))
                    expected = graph.visible(node, levels)
                    fresh = model._default_manager.get(pk=node.record.pk)
                    assert is_visible(user, fresh) == expected, (role, node.canary, seed)
                    assert (node.record.pk in listed[model]) == expected, (role, node.canary, seed)
            raise Rollback
    except Rollback:
        pass


def test_a_body_below_a_hidden_body_is_hidden_however_deep(roles):
    top = f.BodyFactory(visibility="ma")
    chain = [top]
    for _ in range(5):
        chain.append(f.BodyFactory(parent=chain[-1], visibility="public"))
    visible = set(Body.objects.visible_to(roles["es_member"]).values_list("pk", flat=True))
    assert not visible & {body.pk for body in chain}
    assert {body.pk for body in chain} <= set(
        Body.objects.visible_to(roles["ma_member"]).values_list("pk", flat=True)
    )
    assert not any(is_visible(roles["es_member"], body) for body in chain)


def test_a_cycle_of_visible_bodies_is_visible_and_one_hidden_hides_it_all(roles):
    a = f.BodyFactory(visibility="public")
    b = f.BodyFactory(parent=a, visibility="public")
    a.parent = b
    a.save()
    assert set(Body.objects.visible_to(None)) == {a, b}
    assert is_visible(None, a)
    assert is_visible(None, b)
    b.visibility = "ma"
    with through_service("test"):
        b.save()
    assert set(Body.objects.visible_to(None)) == set()
    assert not is_visible(None, Body.objects.get(pk=a.pk))
