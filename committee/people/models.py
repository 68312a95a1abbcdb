"""Accounts, organisations and people, with the spellings under which they appear."""

from __future__ import annotations

from typing import ClassVar, Self

from django.contrib.auth.models import AbstractUser, AnonymousUser, UserManager
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from committee import arabic
from committee.audit import audited
from committee.bilateral import PartySide, Role, Side, Visibility, VisibleQuerySet
from committee.fulltext import (
    analyzed_sql,
    names_index,
    names_key,
    normalized_sql,
    search_vector,
)
from committee.languages import (
    Language,
    Translated,
    original_text_present,
    translated_char_fields,
    translated_text_fields,
)
from committee.records import Record


class CommitteeUserManager(UserManager["User"]):
    pass


@audited(exclude=("password", "last_login"))
class User(AbstractUser):
    """An account: a member of one delegation, the secretariat, or an operator (superuser)."""

    side = models.CharField(_("delegation"), max_length=2, choices=Side, blank=True)
    role = models.CharField(_("role"), max_length=12, choices=Role, default=Role.MEMBER)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language, default=Language.AR
    )
    person = models.OneToOneField(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
    )
    must_change_password = models.BooleanField(
        _("must change password"),
        default=False,
        help_text=_(
            "Set on accounts created with a generated one-time password: the account is sent to "
            "the password change page before anything else, and the flag clears once it is changed."
        ),
    )

    objects: ClassVar[CommitteeUserManager] = CommitteeUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=Q(side__in=Side.values) | Q(is_superuser=True),
                name="people_user_side_required_unless_superuser",
            ),
            models.CheckConstraint(
                condition=Q(side__in=[*Side.values, ""]), name="people_user_side_valid"
            ),
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="people_user_role_valid"
            ),
            models.CheckConstraint(
                condition=Q(preferred_language__in=Language.values),
                name="people_user_preferred_language_valid",
            ),
        ]

    def __str__(self) -> str:
        """The holder's name and delegation, «Karim Alaoui (Morocco)»: what the admin shows."""
        side = self.get_side_display()
        return f"{self.display_name} ({side})" if side else self.display_name

    @property
    def display_name(self) -> str:
        """What pages call the holder of this account: the full name, else the name of the
        person the account is when that person is public (a name shared with fewer readers is
        not shown to all who see the account's work), else the username."""
        full_name = self.get_full_name()
        if full_name:
            return full_name
        person = self.person if self.person_id is not None else None
        shared = person is not None and person.visibility == Visibility.PUBLIC
        return (str(person.name) if shared and person else "") or self.get_username()

    @property
    def is_secretariat(self) -> bool:
        return self.is_active and self.role == Role.SECRETARIAT

    def set_password(self, raw_password: str | None) -> None:
        """Every way of choosing a new password (the change page, a reset, the admin) ends the
        obligation to change a one-time one. (A hash upgraded at login saves only ``password``,
        so the flag in the database stays as it was.)"""
        super().set_password(raw_password)
        self.must_change_password = False


type Viewer = User | AnonymousUser | None


class OrganizationKind(models.TextChoices):
    POLICE = "police", _("Police")
    INTELLIGENCE = "intelligence", _("Intelligence service")
    GENDARMERIE = "gendarmerie", _("Gendarmerie / Guardia Civil")
    MINISTRY = "ministry", _("Ministry")
    JUDICIARY = "judiciary", _("Judiciary")
    INTERNATIONAL = "international", _("International organisation")
    OTHER = "other", pgettext_lazy("organisation kind", "Other")


class OrganizationQuerySet(VisibleQuerySet["Organization"]):
    visible_through = ("parent",)

    def for_listing(self) -> Self:
        return self.select_related("parent")


@audited()
class Organization(Record):
    """An institution: DGSN, DGP, a ministry, Europol…"""

    name_ar, name_es, name_fr, name_en = translated_char_fields(_("name"), max_length=300)
    name = Translated("name")
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    side = models.CharField(_("side"), max_length=12, choices=PartySide)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganizationKind, default=OrganizationKind.OTHER
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
    )
    search_vector = search_vector([("name", "A")], plain=[("acronym", "A")])
    names_key = names_key(["name"], plain=["acronym"])

    objects = OrganizationQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["acronym", "name_en"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=original_text_present("name"),
                name="people_organization_name_in_original_language",
            ),
            models.CheckConstraint(
                condition=Q(side__in=PartySide.values), name="people_organization_side_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=OrganizationKind.values), name="people_organization_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="people_organization_not_own_parent"
            ),
            models.UniqueConstraint(
                fields=["acronym"],
                condition=~Q(acronym=""),
                name="people_organization_acronym_unique",
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="organization_search"),
            names_index("organization_names"),
        ]

    def __str__(self) -> str:
        name = str(self.name)
        return f"{self.acronym} — {name}" if self.acronym and name else self.acronym or name

    def get_absolute_url(self) -> str:
        return reverse("organization-detail", args=[self.pk])


class PersonQuerySet(VisibleQuerySet["Person"]):
    def for_listing(self) -> Self:
        return self.select_related("organization")

    def matching_name(self, name: str) -> Self:
        """People known under ``name`` in any spelling variant (see ``committee.arabic``)."""
        return self.filter(aliases__normalized=arabic.normalize(name)).distinct()


@audited()
class Person(Record):
    """Someone the committee's records name: a director general, a rapporteur, an expert."""

    name_ar, name_es, name_fr, name_en = translated_char_fields(_("name"), max_length=200)
    name = Translated("name")
    honorific_ar, honorific_es, honorific_fr, honorific_en = translated_char_fields(
        _("honorific"), max_length=60
    )
    honorific = Translated("honorific")
    position_ar, position_es, position_fr, position_en = translated_text_fields(_("position"))
    position = Translated("position")
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    side = models.CharField(_("side"), max_length=12, choices=PartySide, blank=True)
    search_vector = search_vector([("name", "A"), ("position", "C")])
    names_key = names_key(["name"])

    objects = PersonQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name_en", "name_ar"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=original_text_present("name"),
                name="people_person_name_in_original_language",
            ),
            models.CheckConstraint(
                condition=Q(side__in=[*PartySide.values, ""]), name="people_person_side_valid"
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="person_search"),
            names_index("person_names"),
        ]

    def __str__(self) -> str:
        return str(self.name)

    def get_absolute_url(self) -> str:
        return reverse("person-detail", args=[self.pk])


class PersonAliasQuerySet(VisibleQuerySet["PersonAlias"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("person",)


@audited()
class PersonAlias(models.Model):
    """A spelling under which a person appears: إينياسيو / إغناسيو / Ignacio."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField(_("spelling"), max_length=200)
    normalized = models.GeneratedField(
        expression=normalized_sql(F("name")),
        output_field=models.CharField(max_length=200),
        db_persist=True,
        verbose_name=_("normalised"),
    )
    names_key = models.GeneratedField(
        expression=analyzed_sql(F("name"), ""),
        output_field=models.TextField(),
        db_persist=True,
        editable=False,
    )
    language = models.CharField(_("language"), max_length=2, choices=Language, default=Language.AR)

    objects = PersonAliasQuerySet.as_manager()

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "name"], name="people_alias_unique_per_person"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="people_alias_not_empty"),
        ]
        indexes = [
            models.Index(fields=["normalized"], name="person_alias_normalized"),
            names_index("person_alias_names"),
        ]

    def __str__(self) -> str:
        return self.name
