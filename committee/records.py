"""What every content record of the committee carries (docs/design.md §4)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from committee.bilateral import Visibility
from committee.languages import Language
from committee.write_paths import RuleBearing


class Record(models.Model):
    """Visibility, original language, review flag, timestamps and a version for edits.

    Records typed in by hand are for the committee by default; the importer marks what it takes
    from a public article as public (docs/design.md §5).
    """

    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility, default=Visibility.COMMITTEE
    )
    original_language = models.CharField(
        _("original language"),
        max_length=2,
        choices=Language,
        default=Language.AR,
        help_text=_("The language of the authentic text; the others are translations."),
    )
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Created or changed by an import and not yet reviewed by the secretariat."),
    )
    created_at = models.DateTimeField(_("created"), db_default=Now(), editable=False)
    updated_at = models.DateTimeField(_("updated"), db_default=Now(), auto_now=True)
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised by every edit; guards against lost updates."),
    )

    #: Changed on an existing record only by the services (``committee.write_paths``): a
    #: visibility widens or narrows with two keys. Models with more say so.
    rule_bearing: ClassVar[RuleBearing] = RuleBearing(("visibility",))

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visibility__in=Visibility.values),
                name="%(app_label)s_%(class)s_visibility_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(original_language__in=Language.values),
                name="%(app_label)s_%(class)s_original_language_valid",
            ),
        ]
