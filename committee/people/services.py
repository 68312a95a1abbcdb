"""Writes about accounts and people."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction

from committee.bilateral import Role, Side
from committee.people.models import User

#: 24 URL-safe characters: about 144 bits, far past the password policy's minimum.
GENERATED_PASSWORD_BYTES = 18


@transaction.atomic
def create_secretariat_account(*, username: str, side: str, email: str = "") -> tuple[User, str]:
    """A secretariat account for one delegation, with a generated one-time password.

    Returns the user and the password, which is shown once and never stored in clear.
    The account must enrol a second factor and change the password at its first login.
    """
    if side not in Side.values:
        raise ValidationError(f"side must be one of {', '.join(Side.values)}, not {side!r}.")
    if User.objects.filter(username=username).exists():
        raise ValidationError(f"an account named {username!r} already exists.")
    password = secrets.token_urlsafe(GENERATED_PASSWORD_BYTES)
    user = User(username=username, email=email, side=side, role=Role.SECRETARIAT, is_staff=True)
    user.set_password(password)
    user.must_change_password = True  # after set_password, which clears it
    user.full_clean(exclude=["password"])
    user.save()
    return user, password
