"""Password then second factor; lockout; no enumeration; sessions (docs/security.md items 5–10)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from committee.people.models import User
from tests import factories as f
from tests.pages import stable

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/en/accounts/login/"


def login(client, username, password=PASSWORD, **extra):
    return client.post(LOGIN, {"login": username, "password": password}, **extra)


def reauthenticate(client, username, password=PASSWORD):
    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302, response.content


@pytest.fixture
def member(db):
    return f.UserFactory(username="amina", preferred_language="es")


def test_the_login_names_are_allauths_views():
    with translation.override("en"):
        assert reverse("login") == reverse("account_login") == "/en/accounts/login/"
        assert reverse("logout") == reverse("account_logout")


def test_the_login_page_is_public_and_in_the_site_layout(client):
    response = client.get("/ar/accounts/login/")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.text
    assert 'class="site-header"' in response.text
    assert "committee/members.css" in response.text


def test_a_password_then_a_totp_code_log_in_and_land_on_the_dashboard_in_my_language(
    client, member
):
    response = login(client, "amina")
    pending_key = client.session.session_key  # the session that holds the login stage
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # not logged in before the second factor
    response = client.post(response.url, {"code": f.totp_code()})
    assert response.status_code == 302
    assert response.url == "/es/me/"
    assert client.session["_auth_user_id"] == str(member.pk)
    assert client.session.session_key != pending_key  # a new session key at login


def test_a_wrong_totp_code_does_not_log_in(client, member):
    response = login(client, "amina")
    response = client.post(response.url, {"code": "000000"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_next_address_is_kept_through_the_second_factor(client, member):
    response = client.post(
        f"{LOGIN}?next=/en/me/", {"login": "amina", "password": PASSWORD, "next": "/en/me/"}
    )
    response = client.post(response.url, {"code": f.totp_code()})
    assert response.url == "/en/me/"


def test_login_failure_answers_the_same_for_known_and_unknown_usernames(client, member):
    known = login(client, "amina", "wrong passphrase here")
    unknown = login(client, "nobody-by-this-name", "wrong passphrase here")
    assert known.status_code == unknown.status_code == 200
    assert stable(known.text).replace("amina", "X") == stable(unknown.text).replace(
        "nobody-by-this-name", "X"
    )


def test_five_failures_lock_the_username_from_that_address_even_with_the_right_password(
    client, member
):
    for _ in range(5):
        login(client, "amina", "wrong passphrase here")
    response = login(client, "amina")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_does_not_reach_the_same_username_from_another_address(client, member):
    for _ in range(5):
        login(client, "amina", "wrong passphrase here", REMOTE_ADDR="203.0.113.7")
    response = login(client, "amina", REMOTE_ADDR="198.51.100.20")
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")


def test_the_lock_does_not_reach_other_usernames_from_the_same_address(client, member):
    f.UserFactory(username="bruno")
    for _ in range(5):
        login(client, "amina", "wrong passphrase here")
    assert login(client, "bruno").status_code == 302


def test_an_unknown_username_is_locked_like_a_known_one(client):
    for _ in range(5):
        login(client, "nobody-by-this-name", "wrong passphrase here")
    assert login(client, "nobody-by-this-name", "wrong passphrase here").status_code == 429


def test_a_forged_forwarded_for_header_does_not_escape_the_lock(client, member):
    for n in range(5):
        login(client, "amina", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = login(client, "amina", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429


def test_behind_the_proxy_only_the_address_the_proxy_appended_counts(client, member, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        login(client, "amina", "wrong", HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 203.0.113.5")
    locked = login(client, "amina", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5")
    assert locked.status_code == 429
    elsewhere = login(client, "amina", HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.1")
    assert elsewhere.status_code == 302


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, member):
    url = "/en/accounts/password/reset/"
    known = client.post(url, {"email": member.email})
    unknown = client.post(url, {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_nobody_signs_up(client):
    response = client.post(
        "/en/accounts/signup/",
        {"username": "intruder", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="intruder").exists()


def test_an_account_without_a_second_factor_is_sent_to_enrolment_first(client):
    f.UserFactory(username="newcomer", second_factor=False)
    assert login(client, "newcomer").status_code == 302
    for url in ["/en/me/", "/en/admin/", "/en/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == reverse("mfa_activate_totp")
    reauthenticate(client, "newcomer")
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in page.text  # the QR code, allowed by the CSP


def test_enrolling_totp_opens_the_site(client):
    f.UserFactory(username="newcomer", second_factor=False)
    login(client, "newcomer")
    # The password just typed counts: no second prompt (tests/members/test_login_flow.py).
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": f.totp_code(secret)})
    assert response.status_code == 302
    assert response.url == reverse("mfa_view_recovery_codes")
    assert client.get(response.url).status_code == 200
    assert client.get("/en/me/").status_code == 200


def test_the_admin_login_is_the_two_factor_login(client):
    response = client.get("/en/admin/login/?next=/en/admin/")
    assert response.status_code == 302
    assert response.url == "/en/accounts/login/?next=%2Fen%2Fadmin%2F"
    assert client.get("/en/admin/").url.startswith("/en/admin/login/")


def test_the_admin_login_refuses_a_password_post(client, ma_secretariat):
    response = client.post("/en/admin/login/", {"username": "ma_secretariat", "password": PASSWORD})
    assert response.status_code == 405
    assert "_auth_user_id" not in client.session


def test_logout_ends_the_session_on_the_server(client, member):
    client.force_login(member)
    key = client.session.session_key
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()


def test_deactivating_an_account_ends_its_sessions(client, member):
    response = login(client, "amina")
    client.post(response.url, {"code": f.totp_code()})
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()
    member.is_active = False
    member.save()
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/en/me/").status_code == 302


def test_the_lockout_page_is_ours_and_in_the_users_language(client, member):
    for _ in range(5):
        client.post("/es/accounts/login/", {"login": "amina", "password": "wrong"})
    response = client.post("/es/accounts/login/", {"login": "amina", "password": PASSWORD})
    assert response.status_code == 429
    assert '<html lang="es"' in response.text
    assert reverse("account_reset_password") in response.text


@pytest.mark.parametrize(
    "name",
    [
        "account_change_password",
        "account_email",
        "mfa_index",
        "mfa_view_recovery_codes",
        "usersessions_list",
        "account_logout",
    ],
)
def test_the_account_pages_render_in_the_site_layout(client, member, name):
    response = login(client, "amina")
    client.post(response.url, {"code": f.totp_code()})
    response = client.get(reverse(name), follow=True)
    assert response.status_code == 200
    assert 'class="site-header"' in response.text


def test_a_member_cannot_switch_off_their_second_factor(client, member):
    from allauth.mfa.models import Authenticator

    response = login(client, "amina")
    client.post(response.url, {"code": f.totp_code()})
    client.post(reverse("mfa_deactivate_totp"), {"code": f.totp_code()})
    assert Authenticator.objects.filter(user=member, type="totp").exists()


def test_an_idle_session_ends_after_thirty_minutes(client, member):
    response = login(client, "amina")
    client.post(response.url, {"code": f.totp_code()})
    session = Session.objects.get(session_key=client.session.session_key)
    # Each request pushes the end thirty minutes ahead of it…
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=25)):
        assert client.get("/en/me/").status_code == 200
    renewed = Session.objects.get(session_key=session.session_key).expire_date
    assert renewed > session.expire_date + dt.timedelta(minutes=20)
    # …and thirty-one idle minutes after the last one, the member must log in again.
    with time_machine.travel(renewed + dt.timedelta(minutes=1)):
        response = client.get("/en/me/")
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_the_lock_ends_after_the_cool_off_and_trying_while_locked_restarts_it(
    client, member, settings
):
    cool_off = settings.AXES_COOLOFF_TIME
    for _ in range(5):
        login(client, "amina", "wrong passphrase here")
    assert login(client, "amina").status_code == 429
    almost = timezone.now() + cool_off - dt.timedelta(minutes=1)
    with time_machine.travel(almost):
        assert login(client, "amina").status_code == 429  # still locked; the cool-off restarts
    with time_machine.travel(almost + dt.timedelta(minutes=2)):
        assert login(client, "amina").status_code == 429
    with time_machine.travel(almost + dt.timedelta(minutes=2) + cool_off + dt.timedelta(minutes=1)):
        response = login(client, "amina")
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")


def test_a_session_is_written_at_most_once_a_minute_and_never_created_for_a_visitor(client, member):
    # The code is made and checked in the same 30-second window, however loaded the machine.
    with time_machine.travel(timezone.now(), tick=False):
        response = login(client, "amina")
        client.post(response.url, {"code": f.totp_code()})
    key = client.session.session_key
    written = Session.objects.get(session_key=key).expire_date
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=30)):
        assert client.get("/en/me/").status_code == 200
    assert Session.objects.get(session_key=key).expire_date == written
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=61)):
        assert client.get("/en/me/").status_code == 200
    assert Session.objects.get(session_key=key).expire_date > written
    visitor = type(client)()
    visitor.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32  # names no session
    sessions = Session.objects.count()
    assert visitor.get("/en/").status_code == 200
    assert Session.objects.count() == sessions
