"""URLs. Pages live under a language prefix (``/ar/…``); machine endpoints do not."""

from allauth.account import views as allauth_views
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from committee.people import account_views
from committee.site import views as site_views

urlpatterns = [
    path("healthz", site_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    # The admin's own password-only login is replaced by the members' two-factor login.
    path("admin/login/", account_views.admin_login),
    path("admin/", admin.site.urls),
    # "login" and "logout" are the names templates use; they are allauth's views.
    path("accounts/login/", allauth_views.login, name="login"),
    path("accounts/logout/", allauth_views.logout, name="logout"),
    path("accounts/", include("allauth.urls")),
    path("me/", include("committee.recommendations.member_urls")),
    path("", include("committee.site.urls")),
)
