"""A password printed by create_secretariat_user must be changed at the first login
(docs/security.md): until it is, the account reaches only the change page, second-factor
enrolment and logout — not its dashboard, not the admin, not the public pages."""

from __future__ import annotations

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from committee.people.models import User
from committee.people.services import create_secretariat_account
from tests import factories as f

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a freshly chosen passphrase 4 the secretariat"


@pytest.fixture
def one_time(db):
    """A secretariat account as the command creates it, with its TOTP enrolled."""
    user, password = create_secretariat_account(username="sec_ma", side="MA")
    TOTP.activate(user, f.TEST_TOTP_SECRET)
    RecoveryCodes.activate(user)
    return user, password


def log_in(client, username, password):
    response = client.post("/en/accounts/login/", {"login": username, "password": password})
    assert response.status_code == 302, response.content
    response = client.post(response.url, {"code": f.totp_code()})
    assert response.status_code == 302, response.content


def test_the_command_marks_the_account_for_a_password_change(capsys):
    call_command("create_secretariat_user", "sec_es", "--side", "ES")
    assert User.objects.get(username="sec_es").must_change_password
    assert "must change this password" in capsys.readouterr().out


def test_a_one_time_password_reaches_nothing_before_it_is_changed(client, one_time):
    user, password = one_time
    log_in(client, user.username, password)
    change = reverse("account_change_password")
    for url in ("/en/me/", "/en/admin/", "/en/admin/people/user/", "/en/", "/es/recommendations/"):
        response = client.get(url)
        assert response.status_code == 302, url
        with translation.override(url.split("/")[1]):  # in the language of the page asked for
            assert response.url == reverse("account_change_password"), url
    assert client.get(change).status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200  # second factors stay reachable
    assert User.objects.get(pk=user.pk).must_change_password


def test_a_wrong_current_password_changes_nothing(client, one_time):
    user, password = one_time
    log_in(client, user.username, password)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "not-the-one-time-password",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 200  # the form again, with its error
    assert User.objects.get(pk=user.pk).must_change_password
    assert client.get("/en/me/").status_code == 302


def test_changing_the_password_opens_the_site(client, one_time):
    user, password = one_time
    log_in(client, user.username, password)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.must_change_password
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(password)
    assert client.get("/en/me/").status_code == 200
    assert client.get("/en/admin/").status_code == 200


def test_logging_out_is_allowed_before_the_change(client, one_time):
    user, password = one_time
    log_in(client, user.username, password)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_accounts_with_a_chosen_password_are_not_sent_to_the_change(client):
    f.UserFactory(username="amina")
    log_in(client, "amina", "correct horse battery staple")
    assert client.get("/en/me/").status_code == 200
