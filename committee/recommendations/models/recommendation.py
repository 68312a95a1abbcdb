"""Recommendations, their statuses and kinds, relations, and adoption at meetings."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Self

from django.contrib.postgres.indexes import GinIndex
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from committee.audit import audited
from committee.bilateral import Decision as Decision  # noqa: PLC0414  (re-exported: it lived here)
from committee.bilateral import LeadSide, Role, Side, VisibleQuerySet
from committee.fulltext import search_vector
from committee.languages import (
    Language,
    Translated,
    original_text_present,
    short,
    translated_text_fields,
)
from committee.records import Record
from committee.subcommittees.models import Membership
from committee.write_paths import RuleBearing

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from committee.people.models import User


#: A reference is part of addresses (``/recommendations/SEM2-2014-R03/``): no slashes, spaces
#: or markup, ever.
REFERENCE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ADOPTED = "adopted", _("Adopted")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")
    SUPERSEDED = "superseded", _("Superseded")


#: Statuses that end a recommendation's follow-up; entering or leaving one takes both delegations.
CLOSED = frozenset({Status.IMPLEMENTED, Status.NOT_IMPLEMENTED, Status.SUPERSEDED})
OPEN = frozenset(Status) - CLOSED


class Completion(models.TextChoices):
    #: No level agreed yet: only a confirmed status change sets one, whatever the progress
    #: reports propose. «None» read as «nothing was done».
    NONE = "none", pgettext_lazy("completion", "Not yet assessed")
    LIMITED = "limited", _("Limited")
    SUBSTANTIAL = "substantial", _("Substantial")
    COMPLETE = "complete", _("Complete")


class RecommendationKind(models.TextChoices):
    ONE_OFF = "one_off", _("One-off")
    STANDING = "standing", _("Standing / recurring")
    ESTABLISHES_BODY = "establishes_body", _("Establishes a body")
    ADOPTS_PLAN = "adopts_plan", _("Adopts a plan")


class Theme(models.TextChoices):
    COUNTER_TERRORISM = "counter_terrorism", _("Counter-terrorism and extremism")
    INFORMATION_EXCHANGE = "information_exchange", _("Exchange of information")
    TRAINING = "training", _("Training and good practices")
    CYBERCRIME = "cybercrime", _("Technology-related crime")
    MIGRATION = "migration", _("Illegal migration")
    ORGANISED_CRIME = "organised_crime", _("Organised crime and trafficking")
    DRUG_TRAFFICKING = "drug_trafficking", _("Drug trafficking")
    INSTITUTIONAL = "institutional", _("Institutional framework")
    OTHER = "other", pgettext_lazy("theme", "Other")


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")


class RecommendationQuerySet(VisibleQuerySet["Recommendation"]):
    visible_through = ("body", "parent")

    def open(self) -> Self:
        return self.exclude(status__in=CLOSED)

    def overdue(self, today: dt.date) -> Self:
        """Open and past its due date: the one definition of "overdue" (``is_overdue`` is the
        same test for one loaded recommendation)."""
        return self.open().filter(due_date__lt=today)

    def due_from(self, today: dt.date) -> Self:
        """Open and due today or later: what is due next, soonest first."""
        return self.open().filter(due_date__gte=today).order_by("due_date", "reference")

    def due_within(self, today: dt.date, days: int) -> Self:
        return self.open().filter(
            due_date__gte=today, due_date__lte=today + dt.timedelta(days=days)
        )

    def for_listing(self) -> Self:
        return self.select_related("body")

    def actionable_by(self, user: User | AnonymousUser | None) -> Self:
        """What ``user`` may post progress on, propose changes to, and confirm for their side.

        The secretariat of either delegation acts on every recommendation it can see. A member
        acts on those of the bodies where their person holds a current seat for their own
        delegation. A recommendation with no responsible body is the secretariat's to route:
        members cannot act on it. Observers, operators without a delegation and anonymous users
        act on nothing.
        """
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        side, role = getattr(user, "side", ""), getattr(user, "role", "")
        if side not in Side.values:
            return self.none()
        if role == Role.SECRETARIAT:
            return self.visible_to(user)
        person_id: int | None = getattr(user, "person_id", None)
        if role != Role.MEMBER or person_id is None:
            return self.none()
        seats = Membership.objects.current().filter(
            body=OuterRef("body"), person_id=person_id, side=side
        )
        return self.visible_to(user).filter(Exists(seats))


@audited()
class Recommendation(Record):
    #: Status and completion move by status changes (two keys to close or reopen).
    rule_bearing = RuleBearing(("status", "completion", "status_reason", "visibility"))

    reference = models.CharField(
        _("reference"),
        max_length=40,
        unique=True,
        validators=[
            RegexValidator(REFERENCE_PATTERN, _("Use letters, digits, dots and dashes only."))
        ],
        help_text=_("Stable reference, e.g. SEM2-2014-R03."),
    )
    text_ar, text_es, text_fr, text_en = translated_text_fields(_("text"))
    text = Translated("text")
    kind = models.CharField(
        _("kind"), max_length=20, choices=RecommendationKind, default=RecommendationKind.ONE_OFF
    )
    theme = models.CharField(_("theme"), max_length=24, choices=Theme, default=Theme.OTHER)
    lead_side = models.CharField(_("lead"), max_length=5, choices=LeadSide, default=LeadSide.JOINT)
    body = models.ForeignKey(
        "subcommittees.Body",
        verbose_name=_("responsible body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    priority = models.CharField(
        _("priority"), max_length=8, choices=Priority, default=Priority.NORMAL
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.ADOPTED)
    completion = models.CharField(
        _("completion"), max_length=12, choices=Completion, default=Completion.NONE
    )
    status_reason = models.TextField(
        _("reason for the status"),
        blank=True,
        help_text=_("Why it was not implemented, or what superseded it."),
    )
    #: The language ``status_reason`` was written in; empty when not known.
    status_reason_language = models.CharField(
        _("language of the reason for the status"),
        max_length=2,
        choices=Language,
        blank=True,
        editable=False,
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting",
        verbose_name=_("meetings"),
        through="Adoption",
        related_name="recommendations",
    )
    search_vector = search_vector([("text", "A")], plain=[("reference", "A")])

    objects = RecommendationQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["reference"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=original_text_present("text"),
                name="recommendations_text_in_original_language",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="recommendations_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(completion__in=Completion.values),
                name="recommendations_completion_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=RecommendationKind.values), name="recommendations_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(theme__in=Theme.values), name="recommendations_theme_valid"
            ),
            models.CheckConstraint(
                condition=Q(lead_side__in=LeadSide.values), name="recommendations_lead_side_valid"
            ),
            models.CheckConstraint(
                condition=Q(priority__in=Priority.values), name="recommendations_priority_valid"
            ),
            models.CheckConstraint(
                condition=Q(reference__regex=REFERENCE_PATTERN),
                name="recommendations_reference_form",
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="recommendations_not_own_parent"
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.IMPLEMENTED) | Q(completion=Completion.COMPLETE),
                name="recommendations_implemented_is_complete",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[Status.NOT_IMPLEMENTED, Status.SUPERSEDED])
                | ~Q(status_reason=""),
                name="recommendations_closing_without_success_has_reason",
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="recommendation_search"),
            models.Index(fields=["visibility", "status"], name="recommendation_visible_status"),
            models.Index(fields=["body", "status"], name="recommendation_body_status"),
            models.Index(fields=["due_date"], name="recommendation_due"),
            # Counting and charting what a reader may see reads only this index (an index-only
            # scan), not the wide rows with their four texts and search vector.
            models.Index(
                fields=["visibility", "body"],
                include=["status", "completion", "id"],
                name="recommendation_visible_counts",
            ),
            # The list's usual filters: status, and status with a theme.
            models.Index(fields=["status", "theme"], name="recommendation_status_theme"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {short(str(self.text), 80)}"

    def get_absolute_url(self) -> str:
        return reverse("recommendation-detail", args=[self.reference])

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED

    def is_overdue(self, today: dt.date) -> bool:
        """``RecommendationQuerySet.overdue`` for one loaded recommendation."""
        return not self.is_closed and self.due_date is not None and self.due_date < today


class RelationKind(models.TextChoices):
    REITERATES = "reiterates", _("reiterates")
    SUPERSEDES = "supersedes", _("supersedes")
    DEPENDS_ON = "depends_on", _("depends on")


class RecommendationRelationQuerySet(VisibleQuerySet["RecommendationRelation"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("source", "target")


@audited()
class RecommendationRelation(models.Model):
    source = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="relations",
    )
    kind = models.CharField(_("relation"), max_length=12, choices=RelationKind)
    target = models.ForeignKey(
        Recommendation,
        verbose_name=_("related recommendation"),
        on_delete=models.PROTECT,
        related_name="related_from",
    )

    objects = RecommendationRelationQuerySet.as_manager()

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "target"], name="recommendations_relation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(source=F("target")), name="recommendations_relation_not_to_itself"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=RelationKind.values),
                name="recommendations_relation_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source.reference} {self.get_kind_display()} {self.target.reference}"


class AdoptionKind(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    REITERATED = "reiterated", _("Reiterated")


class AdoptionQuerySet(VisibleQuerySet["Adoption"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("recommendation", "meeting")


@audited()
class Adoption(models.Model):
    """A meeting adopted or reiterated a recommendation."""

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="adoptions",
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=AdoptionKind, default=AdoptionKind.ADOPTED
    )

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "meeting"], name="recommendations_adoption_unique"
            ),
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=Q(kind=AdoptionKind.ADOPTED),
                name="recommendations_adopted_once",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=AdoptionKind.values),
                name="recommendations_adoption_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.meeting}"
