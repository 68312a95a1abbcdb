"""Users of every role, and helpers shared by the whole suite."""

from __future__ import annotations

import pytest

from committee.bilateral import Role, Side
from tests.factories import UserFactory


@pytest.fixture
def ma_member(db):
    return UserFactory(username="ma_member", side=Side.MA, role=Role.MEMBER)


@pytest.fixture
def es_member(db):
    return UserFactory(username="es_member", side=Side.ES, role=Role.MEMBER)


@pytest.fixture
def ma_observer(db):
    return UserFactory(username="ma_observer", side=Side.MA, role=Role.OBSERVER)


@pytest.fixture
def ma_secretariat(db):
    return UserFactory(
        username="ma_secretariat", side=Side.MA, role=Role.SECRETARIAT, is_staff=True
    )


@pytest.fixture
def es_secretariat(db):
    return UserFactory(
        username="es_secretariat", side=Side.ES, role=Role.SECRETARIAT, is_staff=True
    )


@pytest.fixture
def superuser(db):
    return UserFactory(
        username="operator", side="", role=Role.SECRETARIAT, is_staff=True, is_superuser=True
    )


@pytest.fixture
def roles(ma_member, es_member, ma_secretariat, es_secretariat, superuser):
    """Every kind of viewer by name, anonymous included."""
    return {
        "anonymous": None,
        "ma_member": ma_member,
        "es_member": es_member,
        "ma_secretariat": ma_secretariat,
        "es_secretariat": es_secretariat,
        "superuser": superuser,
    }


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Each test starts in the default language: a request in Arabic leaves Arabic active in
    the test's thread, which would change what ``reverse()`` and lazy strings give later."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _no_kept_pages():
    """Each test starts with no kept page (committee.site.pagecache): one kept by an earlier
    test may have been rendered under settings (``override_settings``) no data stamp records."""
    from django.core.cache import caches

    caches["pages"].clear()
