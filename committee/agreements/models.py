"""Agreements between the two sides and the standing cooperation mechanisms they run."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from committee.audit import audited
from committee.bilateral import VisibleQuerySet
from committee.dates import DatePrecision, partial_date_constraints
from committee.fulltext import search_vector
from committee.languages import (
    Translated,
    original_text_present,
    translated_char_fields,
    translated_text_fields,
)
from committee.records import Record


class AgreementQuerySet(VisibleQuerySet["Agreement"]):
    pass


@audited()
class Agreement(Record):
    title_ar, title_es, title_fr, title_en = translated_char_fields(_("title"), max_length=300)
    title = Translated("title")
    subject_ar, subject_es, subject_fr, subject_en = translated_text_fields(_("subject"))
    subject = Translated("subject")
    signed_date = models.DateField(_("signed on"), null=True, blank=True)
    signed_precision = models.CharField(
        _("precision of the signature date"), max_length=5, choices=DatePrecision, blank=True
    )
    place_ar, place_es, place_fr, place_en = translated_char_fields(_("place"), max_length=100)
    place = Translated("place")
    parties = models.ManyToManyField(
        "people.Organization",
        verbose_name=_("parties"),
        through="AgreementParty",
        related_name="agreements",
    )
    recommendations = models.ManyToManyField(
        "recommendations.Recommendation",
        verbose_name=_("recommendations"),
        blank=True,
        through="AgreementRecommendation",
        related_name="agreements",
    )
    bodies = models.ManyToManyField(
        "subcommittees.Body",
        verbose_name=_("bodies"),
        blank=True,
        through="AgreementBody",
        related_name="agreements",
    )
    search_vector = search_vector([("title", "A"), ("subject", "B")])

    objects = AgreementQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-signed_date"]
        constraints = [
            *Record.Meta.constraints,
            *partial_date_constraints("signed", "agreements_agreement"),
            models.CheckConstraint(
                condition=original_text_present("title"),
                name="agreements_agreement_title_in_original_language",
            ),
        ]
        indexes = [GinIndex(fields=["search_vector"], name="agreement_search")]

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("agreement-detail", args=[self.pk])


class AgreementPartyQuerySet(VisibleQuerySet["AgreementParty"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("agreement", "organization")


@audited()
class AgreementParty(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="party_links")
    organization = models.ForeignKey(
        "people.Organization", on_delete=models.PROTECT, related_name="+"
    )

    objects = AgreementPartyQuerySet.as_manager()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organization"], name="agreements_party_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.organization)


class AgreementRecommendationQuerySet(VisibleQuerySet["AgreementRecommendation"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("agreement", "recommendation")


@audited()
class AgreementRecommendation(models.Model):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="recommendation_links"
    )
    recommendation = models.ForeignKey(
        "recommendations.Recommendation", on_delete=models.PROTECT, related_name="+"
    )

    objects = AgreementRecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("linked recommendation")
        verbose_name_plural = _("linked recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "recommendation"], name="agreements_recommendation_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.recommendation)


class AgreementBodyQuerySet(VisibleQuerySet["AgreementBody"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("agreement", "body")


@audited()
class AgreementBody(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="body_links")
    body = models.ForeignKey("subcommittees.Body", on_delete=models.PROTECT, related_name="+")

    objects = AgreementBodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("linked body")
        verbose_name_plural = _("linked bodies")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "body"], name="agreements_body_unique")
        ]

    def __str__(self) -> str:
        return str(self.body)


class MechanismKind(models.TextChoices):
    JOINT_POLICE_STATION = "joint_police_station", _("Joint police station")
    POLICE_COOPERATION_CENTRE = "police_cooperation_centre", _("Police cooperation centre")
    LIAISON_OFFICERS = "liaison_officers", _("Liaison officers")
    JOINT_PATROLS = "joint_patrols", _("Joint patrols")
    JOINT_INVESTIGATION_TEAM = "joint_investigation_team", _("Joint investigation team")
    OTHER = "other", pgettext_lazy("mechanism kind", "Other")


class MechanismQuerySet(VisibleQuerySet["Mechanism"]):
    visible_through = ("agreement",)


@audited()
class Mechanism(Record):
    """A standing cooperation arrangement: joint police stations, liaison officers…"""

    kind = models.CharField(_("kind"), max_length=30, choices=MechanismKind)
    name_ar, name_es, name_fr, name_en = translated_char_fields(_("name"), max_length=300)
    name = Translated("name")
    description_ar, description_es, description_fr, description_en = translated_text_fields(
        _("description")
    )
    description = Translated("description")
    location_ar, location_es, location_fr, location_en = translated_char_fields(
        _("location"), max_length=200
    )
    location = Translated("location")
    established_date = models.DateField(_("established on"), null=True, blank=True)
    established_precision = models.CharField(
        _("precision of the establishment date"), max_length=5, choices=DatePrecision, blank=True
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mechanisms",
    )
    organizations = models.ManyToManyField(
        "people.Organization",
        verbose_name=_("run by"),
        through="MechanismOrganization",
        blank=True,
        related_name="mechanisms",
    )

    objects = MechanismQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("cooperation mechanism")
        verbose_name_plural = _("cooperation mechanisms")
        ordering = ["kind", "name_en"]
        constraints = [
            *Record.Meta.constraints,
            *partial_date_constraints("established", "agreements_mechanism"),
            models.CheckConstraint(
                condition=original_text_present("name"),
                name="agreements_mechanism_name_in_original_language",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MechanismKind.values), name="agreements_mechanism_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("mechanism-detail", args=[self.pk])


class MechanismOrganizationQuerySet(VisibleQuerySet["MechanismOrganization"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("mechanism", "organization")


@audited()
class MechanismOrganization(models.Model):
    mechanism = models.ForeignKey(
        Mechanism, on_delete=models.CASCADE, related_name="organization_links"
    )
    organization = models.ForeignKey(
        "people.Organization", on_delete=models.PROTECT, related_name="+"
    )

    objects = MechanismOrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("operator")
        verbose_name_plural = _("operators")
        constraints = [
            models.UniqueConstraint(
                fields=["mechanism", "organization"], name="agreements_mechanism_org_unique"
            )
        ]

    def __str__(self) -> str:
        return str(self.organization)
