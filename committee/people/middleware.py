"""Members and secretariat enrol a second factor before they may do anything else."""

from __future__ import annotations

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
    }
)


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
