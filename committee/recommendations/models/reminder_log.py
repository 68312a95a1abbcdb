"""Which reminder went to whom, so that ``send_reminders`` sends each one once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from committee.audit import audited


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    STALE = "stale", _("No progress reported")
    PENDING = "pending", _("Awaiting confirmation")
    PROPOSAL = "proposal", _("New proposal")


@audited()
class ReminderLog(models.Model):
    """One reminder sent. ``key`` names the occasion: a recommendation and its due date, the
    latest update it had when it went stale, the proposal that waits."""

    kind = models.CharField(_("kind"), max_length=10, choices=ReminderKind)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    key = models.CharField(_("occasion"), max_length=100)
    sent_at = models.DateTimeField(_("sent on"), db_default=Now())

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "recipient", "key"], name="recommendations_reminder_sent_once"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ReminderKind.values),
                name="recommendations_reminder_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}: {self.key}"
