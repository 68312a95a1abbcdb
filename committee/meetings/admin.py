from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile

from committee.admin import (
    RECORD_FIELDS,
    CitationInline,
    RecordAdmin,
    StackedInline,
    TabularInline,
    VersionedForm,
    translation_fieldsets,
)
from committee.meetings.models import (
    AgendaItem,
    Document,
    Meeting,
    MeetingOrganizer,
    Participation,
    Statement,
)
from committee.uploads import CheckedFile, check_upload

#: Final documents and presentations run larger than evidence files.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


class CheckedDocumentFile:
    """A new file is checked like any upload (SECURITY.md 18) and stored with what that proved."""

    cleaned_data: dict[str, Any]
    instance: Document
    checked: CheckedFile | None = None

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):  # not the file already stored
            self.checked = check_upload(upload, max_bytes=MAX_DOCUMENT_BYTES)
        return upload

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]
        if self.checked is not None:
            self.instance.take_file(self.checked)


class DocumentForm(CheckedDocumentFile, VersionedForm):
    pass


class DocumentInlineForm(CheckedDocumentFile, forms.ModelForm):  # type: ignore[type-arg]
    pass


class OrganizerInline(TabularInline):
    model = MeetingOrganizer
    autocomplete_fields = ["organization"]
    show_change_link = False


class AgendaItemInline(StackedInline):
    model = AgendaItem
    fields = [
        "order",
        ("title_ar", "title_es", "title_fr", "title_en"),
        "visibility",
        "needs_review",
    ]


class ParticipationInline(TabularInline):
    model = Participation
    fields = ["person", "side", "role", "visibility"]
    autocomplete_fields = ["person"]


class StatementInline(StackedInline):
    model = Statement
    fields = [
        "order",
        "person",
        "is_verbatim",
        ("quote_ar", "quote_es", "quote_fr", "quote_en"),
        "visibility",
        "needs_review",
    ]
    autocomplete_fields = ["person"]


class DocumentInline(TabularInline):
    model = Document
    form = DocumentInlineForm
    fields = ["kind", "language", "title", "file", "visibility"]


@admin.register(Meeting)
class MeetingAdmin(RecordAdmin):
    list_display = [
        "__str__",
        "kind",
        "ordinal",
        "city",
        "start_date",
        "status",
        "host_side",
        "visibility",
        "needs_review",
    ]
    list_filter = ["kind", "status", "host_side", "country", *RecordAdmin.list_filter]
    search_fields = [
        "title_ar",
        "title_es",
        "title_fr",
        "title_en",
        "theme_ar",
        "theme_es",
        "theme_fr",
        "theme_en",
        "city_ar",
        "city_es",
    ]
    date_hierarchy = "start_date"
    autocomplete_fields = ["body"]
    list_select_related = ["body"]
    inlines = [
        OrganizerInline,
        AgendaItemInline,
        ParticipationInline,
        StatementInline,
        DocumentInline,
        CitationInline,
    ]
    fieldsets = translation_fieldsets(
        Meeting,
        first=[
            "kind",
            "ordinal",
            "body",
            "status",
            ("start_date", "start_precision"),
            ("end_date", "end_precision"),
            "host_side",
            "country",
            "venue",
        ],
        last=RECORD_FIELDS,
    )


@admin.register(AgendaItem)
class AgendaItemAdmin(RecordAdmin):
    list_display = ["__str__", "meeting", "visibility", "needs_review"]
    search_fields = ["title_ar", "title_es", "title_fr", "title_en"]
    autocomplete_fields = ["meeting"]
    list_select_related = ["meeting"]
    fieldsets = translation_fieldsets(AgendaItem, first=["meeting", "order"], last=RECORD_FIELDS)


@admin.register(Statement)
class StatementAdmin(RecordAdmin):
    list_display = ["person", "meeting", "is_verbatim", "visibility", "needs_review"]
    search_fields = ["quote_ar", "quote_es", "quote_fr", "quote_en", "person__name_ar"]
    autocomplete_fields = ["meeting", "person"]
    list_select_related = ["meeting", "person"]
    fieldsets = translation_fieldsets(
        Statement, first=["meeting", "person", "order", "is_verbatim"], last=RECORD_FIELDS
    )


@admin.register(Participation)
class ParticipationAdmin(RecordAdmin):
    list_display = ["person", "meeting", "side", "role", "visibility"]
    list_filter = ["side", "role", "visibility"]
    search_fields = ["person__name_ar", "person__name_es", "person__name_en"]
    autocomplete_fields = ["meeting", "person"]
    list_select_related = ["meeting", "person"]
    fields = ["meeting", "person", "side", "role", *RECORD_FIELDS]


@admin.register(Document)
class DocumentAdmin(RecordAdmin):
    form = DocumentForm
    list_display = ["title", "meeting", "kind", "language", "visibility"]
    list_filter = ["kind", "language", "visibility"]
    search_fields = ["title", "original_name"]
    autocomplete_fields = ["meeting"]
    list_select_related = ["meeting"]
    readonly_fields = ["original_name", "content_type", "size", "sha256"]
    fields = [
        "meeting",
        "kind",
        "language",
        "title",
        "file",
        "original_name",
        "content_type",
        "size",
        "sha256",
        *RECORD_FIELDS,
    ]
