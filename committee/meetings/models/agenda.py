"""What happened at a meeting: its agenda, who took part, and what they said."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import PartySide, VisibleQuerySet
from committee.languages import Translated, short, text_in_some_language, translated_text_fields
from committee.meetings.models.meeting import Meeting
from committee.records import Record


class AgendaItemKind(models.TextChoices):
    ITEM = "item", _("Agenda item")
    FOLLOW_UP = "follow_up", _("Follow-up of previous recommendations")


class AgendaItemQuerySet(VisibleQuerySet["AgendaItem"]):
    visible_through = ("meeting",)


@audited()
class AgendaItem(Record):
    """An item of a meeting's agenda: a presentation, a debate, the follow-up of recommendations.

    ``minutes_*`` hold minutes as an article reported them; minutes the secretariat writes and
    both delegations approve are ``Minutes``, in versions.
    """

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=AgendaItemKind,
        default=AgendaItemKind.ITEM,
        help_text=_("The follow-up item lists every recommendation still open as of the meeting."),
    )
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
            models.CheckConstraint(
                condition=Q(kind__in=AgendaItemKind.values), name="meetings_agendaitem_kind_valid"
            ),
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(kind=AgendaItemKind.FOLLOW_UP),
                name="meetings_one_follow_up_item",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"


class PresenterQuerySet(VisibleQuerySet["Presenter"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("agenda_item", "person")


@audited()
class Presenter(models.Model):
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="presenter_links"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")

    objects = PresenterQuerySet.as_manager()

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
        return f"{self.person}: {short(str(self.quote), 80)}"
