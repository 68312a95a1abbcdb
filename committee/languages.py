"""Content in four languages: one column per language, and the record's original language.

A translatable field ``title`` is four columns, ``title_ar``, ``title_es``, ``title_fr`` and
``title_en``, declared with ``per_language`` and read through the ``Translated`` descriptor:
``meeting.title`` is a ``LocalizedText`` in the active language that falls back to the
original language, then to any language with text, and says so. Separate columns let each
language carry its own full-text configuration (``committee.fulltext``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from django.db import models
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst, format_lazy
from django.utils.translation import get_language, gettext, pgettext, pgettext_lazy

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise as Promise


class Language(models.TextChoices):
    AR = "ar", "العربية"
    ES = "es", "Español"
    FR = "fr", "Français"
    EN = "en", "English"


CODES: tuple[str, ...] = tuple(Language.values)
RIGHT_TO_LEFT = frozenset({"ar"})

#: Each language named in the reader's language: «árabe» to a Spanish reader, where
#: ``Language``'s labels name each language in its own script (for the language switcher).
NAMES: dict[str, Promise | str] = {
    "ar": pgettext_lazy("language name", "Arabic"),
    "es": pgettext_lazy("language name", "Spanish"),
    "fr": pgettext_lazy("language name", "French"),
    "en": pgettext_lazy("language name", "English"),
}


def direction(language: str) -> str:
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def language_name(language: str) -> str:
    """``language`` named in the active language («árabe», «arabe», «Arabic», «العربية»)."""
    return str(NAMES.get(language, language))


def active_language() -> str:
    language = (get_language() or "en").split("-")[0]
    return language if language in CODES else "en"


def per_language(label: str | Promise, language: str) -> Promise:
    """The verbose name of one language's column: «title (العربية)»."""
    return format_lazy("{} ({})", label, Language(language).label)


def translated_char_fields(
    label: str | Promise, *, max_length: int
) -> list[models.CharField[str, str]]:
    return [
        models.CharField(per_language(label, code), max_length=max_length, blank=True, default="")
        for code in CODES
    ]


def translated_text_fields(label: str | Promise) -> list[models.TextField[str, str]]:
    return [models.TextField(per_language(label, code), blank=True, default="") for code in CODES]


@dataclass(frozen=True)
class LocalizedText:
    """A translatable field's text as one reader sees it.

    ``str()`` gives the plain text; in a template it renders as a ``<span>`` with the right
    ``lang`` and ``dir``, followed by a visible marker when the text is not in the reader's
    language, or is a machine translation not yet checked (``record`` and ``name`` say where
    the text comes from, for that question).
    """

    text: str
    language: str
    requested: str
    original: str
    record: object = field(default=None, compare=False, repr=False)
    name: str = field(default="", compare=False)

    @property
    def is_fallback(self) -> bool:
        return bool(self.text) and self.language != self.requested

    @property
    def is_machine_draft(self) -> bool:
        """A machine translation (``committee.translations``), asked only of a text that is not
        the original."""
        if not self.text or self.language == self.original or self.record is None:
            return False
        return any(lookup(self.record, self.name, self.language) for lookup in _MACHINE_DRAFTS)

    @property
    def direction(self) -> str:
        return direction(self.language)

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    def __html__(self) -> SafeString:
        return written(self)


#: Who knows whether a record's field in a language is a machine draft: registered by
#: ``committee.translations``, which this core module does not import.
_MACHINE_DRAFTS: list[Callable[[object, str, str], bool]] = []


def register_machine_drafts(lookup: Callable[[object, str, str], bool]) -> None:
    if lookup not in _MACHINE_DRAFTS:
        _MACHINE_DRAFTS.append(lookup)


class Translated:
    """Reads ``<name>_<code>`` columns in the active language (see module docstring)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name
        self.owner = owner

    @property
    def short_description(self) -> Promise:
        """Its heading in the admin's lists («Title», «العنوان»): the name of its columns
        without their language, in the language of the page that shows it."""
        return lazy(self.heading, str)()  # type: ignore[return-value]

    def heading(self) -> str:
        meta = getattr(self, "owner", None) and getattr(self.owner, "_meta", None)
        label = meta.get_field(f"{self.name}_ar").verbose_name if meta else self.name
        return capfirst(str(label).rsplit(" (", 1)[0])

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> Translated: ...
    @overload
    def __get__(self, instance: object, owner: type[Any]) -> LocalizedText: ...
    def __get__(self, instance: object | None, owner: type[Any]) -> Translated | LocalizedText:
        if instance is None:
            return self
        return self.localize(instance, active_language())

    def values(self, instance: object) -> dict[str, str]:
        return {code: getattr(instance, f"{self.name}_{code}") or "" for code in CODES}

    def localize(self, instance: object, requested: str) -> LocalizedText:
        values = self.values(instance)
        original = getattr(instance, "original_language", "") or "ar"
        for code in (requested, original, *CODES):
            if values.get(code):
                return LocalizedText(values[code], code, requested, original, instance, self.name)
        return LocalizedText("", requested, requested, original, instance, self.name)

    def columns(self) -> list[str]:
        return [f"{self.name}_{code}" for code in CODES]

    def missing(self, language: str) -> Q:
        """Records with text in some language but none in ``language``."""
        has_any = Q()
        for column in self.columns():
            has_any |= ~Q(**{column: ""})
        return Q(**{f"{self.name}_{language}": ""}) & has_any


def written(
    value: LocalizedText | str | None,
    language: str = "",
    *,
    block: bool = False,
    words: int | None = None,
) -> SafeString:
    """Text someone wrote, marked up in its own language: the one way every page shows user-written
    or imported text (reasons, narratives, quotations, a record's text in another language).

    ``value`` is a ``LocalizedText`` (which knows its language and whether it is a fallback) or
    a plain string written in ``language``; a language not recorded gives ``dir="auto"`` and no
    ``lang``. Inline, the text is a ``<span>`` with its line breaks kept; ``block`` makes it
    paragraphs in a ``<div class="prose">``. ``words`` shortens it. A fallback is followed by the
    name of its language in the reader's language («[árabe]»), the original name as its title;
    a machine translation by «[traducción automática]».
    """
    machine = False
    if isinstance(value, LocalizedText):
        text, language, fallback = value.text, value.language, value.is_fallback
        machine = bool(text) and value.is_machine_draft
    else:
        text, fallback = str(value or ""), False
    if not text:
        return SafeString("")
    if words is not None:
        text = Truncator(text).words(words)
    if block:
        body = mark_safe(linebreaks(text, autoescape=True))  # noqa: S308 — escaped by linebreaks
    else:
        lines = text.replace("\r\n", "\n").strip().split("\n")
        body = mark_safe("<br>".join(conditional_escape(line) for line in lines))  # noqa: S308
    tag, css = ("div", "prose") if block else ("span", "written")
    attributes = (
        format_html('lang="{}" dir="{}"', language, direction(language))
        if language in CODES
        else SafeString('dir="auto"')
    )
    html = format_html('<{} class="{}" {}>{}</{}>', tag, css, attributes, body, tag)
    if machine:
        html = machine_marker(html, block=block)
    if not fallback:
        return html
    note = gettext("Not translated; shown in its original language.")
    if block:
        return format_html(
            '{} <p class="fallback" title="{}">[{}] {}</p>',
            html,
            Language(language).label,
            language_name(language),
            note,
        )
    return format_html(
        '{} <small class="fallback" title="{} — {}">[{}]</small>',
        html,
        Language(language).label,
        note,
        language_name(language),
    )


def machine_marker(html: SafeString, *, block: bool) -> SafeString:
    """``html`` followed by the visible mark of a machine translation."""
    label = pgettext("marker", "machine translation")
    note = gettext("Drafted by a translation service; not yet checked by a translator.")
    if block:
        return format_html('{} <p class="machine-draft">[{}] {}</p>', html, label, note)
    return format_html('{} <small class="machine-draft" title="{}">[{}]</small>', html, note, label)


def translated_attributes(model: type[models.Model]) -> list[Translated]:
    """The ``Translated`` descriptors a model declares."""
    return [value for value in vars(model).values() if isinstance(value, Translated)] + [
        value
        for base in model.__mro__[1:]
        for value in vars(base).values()
        if isinstance(value, Translated)
    ]


def text_in_some_language(name: str) -> Q:
    """A ``CheckConstraint`` condition: the field has text in at least one language."""
    condition = Q()
    for code in CODES:
        condition |= ~Q(**{f"{name}_{code}": ""})
    return condition


def original_text_present(name: str) -> Q:
    """A ``CheckConstraint`` condition: the field has text in the record's original language."""
    condition = Q()
    for code in CODES:
        condition |= Q(original_language=code) & ~Q(**{f"{name}_{code}": ""})
    return condition


def short(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters between two words, with an ellipsis: a
    title in a list or a page's heading never ends mid-word («Reforzar la cooperación…»)."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-—–") + "…"
