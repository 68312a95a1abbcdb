"""Meetings themselves: their kinds, statuses, places, dates and organisers."""

from __future__ import annotations

import datetime as dt
from typing import Self

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import Side, VisibleQuerySet
from committee.dates import DatePrecision, partial_date_constraints
from committee.fulltext import names_index, names_key, search_vector
from committee.languages import (
    Translated,
    text_in_some_language,
    translated_char_fields,
    translated_text_fields,
)
from committee.records import Record
from committee.write_paths import RuleBearing


class MeetingKind(models.TextChoices):
    STRATEGIC_COMMITTEE_SESSION = "strategic_committee_session", _("Strategic committee session")
    SEMINAR = "seminar", _("Scientific seminar")
    SUBCOMMITTEE_MEETING = "subcommittee_meeting", _("Subcommittee meeting")
    FOLLOW_UP_MEETING = "follow_up_meeting", _("Follow-up meeting")
    MINISTERIAL_MEETING = "ministerial_meeting", _("Ministerial meeting")
    PRESS_CONFERENCE = "press_conference", _("Press conference")
    WORKING_VISIT = "working_visit", _("Working visit")
    INAUGURATION = "inauguration", _("Inauguration")
    SIGNING_CEREMONY = "signing_ceremony", _("Signing ceremony")
    OTHER = "other", _("Other meeting")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Country(models.TextChoices):
    MA = "MA", _("Morocco")
    ES = "ES", _("Spain")
    OTHER = "other", _("Elsewhere")


#: Kinds of meeting whose host alternates between the delegations.
ROTATING_KINDS = frozenset({MeetingKind.STRATEGIC_COMMITTEE_SESSION})


class MeetingQuerySet(VisibleQuerySet["Meeting"]):
    visible_through = ("body",)

    def last_hosted(self, kind: str) -> Meeting | None:
        """The latest held meeting of ``kind`` whose host is known."""
        return (
            self.held()
            .filter(kind=kind, start_date__isnull=False)
            .exclude(host_side="")
            .order_by("-start_date", "-pk")
            .first()
        )

    def proposed_host_side(self, kind: str = MeetingKind.STRATEGIC_COMMITTEE_SESSION) -> str:
        """Whose turn it is to host the next meeting of ``kind``: the delegation that did not
        host the last one held. Empty for kinds that do not rotate and before any is held."""
        if kind not in ROTATING_KINDS:
            return ""
        last = self.last_hosted(kind)
        if last is None:
            return ""
        return Side.ES if last.host_side == Side.MA else Side.MA

    def next_ordinal(self, kind: str, body_id: int | None = None) -> int | None:
        """The number the next meeting of ``kind`` (of the body) would carry, if numbered."""
        highest = (
            self.filter(kind=kind, ordinal__isnull=False)
            .filter(Q(body_id=body_id) if body_id is not None else Q(body__isnull=True))
            .order_by("-ordinal")
            .values_list("ordinal", flat=True)
            .first()
        )
        return highest + 1 if highest is not None else None

    def held(self) -> Self:
        return self.filter(status=MeetingStatus.HELD)

    def upcoming(self, today: dt.date) -> Self:
        return self.filter(status=MeetingStatus.PLANNED, start_date__gte=today).order_by(
            "start_date"
        )

    def for_listing(self) -> Self:
        return self.select_related("body")


@audited()
class Meeting(Record):
    #: A meeting is held by ``hold_meeting``, which freezes its follow-up report.
    rule_bearing = RuleBearing(("status", "visibility"))

    kind = models.CharField(_("kind"), max_length=30, choices=MeetingKind)
    ordinal = models.PositiveSmallIntegerField(
        _("ordinal"), null=True, blank=True, help_text=_("2 for the second seminar of its series.")
    )
    body = models.ForeignKey(
        "subcommittees.Body",
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    title_ar, title_es, title_fr, title_en = translated_char_fields(_("title"), max_length=300)
    title = Translated("title")
    theme_ar, theme_es, theme_fr, theme_en = translated_char_fields(_("theme"), max_length=500)
    theme = Translated("theme")
    summary_ar, summary_es, summary_fr, summary_en = translated_text_fields(_("summary"))
    summary = Translated("summary")
    host_side = models.CharField(_("host"), max_length=2, choices=Side, blank=True)
    city_ar, city_es, city_fr, city_en = translated_char_fields(_("city"), max_length=100)
    city = Translated("city")
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=5, choices=Country, blank=True)
    start_date = models.DateField(_("starts"), null=True, blank=True)
    start_precision = models.CharField(
        _("precision of the start"), max_length=5, choices=DatePrecision, blank=True
    )
    end_date = models.DateField(_("ends"), null=True, blank=True)
    end_precision = models.CharField(
        _("precision of the end"), max_length=5, choices=DatePrecision, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus, default=MeetingStatus.HELD
    )
    organizers = models.ManyToManyField(
        "people.Organization",
        verbose_name=_("organised by"),
        through="MeetingOrganizer",
        blank=True,
        related_name="meetings_organized",
    )
    search_vector = search_vector([("title", "A"), ("theme", "A"), ("city", "B"), ("summary", "C")])
    names_key = names_key(["city"])

    objects = MeetingQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start_date", "-pk"]
        get_latest_by = "start_date"
        constraints = [
            *Record.Meta.constraints,
            *partial_date_constraints("start", "meetings_meeting"),
            *partial_date_constraints("end", "meetings_meeting"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=False, end_date__gte=F("start_date")),
                name="meetings_meeting_ends_after_start",
            ),
            models.CheckConstraint(
                condition=text_in_some_language("title")
                | text_in_some_language("theme")
                | Q(ordinal__isnull=False),
                name="meetings_meeting_identifiable",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MeetingKind.values), name="meetings_meeting_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values), name="meetings_meeting_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(host_side__in=[*Side.values, ""]),
                name="meetings_meeting_host_side_valid",
            ),
            models.CheckConstraint(
                condition=Q(country__in=[*Country.values, ""]),
                name="meetings_meeting_country_valid",
            ),
            models.CheckConstraint(
                condition=Q(ordinal__isnull=True) | Q(ordinal__gte=1),
                name="meetings_meeting_ordinal_positive",
            ),
            models.UniqueConstraint(
                fields=["kind", "body", "ordinal"],
                nulls_distinct=False,
                condition=Q(ordinal__isnull=False),
                name="meetings_meeting_one_per_ordinal",
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="meeting_search"),
            names_index("meeting_names"),
            models.Index(fields=["visibility", "-start_date"], name="meeting_visible_by_date"),
        ]

    def __str__(self) -> str:
        title = str(self.title) or str(self.theme)
        if title:
            return title
        return f"{self.get_kind_display()} #{self.ordinal}"

    def get_absolute_url(self) -> str:
        return reverse("meeting-detail", args=[self.pk])


class MeetingOrganizerQuerySet(VisibleQuerySet["MeetingOrganizer"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("meeting", "organization")


@audited()
class MeetingOrganizer(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="organizer_links")
    organization = models.ForeignKey(
        "people.Organization", on_delete=models.PROTECT, related_name="+"
    )

    objects = MeetingOrganizerQuerySet.as_manager()

    class Meta:
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organization"], name="meetings_organizer_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.organization)
