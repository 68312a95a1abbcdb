"""The secretariat's admin: every page renders with data, in every language, and stays bilateral."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from committee.bilateral import Visibility
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def everything(ma_secretariat):
    """At least one record of every model the admin shows."""
    meeting = f.MeetingFactory()
    recommendation = f.RecommendationFactory()
    update = f.ProgressUpdateFactory(recommendation=recommendation, author=ma_secretariat)
    f.every_other_admin_record(meeting, recommendation, update, by=ma_secretariat)
    from committee.meetings.services import draft_minutes

    draft_minutes(meeting=meeting, language="ar", text="محضر الجلسة", by=ma_secretariat)
    return meeting


def admin_urls_of(model, obj):
    info = f"{model._meta.app_label}_{model._meta.model_name}"
    return {
        "changelist": reverse(f"admin:{info}_changelist"),
        "add": reverse(f"admin:{info}_add"),
        "change": reverse(f"admin:{info}_change", args=[obj.pk]),
        "history": reverse(f"admin:{info}_history", args=[obj.pk]),
        "delete": reverse(f"admin:{info}_delete", args=[obj.pk]),
    }


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


class AsUser:
    """The bit of a request the admin's permission methods look at."""

    def __init__(self, user):
        self.user = user


@pytest.mark.parametrize("language", ["ar", "es", "fr", "en"])
def test_every_admin_page_renders_for_the_secretariat(client, ma_secretariat, everything, language):
    client.force_login(ma_secretariat)
    walked = 0
    for model, model_admin in registered():
        obj = model_admin.get_queryset(AsUser(ma_secretariat)).first()
        assert obj is not None, f"no visible {model.__name__} to walk"
        can_add = model_admin.has_add_permission(AsUser(ma_secretariat))
        can_delete = model_admin.has_delete_permission(AsUser(ma_secretariat), obj)
        for page, url in admin_urls_of(model, obj).items():
            response = client.get(url.replace("/en/", f"/{language}/", 1))
            refused = (page == "add" and not can_add) or (page == "delete" and not can_delete)
            expected = 403 if refused else 200
            assert response.status_code == expected, (model.__name__, page, response.status_code)
            walked += 1
    assert walked >= 5 * 20


def test_the_arabic_admin_is_right_to_left(client, ma_secretariat):
    client.force_login(ma_secretariat)
    response = client.get("/ar/admin/")
    assert 'dir="rtl"' in response.text
    assert 'lang="ar"' in response.text


def test_arabic_inputs_are_right_to_left_in_every_language(client, ma_secretariat, everything):
    client.force_login(ma_secretariat)
    response = client.get(
        reverse("admin:meetings_meeting_change", args=[everything.pk]).replace("/en/", "/es/")
    )
    assert 'name="title_ar"' in response.text
    assert 'dir="rtl" lang="ar"' in response.text or 'lang="ar" dir="rtl"' in response.text


def test_changelists_show_facet_counts_on_demand(client, ma_secretariat, everything):
    client.force_login(ma_secretariat)
    url = reverse("admin:recommendations_recommendation_changelist")
    assert "(2)" not in client.get(url).text  # an aggregate per filter: not on every page
    assert "(2)" in client.get(f"{url}?_facets=1").text  # two public ones in the visibility facet


def test_the_history_shows_who_changed_what_through_the_admin(client, ma_secretariat):
    flagged = f.RecommendationFactory(needs_review=True)
    client.force_login(ma_secretariat)
    client.post(
        reverse("admin:recommendations_recommendation_changelist"),
        {"action": "mark_reviewed", "_selected_action": [flagged.pk]},
    )
    history = client.get(reverse("admin:recommendations_recommendation_history", args=[flagged.pk]))
    assert history.status_code == 200
    rows = history.context["rows"]
    assert rows[0]["user"] == ma_secretariat
    assert str(rows[0]["path"]) == "administration"
    assert ("needs_review", [True, False]) in rows[0]["changes"]
    assert "ma_secretariat" in history.text


def test_the_other_delegations_private_record_is_404_on_every_admin_path(client, es_secretariat):
    secret = f.MeetingFactory(visibility=Visibility.MA, title_ar="اجتماع سري")
    client.force_login(es_secretariat)
    for page, url in admin_urls_of(type(secret), secret).items():
        if page in {"changelist", "add"}:
            continue
        assert client.get(url).status_code == 404, page
    listing = client.get(reverse("admin:meetings_meeting_changelist"))
    assert "اجتماع سري" not in listing.text


def test_members_cannot_use_the_admin(client, ma_member):
    client.force_login(ma_member)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_staff_without_secretariat_role_sees_no_records(client, ma_member):
    ma_member.is_staff = True
    ma_member.save()
    client.force_login(ma_member)
    response = client.get(reverse("admin:recommendations_recommendation_changelist"))
    assert response.status_code == 403


def test_mark_reviewed_clears_the_review_flag(client, ma_secretariat):
    flagged = f.RecommendationFactory(needs_review=True)
    client.force_login(ma_secretariat)
    response = client.post(
        reverse("admin:recommendations_recommendation_changelist"),
        {"action": "mark_reviewed", "_selected_action": [flagged.pk]},
    )
    assert response.status_code == 302
    flagged.refresh_from_db()
    assert flagged.needs_review is False
    assert flagged.version == 2


def test_the_missing_translation_filter_finds_records_without_french(client, ma_secretariat):
    f.RecommendationFactory(reference="HAS-FR", text_fr="Texte")
    f.RecommendationFactory(reference="NO-FR", text_fr="")
    client.force_login(ma_secretariat)
    response = client.get(
        reverse("admin:recommendations_recommendation_changelist") + "?missing_translation=fr"
    )
    assert "NO-FR" in response.text
    assert "HAS-FR" not in response.text


def test_a_stale_edit_is_refused_not_silently_applied(client, ma_secretariat):
    organization = f.OrganizationFactory(acronym="DGX")
    url = reverse("admin:people_organization_change", args=[organization.pk])
    client.force_login(ma_secretariat)
    base = {
        "acronym": "DGX",
        "side": "MA",
        "kind": "police",
        "name_ar": organization.name_ar,
        "name_es": "",
        "name_fr": "",
        "name_en": "",
        "visibility": "public",
        "original_language": "ar",
        "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
        "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
    }
    first = client.post(url, {**base, "name_es": "Primera", "seen_version": 1})
    assert first.status_code == 302
    second = client.post(url, {**base, "name_es": "Segunda", "seen_version": 1})
    assert second.status_code == 200
    assert "Someone else saved this record" in second.text
    organization.refresh_from_db()
    assert organization.name_es == "Primera"
    assert organization.version == 2
    from pghistory.models import Events

    event = Events.objects.tracks(organization).filter(pgh_label="update").get()
    assert event.pgh_context["path"] == "admin"
    assert event.pgh_context["user"] == ma_secretariat.pk


def test_citations_show_the_span_highlighted_in_context(client, ma_secretariat, everything):
    client.force_login(ma_secretariat)
    response = client.get(reverse("admin:meetings_meeting_change", args=[everything.pk]))
    assert "<mark>" in response.text
    assert ContentType.objects.get_for_model(everything)


def test_every_admin_of_a_versioned_record_refuses_stale_edits(rf, ma_secretariat):
    from django.contrib import admin as django_admin

    from committee.admin import VersionedForm

    request = rf.get("/")
    request.user = ma_secretariat
    unprotected = [
        model._meta.label
        for model, model_admin in django_admin.site._registry.items()
        if "version" in {field.name for field in model._meta.fields}
        and not issubclass(model_admin.get_form(request), VersionedForm)
    ]
    assert unprotected == []


@pytest.mark.parametrize("factory", [f.RecommendationFactory, f.MeetingFactory])
def test_a_stale_admin_edit_of_a_recommendation_or_meeting_is_refused(rf, ma_secretariat, factory):
    from django.contrib import admin as django_admin

    record = factory(visibility="public")
    request = rf.get("/")
    request.user = ma_secretariat
    form_class = django_admin.site._registry[type(record)].get_form(request, record, change=True)
    opened = form_class(instance=record)
    data = {name: opened[name].value() for name in opened.fields}
    assert data["seen_version"] == 1

    first = form_class(instance=type(record).objects.get(pk=record.pk), data=data)
    assert first.is_valid(), first.errors
    first.save()
    second = form_class(instance=type(record).objects.get(pk=record.pk), data=data)
    assert not second.is_valid()
    assert second.has_error("__all__", code="stale")
    record.refresh_from_db()
    assert record.version == 2
