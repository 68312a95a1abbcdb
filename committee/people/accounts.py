"""How members log in: password, then a second factor, with lockout (docs/security.md items 5–10).

- django-allauth runs login, logout, password reset and two-factor authentication (TOTP with
  recovery codes). Accounts are created by the secretariat: nobody signs up.
- django-axes locks a username for one client address after 5 failures; ``client_ip`` says
  which address that is, trusting ``X-Forwarded-For`` only behind the TLS proxy.
- After login a member lands on their dashboard in their preferred language.
- The password typed to log in counts as a fresh confirmation for
  ``ACCOUNT_REAUTHENTICATION_TIMEOUT``: a newcomer sent to set up their verification code, or
  a member opening their recovery codes, is not asked for it again straight away.
"""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import (
    get_authentication_records,
    record_authentication,
)
from allauth.core.internal.httpkit import get_client_ip
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from committee.languages import CODES

#: Authenticators that count as a second factor (recovery codes only back them up).
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for lockout: ``REMOTE_ADDR``, or behind the TLS proxy the address
    the proxy appended last to ``X-Forwarded-For`` (what a client forges before it is ignored)."""
    return get_client_ip(request) or None


def has_second_factor(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()
    )


def dashboard_url(user: Any) -> str:
    """``/me/`` under the prefix of the user's preferred language (``/es/me/``)."""
    language = getattr(user, "preferred_language", "") or translation.get_language() or "en"
    with translation.override(language if language in CODES else "en"):
        return reverse("me")


def count_login_as_reauthentication(request: HttpRequest, user: Any) -> None:
    """Marks the password just typed to log in as a reauthentication, dated when it was typed.

    allauth asks for the password again before any change to the second factor unless the
    user "reauthenticated" within the timeout, and a login does not count as one: a newcomer
    would type their password, then be asked for it again to set up their verification code.
    """
    typed = [
        record
        for record in get_authentication_records(request, user)
        if record.get("method") == "password"
    ]
    if typed and not typed[-1].get("reauthenticated"):
        record_authentication(
            request, user, method="password", reauthenticated=True, at=typed[-1]["at"]
        )


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return dashboard_url(request.user)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Password failures are counted by axes, per username *and* address.

        allauth's own counter is per username alone, so a stranger could lock a member out from
        everywhere; it is left to guard the second step only (see settings).
        """


class SecondFactorAdapter(DefaultMFAAdapter):  # type: ignore[misc]
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """A member cannot switch off their second factor; the secretariat resets a lost one."""
        return False
