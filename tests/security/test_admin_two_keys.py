"""Two keys everywhere in the admin (issue 14 items 1 and 4).

Below an operator, no admin page, inline or action changes a rule-bearing field of an existing
record: status, completion, visibility, the adoption of minutes, a published progress update.
They change only through the two-key services. The database refuses a direct UPDATE of those
columns outside the services, and the history page shows only the versions the reader may see.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.forms.models import InlineForeignKeyField
from django.test import RequestFactory
from django.urls import reverse

from committee.bilateral import Side, Visibility
from committee.meetings import services as meeting_services
from committee.recommendations import services
from committee.recommendations.models import (
    ProgressUpdate,
    Recommendation,
    UpdateState,
)
from committee.write_paths import through_service
from tests import factories as f

pytestmark = pytest.mark.django_db

#: The fields whose writes need both keys (or a service), whatever the model.
RULE_BEARING = frozenset(
    {
        "status",
        "completion",
        "status_reason",
        "visibility",
        "decision",
        "decided_by",
        "decided_side",
        "decided_at",
    }
)
#: Rule-bearing on some models only: the adoption of minutes, the publication of an update (an
#: action plan's ``adopted_at`` names a meeting, a fact like any other).
OF_MODEL = {
    "Minutes": frozenset({"state", "adopted_at"}),
    "ProgressUpdate": frozenset({"state", "published_at"}),
}
#: What a published progress update says: it is never rewritten.
PUBLISHED_UPDATE = frozenset(
    {"side", "as_of", "proposed_completion", "narrative_ar", "narrative_es", "narrative_fr"}
    | {"narrative_en", "recommendation", "author", "corrects"}
)


@pytest.fixture
def records(ma_secretariat, es_secretariat):
    """A record of every model the admin shows, with published updates and adopted minutes."""
    meeting = f.MeetingFactory(status="planned")
    recommendation = f.RecommendationFactory(visibility=Visibility.COMMITTEE, kind="standing")
    published = f.ProgressUpdateFactory(
        recommendation=recommendation,
        author=ma_secretariat,
        side=Side.MA,
        state=UpdateState.PUBLISHED,
        published_at=dt.datetime(2015, 1, 16, tzinfo=dt.UTC),
        visibility=Visibility.COMMITTEE,
    )
    f.ProgressUpdateFactory(recommendation=recommendation, author=es_secretariat, side=Side.ES)
    f.every_other_admin_record(meeting, recommendation, published, by=ma_secretariat)
    adopted = meeting_services.draft_minutes(
        meeting=meeting,
        language="ar",
        text="محضر الجلسة",
        by=ma_secretariat,
        visibility=Visibility.COMMITTEE,
    )
    meeting_services.approve_minutes(minutes=adopted, by=ma_secretariat)
    meeting_services.approve_minutes(minutes=adopted, by=es_secretariat)
    meeting_services.draft_minutes(meeting=meeting, language="es", text="Acta", by=es_secretariat)
    return {"recommendation": recommendation, "published": published, "adopted": adopted}


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def forms_of(response):
    """The model form of a change page and every form of its inlines, with their instances."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += list(inline.formset.forms)
    return forms


def editable(form):
    """The fields a user may change (an inline's link to its parent record is fixed)."""
    return {
        name
        for name, field in form.fields.items()
        if not field.disabled and not isinstance(field, InlineForeignKeyField)
    }


def post_data(response):
    """What the browser would send back for a change page left as it was rendered."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        forms += list(inline.formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            if field.disabled:
                continue
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form[name].html_name] = "on" if value is True else value
    return data


def snapshot():
    """Every rule-bearing value of every record the admin shows."""
    values = {}
    for model, _model_admin in registered():
        names = [
            field.attname
            for field in model._meta.concrete_fields
            if field.name
            in RULE_BEARING | PUBLISHED_UPDATE | OF_MODEL.get(model.__name__, frozenset())
        ]
        if names:
            values[model._meta.label] = sorted(model.objects.values_list("pk", *names))
    return values


@pytest.mark.parametrize("who", ["ma_secretariat", "es_secretariat"])
def test_no_admin_form_or_inline_edits_a_rule_bearing_field(client, request, records, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    walked = 0
    for model, model_admin in registered():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}_change"
        for obj in model_admin.get_queryset(request_of(user)):
            response = client.get(reverse(info, args=[obj.pk]))
            assert response.status_code == 200, (model.__name__, obj.pk)
            for form in forms_of(response):
                instance = form.instance
                if instance.pk is None:
                    continue
                fields = editable(form)
                rule_bearing = RULE_BEARING | OF_MODEL.get(type(instance).__name__, frozenset())
                assert not fields & rule_bearing, (model.__name__, type(instance).__name__, fields)
                if isinstance(instance, ProgressUpdate) and instance.state == UpdateState.PUBLISHED:
                    assert not fields & PUBLISHED_UPDATE, (model.__name__, fields)
                walked += 1
    assert walked >= 25


def test_a_secretariat_cannot_close_or_publish_a_recommendation_in_its_form(
    client, ma_secretariat, records
):
    recommendation = records["recommendation"]
    url = reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])
    client.force_login(ma_secretariat)
    data = post_data(client.get(url))
    data.update(status="implemented", completion="complete", visibility="public")
    for key in [key for key in data if key.endswith("-visibility")]:
        data[key] = "public"
    before = snapshot()
    response = client.post(url, data)
    assert response.status_code in {200, 302}
    recommendation.refresh_from_db()
    assert recommendation.status == "adopted"
    assert recommendation.visibility == Visibility.COMMITTEE
    assert snapshot() == before


def test_the_other_delegation_cannot_rewrite_a_published_update(client, es_secretariat, records):
    published = records["published"]
    url = reverse("admin:recommendations_progressupdate_change", args=[published.pk])
    client.force_login(es_secretariat)
    data = post_data(client.get(url))
    data.update(
        narrative_ar="تم التراجع", side="ES", state="draft", visibility="public", as_of="2016-01-01"
    )
    client.post(url, data)
    published.refresh_from_db()
    assert published.narrative_ar == "تم تنظيم دورة تكوينية"
    assert (published.side, published.state, published.visibility) == (
        Side.MA,
        UpdateState.PUBLISHED,
        Visibility.COMMITTEE,
    )


def test_one_delegation_cannot_publish_adopted_minutes(client, ma_secretariat, records):
    adopted = records["adopted"]
    url = reverse("admin:meetings_minutes_change", args=[adopted.pk])
    client.force_login(ma_secretariat)
    data = post_data(client.get(url))
    data["visibility"] = "public"
    client.post(url, data)
    adopted.refresh_from_db()
    assert adopted.visibility == Visibility.COMMITTEE
    with pytest.raises(ValidationError):
        meeting_services.edit_minutes(
            minutes=adopted, text=adopted.text, visibility="public", by=ma_secretariat
        )


@pytest.mark.parametrize("who", ["ma_secretariat", "es_secretariat"])
def test_no_admin_action_changes_a_rule_bearing_field(client, request, records, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    ran = 0
    for model, model_admin in registered():
        actions = [
            name
            for name in model_admin.get_actions(request_of(user))
            if name not in {"delete_selected", "hold_and_freeze"}
        ]
        chosen = list(model_admin.get_queryset(request_of(user)).values_list("pk", flat=True))
        if not chosen:
            continue
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
        for action in actions:
            before = snapshot()
            client.post(reverse(info), {"action": action, "_selected_action": chosen})
            after = snapshot()
            if action == "approve_for_my_delegation":
                # One delegation's key: an approval is recorded, nothing is adopted by it alone.
                assert after["meetings.Minutes"] == before["meetings.Minutes"]
            assert after == before, (model.__name__, action)
            ran += 1
    assert ran >= 3


def test_holding_a_meeting_stays_an_admin_action(client, ma_secretariat, records):
    meeting = records["adopted"].meeting
    client.force_login(ma_secretariat)
    client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "hold_and_freeze", "_selected_action": [meeting.pk]},
    )
    meeting.refresh_from_db()
    assert meeting.status == "held"


def test_a_new_record_chooses_its_visibility_among_the_levels_its_author_sees(
    client, es_secretariat
):
    client.force_login(es_secretariat)
    response = client.get(reverse("admin:agreements_agreement_add"))
    choices = {
        value for value, _label in response.context["adminform"].form["visibility"].field.choices
    }
    assert "es" in choices
    assert "ma" not in choices


def test_an_operator_still_corrects_a_status(client, superuser, records):
    recommendation = records["recommendation"]
    url = reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])
    client.force_login(superuser)
    data = post_data(client.get(url))
    data.update(status="on_hold")
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    recommendation.refresh_from_db()
    assert recommendation.status == "on_hold"


# --- The database guard ------------------------------------------------------------------------


@pytest.mark.server
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE recommendations_recommendation SET status = 'implemented', completion = 'complete'",
        "UPDATE recommendations_recommendation SET visibility = 'public'",
        "UPDATE recommendations_recommendation SET completion = 'substantial'",
        "UPDATE recommendations_progressupdate SET visibility = 'public'",
        "UPDATE recommendations_progressupdate SET narrative_ar = 'x' WHERE state = 'published'",
        "UPDATE meetings_minutes SET visibility = 'public'",
        "UPDATE meetings_meeting SET status = 'cancelled'",
        "UPDATE subcommittees_body SET visibility = 'ma'",
        "UPDATE recommendations_action SET status = 'implemented'",
    ],
)
def test_the_database_refuses_a_rule_bearing_update_outside_the_services(records, sql):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


@pytest.mark.server
def test_the_database_lets_other_columns_and_the_services_write(records, ma_secretariat):
    recommendation = records["recommendation"]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE recommendations_recommendation SET priority = 'high'")
        cursor.execute(
            "UPDATE recommendations_progressupdate SET narrative_ar = 'x' WHERE state = 'draft'"
        )
    with through_service(), connection.cursor() as cursor:
        cursor.execute("UPDATE recommendations_recommendation SET visibility = visibility")
        cursor.execute(
            "UPDATE recommendations_recommendation SET completion = 'substantial' WHERE id = %s",
            [recommendation.pk],
        )
    # The setting lasts only as long as the block.
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE recommendations_recommendation SET completion = 'none'")
    from committee.recommendations.models import Status

    recommendation = f.RecommendationFactory()
    change = services.propose_status_change(
        recommendation=recommendation, by=ma_secretariat, to_status=Status.IN_PROGRESS
    )
    assert change.decision == "effective"
    recommendation.refresh_from_db()
    assert recommendation.status == Status.IN_PROGRESS


# --- History ------------------------------------------------------------------------------------


def test_history_shows_no_version_the_reader_could_not_see(client, es_secretariat):
    recommendation = f.RecommendationFactory(
        visibility=Visibility.MA, text_es="secreto marroquí uno"
    )
    Recommendation.objects.filter(pk=recommendation.pk).update(text_es="secreto marroquí dos")
    with through_service():
        Recommendation.objects.filter(pk=recommendation.pk).update(
            visibility=Visibility.COMMITTEE, text_es="texto compartido"
        )
    client.force_login(es_secretariat)
    response = client.get(
        reverse("admin:recommendations_recommendation_history", args=[recommendation.pk])
    )
    assert response.status_code == 200
    assert "secreto" not in response.text
    assert "texto compartido" in response.text
    assert len(response.context["rows"]) == 1


def test_history_shows_every_version_to_the_delegation_that_saw_it(client, ma_secretariat):
    recommendation = f.RecommendationFactory(
        visibility=Visibility.MA, text_es="secreto marroquí uno"
    )
    Recommendation.objects.filter(pk=recommendation.pk).update(text_es="secreto marroquí dos")
    client.force_login(ma_secretariat)
    response = client.get(
        reverse("admin:recommendations_recommendation_history", args=[recommendation.pk])
    )
    assert "secreto marroquí uno" in response.text
    assert len(response.context["rows"]) == 2
