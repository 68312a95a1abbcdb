"""The project's URLs with bin/prodcheck's forced error routed (tests/web/test_errors.py)."""

from tests.web.test_errors import prodcheck_urlpatterns as urlpatterns  # noqa: F401

handler500 = "committee.web.errors.server_error"
handler404 = "committee.web.errors.page_not_found"
