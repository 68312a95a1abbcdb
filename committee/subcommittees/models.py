"""The committee's bodies — strategic committee, follow-up committee, subcommittees, working
groups — and who sits on them for which delegation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from committee.audit import audited
from committee.bilateral import Side, VisibleQuerySet, visible_levels
from committee.dates import DatePrecision, partial_date_constraints
from committee.fulltext import search_vector
from committee.languages import (
    Translated,
    original_text_present,
    translated_char_fields,
    translated_text_fields,
)
from committee.records import Record
from committee.write_paths import RuleBearing

if TYPE_CHECKING:
    from committee.people.models import Viewer


class BodyKind(models.TextChoices):
    STRATEGIC_COMMITTEE = "strategic_committee", _("Strategic committee")
    FOLLOW_UP_COMMITTEE = "follow_up_committee", _("Follow-up committee")
    SUBCOMMITTEE = "subcommittee", _("Subcommittee")
    WORKING_GROUP = "working_group", _("Working group")


class BodyStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("body status", "Proposed")
    ACTIVE = "active", pgettext_lazy("body status", "Active")
    DISSOLVED = "dissolved", pgettext_lazy("body status", "Dissolved")


class BodyQuerySet(VisibleQuerySet["Body"]):
    visible_through = ("parent",)

    def active(self) -> Self:
        return self.filter(status=BodyStatus.ACTIVE)

    def for_listing(self) -> Self:
        return self.select_related("parent")

    def with_progress(self, viewer: Viewer) -> Self:
        """Counts of the recommendations each body owns that ``viewer`` may see, by outcome.

        A recommendation of a visible body is visible when its own level is (its only
        ``visible_through`` is the body), so one filtered join counts them all.
        """
        seen = Q(recommendations__visibility__in=sorted(visible_levels(viewer)))
        status = "recommendations__status"
        return self.annotate(
            n_recommendations=models.Count("recommendations", filter=seen),
            n_implemented=models.Count(
                "recommendations", filter=seen & Q(**{status: "implemented"})
            ),
            n_in_progress=models.Count(
                "recommendations", filter=seen & Q(**{status: "in_progress"})
            ),
            n_open=models.Count(
                "recommendations",
                filter=seen
                & Q(**{f"{status}__in": ["proposed", "adopted", "in_progress", "on_hold"]}),
            ),
        )


@audited()
class Body(Record):
    """A standing body of the cooperation framework."""

    #: A proposed body becomes active through ``services.activate``.
    rule_bearing = RuleBearing(("status", "visibility"))

    kind = models.CharField(_("kind"), max_length=24, choices=BodyKind)
    name_ar, name_es, name_fr, name_en = translated_char_fields(_("name"), max_length=300)
    name = Translated("name")
    mandate_ar, mandate_es, mandate_fr, mandate_en = translated_text_fields(_("mandate"))
    mandate = Translated("mandate")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reports to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=BodyStatus, default=BodyStatus.ACTIVE
    )
    established_date = models.DateField(_("established on"), null=True, blank=True)
    established_precision = models.CharField(
        _("precision of the establishment date"), max_length=5, choices=DatePrecision, blank=True
    )
    created_at_meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("created at meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies_created",
    )
    created_by_recommendation = models.ForeignKey(
        "recommendations.Recommendation",
        verbose_name=_("created by recommendation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies_created",
    )
    search_vector = search_vector([("name", "A"), ("mandate", "B")])

    objects = BodyQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["kind", "name_en", "name_ar"]
        constraints = [
            *Record.Meta.constraints,
            *partial_date_constraints("established", "subcommittees_body"),
            models.CheckConstraint(
                condition=original_text_present("name"),
                name="subcommittees_body_name_in_original_language",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=BodyKind.values), name="subcommittees_body_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=BodyStatus.values), name="subcommittees_body_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="subcommittees_body_not_own_parent"
            ),
        ]
        indexes = [GinIndex(fields=["search_vector"], name="body_search")]

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("body-detail", args=[self.pk])


class MembershipRole(models.TextChoices):
    CO_CHAIR = "co_chair", _("Co-chair")
    MEMBER = "member", _("Member")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    FOCAL_POINT = "focal_point", _("Focal point")
    SECRETARY = "secretary", _("Secretary")


class MembershipQuerySet(VisibleQuerySet["Membership"]):
    visible_through = ("body", "person")

    def current(self) -> Self:
        return self.filter(end_date__isnull=True)


@audited()
class Membership(Record):
    """A person's seat on a body for one delegation."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="memberships"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    side = models.CharField(_("delegation"), max_length=2, choices=Side)
    role = models.CharField(
        _("role"), max_length=12, choices=MembershipRole, default=MembershipRole.MEMBER
    )
    start_date = models.DateField(pgettext_lazy("membership", "from"), null=True, blank=True)
    end_date = models.DateField(pgettext_lazy("membership", "until"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body", "side", "role"]
        constraints = [
            *Record.Meta.constraints,
            models.UniqueConstraint(
                fields=["body", "side"],
                condition=Q(role=MembershipRole.CO_CHAIR, end_date__isnull=True),
                name="subcommittees_one_active_co_chair_per_side",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="subcommittees_membership_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(side__in=Side.values), name="subcommittees_membership_side_valid"
            ),
            models.CheckConstraint(
                condition=Q(role__in=MembershipRole.values),
                name="subcommittees_membership_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()} ({self.side}), {self.body}"
