"""The linked public world of ``tests/site/conftest.py``, shared with this app's tests, and a
fresh cache for the login tests."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.site.conftest import canary, world  # noqa: F401


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and used TOTP codes live in the cache: each test starts without them."""
    cache.clear()
    yield
    cache.clear()
