from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from committee.bilateral import Visibility
from committee.public.calendars import escape_text, fold
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_restricted_meetings_are_left_out_of_the_calendar(client, world):
    f.MeetingFactory(title_es="Reunión reservada", visibility=Visibility.COMMITTEE)
    assert "reservada" not in client.get("/calendar.ics").content.decode()


def test_the_calendar_is_valid_rfc_5545(client, world):
    response = client.get("/calendar.ics?lang=es")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    assert all(line.endswith(b"\r") or not line for line in raw.split(b"\n")[:-1])
    assert all(len(line.rstrip(b"\r")) <= 75 for line in raw.split(b"\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    events = {event["UID"]: event for event in calendar.walk("VEVENT")}
    assert len(events) == 3
    seminar = next(e for e in events.values() if "Segundo" in str(e["SUMMARY"]))
    assert seminar.decoded("DTSTART") == dt.date(2014, 3, 6)
    assert seminar.decoded("DTEND") == dt.date(2014, 3, 8)  # exclusive end
    assert "DTSTAMP" in seminar


def test_a_month_precise_meeting_covers_its_month_and_says_so(client, world):
    calendar = icalendar.Calendar.from_ical(client.get("/calendar.ics?lang=en").content)
    first = next(
        e for e in calendar.walk("VEVENT") if e["UID"].startswith(f"meeting-{world['first'].pk}@")
    )
    assert first.decoded("DTSTART") == dt.date(2013, 11, 1)
    assert first.decoded("DTEND") == dt.date(2013, 12, 1)
    assert first["TRANSP"] == "TRANSPARENT"
    assert "month only" in str(first["SUMMARY"])
    assert first["X-COMMITTEE-DATE-PRECISION"] == "month"


def test_a_meeting_without_a_date_is_left_out(client, world):
    f.MeetingFactory(
        title_es="Sin fecha", start_date=None, start_precision="", end_date=None, end_precision=""
    )
    assert "Sin fecha" not in client.get("/calendar.ics?lang=es").content.decode()


def test_a_bodys_calendar_holds_its_meetings_only(client, world):
    f.MeetingFactory(title_es="De otra comisión")
    content = client.get(f"/bodies/{world['committee'].pk}/calendar.ics?lang=es").content.decode()
    assert "Segundo seminario" in content
    assert "De otra comisión" not in content


def test_a_restricted_bodys_calendar_is_not_found(client):
    body = f.BodyFactory(visibility=Visibility.MA)
    assert client.get(f"/bodies/{body.pk}/calendar.ics").status_code == 404


def test_text_is_escaped_and_long_lines_are_folded_between_characters():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("SUMMARY:" + "ب" * 100).encode()
    lines = folded.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert (
        b"".join(line[1:] if i else line for i, line in enumerate(lines)).decode()
        == "SUMMARY:" + "ب" * 100
    )


def test_the_calendar_names_the_host_and_proposes_the_next_by_rotation(client):
    held = f.committee_session(2014, host_side="MA", title_es="Sesión 2014")
    planned = f.committee_session(2015, host_side="", status="planned", title_es="Sesión 2015")
    f.committee_session(2016, host_side="MA", visibility=Visibility.MA, title_es="Reservada")
    calendar = icalendar.Calendar.from_ical(client.get("/calendar.ics?lang=es").content)
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    assert "Anfitrión: Marruecos" in str(events[f"meeting-{held.pk}"]["DESCRIPTION"])
    # the restricted session does not count: it is Spain's turn after 2014
    proposed = str(events[f"meeting-{planned.pk}"]["DESCRIPTION"])
    assert "Anfitrión por rotación: España" in proposed
