"""The login as a member lives it: one password prompt, then the verification code, named the
same on every page in each language; a newcomer sets it up, keeps the recovery codes and
carries on to the members' area."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from tests import factories as f

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"

#: The one name of the second factor in each language, and names it must not also go by.
VOCABULARY = {
    "ar": (
        "رمز التحقق",
        ["المصادقة الثنائية", "العامل الثاني", "رمز المصادقة", "بعاملين", "الخاص بك كلمة"],
    ),
    "es": (
        "código de verificación",
        ["dos factores", "segundo factor", "código de autenticación", "código del autenticador"],
    ),
    "fr": (
        "code de vérification",
        ["deux facteurs", "second facteur", "code d'authentification", "authentification à deux"],
    ),
}
ENGLISH = ["two-factor", "second factor", "authenticator code", "sign in"]


def url(name: str, language: str) -> str:
    with translation.override(language):
        return reverse(name)


def login(client, username: str, language: str = "en"):
    return client.post(url("account_login", language), {"login": username, "password": PASSWORD})


def text_of(html: str) -> str:
    """What a reader sees: the page without its tags, scripts and styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def password_inputs(html: str) -> int:
    return len(re.findall(r'<input[^>]*type="password"', html))


def test_a_newcomer_who_just_logged_in_is_not_asked_for_the_password_again(client):
    f.UserFactory(username="newcomer", second_factor=False)
    assert login(client, "newcomer").status_code == 302
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200  # not sent to type the password again
    assert password_inputs(response.text) == 0
    assert 'name="code"' in response.text


def test_a_login_older_than_the_window_asks_for_the_password_again(client):
    f.UserFactory(username="newcomer", second_factor=False)
    login(client, "newcomer")
    later = timezone.now() + dt.timedelta(seconds=settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 60)
    with time_machine.travel(later):
        response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_reauthenticate"))


def test_a_failed_login_is_no_reauthentication(client):
    """Only a completed login counts: a password typed without the code opens nothing."""
    f.UserFactory(username="amina")
    login(client, "amina")  # password right, code not typed
    response = client.get(reverse("mfa_view_recovery_codes"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def enrol(client, language: str) -> dict[str, str]:
    """A newcomer's whole way in, page by page, in ``language``: the pages' HTML by name."""
    f.UserFactory(username="newcomer", second_factor=False, preferred_language=language)
    pages = {"login": client.get(url("account_login", language)).text}
    login(client, "newcomer", language)
    pages["set up"] = client.get(url("mfa_activate_totp", language)).text
    secret = client.session["mfa.totp.secret"]
    response = client.post(url("mfa_activate_totp", language), {"code": f.totp_code(secret)})
    assert response.status_code == 302
    pages["recovery codes"] = client.get(response.url).text
    pages["security"] = client.get(url("mfa_index", language)).text
    client.post(url("account_logout", language))
    login(client, "newcomer", language)
    pages["code at login"] = client.get(url("mfa_authenticate", language)).text
    return pages


@pytest.mark.parametrize("language", ["ar", "es", "fr"])
def test_one_password_prompt_and_one_name_for_the_second_factor(client, language):
    pages = enrol(client, language)
    name, others = VOCABULARY[language]
    assert {page: password_inputs(html) for page, html in pages.items()} == {
        "login": 1,
        "set up": 0,
        "recovery codes": 0,
        "security": 0,
        "code at login": 0,
    }
    for page, html in pages.items():
        seen = text_of(html).lower()
        if page != "recovery codes":
            assert name in seen, (page, seen[:400])
        assert not [other for other in others if other.lower() in seen], page
        assert not [word for word in ENGLISH if word in seen], page


@pytest.mark.parametrize("language", ["ar", "es"])
def test_the_recovery_codes_lead_on_to_the_members_area(client, language):
    pages = enrol(client, language)
    me = url("me", language)
    assert re.search(rf'<a class="button primary" href="{me}">', pages["recovery codes"])


def test_log_in_is_the_primary_button_and_cancel_the_secondary(client):
    f.UserFactory(username="amina")
    login(client, "amina", "es")
    html = client.get(url("mfa_authenticate", "es")).text
    buttons = re.findall(r"<button[^>]*>[^<]*</button>", html)
    primary = [b for b in buttons if 'class="primary"' in b]
    secondary = [b for b in buttons if 'class="secondary"' in b]
    assert len(primary) == 1
    assert "Iniciar sesión" in primary[0]
    assert len(secondary) == 1
    assert "Cancelar" in secondary[0]


def test_the_reauthentication_prompt_speaks_arabic_correctly(client):
    f.UserFactory(username="newcomer", second_factor=False)
    login(client, "newcomer")
    later = timezone.now() + dt.timedelta(seconds=settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 60)
    with time_machine.travel(later):
        html = client.get(url("account_reauthenticate", "ar")).text
    seen = text_of(html)
    assert not re.search("كلمة المرور الخاص(?!ة)", seen)  # كلمة is feminine
    assert "كلمة المرور" in seen
