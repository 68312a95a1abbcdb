"""The members' pages: forms, conflicts, downloads, CSRF and query budgets."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee.bilateral import Side, Visibility
from committee.people.models import User
from committee.recommendations import services
from committee.recommendations.models import ProgressUpdate, Recommendation, StatusChange
from committee.write_paths import through_service
from tests import factories as f
from tests.factories import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_ma(client, ma_seated):
    client.force_login(ma_seated)
    return client


def progress_data(**extra):
    return {
        "as_of": "2015-01-15",
        "language": "es",
        "narrative": "Se celebró un curso",
        "proposed_completion": "",
        "visibility": "committee",
        **extra,
    }


def test_the_dashboard_shows_what_waits_for_my_side(client, ma_seated, es_seated, rec, body):
    overdue = f.RecommendationFactory(
        body=body, visibility=Visibility.COMMITTEE, due_date=dt.date(2000, 1, 1)
    )
    services.propose_status_change(recommendation=rec, by=ma_seated, to_status="implemented")
    draft = services.record_progress(
        recommendation=rec,
        author=es_seated,
        as_of=dt.date(2015, 1, 1),
        narrative="Borrador",
        language="es",
    )
    client.force_login(es_seated)
    page = client.get("/es/me/").text
    assert reverse("status-decide", args=[StatusChange.objects.get().pk]) in page
    assert overdue.reference in page
    assert reverse("progress-edit", args=[draft.pk]) in page
    assert body.name_es in page
    client.force_login(ma_seated)
    page = client.get("/es/me/").text
    assert reverse("progress-edit", args=[draft.pk]) not in page  # another member's draft


def dashboard_queries(client, user) -> int:
    client.force_login(user)
    client.get("/en/me/")  # renews the session; the next request within a minute does not
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/me/").status_code == 200
    return len(queries)


def populate(body, ma, es, n):
    for _ in range(n):
        rec = f.RecommendationFactory(
            body=body,
            visibility=Visibility.COMMITTEE,
            status="in_progress",
            due_date=dt.date.today() + dt.timedelta(days=5),
        )
        f.ProgressUpdateFactory(
            recommendation=rec,
            author=ma,
            state="published",
            published_at=rec.created_at,
            visibility="committee",
        )
        f.ProgressUpdateFactory(recommendation=rec, author=ma, visibility="committee")
        services.propose_status_change(recommendation=rec, by=es, to_status="implemented")
        services.propose_publication(record=rec, by=es)


def test_the_dashboard_runs_in_a_constant_number_of_queries(client, ma_seated, es_seated, body):
    populate(body, ma_seated, es_seated, 2)
    few = dashboard_queries(client, ma_seated)
    populate(body, ma_seated, es_seated, 12)
    many = dashboard_queries(client, ma_seated)
    assert few == many
    assert many <= 25


def test_posted_fields_a_form_does_not_declare_change_nothing(as_ma, ma_seated, rec):
    response = as_ma.post(
        reverse("progress-create", args=[rec.reference]),
        progress_data(side="ES", author=999, state="published", is_staff="on", version=77),
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.side, update.author, update.state, update.version) == (
        Side.MA,
        ma_seated,
        "draft",
        1,
    )
    assert not User.objects.get(pk=ma_seated.pk).is_staff


def test_the_other_sides_private_visibility_is_refused_with_a_form_error(as_ma, rec):
    response = as_ma.post(
        reverse("progress-create", args=[rec.reference]), progress_data(visibility="es")
    )
    assert response.status_code == 200
    assert "errorlist" in response.text
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"as_of": "not a date"},
        {"as_of": "2999-01-01"},
        {"narrative": ""},
        {"narrative": "x" * 20_001},
        {"narrative": "nul\x00byte"},
        {"language": "xx"},
        {"proposed_completion": "total"},
    ],
)
def test_bad_progress_input_gets_form_errors_in_my_language(client, ma_seated, rec, bad):
    client.force_login(ma_seated)
    response = client.post(
        f"/es/me/recommendations/{rec.reference}/progress/", progress_data(**bad)
    )
    assert response.status_code == 200
    assert 'class="errorlist' in response.text
    assert '<html lang="es"' in response.text
    assert not ProgressUpdate.objects.exists()


def test_a_bad_evidence_file_is_a_form_error_not_a_500(as_ma, rec):
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf")
    response = as_ma.post(
        reverse("progress-create", args=[rec.reference]), {**progress_data(), "evidence": fake}
    )
    assert response.status_code == 200
    assert "errorlist" in response.text
    assert not ProgressUpdate.objects.exists()


def test_publish_from_the_form(as_ma, rec, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("report.pdf", PDF)
    response = as_ma.post(
        reverse("progress-create", args=[rec.reference]),
        {**progress_data(), "evidence": pdf, "publish": "1"},
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert update.state == "published"
    assert update.evidence.get().content_type == "application/pdf"


def test_the_second_editor_of_a_draft_gets_a_conflict_page(as_ma, ma_seated, rec):
    update = services.record_progress(
        recommendation=rec,
        author=ma_seated,
        as_of=dt.date(2015, 1, 1),
        narrative="v1",
        language="es",
    )
    url = reverse("progress-edit", args=[update.pk])
    first = as_ma.post(url, progress_data(narrative="first tab", seen_version=1))
    assert first.status_code == 302
    second = as_ma.post(url, progress_data(narrative="second tab", seen_version=1))
    assert second.status_code == 409
    assert "first tab" in second.text
    assert "second tab" in second.text
    update.refresh_from_db()
    assert update.narrative_es == "first tab"


def test_a_stale_status_proposal_gets_a_conflict_page(as_ma, ma_seated, rec):
    url = reverse("status-propose", args=[rec.reference])
    with through_service():  # someone else's change, saved meanwhile
        Recommendation.objects.filter(pk=rec.pk).update(version=5, completion="substantial")
    response = as_ma.post(url, {"to_status": "on_hold", "seen_version": 1})
    assert response.status_code == 409
    assert "Substantial" in response.text
    assert not StatusChange.objects.exists()


def test_confirming_through_the_page_changes_the_record(client, ma_seated, es_seated, rec):
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="implemented"
    )
    client.force_login(ma_seated)
    own = client.post(reverse("status-decide", args=[change.pk]), {"action": "confirm"})
    assert own.status_code == 403
    client.force_login(es_seated)
    page = client.get(reverse("status-decide", args=[change.pk]))
    assert "Confirm the change" in page.text
    response = client.post(reverse("status-decide", args=[change.pk]), {"action": "confirm"})
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.status == "implemented"


def test_rejecting_without_a_reason_is_a_form_error(client, ma_seated, es_seated, rec):
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="implemented"
    )
    client.force_login(es_seated)
    response = client.post(
        reverse("status-decide", args=[change.pk]), {"action": "reject", "reason": ""}
    )
    assert response.status_code == 200
    assert "errorlist" in response.text
    change.refresh_from_db()
    assert change.decision == "pending"


def test_get_never_writes(client, ma_seated, es_seated, rec):
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="implemented"
    )
    client.force_login(es_seated)
    client.get(reverse("status-decide", args=[change.pk]), {"action": "confirm"})
    client.get(reverse("status-propose", args=[rec.reference]), {"to_status": "on_hold"})
    change.refresh_from_db()
    rec.refresh_from_db()
    assert (change.decision, rec.status) == ("pending", "in_progress")


def test_every_post_needs_a_csrf_token(ma_seated, rec):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ma_seated)
    response = client.post(reverse("progress-create", args=[rec.reference]), progress_data())
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_evidence_downloads_as_an_attachment_with_its_checked_type(
    as_ma, ma_seated, rec, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    as_ma.post(
        reverse("progress-create", args=[rec.reference]),
        {
            **progress_data(),
            "evidence": SimpleUploadedFile("r.pdf", PDF, "text/html"),
            "publish": "1",
        },
    )
    evidence = ProgressUpdate.objects.get().evidence.get()
    response = as_ma.get(reverse("evidence-download", args=[evidence.pk]))
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_another_delegations_private_evidence_answers_404(
    client, ma_seated, es_seated, body, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    private = f.RecommendationFactory(body=body, visibility=Visibility.MA)
    from committee.uploads import check_upload

    update = services.record_progress(
        recommendation=private,
        author=ma_seated,
        as_of=dt.date(2015, 1, 1),
        narrative="x",
        language="es",
        visibility="ma",
        evidence=[check_upload(SimpleUploadedFile("r.pdf", PDF))],
    )
    services.publish_progress(update=update, by=ma_seated)
    client.force_login(es_seated)
    evidence = update.evidence.get()
    assert client.get(reverse("evidence-download", args=[evidence.pk])).status_code == 404
    assert client.get(reverse("member-recommendation", args=[private.reference])).status_code == 404


def test_the_actions_on_the_recommendation_page(client, ma_seated, es_seated, rec):
    client.force_login(ma_seated)
    page = client.get(reverse("member-recommendation", args=[rec.reference])).text
    assert reverse("progress-create", args=[rec.reference]) in page
    assert reverse("status-propose", args=[rec.reference]) in page
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="implemented"
    )
    client.force_login(es_seated)
    page = client.get(reverse("member-recommendation", args=[rec.reference])).text
    assert "Awaiting Spanish confirmation." in page
    assert reverse("status-decide", args=[change.pk]) in page
    assert "Confirm or reject" in page


def test_the_secretariat_sees_its_sides_private_records_never_the_others(
    client, ma_secretariat, body
):
    mine = f.RecommendationFactory(body=body, visibility=Visibility.MA)
    theirs = f.RecommendationFactory(body=body, visibility=Visibility.ES)
    shared = f.RecommendationFactory(body=body, visibility=Visibility.COMMITTEE)
    client.force_login(ma_secretariat)
    page = client.get(reverse("me")).text
    assert mine.reference in page
    assert shared.reference in page
    assert theirs.reference not in page
    admin = client.get(reverse("admin:recommendations_recommendation_change", args=[theirs.pk]))
    assert admin.status_code == 404


def test_a_change_made_through_the_site_is_audited_with_who_and_how(as_ma, ma_seated, rec):
    from pghistory.models import Events

    response = as_ma.post(reverse("progress-create", args=[rec.reference]), progress_data())
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    event = Events.objects.tracks(update).get(pgh_label="insert")
    assert event.pgh_context["path"] == "web"
    assert event.pgh_context["method"] == "POST"
    assert event.pgh_context["user"] == ma_seated.pk
    assert event.pgh_context["url"] == reverse("progress-create", args=[rec.reference])
