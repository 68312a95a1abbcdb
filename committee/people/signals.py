"""Deactivating an account ends its sessions on the server, wherever the change is made; a
login counts as the confirmation of the password for a while (``accounts``)."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import user_logged_in
from allauth.usersessions.models import UserSession
from django.db.models.signals import post_save
from django.dispatch import receiver

from committee.people.accounts import count_login_as_reauthentication
from committee.people.models import User


def end_sessions(user: User) -> int:
    """Delete every session ``user`` holds from the session store; returns how many."""
    sessions = list(UserSession.objects.filter(user=user))
    for session in sessions:
        session.end()
    return len(sessions)


@receiver(post_save, sender=User, dispatch_uid="people_end_sessions_of_deactivated_users")
def end_sessions_when_deactivated(sender: type[User], instance: User, **kwargs: Any) -> None:
    if not instance.is_active:
        end_sessions(instance)


@receiver(user_logged_in, dispatch_uid="people_login_counts_as_reauthentication")
def login_counts_as_reauthentication(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    count_login_as_reauthentication(request, user)
