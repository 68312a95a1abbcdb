"""Action plans, their actions, and period checks of standing recommendations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import Decision as Decision  # noqa: PLC0414  (re-exported: it lived here)
from committee.bilateral import LeadSide, Visibility, VisibleQuerySet
from committee.languages import (
    Translated,
    original_text_present,
    short,
    text_in_some_language,
    translated_char_fields,
    translated_text_fields,
)
from committee.records import Record
from committee.write_paths import RuleBearing

if TYPE_CHECKING:
    pass


from committee.recommendations.models.recommendation import (
    Recommendation,
    RecommendationKind,
    Status,
)


class ActionPlanQuerySet(VisibleQuerySet["ActionPlan"]):
    visible_through = ("body",)


@audited()
class ActionPlan(Record):
    title_ar, title_es, title_fr, title_en = translated_char_fields(_("title"), max_length=300)
    title = Translated("title")
    period_start = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("final year"), null=True, blank=True)
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


class PlanRecommendationQuerySet(VisibleQuerySet["PlanRecommendation"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("plan", "recommendation")


@audited()
class PlanRecommendation(models.Model):
    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="recommendation_links"
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="plan_links"
    )

    objects = PlanRecommendationQuerySet.as_manager()

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
    rule_bearing = RuleBearing(("status", "visibility"))

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
        return short(str(self.text), 80)


class ActionRecommendationQuerySet(VisibleQuerySet["ActionRecommendation"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("action", "recommendation")


@audited()
class ActionRecommendation(models.Model):
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="recommendation_links"
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="action_links"
    )

    objects = ActionRecommendationQuerySet.as_manager()

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


class PeriodCheckQuerySet(VisibleQuerySet["PeriodCheck"]):
    visible_through = ("recommendation", "meeting")


@audited()
class PeriodCheck(models.Model):
    """Whether a standing recommendation was met in a period: «annual meeting held in 2015: yes».

    Its note may say more than the recommendation does, so it has a visibility of its own; once
    saved, that visibility changes only through the services, like every record's.
    """

    rule_bearing = RuleBearing(("visibility",))

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
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility, default=Visibility.COMMITTEE
    )

    objects = PeriodCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("period check")
        verbose_name_plural = _("period checks")
        ordering = ["recommendation", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "year"], name="recommendations_one_check_per_year"
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values),
                name="recommendations_periodcheck_visibility_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation.reference} {self.year}: {self.met}"

    def clean(self) -> None:
        super().clean()
        recommendation = getattr(self, "recommendation", None) if self.recommendation_id else None
        if recommendation is not None and recommendation.kind != RecommendationKind.STANDING:
            raise ValidationError(
                {"recommendation": _("Only a standing recommendation is checked year by year.")}
            )
