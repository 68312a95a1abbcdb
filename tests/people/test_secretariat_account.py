from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from committee.people.models import User

pytestmark = pytest.mark.django_db


def test_the_command_creates_a_secretariat_account_with_a_generated_password(capsys):
    call_command("create_secretariat_user", "sec_ma", "--side", "MA")
    output = capsys.readouterr().out
    password = output.split("One-time password: ")[1].split()[0]
    user = User.objects.get(username="sec_ma")
    assert (user.side, user.role, user.is_staff, user.is_superuser) == (
        "MA",
        "secretariat",
        True,
        False,
    )
    assert user.check_password(password)
    assert len(password) >= 20


def test_two_accounts_get_different_passwords(capsys):
    call_command("create_secretariat_user", "a", "--side", "MA")
    call_command("create_secretariat_user", "b", "--side", "ES")
    first, second = (
        chunk.split()[0] for chunk in capsys.readouterr().out.split("One-time password: ")[1:]
    )
    assert first != second


def test_an_existing_username_is_refused_and_left_untouched():
    User.objects.create_user("taken", side="ES", password="x" * 20)
    with pytest.raises(CommandError, match="already exists"):
        call_command("create_secretariat_user", "taken", "--side", "MA")
    assert User.objects.get(username="taken").side == "ES"


def test_an_unknown_side_is_refused():
    with pytest.raises(CommandError):
        call_command("create_secretariat_user", "x", "--side", "FR")
    assert not User.objects.filter(username="x").exists()
