from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from committee.bilateral import Visibility
from committee.recommendations.models import UpdateState
from tests import factories as f

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_restricted_records_and_progress_are_left_out_of_the_feed(client, world, ma_member):
    f.RecommendationFactory(reference="MA-ONLY-1", visibility=Visibility.MA)
    client.force_login(ma_member)
    assert "MA-ONLY-1" not in client.get("/feed/").content.decode()


def test_the_feed_is_atom_with_new_records_and_published_progress(client, world):
    response = client.get("/feed/?lang=es")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 — our own feed
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert any("SEM2-2014-R01" in title for title in titles)
    assert any(
        title.startswith("Progress on SEM2-2014-R01") or "SEM2-2014-R01 (" in title
        for title in titles
    )
    ids = [entry.find(f"{ATOM}id").text for entry in root.iter(f"{ATOM}entry")]
    assert all(i.startswith("tag:testserver,") for i in ids)
    assert len(ids) == len(set(ids))


def test_summaries_are_plain_text_and_carry_no_markup_from_members(client, world, ma_member):
    narrative = "Hecho <script>alert(1)</script> <a href=javascript:alert(2)>aquí</a> & más"
    f.ProgressUpdateFactory(
        recommendation=world["recommendation"],
        author=ma_member,
        state=UpdateState.PUBLISHED,
        published_at=timezone.now(),
        narrative_ar="",
        narrative_es=narrative,
        original_language="es",
    )
    response = client.get("/feed/?lang=es")
    xml = response.content.decode()
    assert "<script" not in xml
    assert "<a href" not in xml
    root = ET.fromstring(response.content)  # noqa: S314 — our own feed
    summaries = list(root.iter(f"{ATOM}summary"))
    assert summaries
    # type="text": readers show the words, escaped by the XML writer, and render no markup
    assert {summary.get("type") for summary in summaries} == {"text"}
    assert narrative in [summary.text for summary in summaries]
