"""The documents of a meeting: final documents, minutes as filed, presentations, annexes."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import VisibleQuerySet
from committee.languages import Language
from committee.meetings.models.meeting import Meeting
from committee.records import Record
from committee.uploads import CheckedFile


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
