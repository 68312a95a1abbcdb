"""Hostile input: random text never gives a 500, markup renders inert (docs/security.md items 16–17)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from committee.recommendations import services
from committee.recommendations.models import ProgressUpdate

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
hostile = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Z", "Cc", "Cf"]),
    max_size=300,
) | st.sampled_from(["\u202e\u200f", "x" * 10_000, "\x00", XSS, "التوصية\u0640\u0640"])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(narrative=hostile, as_of=hostile, language=hostile, visibility=hostile, status=hostile)
def test_the_forms_answer_random_input_without_a_500(
    ma_seated, rec, narrative, as_of, language, visibility, status
):
    client = Client(raise_request_exception=True)
    client.force_login(ma_seated)
    progress = client.post(
        f"/ar/me/recommendations/{rec.reference}/progress/",
        {"as_of": as_of, "narrative": narrative, "language": language, "visibility": visibility},
    )
    assert progress.status_code in {200, 302}
    proposal = client.post(
        f"/ar/me/recommendations/{rec.reference}/status/",
        {"to_status": status, "reason": narrative, "superseded_by": narrative[:40]},
    )
    assert proposal.status_code in {200, 302, 409}
    ProgressUpdate.objects.all().delete()


def test_markup_in_a_narrative_renders_inert(client, ma_seated, es_seated, rec):
    update = services.record_progress(
        recommendation=rec,
        author=ma_seated,
        as_of=dt.date(2015, 1, 1),
        narrative=XSS,
        language="es",
    )
    services.publish_progress(update=update, by=ma_seated)
    services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="not_implemented", reason=XSS
    )
    client.force_login(es_seated)
    for url in [reverse("me"), reverse("member-recommendation", args=[rec.reference])]:
        page = client.get(url).text
        assert "<script>alert" not in page
        assert "<img src=x" not in page
