"""Strings of Django's own admin and forms that its catalogues do not translate yet (Django 6.1
added them; its Arabic admin catalogue is older still). Marked here so ``makemessages`` keeps
them in the project's catalogues, which Django reads before its own: the Arabic and Spanish
admin shows no English button, filter or empty choice."""

from __future__ import annotations

from django.utils.translation import gettext_noop

DJANGO_STRINGS = (
    gettext_noop("Run"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("- Select an option -"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Pagination %(name)s entries"),
)
