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
    """``value`` in the active language, no more precise than it is known."""
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
    first = format_partial(start, start_precision)
    last = format_partial(end, end_precision)
    if not last or last == first:
        return first
    return f"{first} – {last}"
