from __future__ import annotations

from django.contrib import admin

from committee.admin import (
    RECORD_FIELDS,
    RecordAdmin,
    TabularInline,
    translation_fieldsets,
)
from committee.agreements.models import (
    Agreement,
    AgreementBody,
    AgreementParty,
    AgreementRecommendation,
    Mechanism,
    MechanismOrganization,
)
from committee.sources.admin import CitationInline


class PartyInline(TabularInline):
    model = AgreementParty
    autocomplete_fields = ["organization"]
    show_change_link = False


class AgreementRecommendationInline(TabularInline):
    model = AgreementRecommendation
    autocomplete_fields = ["recommendation"]
    show_change_link = False


class AgreementBodyInline(TabularInline):
    model = AgreementBody
    autocomplete_fields = ["body"]
    show_change_link = False


@admin.register(Agreement)
class AgreementAdmin(RecordAdmin):
    list_display = [
        "title",
        "signed_date",
        "signed_precision",
        "place",
        "visibility",
        "needs_review",
    ]
    search_fields = ["title_ar", "title_es", "title_fr", "title_en", "subject_ar", "subject_es"]
    date_hierarchy = "signed_date"
    inlines = [PartyInline, AgreementRecommendationInline, AgreementBodyInline, CitationInline]
    fieldsets = translation_fieldsets(
        Agreement, first=[("signed_date", "signed_precision")], last=RECORD_FIELDS
    )


class MechanismOrganizationInline(TabularInline):
    model = MechanismOrganization
    autocomplete_fields = ["organization"]
    show_change_link = False


@admin.register(Mechanism)
class MechanismAdmin(RecordAdmin):
    list_display = ["name", "kind", "location", "agreement", "visibility", "needs_review"]
    list_filter = ["kind", *RecordAdmin.list_filter]
    search_fields = ["name_ar", "name_es", "name_fr", "name_en", "location_ar", "location_es"]
    date_hierarchy = "established_date"
    autocomplete_fields = ["agreement"]
    list_select_related = ["agreement"]
    inlines = [MechanismOrganizationInline, CitationInline]
    fieldsets = translation_fieldsets(
        Mechanism,
        first=["kind", ("established_date", "established_precision"), "agreement"],
        last=RECORD_FIELDS,
    )
