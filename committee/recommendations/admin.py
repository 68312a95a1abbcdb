from __future__ import annotations

from django.contrib import admin

from committee.admin import (
    RECORD_FIELDS,
    CommitteeAdmin,
    RecordAdmin,
    StackedInline,
    TabularInline,
    translation_fieldsets,
)
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
    date_hierarchy = "due_date"
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
    date_hierarchy = "proposed_at"
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
    date_hierarchy = "as_of"
    list_select_related = ["recommendation", "author"]
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
    date_hierarchy = "uploaded_at"
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
        return (
            super()
            .get_queryset(request)
            .filter(progress_update__in=visible)
            .select_related("progress_update__recommendation")
        )

    def has_add_permission(self, request, *args):  # type: ignore[no-untyped-def]
        return False
