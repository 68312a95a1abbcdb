"""Web addresses: the only addresses the project stores or links to are ``http://`` and
``https://`` ones. ``javascript:``, ``data:``, ``ftp:``… are refused wherever an address comes in
(the model field, the admin's forms, the importer's service) and never rendered as a link."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SCHEMES = ("http", "https")

validate_web_address = URLValidator(
    schemes=list(SCHEMES),
    message=_("Enter a valid web address, beginning with http:// or https://."),
)


def is_web_address(value: object) -> bool:
    """Whether a stored ``value`` may be a link's ``href`` (an http(s) address with a host).

    For the templates: addresses stored before they were checked are shown, never linked."""
    if not isinstance(value, str) or not value or value != value.strip():
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in SCHEMES and bool(parts.netloc)


class WebAddressFormField(forms.URLField):
    default_validators = [validate_web_address]
    default_error_messages = {"invalid": validate_web_address.message}


class WebAddressField(models.URLField):  # type: ignore[type-arg]
    """A ``URLField`` that accepts http(s) addresses only (Django's also takes ftp)."""

    default_validators = [validate_web_address]

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": WebAddressFormField, **kwargs})
