"""The linked public world and its restricted canary, from tests/site/conftest.py."""

from tests.site.conftest import canary, world  # noqa: F401
