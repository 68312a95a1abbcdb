"""The recommendations' admin, and the meetings' admin completed with the follow-up.

Meetings sit below recommendations: ``committee.meetings.admin.MeetingAdmin`` knows nothing of
them and is not registered there. ``MeetingAdmin`` here subclasses it with the standing
recommendations checked at the meeting and holding a meeting (which freezes its follow-up
report, ``services.hold_meeting``), and registers it. An app that adds to a lower app's admin
does the same: subclass, then register.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from committee.admin import (
    RECORD_FIELDS,
    CommitteeAdmin,
    RecordAdmin,
    StackedInline,
    TabularInline,
    translation_fieldsets,
)
from committee.admin.lists import masked_relation
from committee.meetings import admin as meetings_admin
from committee.meetings.models import Meeting, MeetingStatus
from committee.recommendations import services
from committee.recommendations.models import (
    Action,
    ActionPlan,
    ActionRecommendation,
    Adoption,
    Evidence,
    PeriodCheck,
    PlanRecommendation,
    ProgressUpdate,
    Recommendation,
    RecommendationRelation,
    StatusChange,
)
from committee.sources.admin import CitationInline


class AdoptionInline(TabularInline):
    model = Adoption
    autocomplete_fields = ["meeting"]
    show_change_link = False


class RelationInline(TabularInline):
    model = RecommendationRelation
    fk_name = "source"
    autocomplete_fields = ["target"]
    show_change_link = False


class StatusChangeInline(TabularInline):
    """The two-key history; decisions are taken in the members' area, not edited here."""

    model = StatusChange
    fk_name = "recommendation"
    fields = [
        "from_status",
        "to_status",
        "superseded_by",
        "proposed_by",
        "proposed_side",
        "proposed_at",
        "decision",
        "decided_by",
        "decided_side",
        "decided_at",
        "decision_reason",
    ]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def _masked(self, request: HttpRequest, names: Any) -> list[Any]:
        """``superseded_by`` as a column that names the successor only to who may see it; one
        callable per request, so that the fields and the read-only fields name the same one."""
        masked = getattr(request, "_masked_successor", None)
        if masked is None:
            field = StatusChange._meta.get_field("superseded_by")
            masked = masked_relation(field, request.user)
            request._masked_successor = masked  # type: ignore[attr-defined]
        return [masked if name == "superseded_by" else name for name in names]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self._masked(request, super().get_fields(request, obj))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self._masked(request, super().get_readonly_fields(request, obj))


class ProgressUpdateInline(StackedInline):
    model = ProgressUpdate
    fields = [
        "side",
        "author",
        "as_of",
        "state",
        "proposed_completion",
        ("narrative_ar", "narrative_es", "narrative_fr", "narrative_en"),
        "visibility",
    ]
    readonly_fields = ["side", "author", "as_of", "state", "published_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


class PeriodCheckInline(TabularInline):
    model = PeriodCheck
    autocomplete_fields = ["meeting"]
    show_change_link = False


@admin.register(Recommendation)
class RecommendationAdmin(RecordAdmin):
    list_display = [
        "reference",
        "text",
        "status",
        "completion",
        "kind",
        "theme",
        "lead_side",
        "body",
        "due_date",
        "visibility",
        "needs_review",
    ]
    list_filter = [
        "status",
        "completion",
        "kind",
        "theme",
        "lead_side",
        "priority",
        "body",
        *RecordAdmin.list_filter,
    ]
    search_fields = ["reference", "text_ar", "text_es", "text_fr", "text_en"]
    autocomplete_fields = ["body", "parent"]
    list_select_related = ["body"]
    inlines = [
        AdoptionInline,
        RelationInline,
        StatusChangeInline,
        ProgressUpdateInline,
        PeriodCheckInline,
        CitationInline,
    ]
    fieldsets = translation_fieldsets(
        Recommendation,
        first=[
            "reference",
            "kind",
            "theme",
            "lead_side",
            "body",
            "parent",
            "priority",
            "due_date",
            "status",
            "completion",
            "status_reason",
        ],
        last=RECORD_FIELDS,
    )


@admin.register(StatusChange)
class StatusChangeAdmin(RecordAdmin):
    list_display = [
        "recommendation",
        "from_status",
        "to_status",
        "proposed_side",
        "proposed_at",
        "decision",
        "decided_side",
        "decided_at",
    ]
    list_filter = ["decision", "proposed_side", "to_status"]
    search_fields = ["recommendation__reference", "reason", "decision_reason"]
    list_select_related = ["recommendation"]
    readonly_fields = [
        "recommendation",
        "from_status",
        "to_status",
        "proposed_completion",
        "reason",
        "superseded_by",
        "proposed_by",
        "proposed_side",
        "proposed_at",
        "decision",
        "decided_by",
        "decided_side",
        "decided_at",
        "decision_reason",
    ]
    fields = [*readonly_fields, *RECORD_FIELDS]

    def has_add_permission(self, request, *args):  # type: ignore[no-untyped-def]
        return False


class EvidenceInline(TabularInline):
    model = Evidence
    fields = ["original_name", "content_type", "size", "sha256", "uploaded_at"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(RecordAdmin):
    list_display = [
        "recommendation",
        "side",
        "author",
        "as_of",
        "state",
        "proposed_completion",
        "visibility",
    ]
    list_filter = ["side", "state", "proposed_completion", *RecordAdmin.list_filter]
    search_fields = [
        "recommendation__reference",
        "narrative_ar",
        "narrative_es",
        "narrative_fr",
        "narrative_en",
    ]
    list_select_related = ["recommendation", "author__person"]
    autocomplete_fields = ["recommendation", "corrects"]
    readonly_fields = ["author", "published_at"]
    inlines = [EvidenceInline]
    fieldsets = translation_fieldsets(
        ProgressUpdate,
        first=[
            "recommendation",
            "side",
            "author",
            "as_of",
            "proposed_completion",
            "state",
            "published_at",
            "corrects",
        ],
        last=RECORD_FIELDS,
    )


class PlanRecommendationInline(TabularInline):
    model = PlanRecommendation
    autocomplete_fields = ["recommendation"]
    show_change_link = False


class ActionInline(StackedInline):
    model = Action
    fields = [
        ("text_ar", "text_es", "text_fr", "text_en"),
        "lead_side",
        "owner",
        "due_date",
        "status",
        "visibility",
    ]
    autocomplete_fields = ["owner"]


@admin.register(ActionPlan)
class ActionPlanAdmin(RecordAdmin):
    list_display = [
        "title",
        "period_start",
        "period_end",
        "body",
        "adopted_at",
        "visibility",
        "needs_review",
    ]
    list_filter = ["body", *RecordAdmin.list_filter]
    search_fields = ["title_ar", "title_es", "title_fr", "title_en"]
    autocomplete_fields = ["body", "adopted_at"]
    list_select_related = ["body", "adopted_at"]
    inlines = [PlanRecommendationInline, ActionInline, CitationInline]
    fieldsets = translation_fieldsets(
        ActionPlan, first=["period_start", "period_end", "body", "adopted_at"], last=RECORD_FIELDS
    )


class ActionRecommendationInline(TabularInline):
    model = ActionRecommendation
    autocomplete_fields = ["recommendation"]
    show_change_link = False


@admin.register(Action)
class ActionAdmin(RecordAdmin):
    list_display = ["text", "plan", "lead_side", "owner", "due_date", "status", "visibility"]
    list_filter = ["status", "lead_side", *RecordAdmin.list_filter]
    search_fields = ["text_ar", "text_es", "text_fr", "text_en"]
    date_hierarchy = "due_date"
    autocomplete_fields = ["plan", "owner"]
    list_select_related = ["plan", "owner"]
    inlines = [ActionRecommendationInline]
    fieldsets = translation_fieldsets(
        Action, first=["plan", "lead_side", "owner", "due_date", "status"], last=RECORD_FIELDS
    )


@admin.register(Evidence)
class EvidenceAdmin(CommitteeAdmin):
    """Evidence files are uploaded with their progress update in the members' area."""

    list_display = ["original_name", "progress_update", "content_type", "size", "uploaded_at"]
    search_fields = ["original_name", "progress_update__recommendation__reference"]
    list_select_related = ["progress_update__recommendation"]
    readonly_fields = [
        "progress_update",
        "original_name",
        "content_type",
        "size",
        "sha256",
        "uploaded_at",
    ]

    def get_queryset(self, request):  # type: ignore[no-untyped-def]
        visible = ProgressUpdate.objects.visible_to(request.user)
        return super().get_queryset(request).filter(progress_update__in=visible)

    def has_add_permission(self, request, *args):  # type: ignore[no-untyped-def]
        return False


# --- Meetings, with their follow-up -------------------------------------------------------------


class MeetingPeriodCheckInline(TabularInline):
    """Standing recommendations checked at this meeting: «annual meeting held in 2015: yes»."""

    model = PeriodCheck
    fk_name = "meeting"
    fields = ["recommendation", "year", "met", "note"]
    autocomplete_fields = ["recommendation"]
    show_change_link = False
    verbose_name_plural = gettext_lazy("standing recommendations checked at this meeting")


_CHECKS_AT = meetings_admin.MeetingAdmin.inlines.index(meetings_admin.DocumentInline) + 1


@admin.register(Meeting)
class MeetingAdmin(meetings_admin.MeetingAdmin):
    """The meetings' admin with the follow-up: standing recommendations checked at the meeting
    (after its documents) and holding, which freezes the follow-up report."""

    inlines = [
        *meetings_admin.MeetingAdmin.inlines[:_CHECKS_AT],
        MeetingPeriodCheckInline,
        *meetings_admin.MeetingAdmin.inlines[_CHECKS_AT:],
    ]
    actions = [*meetings_admin.MeetingAdmin.actions, "hold_and_freeze"]

    def save_model(self, request: HttpRequest, obj: Meeting, form: Any, change: bool) -> None:
        """A planned meeting saved as held is saved as it was, still planned, then held by
        ``services.hold_meeting``, which freezes its follow-up report."""
        holds = (
            change
            and form.initial.get("status") == MeetingStatus.PLANNED
            and obj.status == MeetingStatus.HELD
        )
        if holds:
            obj.refresh_from_db(fields=["status"])  # the form does not hold a meeting
        super().save_model(request, obj, form, change)
        if holds:
            services.hold_meeting(obj, by=request.user)  # type: ignore[arg-type]
            obj.refresh_from_db(fields=["status", "version", "updated_at"])
            self.message_user(
                request, _("The follow-up report of this meeting is frozen."), messages.SUCCESS
            )

    @admin.action(description=gettext_lazy("Mark as held and freeze the follow-up report"))
    def hold_and_freeze(self, request: HttpRequest, queryset: QuerySet[Meeting]) -> None:
        held = 0
        for meeting in queryset:
            try:
                services.hold_meeting(meeting, by=request.user)  # type: ignore[arg-type]
            except ValidationError as error:
                self.message_user(request, f"{meeting}: {' '.join(error.messages)}", messages.ERROR)
            else:
                held += 1
        if held:
            self.message_user(
                request,
                ngettext(
                    "%(count)d meeting held; its follow-up report is frozen.",
                    "%(count)d meetings held; their follow-up reports are frozen.",
                    held,
                )
                % {"count": held},
                messages.SUCCESS,
            )
