"""The meeting cycle: planning by rotation, carry-over of open recommendations, what a meeting
decided and reported, and a recommendation's history across meetings."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from committee.bilateral import Side, Visibility
from committee.meetings.models import AgendaItem, Meeting, MeetingStatus
from committee.meetings.planning import planning_defaults
from committee.meetings.services import ensure_follow_up_item
from committee.recommendations.follow_up import follow_up, open_on_record
from committee.recommendations.models import FollowUpReport, PeriodCheck
from committee.recommendations.services import hold_meeting
from tests import factories as f

pytestmark = pytest.mark.django_db

SESSION = "strategic_committee_session"


def session(year: int, host: str, **kwargs) -> Meeting:
    """A session hosted (and held) by ``host``."""
    kwargs.setdefault("title_es", f"Sesión {year}")
    return f.committee_session(year, host_side=host, country=host, **kwargs)


# --- Planning -----------------------------------------------------------------------------------


def test_the_host_alternates_with_the_last_session_held():
    assert Meeting.objects.proposed_host_side(SESSION) == ""  # nobody has hosted yet
    session(2014, Side.MA)
    assert Meeting.objects.proposed_host_side(SESSION) == Side.ES
    session(2015, Side.ES)
    assert Meeting.objects.proposed_host_side(SESSION) == Side.MA
    # a planned or cancelled session, or another kind of meeting, does not take a turn
    session(2016, Side.MA, status=MeetingStatus.PLANNED)
    session(2016, Side.ES, status=MeetingStatus.CANCELLED, ordinal=None)
    f.MeetingFactory(
        kind="seminar",
        host_side=Side.ES,
        start_date=dt.date(2017, 1, 5),
        end_date=None,
        end_precision="",
    )
    assert Meeting.objects.proposed_host_side(SESSION) == Side.MA
    assert Meeting.objects.proposed_host_side("seminar") == ""  # seminars do not rotate


def test_the_rotation_counts_only_the_meetings_one_may_see(ma_secretariat, es_secretariat):
    session(2014, Side.ES)
    session(2015, Side.MA, visibility=Visibility.MA)
    assert Meeting.objects.visible_to(ma_secretariat).proposed_host_side() == Side.ES
    assert Meeting.objects.visible_to(es_secretariat).proposed_host_side() == Side.MA


def test_planning_defaults_give_the_host_the_number_and_the_status(ma_secretariat):
    body = f.BodyFactory()
    session(2014, Side.MA, body=body, ordinal=1)
    defaults = planning_defaults(SESSION, ma_secretariat, body.pk)
    assert defaults == {
        "kind": SESSION,
        "status": "planned",
        "host_side": "ES",
        "country": "ES",
        "ordinal": 2,
    }


def test_the_admin_add_form_is_prefilled_for_the_next_session(client, ma_secretariat):
    session(2015, Side.ES, ordinal=3, body=None)
    client.force_login(ma_secretariat)
    listing = client.get(reverse("admin:meetings_meeting_changelist"))
    assert "Plan the next strategic committee session (Morocco" in listing.text
    response = client.get(reverse("admin:meetings_meeting_add") + f"?kind={SESSION}")
    initial = response.context["adminform"].form.initial
    assert (initial["host_side"], initial["status"], initial["ordinal"]) == ("MA", "planned", 4)
    assert '<option value="MA" selected>' in response.text


def test_a_planned_meeting_is_in_the_calendar_and_the_upcoming_list(client):
    planned = session(
        timezone.localdate().year + 1, Side.ES, status=MeetingStatus.PLANNED, title_es="Próxima"
    )
    calendar = icalendar.Calendar.from_ical(client.get("/calendar.ics?lang=es").content)
    event = next(
        e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(f"meeting-{planned.pk}@")
    )
    assert event["STATUS"] == "TENTATIVE"
    listing = client.get("/es/meetings/").text
    upcoming = listing.split('id="upcoming-heading"')[1].split("</section>")[0]
    assert "Próxima" in upcoming and "España" in upcoming


def test_a_planned_meeting_gets_the_follow_up_item_once():
    planned = session(2016, Side.MA, status=MeetingStatus.PLANNED)
    f.AgendaItemFactory(meeting=planned, order=4)
    item = ensure_follow_up_item(planned)
    assert ensure_follow_up_item(planned) == item
    assert item.order == 5 and item.kind == "follow_up"
    assert item.title_ar == "تتبع التوصيات السابقة"
    assert item.title_es == "Seguimiento de las recomendaciones anteriores"
    assert AgendaItem.objects.filter(meeting=planned, kind="follow_up").count() == 1


# --- Carry-over ---------------------------------------------------------------------------------


@pytest.fixture
def carried(db, ma_member):
    held = session(2014, Side.MA)
    planned = session(2015, Side.ES, status=MeetingStatus.PLANNED)
    first, second = f.BodyFactory(name_es="A órgano"), f.BodyFactory(name_es="B órgano")
    records = {
        "open": f.RecommendationFactory(reference="R-OPEN", body=second, status="in_progress"),
        "other_body": f.RecommendationFactory(reference="R-OTHER", body=first),
        "no_body": f.RecommendationFactory(reference="R-NOBODY", body=None),
        "closed": f.RecommendationFactory(
            reference="R-DONE", body=first, status="implemented", completion="complete"
        ),
        "ma_only": f.RecommendationFactory(reference="R-MA", body=first, visibility=Visibility.MA),
    }
    for recommendation in records.values():
        f.AdoptionFactory(recommendation=recommendation, meeting=held)
    later = f.RecommendationFactory(reference="R-LATER", body=first)
    f.AdoptionFactory(recommendation=later, meeting=session(2017, Side.MA))
    f.ProgressUpdateFactory(
        recommendation=records["open"],
        author=ma_member,
        state="published",
        published_at=timezone.now(),
        as_of=dt.date(2015, 1, 10),
        narrative_es="Se organizó un curso conjunto.",
    )
    return {"held": held, "planned": planned, **records}


def test_the_follow_up_lists_every_open_recommendation_by_body(carried, es_member):
    groups = follow_up(carried["planned"], es_member)
    listed = [
        (
            str(group.body.name_es) if group.body else None,
            [i.recommendation.reference for i in group.items],
        )
        for group in groups
    ]
    assert listed == [("A órgano", ["R-OTHER"]), ("B órgano", ["R-OPEN"]), (None, ["R-NOBODY"])]
    item = groups[1].items[0]
    assert item.last_update.narrative_es == "Se organizó un curso conjunto."
    assert [a.meeting for a in item.recommendation.history] == [carried["held"]]


@pytest.mark.parametrize(("reader", "sees_ma_only"), [("ma_member", True), ("es_member", False)])
def test_the_follow_up_shows_each_reader_only_what_they_may_see(
    carried, request, reader, sees_ma_only
):
    references = {
        item.recommendation.reference
        for group in follow_up(carried["planned"], request.getfixturevalue(reader))
        for item in group.items
    }
    assert ("R-MA" in references) is sees_ma_only
    assert "R-OPEN" in references
    assert "R-DONE" not in references  # closed
    assert "R-LATER" not in references  # adopted after the meeting


def test_on_record_by_a_meeting_is_all_but_what_only_later_meetings_adopted(db, es_member):
    planned = session(2015, Side.ES, status=MeetingStatus.PLANNED)
    undated = f.MeetingFactory(start_date=None, start_precision="", end_date=None, end_precision="")
    before, after = session(2014, Side.MA), session(2017, Side.MA)
    adopted_at = {
        "R-BEFORE": [before],
        "R-BEFORE-AND-AFTER": [before, after],  # adopted, then reiterated
        "R-UNDATED": [undated],
        "R-NEVER": [],
        "R-AFTER": [after],
        "R-HERE": [planned],  # decided at this meeting: not a follow-up of it
    }
    for reference, meetings in adopted_at.items():
        recommendation = f.RecommendationFactory(reference=reference, status="in_progress")
        for index, meeting in enumerate(meetings):
            kind = "reiterated" if index else "adopted"
            f.AdoptionFactory(recommendation=recommendation, meeting=meeting, kind=kind)
    references = set(open_on_record(planned, es_member).values_list("reference", flat=True))
    assert references == {"R-BEFORE", "R-BEFORE-AND-AFTER", "R-UNDATED", "R-NEVER"}
    # A planned meeting without a date follows up only what no meeting is known to have adopted.
    planned.start_date, planned.start_precision = None, ""
    planned.save()
    assert set(open_on_record(planned, es_member).values_list("reference", flat=True)) == {
        "R-NEVER"
    }


def grow(carried, ma_member, times: int) -> None:
    for n in range(times):
        body = f.BodyFactory()
        for m in range(2):
            recommendation = f.RecommendationFactory(body=body, reference=f"G-{n}-{m}")
            f.AdoptionFactory(recommendation=recommendation, meeting=carried["held"])
            f.AdoptionFactory(
                recommendation=recommendation,
                meeting=f.MeetingFactory(
                    start_date=dt.date(2014, 9, 1), end_date=None, end_precision=""
                ),
                kind="reiterated",
            )
            f.ProgressUpdateFactory(
                recommendation=recommendation,
                author=ma_member,
                state="published",
                published_at=timezone.now(),
            )


def test_the_follow_up_takes_the_same_number_of_queries_for_few_and_many(
    carried, ma_member, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5) as few:
        sum(len(group.items) for group in follow_up(carried["planned"], ma_member))
    grow(carried, ma_member, 10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        count = sum(len(group.items) for group in follow_up(carried["planned"], ma_member))
    assert count == 4 + 20


def test_the_planned_meetings_page_runs_in_the_same_number_of_queries(
    client, carried, ma_member, django_assert_max_num_queries
):
    client.force_login(ma_member)
    url = f"/es/meetings/{carried['planned'].pk}/"
    client.get(url)  # renews the session: the requests measured below do not
    with django_assert_max_num_queries(60) as few:
        page = client.get(url).text
    assert "Seguimiento de las recomendaciones anteriores" in page
    assert "R-OPEN" in page and "Se organizó un curso conjunto." in page
    grow(carried, ma_member, 10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url).text
    assert "G-9-1" in page


# --- A meeting's cycle --------------------------------------------------------------------------


def test_the_page_of_a_held_meeting_shows_what_it_decided_reported_and_left_open(
    client, carried, ma_secretariat
):
    standing = f.RecommendationFactory(reference="R-ANNUAL", kind="standing", body=None)
    PeriodCheck.objects.create(
        recommendation=standing,
        year=2015,
        met=True,
        meeting=carried["planned"],
        visibility="public",
    )
    decided = f.RecommendationFactory(reference="R-NEW")
    f.AdoptionFactory(recommendation=decided, meeting=carried["planned"])
    f.AdoptionFactory(recommendation=carried["open"], meeting=carried["planned"], kind="reiterated")
    hold_meeting(carried["planned"], by=ma_secretariat)
    page = client.get(f"/en/meetings/{carried['planned'].pk}/").text
    cycle = page.split('id="cycle-heading"')[1]
    assert "1 recommendation adopted" in cycle and "1 reiterated" in cycle
    assert "R-ANNUAL" in cycle and "2015: done" in cycle
    assert f"/en/meetings/{carried['planned'].pk}/report/" in cycle
    assert f"/en/meetings/{carried['planned'].pk}/report.pdf" in cycle
    still_open = cycle.split('id="open-heading"')[1]
    assert "R-NEW" in still_open and "R-OPEN" in still_open
    report = client.get(f"/en/meetings/{carried['planned'].pk}/report/").text
    assert "adopted at this meeting" in report and "reiterated at this meeting" in report


def test_the_admin_adds_the_follow_up_item_after_the_agenda_items_of_the_form(carried):
    from django.contrib import admin

    model_admin = admin.site._registry[Meeting]
    planned = carried["planned"]
    f.AgendaItemFactory(meeting=planned, order=1, title_es="Apertura")  # saved by an inline
    form = type("Form", (), {"instance": planned, "save_m2m": lambda self: None})()
    model_admin.save_related(None, form, formsets=[], change=False)
    model_admin.save_related(None, form, formsets=[], change=True)
    items = list(AgendaItem.objects.filter(meeting=planned).order_by("order"))
    assert [(item.order, item.kind) for item in items] == [(1, "item"), (2, "follow_up")]


def test_marking_held_from_the_admin_freezes_the_report(client, carried, ma_secretariat):
    client.force_login(ma_secretariat)
    response = client.post(
        reverse("admin:meetings_meeting_changelist"),
        {
            "action": "hold_and_freeze",
            "_selected_action": [carried["planned"].pk, carried["held"].pk],
        },
        follow=True,
    )
    assert response.status_code == 200
    carried["planned"].refresh_from_db()
    assert carried["planned"].status == "held"
    report = FollowUpReport.objects.get(meeting=carried["planned"])
    assert report.frozen_by == ma_secretariat
    assert not FollowUpReport.objects.filter(meeting=carried["held"]).exists()
    assert "Only a planned meeting can be marked as held." in response.text


def test_saving_a_planned_meeting_as_held_in_the_admin_freezes_the_report(
    carried, ma_secretariat, monkeypatch
):
    from django.contrib import admin

    model_admin = admin.site._registry[Meeting]
    meeting = carried["planned"]
    meeting.status = MeetingStatus.HELD
    request = type("Request", (), {"user": ma_secretariat, "_messages": None})()
    form = type("Form", (), {"initial": {"status": "planned"}})()
    monkeypatch.setattr(model_admin, "message_user", lambda *args, **kwargs: None)
    model_admin.save_model(request, meeting, form, change=True)
    assert FollowUpReport.objects.filter(meeting=meeting).exists()


# --- A recommendation's history -----------------------------------------------------------------


def test_a_recommendation_says_when_it_was_adopted_and_reiterated(client):
    recommendation = f.RecommendationFactory(reference="R-HIST")
    first = session(2014, Side.MA, title_en="First session")
    f.AdoptionFactory(recommendation=recommendation, meeting=first)
    f.AdoptionFactory(
        recommendation=recommendation, meeting=session(2015, Side.ES), kind="reiterated"
    )
    page = client.get("/en/recommendations/R-HIST/").text
    facts = " ".join(page.split("<dt>Adoption</dt>")[1].split("</dd>")[0].split())
    assert ">2014</a>" not in facts  # the meeting, not a bare year
    adopted, reiterated = facts.split("<br>")
    assert f'adopted at <a href="/en/meetings/{first.pk}/">' in adopted
    assert "First session</span></a>, 4 May 2014" in adopted
    assert "reiterated at <a" in reiterated and "4 May 2015" in reiterated


def test_the_history_is_read_without_a_query_per_meeting(client, django_assert_max_num_queries):
    recommendation = f.RecommendationFactory(reference="R-MANY")
    f.AdoptionFactory(recommendation=recommendation, meeting=session(2014, Side.MA))
    with django_assert_max_num_queries(40) as few:
        client.get("/en/recommendations/R-MANY/")
    for year in range(2015, 2027):
        f.AdoptionFactory(
            recommendation=recommendation,
            meeting=session(year, Side.MA if year % 2 else Side.ES),
            kind="reiterated",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/en/recommendations/R-MANY/").text
    assert page.count("reiterated at <a") == 12


def test_a_long_follow_up_shows_the_first_ones_and_links_to_all_open(
    client, carried, ma_member, monkeypatch
):
    from committee.public import meetings as views

    grow(carried, ma_member, 10)
    everything = sum(len(group.items) for group in follow_up(carried["planned"], ma_member))
    first = follow_up(carried["planned"], ma_member, limit=5)
    assert sum(len(group.items) for group in first) == 5 < everything
    monkeypatch.setattr(views, "FOLLOW_UP_SHOWN", 5)
    client.force_login(ma_member)
    page = client.get(f"/es/meetings/{carried['planned'].pk}/").text
    assert f"Las 5 primeras de {everything} recomendaciones abiertas" in page
    assert "/es/recommendations/?status=" in page
