"""The meetings' admin. ``MeetingAdmin`` is defined here but registered by the app that adds
to it: ``committee.recommendations.admin`` subclasses it with the standing recommendations
checked at the meeting and holding (which freezes the follow-up report), since meetings sit
below recommendations and may not import them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from committee.admin import (
    RECORD_FIELDS,
    RecordAdmin,
    StackedInline,
    TabularInline,
    VersionedForm,
    locked_for,
    translation_fieldsets,
)
from committee.meetings import planning
from committee.meetings import services as meeting_services
from committee.meetings.models import (
    AgendaItem,
    Document,
    Meeting,
    MeetingKind,
    MeetingOrganizer,
    MeetingStatus,
    Minutes,
    MinutesApproval,
    MinutesState,
    Participation,
    Statement,
)
from committee.sources.admin import CitationInline
from committee.uploads import CheckedFile, check_upload

#: Final documents and presentations run larger than evidence files.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


class CheckedDocumentFile:
    """A new file is checked like any upload (docs/security.md item 18) and stored with what
    that proved."""

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
        "kind",
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


class MinutesInline(TabularInline):
    """Every version of the minutes; they are written and approved on their own pages."""

    model = Minutes
    fields = ["agenda_item", "language", "number", "state", "adopted_at", "visibility"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class MeetingAdmin(RecordAdmin):
    """Meetings, their agenda, participants, statements, documents and minutes.

    Not registered here: ``committee.recommendations.admin.MeetingAdmin`` extends and registers
    it, adding inlines and actions.
    """

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
        MinutesInline,
        CitationInline,
    ]
    change_list_template = "admin/meetings/meeting/change_list.html"
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

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        """A new meeting of a kind that rotates starts with the host whose turn it is, the next
        number and the planned status (``?kind=strategic_committee_session``)."""
        initial = super().get_changeform_initial_data(request)
        kind = request.GET.get("kind", "")
        if kind in MeetingKind.values:
            body = request.GET.get("body", "")
            defaults = planning.planning_defaults(
                kind, request.user, int(body) if body.isdigit() else None
            )
            initial = {**defaults, **initial}
        return initial

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        kind = MeetingKind.STRATEGIC_COMMITTEE_SESSION
        host = Meeting.objects.visible_to(request.user).proposed_host_side(kind)
        context = {
            "plan_url": f"{reverse('admin:meetings_meeting_add')}?kind={kind}",
            "proposed_host": host,
            **(extra_context or {}),
        }
        return super().changelist_view(request, context)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Planned meetings get the follow-up item on their agenda, after the agenda items of the
        form are saved (an editor may have added it there, or numbered their own first)."""
        super().save_related(request, form, formsets, change)
        if form.instance.status == MeetingStatus.PLANNED:
            meeting_services.ensure_follow_up_item(form.instance)


@admin.register(AgendaItem)
class AgendaItemAdmin(RecordAdmin):
    list_display = ["__str__", "meeting", "visibility", "needs_review"]
    search_fields = ["title_ar", "title_es", "title_fr", "title_en"]
    autocomplete_fields = ["meeting"]
    list_select_related = ["meeting"]
    fieldsets = translation_fieldsets(
        AgendaItem, first=["meeting", "order", "kind"], last=RECORD_FIELDS
    )


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


class MinutesApprovalInline(TabularInline):
    """Who approved this version for each delegation, and when: kept for ever."""

    model = MinutesApproval
    fields = ["side", "approved_by", "approved_at"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class MinutesForm(VersionedForm):
    """Says before saving what ``committee.meetings.services`` would refuse."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        instance = self.instance
        try:
            if instance.pk is None:
                meeting, item = cleaned.get("meeting"), cleaned.get("agenda_item")
                if meeting is not None and cleaned.get("language"):
                    meeting_services.check_new_draft(meeting, item, cleaned["language"])
            elif "text" in self.changed_data and instance.state != MinutesState.DRAFT:
                meeting_services.check_newest(instance)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


@admin.register(Minutes)
class MinutesAdmin(RecordAdmin):
    """The secretariat writes minutes here and approves them for its own delegation.

    Saving changed text of minutes that either delegation approved makes a new version (the
    page moves to it); adopted text itself is never changed.
    """

    list_display = [
        "__str__",
        "meeting",
        "language",
        "number",
        "state",
        "approved_by_sides",
        "adopted_at",
        "visibility",
    ]
    # No filter by meeting: it would list every meeting (thousands) in the sidebar; the search
    # and the meeting's own page find its minutes.
    list_filter = ["state", "language", "visibility"]
    search_fields = ["text"]
    autocomplete_fields = ["meeting", "agenda_item"]
    list_select_related = ["meeting", "agenda_item"]
    form = MinutesForm
    actions = ["approve_for_my_delegation"]
    inlines = [MinutesApprovalInline]
    add_fields = ["meeting", "agenda_item", "language", "text", "visibility"]
    change_fields = [
        "meeting",
        "agenda_item",
        "language",
        "number",
        "state",
        "adopted_at",
        "drafted_by",
        "drafted_side",
        "replaces",
        "text",
        "visibility",
        "created_at",
        "updated_at",
        "version",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).prefetch_related("approvals")

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return self.change_fields if obj is not None else self.add_fields

    def get_inlines(self, request: HttpRequest, obj: Any) -> list[Any]:
        return self.inlines if obj is not None else []  # a new draft has no approvals

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        return [(None, {"fields": self.get_fields(request, obj)})]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return []
        fixed = [name for name in self.change_fields if name not in {"text", "visibility"}]
        if obj.state == MinutesState.REPLACED:
            fixed += ["text", "visibility"]
        # The visibility (and adoption) of saved minutes, below an operator: two keys.
        return [*fixed, *(name for name in locked_for(request, obj) if name not in fixed)]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        initial = super().get_changeform_initial_data(request)
        language = getattr(request, "LANGUAGE_CODE", "")
        if "language" not in initial and language:
            initial["language"] = language
        return initial

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Only a draft may be thrown away; adopted and replaced versions are the record (the
        database refuses to delete adopted ones, and approvals protect approved drafts)."""
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.state == MinutesState.DRAFT)

    @admin.display(description=gettext_lazy("approved by"))
    def approved_by_sides(self, obj: Minutes) -> str:
        return ", ".join(str(approval.get_side_display()) for approval in obj.approvals.all())

    def save_model(self, request: HttpRequest, obj: Minutes, form: Any, change: bool) -> None:
        data = form.cleaned_data
        try:
            if not change:
                saved = meeting_services.draft_minutes(
                    meeting=data["meeting"],
                    agenda_item=data.get("agenda_item"),
                    language=data["language"],
                    text=data["text"],
                    visibility=data.get("visibility", ""),
                    by=request.user,  # type: ignore[arg-type]
                )
            else:
                saved = meeting_services.edit_minutes(
                    minutes=Minutes.objects.get(pk=obj.pk),
                    text=data.get("text", obj.text),
                    visibility=data.get("visibility", ""),
                    seen_version=data.get("seen_version"),
                    by=request.user,  # type: ignore[arg-type]
                )
        except (ValidationError, PermissionDenied) as error:
            refusal = " ".join(getattr(error, "messages", [str(error)]))
            raise PermissionDenied(refusal) from error
        if change and saved.pk != obj.pk:
            self.message_user(
                request,
                _(
                    "These minutes were approved, so their text is not changed: your text is "
                    "version %(number)d, which both delegations must approve."
                )
                % {"number": saved.number},
                messages.WARNING,
            )
        obj.pk = saved.pk
        obj.refresh_from_db()  # the version the service saved, as it saved it

    def response_change(self, request: HttpRequest, obj: Minutes) -> HttpResponse:
        return HttpResponseRedirect(reverse("admin:meetings_minutes_change", args=[obj.pk]))

    @admin.action(description=gettext_lazy("Approve the selected minutes for my delegation"))
    def approve_for_my_delegation(self, request: HttpRequest, queryset: QuerySet[Minutes]) -> None:
        adopted, approved = 0, 0
        for minutes in queryset:
            try:
                result = meeting_services.approve_minutes(
                    minutes=minutes,
                    by=request.user,  # type: ignore[arg-type]
                )
            except (ValidationError, PermissionDenied) as error:
                refusal = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"{minutes}: {refusal}", messages.ERROR)
                continue
            approved += 1
            adopted += result.state == MinutesState.ADOPTED
        if approved:
            self.message_user(
                request,
                ngettext(
                    "%(count)d version approved for your delegation.",
                    "%(count)d versions approved for your delegation.",
                    approved,
                )
                % {"count": approved}
                + (
                    " "
                    + ngettext(
                        "%(count)d is now adopted by both delegations.",
                        "%(count)d are now adopted by both delegations.",
                        adopted,
                    )
                    % {"count": adopted}
                    if adopted
                    else ""
                ),
                messages.SUCCESS,
            )
