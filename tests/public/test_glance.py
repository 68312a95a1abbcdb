"""What matters at a glance on the home page: what is overdue (counted among what the reader may
see, by lead side and by body, each linked to the filtered list), what is due next, the next
meeting; and the lateness of each overdue recommendation on the list and its page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from committee.bilateral import LeadSide, Visibility
from tests import factories as f

pytestmark = pytest.mark.django_db


def overdue_heading(page: str) -> str:
    match = re.search(r'<h2 id="overdue-heading">(.*?)</h2>', page, re.S)
    assert match, "no overdue card"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


def late(**fields):
    """An open recommendation four months past its due date."""
    today = timezone.localdate()
    year, month = divmod(today.year * 12 + today.month - 1 - 4, 12)
    due = dt.date(year, month + 1, min(today.day, 28))
    return f.RecommendationFactory(status="in_progress", due_date=due, **fields)


def test_a_committee_only_overdue_recommendation_is_not_counted_for_the_public(
    client, world, ma_member
):
    hidden = late(visibility=Visibility.COMMITTEE, body=world["committee"])
    page = client.get("/en/").text
    assert overdue_heading(page) == "1 recommendation overdue"  # the world's SEM2-2014-R01 only
    assert hidden.reference not in page
    client.force_login(ma_member)
    assert overdue_heading(client.get("/en/").text) == "2 recommendations overdue"


def test_the_other_delegations_overdue_recommendation_is_not_counted(
    client, world, ma_member, es_member
):
    late(visibility=Visibility.ES, body=world["committee"], lead_side=LeadSide.ES)
    client.force_login(ma_member)
    page = client.get("/en/").text
    assert overdue_heading(page) == "1 recommendation overdue"
    assert "lead_side=ES" not in page
    client.force_login(es_member)
    assert overdue_heading(client.get("/en/").text) == "2 recommendations overdue"


def test_closed_recommendations_and_those_due_later_are_not_overdue(client, world):
    past = timezone.localdate() - dt.timedelta(days=400)
    f.RecommendationFactory(status="implemented", completion="complete", due_date=past)
    f.RecommendationFactory(status="superseded", status_reason="Replaced", due_date=past)
    f.RecommendationFactory(status="in_progress", due_date=timezone.localdate())
    assert overdue_heading(client.get("/en/").text) == "1 recommendation overdue"


def test_nothing_overdue_is_said_plainly(client, db):
    f.RecommendationFactory(
        status="implemented", completion="complete", due_date=dt.date(2000, 1, 1)
    )
    assert overdue_heading(client.get("/en/").text) == "No recommendation is overdue"


def test_the_counts_by_lead_side_and_body_link_to_the_filtered_list(client, world):
    other = f.BodyFactory(name_en="Training subcommittee")
    late(body=other, lead_side=LeadSide.ES)
    late(body=other, lead_side=LeadSide.ES)
    page = client.get("/en/").text
    assert overdue_heading(page) == "3 recommendations overdue"
    by_spain = "/en/recommendations/?overdue=on&amp;lead_side=ES&amp;sort=due"
    by_body = f"/en/recommendations/?overdue=on&amp;body={other.pk}&amp;sort=due"
    assert by_spain in page and by_body in page
    assert "lead_side=MA" not in page  # no Moroccan-led recommendation is overdue
    listed = client.get(by_body.replace("&amp;", "&")).text
    assert "2 recommendations" in listed
    listed = client.get(by_spain.replace("&amp;", "&")).text
    assert "2 recommendations" in listed


def test_due_next_shows_the_text_with_its_reference_and_never_a_closed_one(client, world):
    soon = f.RecommendationFactory(
        status="adopted",
        due_date=timezone.localdate() + dt.timedelta(days=10),
        text_en="Hold joint training courses for border police officers every spring",
    )
    f.RecommendationFactory(
        status="implemented",
        completion="complete",
        due_date=timezone.localdate() + dt.timedelta(days=5),
        text_en="Already done and closed",
    )
    page = client.get("/en/").text
    section = page[page.index('id="due-next-heading"') :]
    section = section[: section.index("</section>")]
    assert "Hold joint training courses" in section and soon.reference in section
    assert "Already done and closed" not in section


def test_the_next_meeting_comes_before_the_charts(client, world):
    page = client.get("/ar/").text
    assert page.index('id="overdue-heading"') < page.index("<svg")
    assert page.index('id="next-meeting-heading"') < page.index("<svg")
    card = page[page.index('id="next-meeting-heading"') :]
    assert "الندوة الثالثة" in card[: card.index("</section>")]


def test_list_rows_say_how_late_and_not_for_closed_or_future_ones(client, world):
    overdue = late(text_en="Create a liaison office", body=world["committee"])
    f.RecommendationFactory(
        status="implemented",
        completion="complete",
        due_date=dt.date(2001, 1, 1),
        text_en="Finished long ago",
    )
    page = client.get("/en/recommendations/").text
    rows = {
        ref: row
        for row in re.findall(r"<tr>.*?</tr>", page, re.S)
        for ref in re.findall(r'class="ref"><bdi>([^<]+)</bdi>', row)
    }
    assert "overdue by 4 months" in rows[overdue.reference]
    assert re.search(r"overdue by \d+ years", rows["SEM2-2014-R01"])  # due 31 December 2015
    assert all(
        "overdue by" not in row
        for ref, row in rows.items()
        if ref.startswith("TST") and ref != overdue.reference
    )
    assert "overdue by" not in rows["SEM2-2014-R02"]  # no due date
    row = rows[overdue.reference]
    assert row.index("Create a liaison office") < row.index('<small class="ref">')


def test_the_recommendation_page_is_titled_by_its_text_and_says_how_late(client, world):
    page = client.get("/es/recommendations/SEM2-2014-R01/").text
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    assert "Celebrar reuniones anuales del comité estratégico" in h1
    assert "SEM2-2014-R01" not in h1
    assert re.search(r"<title>Celebrar reuniones anuales", page)
    assert 'class="record-ref">SEM2-2014-R01<' in page
    assert "años de retraso" in page


def test_a_closed_recommendation_page_says_nothing_about_lateness(client, world):
    closed = f.RecommendationFactory(
        status="implemented", completion="complete", due_date=dt.date(2001, 1, 1)
    )
    page = client.get(closed.get_absolute_url()).text
    assert "overdue by" not in page


def test_the_home_page_counts_overdue_in_a_fixed_number_of_queries(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20) as few:
        client.get("/es/")
    for n in range(12):
        late(body=f.BodyFactory(), lead_side=[LeadSide.MA, LeadSide.ES, LeadSide.JOINT][n % 3])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/es/")
