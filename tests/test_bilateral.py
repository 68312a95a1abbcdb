"""Who sees what (docs/design.md §5): one rule, ``visible_to(user)``, for every content model."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser

from committee.bilateral import Visibility, VisibleQuerySet, visible_levels
from tests import factories as f

pytestmark = pytest.mark.django_db

#: role → the visibility levels it may see. The other delegation's private level never appears.
EXPECTED = {
    "anonymous": {"public"},
    "ma_member": {"public", "committee", "ma"},
    "es_member": {"public", "committee", "es"},
    "ma_secretariat": {"public", "committee", "ma", "secretariat"},
    "es_secretariat": {"public", "committee", "es", "secretariat"},
    "superuser": {"public", "committee", "ma", "es", "secretariat"},
}


@pytest.mark.parametrize("role", EXPECTED)
def test_each_role_sees_exactly_its_levels(roles, role):
    assert visible_levels(roles[role]) == EXPECTED[role]


@pytest.mark.parametrize("role", EXPECTED)
@pytest.mark.parametrize("level", Visibility.values)
def test_recommendations_of_each_level_are_visible_only_to_roles_allowed(roles, role, level):
    recommendation = f.RecommendationFactory(visibility=level)
    from committee.recommendations.models import Recommendation

    visible = Recommendation.objects.visible_to(roles[role]).filter(pk=recommendation.pk).exists()
    assert visible == (level in EXPECTED[role])


def test_an_observer_sees_committee_records_but_not_delegation_ones(ma_observer):
    assert visible_levels(ma_observer) == {"public", "committee"}


def test_an_inactive_member_sees_only_public_records(ma_member):
    ma_member.is_active = False
    assert visible_levels(ma_member) == {"public"}


def test_anonymous_user_object_sees_public_records():
    assert visible_levels(AnonymousUser()) == {"public"}


def test_a_public_statement_of_a_committee_meeting_is_hidden_from_the_public():
    statement = f.StatementFactory(
        visibility=Visibility.PUBLIC, meeting=f.MeetingFactory(visibility=Visibility.COMMITTEE)
    )
    from committee.meetings.models import Statement

    assert not Statement.objects.visible_to(None).filter(pk=statement.pk).exists()


def test_a_public_recommendation_owned_by_an_ma_only_body_is_hidden_from_spain(
    es_member, ma_member
):
    recommendation = f.RecommendationFactory(
        visibility=Visibility.PUBLIC, body=f.BodyFactory(visibility=Visibility.MA)
    )
    from committee.recommendations.models import Recommendation

    assert not Recommendation.objects.visible_to(es_member).filter(pk=recommendation.pk).exists()
    assert Recommendation.objects.visible_to(ma_member).filter(pk=recommendation.pk).exists()


def test_a_recommendation_without_body_depends_only_on_its_own_visibility():
    recommendation = f.RecommendationFactory(visibility=Visibility.PUBLIC, body=None)
    from committee.recommendations.models import Recommendation

    assert Recommendation.objects.public().filter(pk=recommendation.pk).exists()


def test_a_citation_is_visible_only_when_its_record_and_source_are(es_member):
    hidden_meeting = f.MeetingFactory(visibility=Visibility.MA)
    citation = f.CitationFactory(record=hidden_meeting)
    from committee.sources.models import Citation

    assert not Citation.objects.visible_to(es_member).filter(pk=citation.pk).exists()
    assert not Citation.objects.visible_to(None).filter(pk=citation.pk).exists()
    public = f.CitationFactory(record=f.MeetingFactory())
    assert Citation.objects.visible_to(None).filter(pk=public.pk).exists()


def test_every_content_model_answers_visible_to():
    content = [
        model
        for model in apps.get_models()
        if model._meta.app_label
        in {"people", "subcommittees", "meetings", "recommendations", "agreements", "sources"}
        and "visibility" in {field.name for field in model._meta.fields}
        and not hasattr(model, "pgh_tracked_model")  # audit events: only through the history page
    ]
    assert len(content) >= 15
    for model in content:
        assert isinstance(model.objects.all(), VisibleQuerySet), model
