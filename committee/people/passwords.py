"""Password rules beyond Django's: no password built on the committee's own vocabulary."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from committee import arabic

#: Words an attacker guesses first for this application. Matched case- and accent-insensitively
#: as the core of the password (what is left after removing digits and punctuation).
CONTEXT_WORDS = frozenset(
    {
        "committee",
        "comite",
        "comité",
        "comision",
        "dgsn",
        "dgp",
        "policia",
        "policía",
        "police",
        "surete",
        "sûreté",
        "seguridad",
        "security",
        "securite",
        "sécurité",
        "morocco",
        "maroc",
        "marruecos",
        "spain",
        "espagne",
        "espana",
        "españa",
        "tanger",
        "algeciras",
        "rabat",
        "madrid",
        "password",
        "contraseña",
        "motdepasse",
        "امن",
        "الامن",
        "شرطه",
        "الشرطه",
        "المغرب",
        "اسبانيا",
    }
)


def _core(password: str) -> str:
    letters = "".join(character for character in password if character.isalpha())
    return arabic.normalize(letters)


class CommitteeWordsValidator:
    """Refuse passwords made only of context words, digits and symbols («Policia2014!»)."""

    def validate(self, password: str, user: Any = None) -> None:
        rest = _core(password)
        for word in sorted((arabic.normalize(w) for w in CONTEXT_WORDS), key=len, reverse=True):
            rest = rest.replace(word, "")
        if not rest:
            raise ValidationError(
                _("This password is built on a word anyone would guess here. Choose a passphrase."),
                code="password_context_word",
            )

    def get_help_text(self) -> str:
        return _("Your password cannot be a word of the committee's vocabulary with digits added.")
