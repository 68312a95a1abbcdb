"""Follow-up reports: the status of the recommendations as of a meeting, frozen when it is held.

A report is written once (``committee.recommendations.services.freeze_report``) and never changed:
PostgreSQL refuses updates and deletes of reports and of their entries, so later changes of
status do not alter what was reported at the meeting.

A report is one document for every reader, so each entry keeps the visibility its
recommendation (and that recommendation's body) had when it was frozen; pages show an entry only
to readers who could see it then and can see it now (``ReportEntryQuerySet.visible_to``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import ALL_LEVELS, Visibility, VisibleQuerySet, visible_levels
from committee.dates import format_partial
from committee.recommendations.models.recommendation import (
    CLOSED,
    AdoptionKind,
    Completion,
    Recommendation,
    Status,
)

if TYPE_CHECKING:
    from committee.people.models import Viewer


def frozen() -> pgtrigger.Protect:
    return pgtrigger.Protect(name="frozen", operation=pgtrigger.Update | pgtrigger.Delete)


class FollowUpReportQuerySet(VisibleQuerySet["FollowUpReport"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("meeting",)


@audited()
class FollowUpReport(models.Model):
    """«Status of the recommendations as of this meeting», frozen when the meeting was held.

    Visible to whoever may see its meeting; its entries are filtered one by one.
    """

    meeting = models.OneToOneField(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="follow_up_report",
    )
    as_of = models.DateField(_("as of"))
    frozen_at = models.DateTimeField(_("frozen on"))
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("frozen by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = FollowUpReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up report")
        verbose_name_plural = _("follow-up reports")
        triggers = [frozen()]

    def __str__(self) -> str:
        return f"{self.meeting} ({format_partial(self.as_of, 'day')})"


class ReportEntryQuerySet(VisibleQuerySet["ReportEntry"]):
    visible_through = ("recommendation",)

    def seen_then_and_now(self, viewer: Viewer) -> Self:
        """Entries the reader could see when the report was frozen and can see now.

        Stricter than ``visible_to`` (which every surface applies): it also asks the body's
        visibility as it stood when the report was frozen, and the recommendation's whole rule.
        """
        levels = visible_levels(viewer)
        if levels == ALL_LEVELS:
            return self
        then = Q(visibility__in=sorted(levels)) & (
            Q(body_visibility="") | Q(body_visibility__in=sorted(levels))
        )
        now = Q(recommendation__in=Recommendation.objects.visible_to(viewer))
        return self.filter(then & now)


@audited()
class ReportEntry(models.Model):
    """One recommendation in a frozen report, as it stood then."""

    report = models.ForeignKey(
        FollowUpReport, verbose_name=_("report"), on_delete=models.PROTECT, related_name="entries"
    )
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="report_entries",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status)
    completion = models.CharField(_("completion"), max_length=12, choices=Completion)
    status_reason = models.TextField(_("reason for the status"), blank=True)
    body = models.ForeignKey(
        "subcommittees.Body",
        verbose_name=_("responsible body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_here = models.CharField(
        _("decided at this meeting"), max_length=10, choices=AdoptionKind, blank=True
    )
    period_met = models.BooleanField(_("met this year"), null=True, blank=True)
    last_update = models.ForeignKey(
        "recommendations.ProgressUpdate",
        verbose_name=_("last update"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    visibility = models.CharField(_("visibility then"), max_length=12, choices=Visibility)
    body_visibility = models.CharField(
        _("visibility of the body then"), max_length=12, choices=Visibility, blank=True
    )

    objects = ReportEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("report entry")
        verbose_name_plural = _("report entries")
        ordering = ["report", "recommendation__reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "recommendation"], name="recommendations_report_entry_unique"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="recommendations_report_entry_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(completion__in=Completion.values),
                name="recommendations_report_entry_completion_valid",
            ),
            models.CheckConstraint(
                condition=Q(decided_here__in=[*AdoptionKind.values, ""]),
                name="recommendations_report_entry_decided_valid",
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values)
                & Q(body_visibility__in=[*Visibility.values, ""]),
                name="recommendations_report_entry_visibility_valid",
            ),
        ]
        triggers = [frozen()]

    def __str__(self) -> str:
        return f"{self.recommendation.reference}: {self.get_status_display()}"

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED
