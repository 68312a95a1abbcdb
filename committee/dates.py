"""Dates known to a day, a month or a year («late November 2013» is a month).

A partial date is two columns: the date (the first day of its month or year when less precise)
and its precision. ``partial_date_constraints`` keeps the pair honest in the database.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.db.models.functions import ExtractDay, ExtractMonth
from django.db.models.lookups import Exact
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, pgettext_lazy

#: Django's month names, in every form its date formats use (``F``, ``E``, ``N``, ``M``), marked
#: here so the project's catalogues translate them: LOCALE_PATHS take precedence over Django's
#: own, so Arabic pages, the admin and the PDF say «نونبر», as Moroccan administrations and
#: press do, not the Mashriq «نوفمبر».
MONTH_NAMES = (
    (gettext_noop("January"), gettext_noop("February"), gettext_noop("March")),
    (gettext_noop("April"), gettext_noop("May"), gettext_noop("June")),
    (gettext_noop("July"), gettext_noop("August"), gettext_noop("September")),
    (gettext_noop("October"), gettext_noop("November"), gettext_noop("December")),
    (pgettext_lazy("alt. month", "January"), pgettext_lazy("alt. month", "February")),
    (pgettext_lazy("alt. month", "March"), pgettext_lazy("alt. month", "April")),
    (pgettext_lazy("alt. month", "May"), pgettext_lazy("alt. month", "June")),
    (pgettext_lazy("alt. month", "July"), pgettext_lazy("alt. month", "August")),
    (pgettext_lazy("alt. month", "September"), pgettext_lazy("alt. month", "October")),
    (pgettext_lazy("alt. month", "November"), pgettext_lazy("alt. month", "December")),
    (pgettext_lazy("abbrev. month", "Jan."), pgettext_lazy("abbrev. month", "Feb.")),
    (pgettext_lazy("abbrev. month", "March"), pgettext_lazy("abbrev. month", "April")),
    (pgettext_lazy("abbrev. month", "May"), pgettext_lazy("abbrev. month", "June")),
    (pgettext_lazy("abbrev. month", "July"), pgettext_lazy("abbrev. month", "Aug.")),
    (pgettext_lazy("abbrev. month", "Sept."), pgettext_lazy("abbrev. month", "Oct.")),
    (pgettext_lazy("abbrev. month", "Nov."), pgettext_lazy("abbrev. month", "Dec.")),
    (gettext_noop("jan"), gettext_noop("feb"), gettext_noop("mar"), gettext_noop("apr")),
    (gettext_noop("may"), gettext_noop("jun"), gettext_noop("jul"), gettext_noop("aug")),
    (gettext_noop("sep"), gettext_noop("oct"), gettext_noop("nov"), gettext_noop("dec")),
)


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def partial_date_constraints(prefix: str, model_name: str) -> list[models.BaseConstraint]:
    """A known date has a precision; a month-precise date is a first of month; a year, 1 January."""
    date, precision = f"{prefix}_date", f"{prefix}_precision"
    return [
        models.CheckConstraint(
            condition=Q(**{f"{date}__isnull": True, precision: ""})
            | Q(**{f"{date}__isnull": False, f"{precision}__in": DatePrecision.values}),
            name=f"{model_name}_{prefix}_precision_valid",
        ),
        models.CheckConstraint(
            condition=~Q(**{precision: DatePrecision.MONTH}) | Q(_day_is_first(date)),
            name=f"{model_name}_{prefix}_month_is_first_day",
        ),
        models.CheckConstraint(
            condition=~Q(**{precision: DatePrecision.YEAR})
            | (Q(_day_is_first(date)) & Q(_month_is_january(date))),
            name=f"{model_name}_{prefix}_year_is_first_january",
        ),
    ]


def _day_is_first(date: str) -> Exact:
    return Exact(ExtractDay(date), 1)


def _month_is_january(date: str) -> Exact:
    return Exact(ExtractMonth(date), 1)


def truncate(value: dt.date, precision: str) -> dt.date:
    """The canonical stored form of ``value`` at ``precision``."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


def format_partial(value: dt.date | None, precision: str) -> str:
    """``value`` in the active language, no more precise than it is known.

    Every date a page, the admin or the PDF shows is rendered by Django's formats, which the
    project sets day first (``committee/formats``): «7 دجنبر 2026», «7 de diciembre de 2026».
    """
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def format_range(
    start: dt.date | None, start_precision: str, end: dt.date | None, end_precision: str
) -> str:
    """From ``start`` to ``end``, saying a shared month and year once.

    «6–7 مارس 2014», «6–7 de marzo de 2014», «30 mai – 2 juin 2014», «March – May 2014»; a
    range across years, or of dates known to different precisions, gives both in full.
    """
    first = format_partial(start, start_precision)
    last = format_partial(end, end_precision)
    if not last or last == first:
        return first
    if start is None or end is None or start_precision != end_precision or start > end:
        return f"{first} – {last}"
    if start.year == end.year and _day_first():
        if start_precision == DatePrecision.DAY and start.month == end.month:
            return f"{start.day}–{last}"
        if start_precision == DatePrecision.DAY:
            return f"{formats.date_format(start, 'MONTH_DAY_FORMAT')} – {last}"
        if start_precision == DatePrecision.MONTH:
            return f"{formats.date_format(start, 'F')} – {last}"
    return f"{first} – {last}"


def _day_first() -> bool:
    """Whether the active language writes the day first and the year last («7 mars 2014»), so
    the end of a range can carry the month and year both dates share."""
    date_format = str(formats.get_format("DATE_FORMAT"))
    month_day = str(formats.get_format("MONTH_DAY_FORMAT"))
    return (
        date_format.startswith("j")
        and date_format.endswith("Y")
        and month_day.startswith("j")
        and str(formats.get_format("YEAR_MONTH_FORMAT")).endswith("Y")
    )
