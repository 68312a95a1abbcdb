"""URLs. Pages live under a language prefix (``/ar/…``); machine endpoints do not.

Machine endpoints — the calendars, the feed and the open-data files — are fetched by programs
and shared, so they have one address whatever the language: ``/calendar.ics``,
``/bodies/<id>/calendar.ics``, ``/feed/``, ``/data/committee.json``, ``/data/<name>.csv``. The
calendars and the feed speak the language of ``?lang=`` (else of the request); the data files
hold every language. The downloads of the filtered recommendation list stay beside the list,
under the prefix, because they belong to the page that offers them.
"""

from allauth.account import views as allauth_views
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from committee import admin as committee_admin
from committee.members import account_views
from committee.public import views as site_views
from committee.public.feeds import LatestFeed
from committee.web import errors, health, metrics

# The admin is the secretariat's: its header and window title name the site in the reader's
# language, never "Django administration".
admin.site.site_header = _("Security cooperation committee")
admin.site.site_title = _("Committee secretariat")
admin.site.index_title = _("Committee secretariat")

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.export, name="metrics"),
    # Choosing a language is for everyone, visitors included.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("calendar.ics", site_views.calendar, name="calendar"),
    path("bodies/<int:pk>/calendar.ics", site_views.body_calendar, name="body-calendar"),
    path("feed/", LatestFeed(), name="feed"),
    path("data/committee.json", site_views.open_data_json, name="open-data-json"),
    path("data/<slug:collection>.csv", site_views.open_data_csv, name="open-data-csv"),
]


def prodcheck_urls(token: str) -> list[URLPattern | URLResolver]:
    """``/prodcheck/error`` (bin/prodcheck's forced 500) only when its token is configured."""
    return [path("prodcheck/error", errors.forced_error)] if token else []


urlpatterns += prodcheck_urls(settings.PRODCHECK_TOKEN)

urlpatterns += i18n_patterns(
    # The admin's own password-only login is replaced by the members' two-factor login.
    path("admin/login/", account_views.admin_login),
    # "View on site" only for records the user may see (Django's shortcut checks nothing).
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(committee_admin.view_on_site),
    ),
    path("admin/", admin.site.urls),
    # "login" and "logout" are the names templates use; they are allauth's views.
    path("accounts/login/", allauth_views.login, name="login"),
    path("accounts/logout/", allauth_views.logout, name="logout"),
    path("accounts/", include("allauth.urls")),
    path("me/", include("committee.members.urls")),
    path("", include("committee.public.urls")),
)

handler400 = "committee.web.errors.bad_request"
handler403 = "committee.web.errors.permission_denied"
handler404 = "committee.web.errors.page_not_found"
handler500 = "committee.web.errors.server_error"
