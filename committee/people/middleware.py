"""Sessions renewed while in use; a second factor enrolled, and a one-time password changed,
before anything else."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy

from committee.people.accounts import has_second_factor

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: What a logged-in user without a second factor may still reach: enrolment and leaving.
ENROLMENT_VIEW_NAMES = frozenset(
    {
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_index",
        "account_reauthenticate",
        "account_logout",
        "logout",
        "admin:logout",
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


#: What a user who must change a one-time password may still reach: the change itself, second-
#: factor enrolment (which comes first) and leaving.
PASSWORD_CHANGE_VIEW_NAMES = frozenset(
    {
        "account_change_password",
        "admin:password_change",
        "admin:password_change_done",
        *ENROLMENT_VIEW_NAMES,
    }
)


@dataclass(frozen=True)
class SetupStep:
    """Something an account must do before anything else, and what it may reach meanwhile."""

    pending: Callable[[Any], bool]
    reachable: frozenset[str]  # view names (namespaced: ``admin:logout``)
    message: StrOrPromise
    url_name: str


#: In order: a second factor first (the admin included: its pages are views like any other),
#: then the one-time password of ``create_secretariat_user`` (``must_change_password``, cleared
#: by ``User.set_password``).
SETUP_STEPS = (
    SetupStep(
        pending=lambda user: not has_second_factor(user),
        reachable=ENROLMENT_VIEW_NAMES,
        message=gettext_lazy(
            "Before anything else, set up your verification code: scan the QR code with an "
            "authenticator app and type the six digits it shows."
        ),
        url_name="mfa_activate_totp",
    ),
    SetupStep(
        pending=lambda user: bool(getattr(user, "must_change_password", False)),
        reachable=PASSWORD_CHANGE_VIEW_NAMES,
        message=gettext_lazy(
            "The password you were given can be used only once: choose your own password "
            "before anything else."
        ),
        url_name="account_change_password",
    ),
)


class AccountSetupRequiredMiddleware:
    """Sends an authenticated user to the first step of ``SETUP_STEPS`` still pending."""

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
        if not user.is_authenticated:
            return None
        match = request.resolver_match
        view_name = match.view_name if match is not None else ""
        for step in SETUP_STEPS:
            if step.pending(user):
                if view_name in step.reachable:
                    return None
                messages.info(request, step.message)
                return redirect(step.url_name)
        return None
