"""Recommendations, their adoption, two-key status changes, progress, plans and actions."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Self

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import Decision as Decision  # noqa: PLC0414  (re-exported: it lived here)
from committee.bilateral import LeadSide, Role, Side, VisibleQuerySet
from committee.languages import (
    Translated,
    original_text_present,
    text_in_some_language,
    translated_char_fields,
    translated_text_fields,
)
from committee.records import Record
from committee.search import search_vector
from committee.subcommittees.models import Membership

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from committee.people.models import User


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
    NONE = "none", _("None")
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
    OTHER = "other", _("Other")


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")


class RecommendationQuerySet(VisibleQuerySet["Recommendation"]):
    visible_through = ("body",)

    def open(self) -> Self:
        return self.exclude(status__in=CLOSED)

    def overdue(self, today: dt.date) -> Self:
        return self.open().filter(due_date__lt=today)

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
    reference = models.CharField(
        _("reference"),
        max_length=40,
        unique=True,
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
                condition=~Q(reference=""), name="recommendations_reference_not_empty"
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
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {str(self.text)[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("recommendation-detail", args=[self.reference])

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED


class RelationKind(models.TextChoices):
    REITERATES = "reiterates", _("reiterates")
    SUPERSEDES = "supersedes", _("supersedes")
    DEPENDS_ON = "depends_on", _("depends on")


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


class StatusChangeQuerySet(VisibleQuerySet["StatusChange"]):
    visible_through = ("recommendation",)

    def pending(self) -> Self:
        return self.filter(decision=Decision.PENDING)

    def awaiting(self, side: str) -> Self:
        """Pending proposals that the delegation ``side`` must confirm or reject."""
        return self.pending().exclude(proposed_side=side)


@audited()
class StatusChange(Record):
    """A proposed change of status; closing or reopening needs the other side to confirm."""

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="status_changes",
    )
    from_status = models.CharField(_("from"), max_length=16, choices=Status)
    to_status = models.CharField(_("to"), max_length=16, choices=Status)
    proposed_completion = models.CharField(
        _("completion"), max_length=12, choices=Completion, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    superseded_by = models.ForeignKey(
        Recommendation,
        verbose_name=_("superseded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="status_proposals",
    )
    proposed_side = models.CharField(_("proposing delegation"), max_length=2, choices=Side)
    proposed_at = models.DateTimeField(_("proposed on"), auto_now_add=True)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_decisions",
    )
    decided_side = models.CharField(
        _("deciding delegation"), max_length=2, choices=Side, blank=True
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    objects = StatusChangeQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-proposed_at"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=~Q(from_status=F("to_status")),
                name="recommendations_statuschange_changes",
            ),
            models.CheckConstraint(
                condition=Q(from_status__in=Status.values, to_status__in=Status.values),
                name="recommendations_statuschange_statuses_valid",
            ),
            models.CheckConstraint(
                condition=Q(proposed_side__in=Side.values),
                name="recommendations_statuschange_proposed_side_valid",
            ),
            models.CheckConstraint(
                condition=Q(decision__in=Decision.values),
                name="recommendations_statuschange_decision_valid",
            ),
            models.CheckConstraint(
                condition=Q(
                    decision__in=[Decision.PENDING, Decision.WITHDRAWN], decided_at__isnull=True
                )
                | Q(
                    decision__in=[Decision.CONFIRMED, Decision.REJECTED],
                    decided_at__isnull=False,
                    decided_by__isnull=False,
                )
                | Q(
                    decision=Decision.EFFECTIVE,
                    decided_at__isnull=False,
                    decided_by=F("proposed_by"),
                    decided_side=F("proposed_side"),
                ),
                name="recommendations_statuschange_decided_when_decided",
            ),
            models.CheckConstraint(
                condition=~Q(decision=Decision.EFFECTIVE)
                | Q(~Q(from_status__in=CLOSED), ~Q(to_status__in=CLOSED)),
                name="recommendations_statuschange_two_keys_to_close_or_reopen",
            ),
            models.CheckConstraint(
                condition=~Q(to_status=Status.SUPERSEDED) | Q(superseded_by__isnull=False),
                name="recommendations_statuschange_superseded_names_successor",
            ),
            models.CheckConstraint(
                condition=~Q(decision__in=[Decision.CONFIRMED, Decision.REJECTED])
                | ~Q(decided_side=F("proposed_side")),
                name="recommendations_statuschange_other_side_decides",
            ),
            models.CheckConstraint(
                condition=~Q(decision=Decision.REJECTED) | ~Q(decision_reason=""),
                name="recommendations_statuschange_rejection_has_reason",
            ),
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=Q(decision=Decision.PENDING),
                name="recommendations_one_pending_change",
            ),
        ]

    def __str__(self) -> str:
        before, after = self.get_from_status_display(), self.get_to_status_display()
        return f"{self.recommendation.reference}: {before} → {after}"


class UpdateState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ProgressUpdateQuerySet(VisibleQuerySet["ProgressUpdate"]):
    visible_through = ("recommendation",)

    def published(self) -> Self:
        return self.filter(state=UpdateState.PUBLISHED)


@audited()
class ProgressUpdate(Record):
    """One delegation's account of how far a recommendation has got, as of a date."""

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="progress_updates",
    )
    side = models.CharField(_("delegation"), max_length=2, choices=Side)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="progress_updates",
    )
    as_of = models.DateField(_("as of"))
    narrative_ar, narrative_es, narrative_fr, narrative_en = translated_text_fields(_("narrative"))
    narrative = Translated("narrative")
    proposed_completion = models.CharField(
        _("proposed completion"), max_length=12, choices=Completion, blank=True
    )
    state = models.CharField(
        _("state"), max_length=10, choices=UpdateState, default=UpdateState.DRAFT
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
    )

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-as_of", "-pk"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=text_in_some_language("narrative"),
                name="recommendations_progress_has_narrative",
            ),
            models.CheckConstraint(
                condition=Q(side__in=Side.values), name="recommendations_progress_side_valid"
            ),
            models.CheckConstraint(
                condition=Q(state__in=UpdateState.values),
                name="recommendations_progress_state_valid",
            ),
            models.CheckConstraint(
                condition=Q(state=UpdateState.DRAFT, published_at__isnull=True)
                | Q(state=UpdateState.PUBLISHED, published_at__isnull=False),
                name="recommendations_progress_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(proposed_completion__in=[*Completion.values, ""]),
                name="recommendations_progress_completion_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["recommendation", "-as_of"], name="progress_by_recommendation")
        ]

    def __str__(self) -> str:
        return f"{self.recommendation.reference} — {self.side}, {self.as_of}"


def evidence_path(instance: Evidence, filename: str) -> str:
    """A server-chosen name; the uploader's file name is kept only as ``original_name``."""
    return f"evidence/{uuid.uuid4().hex}"


@audited()
class Evidence(models.Model):
    """A file supporting a progress update, served only through an access-checked download."""

    progress_update = models.ForeignKey(
        ProgressUpdate,
        verbose_name=_("progress update"),
        on_delete=models.PROTECT,
        related_name="evidence",
    )
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded on"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class ActionPlanQuerySet(VisibleQuerySet["ActionPlan"]):
    visible_through = ("body",)


@audited()
class ActionPlan(Record):
    title_ar, title_es, title_fr, title_en = translated_char_fields(_("title"), max_length=300)
    title = Translated("title")
    period_start = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    body = models.ForeignKey(
        "subcommittees.Body",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_plans",
    )
    adopted_at = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("adopted at"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_plans",
    )
    recommendations = models.ManyToManyField(
        Recommendation,
        verbose_name=_("implements"),
        through="PlanRecommendation",
        blank=True,
        related_name="action_plans",
    )

    objects = ActionPlanQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-period_start"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=original_text_present("title"),
                name="recommendations_plan_title_in_original_language",
            ),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=False, period_end__gte=F("period_start")),
                name="recommendations_plan_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return str(self.title)


@audited()
class PlanRecommendation(models.Model):
    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="recommendation_links"
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="plan_links"
    )

    class Meta:
        verbose_name = _("recommendation implemented")
        verbose_name_plural = _("recommendations implemented")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "recommendation"], name="recommendations_plan_link_unique"
            )
        ]

    def __str__(self) -> str:
        return self.recommendation.reference


class ActionQuerySet(VisibleQuerySet["Action"]):
    visible_through = ("plan",)


@audited()
class Action(Record):
    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="actions"
    )
    text_ar, text_es, text_fr, text_en = translated_text_fields(_("text"))
    text = Translated("text")
    lead_side = models.CharField(_("lead"), max_length=5, choices=LeadSide, default=LeadSide.JOINT)
    owner = models.ForeignKey(
        "people.Organization",
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.ADOPTED)
    recommendations = models.ManyToManyField(
        Recommendation,
        verbose_name=_("serves"),
        blank=True,
        related_name="actions",
        through="ActionRecommendation",
    )

    objects = ActionQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["plan", "due_date"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=text_in_some_language("text"), name="recommendations_action_has_text"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="recommendations_action_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(lead_side__in=LeadSide.values),
                name="recommendations_action_lead_side_valid",
            ),
        ]

    def __str__(self) -> str:
        return str(self.text)[:80]


@audited()
class ActionRecommendation(models.Model):
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="recommendation_links"
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="action_links"
    )

    class Meta:
        verbose_name = _("recommendation served")
        verbose_name_plural = _("recommendations served")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "recommendation"], name="recommendations_action_link_unique"
            )
        ]

    def __str__(self) -> str:
        return self.recommendation.reference


@audited()
class PeriodCheck(models.Model):
    """Whether a standing recommendation was met in a period: «annual meeting held in 2015: yes»."""

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="period_checks",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    met = models.BooleanField(_("met"))
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("recorded at"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="period_checks",
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("period check")
        verbose_name_plural = _("period checks")
        ordering = ["recommendation", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "year"], name="recommendations_one_check_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recommendation.reference} {self.year}: {self.met}"


# Two-key publication and the reminder log are models of this app kept in their own modules.
from committee.recommendations.publication import PublicationRequest  # noqa: E402, F401
from committee.recommendations.reminder_log import ReminderLog  # noqa: E402, F401
