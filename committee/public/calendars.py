"""Meetings as an iCalendar file (RFC 5545), written by hand.

Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character; text values
escape backslash, semicolon, comma and newlines. Every event is an all-day event (``DATE``
values): the committee records the days of meetings, not their hours.

A date is never made more precise than it is known. A day-precise meeting covers its days. A
meeting known only to a month (or a year) covers that whole month (or year), is marked
``TRANSP:TRANSPARENT`` so that it blocks no one's time, says so in its summary and description,
and carries ``X-COMMITTEE-DATE-PRECISION``. A meeting without a date is left out.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from committee.bilateral import Side
from committee.dates import DatePrecision
from committee.meetings.models import ROTATING_KINDS, Meeting, MeetingStatus

PRODID = "-//Security cooperation committee//Meetings//EN"
LIMIT = 75


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """``line`` cut into pieces of at most 75 octets, each continuation starting with a space."""
    pieces: list[str] = []
    current: list[str] = []
    size, limit = 0, LIMIT
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, LIMIT - 1  # the leading space counts
        current.append(character)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces) + "\r\n"


def _end_of(start: dt.date, precision: str) -> dt.date:
    """The last day of the period a partial date stands for."""
    if precision == DatePrecision.YEAR:
        return start.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start


def span(meeting: Meeting) -> tuple[dt.date, dt.date, str] | None:
    """First day, day after the last, and the coarsest precision; None without a date."""
    if meeting.start_date is None:
        return None
    start_precision = meeting.start_precision or DatePrecision.DAY
    last = _end_of(meeting.start_date, start_precision)
    precisions = [start_precision]
    if meeting.end_date is not None:
        end_precision = meeting.end_precision or DatePrecision.DAY
        last = max(last, _end_of(meeting.end_date, end_precision))
        precisions.append(end_precision)
    order = [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]
    coarsest = max(precisions, key=lambda p: order.index(DatePrecision(p)))
    return meeting.start_date, last + dt.timedelta(days=1), str(coarsest)


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _name(meeting: Meeting) -> str:
    return str(meeting.title) or str(meeting.theme) or str(meeting)


def _host_note(meeting: Meeting, proposed_host: str) -> str:
    """Who hosts the meeting; for a planned session of a rotating kind whose host is not set
    yet, the delegation whose turn it is."""
    if meeting.host_side:
        return _("Host: %(side)s") % {"side": meeting.get_host_side_display()}
    if proposed_host and meeting.status == MeetingStatus.PLANNED and meeting.kind in ROTATING_KINDS:
        return _("Host by rotation: %(side)s") % {"side": Side(proposed_host).label}
    return ""


def event(
    meeting: Meeting, *, base_url: str, host: str, stamp: dt.datetime, proposed_host: str = ""
) -> Iterator[str]:
    when = span(meeting)
    if when is None:
        return
    first, after, precision = when
    summary = _name(meeting)
    notes = [str(meeting.get_kind_display())]
    if str(meeting.theme) and str(meeting.theme) != summary:
        notes.append(str(meeting.theme))
    if host_note := _host_note(meeting, proposed_host):
        notes.append(host_note)
    if precision == DatePrecision.MONTH:
        summary = _("%(name)s (month only; exact dates not recorded)") % {"name": summary}
        notes.append(_("Only the month of this meeting is recorded."))
    elif precision == DatePrecision.YEAR:
        summary = _("%(name)s (year only; exact dates not recorded)") % {"name": summary}
        notes.append(_("Only the year of this meeting is recorded."))
    url = f"{base_url}{meeting.get_absolute_url()}"
    notes.append(url)
    status = {
        MeetingStatus.CANCELLED: "CANCELLED",
        MeetingStatus.PLANNED: "TENTATIVE",
    }.get(MeetingStatus(meeting.status), "CONFIRMED")
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{host}",
        f"DTSTAMP:{_utc(stamp)}",
        f"LAST-MODIFIED:{_utc(meeting.updated_at)}",
        f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
        f"DTEND;VALUE=DATE:{after:%Y%m%d}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(chr(10).join(notes))}",
        f"URL:{url}",
        f"STATUS:{status}",
        f"CATEGORIES:{escape_text(str(meeting.get_kind_display()))}",
        f"TRANSP:{'OPAQUE' if precision == DatePrecision.DAY else 'TRANSPARENT'}",
        f"X-COMMITTEE-DATE-PRECISION:{precision}",
    ]
    place = ", ".join(part for part in (meeting.venue, str(meeting.city)) if part)
    if place:
        lines.append(f"LOCATION:{escape_text(place)}")
    lines.append("END:VEVENT")
    for line in lines:
        yield fold(line)


def calendar_lines(
    meetings: Iterable[Meeting], *, name: str, base_url: str, host: str, proposed_host: str = ""
) -> Iterator[str]:
    """The calendar of ``meetings``; ``proposed_host`` is the delegation whose turn it is to
    host the next strategic-committee session (``MeetingQuerySet.proposed_host_side``)."""
    stamp = timezone.now()
    yield from (
        fold(line)
        for line in (
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{PRODID}",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            f"X-WR-CALNAME:{escape_text(name)}",
        )
    )
    for meeting in meetings:
        yield from event(
            meeting, base_url=base_url, host=host, stamp=stamp, proposed_host=proposed_host
        )
    yield fold("END:VCALENDAR")
