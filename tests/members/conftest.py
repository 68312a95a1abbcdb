"""Members who sit on a body for their delegation, and recommendations that body owns."""

from __future__ import annotations

import pytest

from committee.bilateral import Role, Side, Visibility
from committee.subcommittees.models import MembershipRole
from tests import factories as f


@pytest.fixture
def body(db):
    return f.BodyFactory(visibility=Visibility.PUBLIC)


def seated(username, side, body, *, role=MembershipRole.MEMBER, language="ar"):
    person = f.PersonFactory(side=side)
    f.MembershipFactory(body=body, person=person, side=side, role=role)
    return f.UserFactory(
        username=username, side=side, role=Role.MEMBER, person=person, preferred_language=language
    )


@pytest.fixture
def ma_seated(body):
    """A Moroccan member of ``body``."""
    return seated("ma_seated", Side.MA, body)


@pytest.fixture
def es_seated(body):
    """A Spanish member of ``body``."""
    return seated("es_seated", Side.ES, body, language="es")


@pytest.fixture
def es_co_chair(body):
    return seated("es_chair", Side.ES, body, role=MembershipRole.CO_CHAIR, language="es")


@pytest.fixture
def es_focal_point(body):
    return seated("es_focal", Side.ES, body, role=MembershipRole.FOCAL_POINT, language="fr")


@pytest.fixture
def rec(body):
    """A committee recommendation of ``body``, in progress."""
    return f.RecommendationFactory(body=body, visibility=Visibility.COMMITTEE, status="in_progress")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and used TOTP codes live in the cache: each test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
