"""Template filters every page may use (registered as builtins in settings)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from django import template
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext

from committee import dates, languages
from committee.languages import LocalizedText, direction
from committee.meetings.models import Meeting
from committee.recommendations import overdue
from committee.recommendations.models import Adoption, AdoptionKind, Recommendation
from committee.sources import addresses, passages

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


@register.simple_tag
def adopted_at(adoption: Adoption) -> SafeString:
    """«adopted at <a>II Seminar</a>, 6–7 March 2014»: which meeting decided a recommendation,
    named and linked, and when (a year alone, «adopted 2014», hid the meeting)."""
    meeting = adoption.meeting
    link = format_html('<a href="{}">{}</a>', meeting.get_absolute_url(), _meeting_name(meeting))
    held = dates.format_range(
        meeting.start_date, meeting.start_precision, meeting.end_date, meeting.end_precision
    )
    reiterated = adoption.kind == AdoptionKind.REITERATED
    if held and reiterated:
        sentence = pgettext("recommendation", "reiterated at %(meeting)s, %(dates)s")
    elif held:
        sentence = pgettext("recommendation", "adopted at %(meeting)s, %(dates)s")
    elif reiterated:
        sentence = pgettext("recommendation", "reiterated at %(meeting)s")
    else:
        sentence = pgettext("recommendation", "adopted at %(meeting)s")
    return mark_safe(conditional_escape(sentence) % {"meeting": link, "dates": held})  # noqa: S308


def _meeting_name(meeting: Meeting) -> LocalizedText | str:
    """As ``meetings/partials.html#name``: its title, else its theme, else kind and number."""
    if meeting.title:
        return meeting.title
    if meeting.theme:
        return meeting.theme
    kind = str(meeting.get_kind_display())
    return f"{kind} {meeting.ordinal}" if meeting.ordinal else kind


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


@register.simple_tag
def cited_sources(citations: Any) -> list[passages.CitedSource]:
    """A record's visible citations as its articles, each with the sentences that support it."""
    return passages.cited_sources(citations)


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
        return languages.written(value, block=True)
    return format_html('<div class="prose">{}</div>', _paragraphs(str(value)))


@register.simple_tag
def written(
    value: LocalizedText | str | None,
    language: str = "",
    *,
    block: bool = False,
    words: int | None = None,
) -> SafeString:
    """User-written or imported text in its own language: ``{% written change.reason
    change.original_language %}``, ``{% written update.narrative block=True %}`` (see
    ``committee.languages.written``)."""
    return languages.written(value, language, block=block, words=words)


@register.filter
def language_name(language: str) -> str:
    """A language named in the reader's language («árabe» on a Spanish page)."""
    return languages.language_name(language)


def _paragraphs(text: str) -> SafeString:
    return mark_safe(linebreaks(text, autoescape=True))  # noqa: S308 — escaped by linebreaks
