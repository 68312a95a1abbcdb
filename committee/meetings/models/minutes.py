"""Minutes: what the secretariat wrote of each agenda item, in each language, approved by both.

Minutes come in numbered versions. The secretariat drafts a version; each delegation's
secretariat approves it once; when both have, it is *adopted*, dated and locked. Changing
adopted minutes — or a draft one delegation already approved — makes a new version that both
approve again; the earlier versions and their approvals are kept.

The lock is PostgreSQL's, not only the application's: a trigger refuses any change to the text
(or to what the text is of) of adopted minutes and their deletion, and approvals can be neither
changed nor deleted. The rules of drafting and approving are ``committee.meetings.services``.
"""

from __future__ import annotations

from typing import Self

import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import Side, VisibleQuerySet
from committee.languages import Language, LocalizedText, active_language, direction
from committee.meetings.models.agenda import AgendaItem
from committee.meetings.models.meeting import Meeting
from committee.records import Record
from committee.write_paths import RuleBearing


class MinutesState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ADOPTED = "adopted", _("Adopted")
    REPLACED = "replaced", _("Replaced before adoption")


#: What adopted minutes say and what they are of: locked by the database once adopted.
LOCKED_FIELDS = (
    "meeting",
    "agenda_item",
    "language",
    "number",
    "text",
    "state",
    "adopted_at",
    "drafted_by",
    "drafted_side",
    "replaces",
)


def _changes(*fields: str) -> pgtrigger.Q:
    condition = pgtrigger.Q()
    for field in fields:
        condition |= pgtrigger.Q(**{f"old__{field}__df": pgtrigger.F(f"new__{field}")})
    return condition


class MinutesQuerySet(VisibleQuerySet["Minutes"]):
    visible_through = ("meeting", "agenda_item")

    def adopted(self) -> Self:
        return self.filter(state=MinutesState.ADOPTED)

    def current(self) -> Self:
        """The latest adopted version of each agenda item's minutes in each language."""
        return (
            self.adopted()
            .order_by("meeting_id", "agenda_item_id", "language", "-number")
            .distinct("meeting_id", "agenda_item_id", "language")
        )


@audited()
class Minutes(Record):
    """One version of the minutes of an agenda item (or of the whole meeting) in one language."""

    #: Adopted by both delegations' approvals (``approve_minutes``); a visibility changes with
    #: two keys.
    rule_bearing = RuleBearing(("state", "adopted_at", "visibility"))

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="minutes"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="minutes_versions",
        help_text=_("Leave empty for minutes of the whole meeting."),
    )
    language = models.CharField(_("language"), max_length=2, choices=Language)
    number = models.PositiveSmallIntegerField(_("version number"), default=1, editable=False)
    text = models.TextField(_("text"))
    state = models.CharField(
        _("state"), max_length=10, choices=MinutesState, default=MinutesState.DRAFT, editable=False
    )
    adopted_at = models.DateTimeField(_("adopted on"), null=True, blank=True, editable=False)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.PROTECT,
        related_name="minutes_drafted",
        editable=False,
    )
    drafted_side = models.CharField(
        _("drafting delegation"), max_length=2, choices=Side, blank=True, editable=False
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("replaces"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        editable=False,
    )

    objects = MinutesQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        ordering = ["meeting_id", "agenda_item_id", "language", "-number"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=Q(language__in=Language.values), name="meetings_minutes_language_valid"
            ),
            models.CheckConstraint(
                condition=Q(state__in=MinutesState.values), name="meetings_minutes_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(drafted_side__in=[*Side.values, ""]),
                name="meetings_minutes_drafted_side_valid",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="meetings_minutes_number"),
            models.CheckConstraint(condition=~Q(text=""), name="meetings_minutes_has_text"),
            models.CheckConstraint(
                condition=Q(state=MinutesState.ADOPTED, adopted_at__isnull=False)
                | Q(~Q(state=MinutesState.ADOPTED), adopted_at__isnull=True),
                name="meetings_minutes_adopted_when_adopted",
            ),
            models.UniqueConstraint(
                fields=["meeting", "agenda_item", "language", "number"],
                nulls_distinct=False,
                name="meetings_minutes_one_per_number",
            ),
            models.UniqueConstraint(
                fields=["meeting", "agenda_item", "language"],
                nulls_distinct=False,
                condition=Q(state=MinutesState.DRAFT),
                name="meetings_minutes_one_draft",
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="adopted_minutes_locked",
                operation=pgtrigger.Update,
                condition=pgtrigger.Q(old__state=MinutesState.ADOPTED) & _changes(*LOCKED_FIELDS),
            ),
            pgtrigger.Protect(
                name="adopted_minutes_kept",
                operation=pgtrigger.Delete,
                condition=pgtrigger.Q(old__state=MinutesState.ADOPTED),
            ),
        ]

    def __str__(self) -> str:
        item = self.agenda_item if self.agenda_item_id else None
        of = str(item.title) if item is not None else str(self.meeting)
        return f"{of} [{self.language}] v{self.number}"

    @property
    def direction(self) -> str:
        return direction(self.language)

    @property
    def localized(self) -> LocalizedText:
        """The text as ``|prose`` renders it: in its language, marked when not the reader's."""
        return LocalizedText(
            self.text, self.language, requested=active_language(), original=self.language
        )


class MinutesApprovalQuerySet(VisibleQuerySet["MinutesApproval"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("minutes",)


@audited()
class MinutesApproval(models.Model):
    """One delegation's secretariat approved one version of minutes. Never changed, never
    deleted: the record of who agreed to which text."""

    minutes = models.ForeignKey(
        Minutes, verbose_name=_("minutes"), on_delete=models.PROTECT, related_name="approvals"
    )
    side = models.CharField(_("delegation"), max_length=2, choices=Side)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="minutes_approvals",
    )
    approved_at = models.DateTimeField(_("approved on"), db_default=Now())

    objects = MinutesApprovalQuerySet.as_manager()

    class Meta:
        verbose_name = _("approval of minutes")
        verbose_name_plural = _("approvals of minutes")
        ordering = ["minutes", "approved_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(side__in=Side.values), name="meetings_minutesapproval_side_valid"
            ),
            models.UniqueConstraint(
                fields=["minutes", "side"], name="meetings_minutes_one_approval_per_side"
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="minutes_approvals_kept", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"{self.minutes}: {self.get_side_display()}"
