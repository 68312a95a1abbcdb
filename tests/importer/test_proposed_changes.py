"""What an article says differently from a record is proposed for review, never written unseen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pghistory.models import Events

from committee.importer.models import ProposedChange
from committee.importer.reading import Article
from committee.importer.services import (
    accept_proposed_change,
    import_article,
    reject_proposed_change,
)
from committee.meetings.models import Meeting
from committee.recommendations.models import FollowUpReport
from committee.sources.models import SourceDocument
from tests import factories
from tests.importer.conftest import PUBLISHED

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:importer_proposedchange_changelist")


@pytest.fixture
def rabat(seed_article, no_memory):
    """The second seminar, already recorded in Rabat and private to Morocco's delegation; the
    seed says Marrakech (same days, so only the city differs)."""
    meeting = factories.MeetingFactory(
        kind="seminar",
        ordinal=2,
        body=None,
        status="held",
        city_ar="الرباط",
        city_es="Rabat",
        city_fr="",
        city_en="",
        visibility="ma",
    )
    report = import_article(article=seed_article, published=PUBLISHED, memory=no_memory)
    return meeting, report


def city_proposal(meeting: Meeting) -> ProposedChange:
    return ProposedChange.objects.of(meeting).get(field="city")


# --- what must NOT happen first ------------------------------------------------------------


def test_another_city_leaves_the_meeting_unchanged_and_proposes_it_once(rabat):
    meeting, report = rabat
    meeting.refresh_from_db()
    # Not written, and none of Marrakech's names fills the empty columns of Rabat.
    assert (meeting.city_ar, meeting.city_es, meeting.city_fr) == ("الرباط", "Rabat", "")
    assert ProposedChange.objects.of(meeting).count() == 1
    proposal = city_proposal(meeting)
    assert proposal.state == "pending"
    assert proposal.current["city_es"] == "Rabat"
    assert proposal.proposed["city_es"] == "Marrakech"
    source = SourceDocument.objects.get(pk=report.source)
    assert proposal.source == source
    assert source.text[proposal.start : proposal.end] == proposal.quote
    assert "مراكش" in proposal.quote
    listed = [(p.field, p.current, p.proposed) for p in report.proposed]
    assert listed == [("city", "الرباط", "مراكش")]
    assert "would change city from الرباط to مراكش" in report.as_text()
    assert report.as_dict()["proposed"][0]["quote"] == proposal.quote


def test_re_importing_the_article_proposes_nothing_again(rabat, seed_article, no_memory):
    meeting, _ = rabat
    again = import_article(article=seed_article, published=PUBLISHED, memory=no_memory)
    assert again.proposed == []
    assert ProposedChange.objects.of(meeting).count() == 1


def test_the_other_sides_secretariat_neither_sees_nor_decides(rabat, es_secretariat, client):
    meeting, _ = rabat
    proposal = city_proposal(meeting)
    assert not ProposedChange.objects.visible_to(es_secretariat).filter(pk=proposal.pk).exists()
    client.force_login(es_secretariat)
    page = client.get(CHANGELIST)
    assert page.status_code == 200
    assert proposal.quote not in page.content.decode()
    client.post(CHANGELIST, {"action": "accept", "_selected_action": [proposal.pk]})
    with pytest.raises(PermissionDenied):
        accept_proposed_change(proposal, by=es_secretariat)
    with pytest.raises(PermissionDenied):
        reject_proposed_change(proposal, by=es_secretariat)
    meeting.refresh_from_db()
    proposal.refresh_from_db()
    assert (meeting.city_es, proposal.state) == ("Rabat", "pending")


def test_a_member_who_sees_the_record_may_not_decide(rabat, ma_member):
    meeting, _ = rabat
    proposal = city_proposal(meeting)
    assert ProposedChange.objects.visible_to(ma_member).filter(pk=proposal.pk).exists()
    with pytest.raises(PermissionDenied):
        accept_proposed_change(proposal, by=ma_member)
    meeting.refresh_from_db()
    assert meeting.city_es == "Rabat"


def test_rejecting_leaves_the_record_and_keeps_the_proposal_as_history(rabat, ma_secretariat):
    meeting, _ = rabat
    proposal = city_proposal(meeting)
    reject_proposed_change(proposal, by=ma_secretariat)
    meeting.refresh_from_db()
    proposal.refresh_from_db()
    assert meeting.city_es == "Rabat"
    assert (proposal.state, proposal.reviewed_by) == ("rejected", ma_secretariat)
    with pytest.raises(ValidationError, match="already been decided"):
        accept_proposed_change(proposal, by=ma_secretariat)


def test_a_stale_proposal_is_refused_with_the_reason(rabat, ma_secretariat):
    meeting, _ = rabat
    proposal = city_proposal(meeting)
    Meeting.objects.filter(pk=meeting.pk).update(city_es="Tánger")
    with pytest.raises(ValidationError, match="has changed since this was proposed"):
        accept_proposed_change(proposal, by=ma_secretariat)
    meeting.refresh_from_db()
    proposal.refresh_from_db()
    assert (meeting.city_es, proposal.state) == ("Tánger", "pending")


# --- what accepting does -------------------------------------------------------------------


def test_accepting_applies_the_value_and_writes_the_audit_trail(rabat, ma_secretariat):
    meeting, _ = rabat
    meeting.refresh_from_db()
    version = meeting.version
    proposal = city_proposal(meeting)
    accept_proposed_change(proposal, by=ma_secretariat)
    meeting.refresh_from_db()
    proposal.refresh_from_db()
    assert (meeting.city_ar, meeting.city_es) == ("مراكش", "Marrakech")
    assert meeting.version == version + 1
    assert (proposal.state, proposal.reviewed_by) == ("accepted", ma_secretariat)
    assert proposal.reviewed_at is not None
    change = Events.objects.filter(
        pgh_obj_model="meetings.Meeting", pgh_obj_id=meeting.pk, pgh_label="update"
    ).latest("pgh_id")
    assert change.pgh_data["city_es"] == "Marrakech"
    assert change.pgh_context["operation"] == "accept_proposed_change"
    assert Events.objects.filter(
        pgh_obj_model="importer.ProposedChange", pgh_obj_id=proposal.pk, pgh_label="update"
    ).exists()


def test_the_secretariat_accepts_from_the_admin_list(rabat, ma_secretariat, client):
    meeting, _ = rabat
    proposal = city_proposal(meeting)
    client.force_login(ma_secretariat)
    page = client.get(CHANGELIST)
    assert proposal.quote in page.content.decode()
    client.post(CHANGELIST, {"action": "accept", "_selected_action": [proposal.pk]})
    meeting.refresh_from_db()
    assert meeting.city_es == "Marrakech"


def test_a_more_precise_date_is_proposed_and_applied_only_when_accepted(no_memory, superuser):
    first = Article(
        text="انعقدت في شهر نونبر 2013 بمدينة قرطبة الندوة المغربية الاسبانية الأولى حول الأمن، "
        "بمبادرة من المديرية العامة للأمن الوطني والمديرية العامة للشرطة الاسبانية، وأوصى المشاركون بإحداث لجنة أمنية استراتيجية.",
        encoding="utf-8",
    )
    import_article(article=first, published=dt.date(2013, 12, 2), memory=no_memory)
    meeting = Meeting.objects.get(kind="seminar", ordinal=1)
    second = Article(
        text="احتضنت مدينة قرطبة يومي 28 و29 نونبر 2013 أشغال الندوة المغربية الاسبانية الأولى حول الأمن، "
        "التي نظمتها المديرية العامة للأمن الوطني والمديرية العامة للشرطة الاسبانية.",
        encoding="utf-8",
    )
    report = import_article(article=second, published=dt.date(2013, 12, 2), memory=no_memory)
    meeting.refresh_from_db()
    assert (meeting.start_date, meeting.start_precision) == (dt.date(2013, 11, 1), "month")
    assert Meeting.objects.filter(kind="seminar", ordinal=1).count() == 1
    assert [p.field for p in report.proposed] == ["start_date", "end_date"]
    start = ProposedChange.objects.of(meeting).get(field="start_date")
    with pytest.raises(ValidationError, match="decide the related proposed changes first"):
        accept_proposed_change(start, by=superuser)  # the end is still «November»
    accept_proposed_change(ProposedChange.objects.of(meeting).get(field="end_date"), by=superuser)
    accept_proposed_change(start, by=superuser)
    meeting.refresh_from_db()
    assert (meeting.start_date, meeting.start_precision) == (dt.date(2013, 11, 28), "day")


def test_a_planned_meeting_reported_held_is_held_through_the_meeting_cycle_once_accepted(
    seed_article, no_memory, superuser
):
    """Accepting holds the meeting as the admin does: its follow-up report is frozen."""
    planned = factories.MeetingFactory(
        kind="seminar", ordinal=2, body=None, status="planned", visibility="public"
    )
    import_article(article=seed_article, published=PUBLISHED, memory=no_memory)
    planned.refresh_from_db()
    assert planned.status == "planned"
    assert not FollowUpReport.objects.filter(meeting=planned).exists()
    accept_proposed_change(ProposedChange.objects.of(planned).get(field="status"), by=superuser)
    planned.refresh_from_db()
    assert planned.status == "held"
    assert FollowUpReport.objects.filter(meeting=planned).exists()
    # A meeting the article makes known for the first time is history: no report is frozen.
    first = Meeting.objects.get(kind="seminar", ordinal=1)
    assert first.status == "held"
    assert not FollowUpReport.objects.filter(meeting=first).exists()
