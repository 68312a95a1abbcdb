"""Where each translatable field's text in each language came from.

One row per record, field and language that has text: the record's ``original`` text, a
``human`` translation, or a ``machine`` draft (``committee.translations.services``). A field and
language without a row has no text, or text recorded before this table existed.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.languages import Language


class State(models.TextChoices):
    ORIGINAL = "original", _("original")
    HUMAN = "human", _("human translation")
    MACHINE = "machine", _("machine translation")


class FieldTranslationQuerySet(models.QuerySet["FieldTranslation"]):
    def of(self, record: models.Model) -> FieldTranslationQuerySet:
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )

    def machine(self) -> FieldTranslationQuerySet:
        return self.filter(state=State.MACHINE)


@audited()
class FieldTranslation(models.Model):
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of record")
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    field = models.CharField(_("field"), max_length=64)
    language = models.CharField(_("language"), max_length=2, choices=Language)
    state = models.CharField(_("origin of the text"), max_length=8, choices=State)
    service = models.CharField(
        _("translation service"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("The machine translation service that drafted the text."),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = FieldTranslationQuerySet.as_manager()

    class Meta:
        verbose_name = _("field translation")
        verbose_name_plural = _("field translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="translations_fieldtranslation_one_per_key",
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=State.values),
                name="translations_fieldtranslation_state_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=Language.values),
                name="translations_fieldtranslation_language_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} {self.field}_{self.language} {self.state}"
