"""``is_visible`` and ``visible_to`` agree, and both follow the whole chain (docs/design.md §5.2):
for random graphs of records with a random visibility at every level, every role, every record."""

from __future__ import annotations

import random

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from committee.bilateral import VisibleQuerySet, is_visible, visible_levels
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


def _links_to_visible_records(model: type) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if (field.many_to_one or field.one_to_one)
        and field.related_model is not model
        and hasattr(field.related_model._default_manager, "visible_to")
    ]


def test_every_record_that_names_a_visible_record_has_a_visibility_rule():
    """A model that links records with a visibility (an adoption: a recommendation and a
    meeting) answers ``visible_to``, and one with no level of its own follows every link:
    the admin's inlines and every list filter through it, so a new link model cannot show a
    hidden meeting's title in a form. Audit versions are filtered by their own rule; accounts
    are not records (each delegation's secretariat manages its own, by UserAdmin's rule)."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from pghistory.models import Event

    missing, unfollowed = [], []
    for model in apps.get_models():
        if (
            not model.__module__.startswith("committee")
            or issubclass(model, Event)
            or model is get_user_model()
        ):
            continue
        links = _links_to_visible_records(model)
        if not links:
            continue
        queryset = model._default_manager.all()
        if not hasattr(queryset, "visible_to"):
            missing.append(model.__name__)
        elif isinstance(queryset, VisibleQuerySet) and not any(
            field.name == "visibility" for field in model._meta.concrete_fields
        ):
            through = set(getattr(queryset, "visible_through", ()))
            unfollowed += [f"{model.__name__}.{name}" for name in links if name not in through]
    assert missing == [], f"no visible_to: {missing}"
    assert unfollowed == [], f"links not in visible_through: {unfollowed}"
