"""Meetings — sessions, seminars, subcommittee and follow-up meetings — and what happened."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Self

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import PartySide, Side, VisibleQuerySet
from committee.dates import DatePrecision, partial_date_constraints
from committee.languages import (
    Language,
    Translated,
    text_in_some_language,
    translated_char_fields,
    translated_text_fields,
)
from committee.records import Record
from committee.search import search_vector
from committee.uploads import CheckedFile


class MeetingKind(models.TextChoices):
    STRATEGIC_COMMITTEE_SESSION = "strategic_committee_session", _("Strategic committee session")
    SEMINAR = "seminar", _("Scientific seminar")
    SUBCOMMITTEE_MEETING = "subcommittee_meeting", _("Subcommittee meeting")
    FOLLOW_UP_MEETING = "follow_up_meeting", _("Follow-up meeting")
    MINISTERIAL_MEETING = "ministerial_meeting", _("Ministerial meeting")
    OTHER = "other", _("Other meeting")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Country(models.TextChoices):
    MA = "MA", _("Morocco")
    ES = "ES", _("Spain")
    OTHER = "other", _("Elsewhere")


class MeetingQuerySet(VisibleQuerySet["Meeting"]):
    visible_through = ("body",)

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
            models.Index(fields=["visibility", "-start_date"], name="meeting_visible_by_date"),
        ]

    def __str__(self) -> str:
        title = str(self.title) or str(self.theme)
        if title:
            return title
        return f"{self.get_kind_display()} #{self.ordinal}"

    def get_absolute_url(self) -> str:
        return reverse("meeting-detail", args=[self.pk])


@audited()
class MeetingOrganizer(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="organizer_links")
    organization = models.ForeignKey(
        "people.Organization", on_delete=models.PROTECT, related_name="+"
    )

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


class AgendaItemQuerySet(VisibleQuerySet["AgendaItem"]):
    visible_through = ("meeting",)


@audited()
class AgendaItem(Record):
    """An item of a meeting's agenda: a presentation, a debate, the follow-up of recommendations."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title_ar, title_es, title_fr, title_en = translated_text_fields(_("title"))
    title = Translated("title")
    minutes_ar, minutes_es, minutes_fr, minutes_en = translated_text_fields(_("minutes"))
    minutes = Translated("minutes")
    presenters = models.ManyToManyField(
        "people.Person",
        verbose_name=_("presented by"),
        through="Presenter",
        blank=True,
        related_name="presentations",
    )

    objects = AgendaItemQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=text_in_some_language("title"), name="meetings_agendaitem_has_title"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


@audited()
class Presenter(models.Model):
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="presenter_links"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("presenter")
        verbose_name_plural = _("presenters")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "person"], name="meetings_presenter_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.person)


class ParticipationRole(models.TextChoices):
    HEAD_OF_DELEGATION = "head_of_delegation", _("Head of delegation")
    CHAIR = "chair", _("Chair")
    SPEAKER = "speaker", _("Speaker")
    EXPERT = "expert", _("Expert")
    OBSERVER = "observer", _("Observer")


class ParticipationQuerySet(VisibleQuerySet["Participation"]):
    visible_through = ("meeting", "person")


@audited()
class Participation(Record):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="participations"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    side = models.CharField(_("side"), max_length=12, choices=PartySide)
    role = models.CharField(
        _("role"), max_length=20, choices=ParticipationRole, default=ParticipationRole.EXPERT
    )

    objects = ParticipationQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["meeting", "side", "role"]
        constraints = [
            *Record.Meta.constraints,
            models.UniqueConstraint(
                fields=["meeting", "person"], name="meetings_participation_unique"
            ),
            models.CheckConstraint(
                condition=Q(side__in=PartySide.values), name="meetings_participation_side_valid"
            ),
            models.CheckConstraint(
                condition=Q(role__in=ParticipationRole.values),
                name="meetings_participation_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class StatementQuerySet(VisibleQuerySet["Statement"]):
    visible_through = ("meeting", "person")


@audited()
class Statement(Record):
    """Words a person said at a meeting, as reported."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="statements"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("speaker"),
        on_delete=models.PROTECT,
        related_name="statements",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    quote_ar, quote_es, quote_fr, quote_en = translated_text_fields(_("quotation"))
    quote = Translated("quote")
    is_verbatim = models.BooleanField(
        _("verbatim"), default=False, help_text=_("Quoted word for word, not reported speech.")
    )

    objects = StatementQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["meeting", "order"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=text_in_some_language("quote"), name="meetings_statement_has_text"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {str(self.quote)[:80]}"


class DocumentKind(models.TextChoices):
    FINAL_DOCUMENT = "final_document", _("Final document")
    MINUTES = "minutes", _("Minutes")
    PRESENTATION = "presentation", _("Presentation")
    ANNEX = "annex", _("Annex")


class DocumentQuerySet(VisibleQuerySet["Document"]):
    visible_through = ("meeting",)


def document_path(instance: Document, filename: str) -> str:
    """A server-chosen name: the upload's own name is kept only as ``original_name``."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"documents/{uuid.uuid4().hex}.{suffix}"


@audited()
class Document(Record):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind)
    language = models.CharField(_("language"), max_length=2, choices=Language)
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    original_name = models.CharField(
        _("original file name"), max_length=255, blank=True, editable=False
    )
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["meeting", "kind", "title"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values), name="meetings_document_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(language__in=Language.values), name="meetings_document_language_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def take_file(self, checked: CheckedFile) -> None:
        """Store ``checked`` as this document's file, with what its check proved."""
        self.file = checked.upload
        self.original_name = checked.original_name
        self.content_type = checked.content_type
        self.size = checked.size
        self.sha256 = checked.sha256
