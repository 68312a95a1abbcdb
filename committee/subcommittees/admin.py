from __future__ import annotations

from django.contrib import admin

from committee.admin import (
    RECORD_FIELDS,
    RecordAdmin,
    TabularInline,
    translation_fieldsets,
)
from committee.sources.admin import CitationInline
from committee.subcommittees.models import Body, Membership


class MembershipInline(TabularInline):
    model = Membership
    fields = ["person", "side", "role", "start_date", "end_date", "visibility"]
    autocomplete_fields = ["person"]


@admin.register(Body)
class BodyAdmin(RecordAdmin):
    list_display = [
        "name",
        "kind",
        "status",
        "parent",
        "established_date",
        "visibility",
        "needs_review",
    ]
    list_filter = ["kind", "status", *RecordAdmin.list_filter]
    search_fields = ["name_ar", "name_es", "name_fr", "name_en", "mandate_ar", "mandate_es"]
    date_hierarchy = "established_date"
    list_select_related = ["parent"]
    autocomplete_fields = ["parent", "created_at_meeting", "created_by_recommendation"]
    inlines = [MembershipInline, CitationInline]
    fieldsets = translation_fieldsets(
        Body,
        first=[
            "kind",
            "status",
            "parent",
            "established_date",
            "established_precision",
            "created_at_meeting",
            "created_by_recommendation",
        ],
        last=RECORD_FIELDS,
    )


@admin.register(Membership)
class MembershipAdmin(RecordAdmin):
    list_display = ["person", "body", "side", "role", "start_date", "end_date", "visibility"]
    list_filter = ["side", "role", "body", "visibility", "needs_review"]
    search_fields = [
        "person__name_ar",
        "person__name_es",
        "person__name_en",
        "body__name_ar",
        "body__name_es",
    ]
    autocomplete_fields = ["person", "body"]
    list_select_related = ["person", "body"]
    fields = ["body", "person", "side", "role", "start_date", "end_date", *RECORD_FIELDS]
