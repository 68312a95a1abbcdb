"""Template filters every page may use (registered as builtins in settings)."""

from __future__ import annotations

import datetime as dt
import functools

from django import template
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from committee import dates
from committee.languages import Language, LocalizedText, direction
from committee.recommendations import overdue
from committee.recommendations.models import Recommendation
from committee.sources import addresses

register = template.Library()


@register.simple_tag
def partial_date(value: dt.date | None, precision: str) -> str:
    """A date no more precise than it is known: «2014», «novembre 2013», «7 mars 2014»."""
    return dates.format_partial(value, precision)


@register.simple_tag
def date_range(
    start: dt.date | None, start_precision: str, end: dt.date | None, end_precision: str
) -> str:
    return dates.format_range(start, start_precision, end, end_precision)


@register.filter
def excerpt(value: LocalizedText | str | None, length: int = 160) -> str:
    """At most ``length`` characters, cut between words, never inside one, with «…» when cut.

    A first word longer than ``length`` is kept whole: a word is never cut.
    """
    text = " ".join(str(value.text if isinstance(value, LocalizedText) else value or "").split())
    if len(text) <= length:
        return text
    cut = text[: length + 1]
    space = cut.rfind(" ")
    if space <= 0:
        space = text.find(" ", length)
        if space < 0:
            return text
    return text[:space].rstrip(" ,;:،؛.-–—") + "…"


@register.filter
def overdue_by(recommendation: Recommendation) -> str:
    """How late an open recommendation past its due date is («overdue by 3 months»), or ""."""
    return overdue.overdue_by(recommendation, timezone.localdate())


@register.filter
def text_direction(language: str) -> str:
    return direction(language)


@register.simple_tag(takes_context=True)
def url_in_language(context: template.Context, language: str) -> str:
    """This page's address in another language (the language switcher keeps the page)."""
    request = context.get("request")
    if request is None:
        return "/"
    full_path: str = request.get_full_path()
    path, mark, query = full_path.partition("?")
    return _path_in_language(path, language, get_language()) + mark + query


@functools.lru_cache(maxsize=4096)
def _path_in_language(path: str, language: str, active: str) -> str:
    """``translate_url`` of a path, remembered: it resolves and reverses, on every page, four
    times. It depends on the URLconf, the path and the active language (the prefix it
    resolves with), nothing else."""
    return translate_url(path, language)


@register.filter
def is_web_address(value: object) -> bool:
    """Whether a stored address may be linked: http(s) only (``javascript:`` never is)."""
    return addresses.is_web_address(value)


@register.filter
def in_section(path: str, prefix: str) -> bool:
    """Whether ``path`` is the page ``prefix`` or one below it (the main menu's current item)."""
    return bool(prefix) and prefix != "/" and str(path).startswith(prefix)


@register.filter
def prose(value: LocalizedText | str) -> SafeString:
    """Long translatable text as paragraphs, with its ``lang``/``dir`` and fallback marker."""
    if isinstance(value, LocalizedText):
        if not value:
            return SafeString("")
        marker = (
            format_html(
                ' <p class="fallback">[{}] {}</p>',
                Language(value.language).label,
                gettext("Not translated; shown in its original language."),
            )
            if value.is_fallback
            else ""
        )
        return format_html(
            '<div class="prose" lang="{}" dir="{}">{}</div>{}',
            value.language,
            value.direction,
            _paragraphs(value.text),
            marker,
        )
    return format_html('<div class="prose">{}</div>', _paragraphs(str(value)))


def _paragraphs(text: str) -> SafeString:
    return mark_safe(linebreaks(text, autoescape=True))  # noqa: S308 — escaped by linebreaks
