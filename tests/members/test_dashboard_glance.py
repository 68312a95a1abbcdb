"""The member's dashboard at a glance: what waits for my delegation, what is overdue (counted
among what I may see), the next meeting; every item by its text, its reference secondary."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from committee.bilateral import LeadSide, Visibility
from committee.recommendations import services
from tests import factories as f

pytestmark = pytest.mark.django_db


def heading(page: str, anchor: str) -> str:
    match = re.search(rf'<h2 id="{anchor}">(.*?)</h2>', page, re.S)
    assert match, anchor
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


def test_the_other_delegations_overdue_recommendations_are_not_counted(client, ma_seated, body):
    past = timezone.localdate() - dt.timedelta(days=95)
    f.RecommendationFactory(body=body, visibility=Visibility.ES, status="adopted", due_date=past)
    client.force_login(ma_seated)
    page = client.get("/en/me/").text
    assert heading(page, "overdue-heading") == "No recommendation is overdue"
    f.RecommendationFactory(
        body=body, visibility=Visibility.COMMITTEE, status="adopted", due_date=past
    )
    page = client.get("/en/me/").text
    assert heading(page, "overdue-heading") == "1 recommendation overdue"


def test_overdue_items_show_their_text_lateness_and_lead_side(client, es_seated, body):
    today = timezone.localdate()
    year, month = divmod(today.year * 12 + today.month - 1 - 3, 12)
    overdue = f.RecommendationFactory(
        body=body,
        visibility=Visibility.COMMITTEE,
        status="in_progress",
        lead_side=LeadSide.ES,
        due_date=dt.date(year, month + 1, min(today.day, 28)),
        text_es="Intercambiar oficiales de enlace entre las comisarías conjuntas de ambos puertos",
    )
    client.force_login(es_seated)
    page = client.get("/es/me/").text
    due = page[page.index('id="due"') :]
    item = due[: due.index("</li>")]
    assert "Intercambiar oficiales de enlace" in item
    assert f'<small class="ref"><bdi>{overdue.reference}</bdi></small>' in item
    assert "con 3 meses de retraso" in item
    assert "España" in item
    assert item.index("Intercambiar") < item.index('<small class="ref">')


def test_what_waits_for_my_delegation_is_shown_by_its_text_first(client, ma_seated, es_seated, rec):
    services.propose_status_change(recommendation=rec, by=ma_seated, to_status="implemented")
    client.force_login(ma_seated)
    assert heading(client.get("/en/me/").text, "awaiting") == "Nothing waits for your delegation."
    client.force_login(es_seated)
    page = client.get("/es/me/").text
    assert heading(page, "awaiting") == "1 propuesta espera la decisión de mi delegación"
    card = page[page.index('id="awaiting"') : page.index('id="overdue-heading"')]
    assert str(rec.text_es)[:20] in card and rec.reference in card
    assert card.index(str(rec.text_es)[:20]) < card.index('<small class="ref">')


def test_the_dashboard_shows_the_next_meeting_it_may_see_before_the_lists(client, ma_seated, body):
    soon = timezone.localdate() + dt.timedelta(days=20)
    f.MeetingFactory(
        status="planned",
        start_date=soon,
        end_date=None,
        end_precision="",
        title_es="Reservada",
        visibility=Visibility.ES,
    )
    f.MeetingFactory(
        status="planned",
        start_date=soon + dt.timedelta(days=5),
        end_date=None,
        end_precision="",
        title_es="Reunión de la subcomisión",
        visibility=Visibility.COMMITTEE,
    )
    client.force_login(ma_seated)
    page = client.get("/es/me/").text
    card = page[page.index('id="next-meeting-heading"') :]
    card = card[: card.index("</section>")]
    assert "Reunión de la subcomisión" in card
    assert "Reservada" not in page
    assert page.index('id="next-meeting-heading"') < page.index('id="due"')
