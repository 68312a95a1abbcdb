"""The linked public world of ``tests/site/conftest.py``, shared with this app's tests."""

from tests.site.conftest import canary, world  # noqa: F401
