"""The follow-up report states one cut-off, truthfully, and holds only what was true at it: a
status change decided or a progress report published after the meeting's first day is left out,
even when the meeting is recorded as held days later."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from committee.bilateral import Side, Visibility
from committee.recommendations.services import hold_meeting
from tests import factories as f

pytestmark = pytest.mark.django_db

START = dt.date(2026, 11, 25)


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


@pytest.fixture
def today(monkeypatch):
    """Set the clock the report is fixed by."""

    def move_to(moment: dt.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return move_to


@pytest.fixture
def held_late(ma_member, es_member):
    """A session that began on 25 November, recorded as held on 7 December; in between, a
    recommendation was closed and a progress report published."""
    body = f.BodyFactory(name_ar="اللجنة الأمنية الاستراتيجية", name_es="Comité Estratégico")
    earlier = f.MeetingFactory(
        body=body, start_date=dt.date(2025, 11, 20), end_date=None, end_precision=""
    )
    session = f.MeetingFactory(
        body=body, status="planned", start_date=START, end_date=None, end_precision=""
    )
    closed_later = f.RecommendationFactory(
        reference="SES1-2025-R01",
        body=body,
        status="implemented",
        completion="complete",
        lead_side="ES",
        due_date=dt.date(2026, 6, 30),
    )
    f.AdoptionFactory(recommendation=closed_later, meeting=earlier)
    f.StatusChangeFactory(
        recommendation=closed_later,
        from_status="adopted",
        to_status="in_progress",
        proposed_by=ma_member,
        decision="effective",
        decided_by=ma_member,
        decided_side=Side.MA,
        decided_at=at(dt.date(2026, 3, 1)),
        proposed_completion="limited",
    )
    f.StatusChangeFactory(
        recommendation=closed_later,
        from_status="in_progress",
        to_status="implemented",
        proposed_by=ma_member,
        proposed_completion="complete",
        decision="confirmed",
        decided_by=es_member,
        decided_side=Side.ES,
        decided_at=at(dt.date(2026, 12, 7)),
    )
    f.ProgressUpdateFactory(
        recommendation=closed_later,
        author=ma_member,
        state="published",
        as_of=dt.date(2026, 11, 20),
        published_at=at(dt.date(2026, 12, 3)),
        narrative_ar="تقرير نشر بعد انطلاق الدورة",
        visibility=Visibility.PUBLIC,
    )
    f.ProgressUpdateFactory(
        recommendation=closed_later,
        author=ma_member,
        state="published",
        as_of=dt.date(2026, 10, 1),
        published_at=at(dt.date(2026, 10, 2)),
        narrative_ar="تقرير نشر قبل الدورة",
        visibility=Visibility.PUBLIC,
    )
    return {"session": session, "recommendation": closed_later}


def test_a_status_change_confirmed_after_the_cut_off_is_not_in_the_report(held_late, today):
    today(at(dt.date(2026, 12, 7)) + dt.timedelta(hours=2))
    report = hold_meeting(held_late["session"])
    entry = report.entries.get()
    assert report.as_of == START
    assert entry.status == "in_progress"  # in force on 25 November
    assert entry.completion == "limited"
    assert entry.last_update.narrative_ar == "تقرير نشر قبل الدورة"


def test_the_pages_state_one_cut_off_and_the_status_in_force_then(client, held_late, today):
    today(at(dt.date(2026, 12, 7)) + dt.timedelta(hours=2))
    hold_meeting(held_late["session"])
    pk = held_late["session"].pk
    spanish = client.get(f"/es/meetings/{pk}/report/").text
    row = spanish.split("<bdi>SES1-2025-R01</bdi>")[1].split("</tr>")[0]
    assert "Aplicada" not in row and "En curso" in row
    assert "diciembre" not in spanish.split("<h1")[1].split("</table>")[0]
    assert "Situación a 25 de noviembre de 2026, primer día de la reunión" in spanish
    assert "Parte responsable" in spanish and "España" in row and "30 de junio de 2026" in row
    arabic = client.get(f"/ar/meetings/{pk}/report/").text
    row = arabic.split("<bdi>SES1-2025-R01</bdi>")[1].split("</tr>")[0]
    assert "قيد التنفيذ" in row and "منفذة" not in row
    assert "تقرير نشر بعد انطلاق الدورة" not in arabic
    assert "الوضعية إلى غاية 25 نونبر 2026، أول يوم من الاجتماع" in arabic


def test_a_report_fixed_before_the_meeting_began_is_cut_off_the_day_it_was_fixed(held_late, today):
    today(at(dt.date(2026, 11, 20)))
    report = hold_meeting(held_late["session"])
    assert report.as_of == dt.date(2026, 11, 20)
