"""Sessions renewed while in use; a second factor enrolled, and a one-time password changed,
before anything else."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from committee.people.accounts import has_second_factor

#: What a logged-in user without a second factor may still reach: enrolment and leaving.
ENROLMENT_URL_NAMES = frozenset(
    {
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_index",
        "account_reauthenticate",
        "account_logout",
        "logout",
        "account_inactive",
        "set_language",
        "healthz",
        "readyz",
    }
)


#: A request renews its session (30 more minutes) when the last renewal is this old (seconds).
RENEW_AFTER = 60
RENEWED = "_committee_renewed"


class SessionRenewalMiddleware:
    """Pushes the end of a session ``SESSION_COOKIE_AGE`` ahead of its latest request.

    Saving the session on every request (``SESSION_SAVE_EVERY_REQUEST``) would write a row per
    page a member opens; this writes it at most once a minute, so a session ends between 29
    and 30 idle minutes after its last request. Sessions without a key or without data
    (visitors who never started one, one just ended by logout, a cookie naming no session) are
    left alone: renewing would create them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = request.session
        if session.session_key is None:
            return response
        held = set(session.keys())  # loads it; a key that matched no session is dropped
        if session.session_key is None or not held - {RENEWED}:
            return response
        now = int(time.time())
        if now - int(session.get(RENEWED, 0)) >= RENEW_AFTER:
            session[RENEWED] = now  # modified: SessionMiddleware saves it, with a new expiry
        return response


class SecondFactorRequiredMiddleware:
    """Sends an authenticated user who has no TOTP (or security key) to TOTP enrolment.

    The admin is covered as well: its pages are views like any other.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        if not request.user.is_authenticated:
            return None
        match = request.resolver_match
        if match is not None and match.url_name in ENROLMENT_URL_NAMES:
            return None
        if has_second_factor(request.user):
            return None
        messages.info(
            request,
            _(
                "Before anything else, protect your account with a second factor: scan the code "
                "with an authenticator app and type the six digits it shows."
            ),
        )
        return redirect("mfa_activate_totp")


#: What a user who must change a one-time password may still reach: the change itself, second-
#: factor enrolment (which comes first) and leaving. Namespaced view names (the admin's own).
PASSWORD_CHANGE_VIEW_NAMES = frozenset(
    {
        "account_change_password",
        "admin:password_change",
        "admin:password_change_done",
        "admin:logout",
        *ENROLMENT_URL_NAMES,
    }
)


class PasswordChangeRequiredMiddleware:
    """Sends a user whose password was generated for them (``must_change_password``, set by
    ``create_secretariat_user``) to the password change page before anything else, admin
    included; the flag clears when the password is changed (``User.set_password``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or not getattr(user, "must_change_password", False):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in PASSWORD_CHANGE_VIEW_NAMES:
            return None
        messages.info(
            request,
            _(
                "The password you were given can be used only once: choose your own password "
                "before anything else."
            ),
        )
        return redirect("account_change_password")
