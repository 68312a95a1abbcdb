from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from committee import settings as production
from tests import factories as f


@pytest.mark.parametrize(
    "password", ["short1!", "Seguridad2014!!", "DGSN-12345678", "policia_policia", "123456789012"]
)
def test_weak_or_guessable_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize(
    "password",
    [
        "orange tram under the bridge",
        "قطار برتقالي تحت الجسر الكبير",
        "Quatre chats gris dorment 7",
    ],
)
def test_long_passphrases_in_any_language_are_accepted(password):
    validate_password(password)


def test_twelve_characters_is_the_shortest_accepted():
    with pytest.raises(ValidationError):
        validate_password("zebra kettl")
    validate_password("zebra kettle")


def test_passwords_are_stored_with_argon2id(db, settings):
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS  # the suite hashes with MD5
    user = f.UserFactory(username="hashed")
    user.set_password("orange tram under the bridge")
    user.save()
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password("orange tram under the bridge")
