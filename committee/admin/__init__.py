"""What every admin page of the secretariat shares.

- Records load through ``visible_to(request.user)``: a secretariat sees its own delegation's
  private records and the shared ones, never the other delegation's (404 on every admin path).
- Only the secretariat (and operators) may use the admin; members work in the members' area.
- Translatable fields are grouped by field, the Arabic input right-to-left.
- The history page shows the database audit trail (who, when, what, through which path).
- An edit made on a stale copy of a record is refused, not silently applied.
- Two keys everywhere: below an operator, the rule-bearing fields of an existing record (its
  status, completion, visibility, adoption, a published update: each model's ``rule_bearing``,
  ``committee.write_paths``) are read-only on every page and in every inline, whatever the
  page declares; they change through the two-key services, in the members' area. A new record
  chooses its visibility among the levels its author sees. The history page shows only the
  versions of a record the reader could see.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pghistory.models
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from committee.admin.fieldsets import DateOnlyWidget, language_attrs
from committee.admin.fieldsets import translation_fieldsets as translation_fieldsets
from committee.admin.lists import (
    EstimatedCountPaginator,
    MissingTranslationFilter,
    VisibleColumnsChangeList,
    VisibleRelatedFieldListFilter,
    masked_relation,
    visible_records,
    without_jit,
)
from committee.bilateral import ALL_LEVELS, Role, is_visible, visible_levels
from committee.fulltext import search_query
from committee.write_paths import locked_fields, through_service


def is_secretariat(request: HttpRequest) -> bool:
    user = request.user
    secretariat = user.is_superuser or getattr(user, "role", "") == Role.SECRETARIAT
    return bool(user.is_active and user.is_staff and secretariat)


def locked_for(request: HttpRequest, obj: Any) -> frozenset[str]:
    """The rule-bearing fields of ``obj`` the user may not change in the admin: all of them,
    on a saved record, for everyone below an operator."""
    if obj is None or request.user.is_superuser:
        return frozenset()
    return locked_fields(obj)


def two_key_form(form_class: Any, request: HttpRequest) -> Any:
    """``form_class`` whose rule-bearing fields are disabled on a saved record: what is posted
    for them is ignored, the saved value kept. The guarantee under every page's own
    ``readonly_fields`` (and of each row of an inline, which may be a published update in one
    row and a draft in the next)."""
    if request.user.is_superuser:
        return form_class

    class TwoKeyForm(form_class):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            for name in locked_fields(self.instance) & set(self.fields):
                self.fields[name].disabled = True

    TwoKeyForm.__name__ = TwoKeyForm.__qualname__ = form_class.__name__
    return TwoKeyForm


class VersionedForm(forms.ModelForm):  # type: ignore[type-arg]
    """Refuses to save over a change someone else saved since this form was opened."""

    seen_version = forms.IntegerField(
        label=_("Version seen"), widget=forms.HiddenInput, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and "version" in {
            f.name for f in self.instance._meta.fields
        }:
            self.fields["seen_version"].initial = self.instance.version

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        instance = self.instance
        seen = cleaned.get("seen_version")
        if instance.pk is None or seen is None:
            return cleaned
        current = (
            type(instance)
            ._default_manager.select_for_update()  # type: ignore[attr-defined]
            .filter(pk=instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is not None and current != seen:
            raise forms.ValidationError(
                _(
                    "Someone else saved this record after you opened it (version %(seen)s, now "
                    "%(current)s). Your changes were not saved: open the record again, then "
                    "re-apply them."
                ),
                code="stale",
                params={"seen": seen, "current": current},
            )
        return cleaned

    def save(self, commit: bool = True) -> Any:
        if self.instance.pk is not None and hasattr(self.instance, "version"):
            self.instance.version += 1
        return super().save(commit=commit)


#: How a change reached the database, as the history page names it.
AUDIT_PATHS = {
    "web": _("website"),
    "admin": _("administration"),
    "command": _("command"),
    "shell": _("shell"),
    "database": _("directly in the database"),
}

RECORD_FIELDS = (
    "visibility",
    "original_language",
    "needs_review",
    "created_at",
    "updated_at",
    "version",
)


class SecretariatOnly:
    """Admin permissions follow the role: the secretariat and operators, nobody else."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_secretariat(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_secretariat(request)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return is_secretariat(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_secretariat(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_secretariat(request)


class VisibleFormFields:
    """Choices in foreign-key and many-to-many inputs are limited to what the user may see."""

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        kwargs.setdefault(
            "queryset",
            visible_records(db_field.remote_field.model._default_manager.all(), request.user),
        )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        kwargs.setdefault(
            "queryset",
            visible_records(db_field.remote_field.model._default_manager.all(), request.user),
        )
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)  # type: ignore[misc]
        if db_field.name == "visibility" and formfield is not None and db_field.choices:
            # A new record is made visible to no level its author may not see.
            levels = visible_levels(request.user)
            formfield.choices = [
                (value, label) for value, label in formfield.choices if not value or value in levels
            ]
        if formfield is not None and type(formfield.widget) is widgets.AdminDateWidget:
            formfield.widget = DateOnlyWidget(formfield.widget.attrs)
        attrs = language_attrs(db_field.name)
        if formfield is not None and attrs:
            formfield.widget.attrs.update(attrs)
            if isinstance(formfield.widget, forms.Textarea):
                formfield.widget.attrs.setdefault("rows", 3)
        return formfield


def hidden_relations(request: HttpRequest, obj: Any) -> set[str]:
    """The foreign keys of ``obj`` that point at a record the user may not see."""
    if obj is None:
        return set()
    return {
        field.name
        for field in obj._meta.concrete_fields
        if field.many_to_one
        and getattr(obj, field.attname) is not None
        and not is_visible(request.user, getattr(obj, field.name))
    }


class CommitteeAdmin(SecretariatOnly, VisibleFormFields, admin.ModelAdmin):  # type: ignore[type-arg]
    """The base of every ModelAdmin here.

    A changelist page costs a fixed, small number of queries whatever the number of rows
    (``committee.admin.lists``): facet counts only when asked for (each is an aggregate per
    filter, most of the page's time at 100,000 rows), no count of the whole table beside the
    filtered one, a count that stops at ``EXACT_COUNT_LIMIT`` and then estimates, and columns
    that name a related record load it with the row (each page's ``list_select_related``).
    Large tables have no date hierarchy: listing its years reads every row.
    """

    form = VersionedForm
    show_facets = admin.ShowFacets.ALLOW
    show_full_result_count = False
    list_per_page = 50
    view_on_site = True
    object_history_template = "admin/audit_history.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return visible_records(super().get_queryset(request), request.user)

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[VisibleColumnsChangeList]:
        return VisibleColumnsChangeList

    def get_paginator(
        self,
        request: HttpRequest,
        queryset: QuerySet[Any],
        per_page: int,
        orphans: int = 0,
        allow_empty_first_page: bool = True,
    ) -> EstimatedCountPaginator:
        """Below an operator, an estimate is rescaled from the records of the reader's levels."""
        levels = visible_levels(request.user)
        has_levels = any(field.name == "visibility" for field in self.model._meta.concrete_fields)
        rescale = (
            (
                self.get_queryset(request),
                self.model._default_manager.filter(visibility__in=sorted(levels)),
            )
            if has_levels and levels != ALL_LEVELS
            else None
        )
        return EstimatedCountPaginator(
            queryset, per_page, orphans, allow_empty_first_page, rescale=rescale
        )

    def get_search_results(self, request: HttpRequest, queryset: QuerySet[Any], term: str) -> Any:
        """Records with a search vector found as the site finds them, and by ``search_fields``."""
        found, duplicates = super().get_search_results(request, queryset, term)
        query = search_query(term) if hasattr(self.model, "search_vector") else None
        if query is None:
            return found, duplicates
        return queryset.filter(Q(search_vector=query) | Q(pk__in=found.values("pk"))), False

    def get_list_display(self, request: HttpRequest) -> Sequence[Any]:
        """Columns naming a related record mask it when the user may not see it."""
        relations = {
            field.name: field for field in self.model._meta.concrete_fields if field.many_to_one
        }
        return [
            masked_relation(relations[name], request.user)
            if isinstance(name, str) and name in relations
            else name
            for name in super().get_list_display(request)
        ]

    def get_list_filter(self, request: HttpRequest) -> Sequence[Any]:
        """Filters on a related record offer only the records the user may see."""
        relations = {
            field.name
            for field in self.model._meta.get_fields()
            if field.is_relation and not field.auto_created
        }
        return [
            (name, VisibleRelatedFieldListFilter)
            if isinstance(name, str) and name in relations
            else name
            for name in super().get_list_filter(request)
        ]

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        """A link to a record the user may not see is neither shown nor lost: it is left out of
        the form, so saving keeps it as it is."""
        fieldsets = super().get_fieldsets(request, obj)
        hidden = hidden_relations(request, obj)
        if not hidden:
            return fieldsets

        def keep(field: Any) -> Any:
            if isinstance(field, (list, tuple)):
                kept = [name for name in field if name not in hidden]
                return tuple(kept) if kept else None
            return None if field in hidden else field

        return [
            (title, {**options, "fields": [f for f in map(keep, options["fields"]) if f]})
            for title, options in fieldsets
        ]

    def _get_obj_does_not_exist_redirect(
        self, request: HttpRequest, opts: Any, object_id: str
    ) -> HttpResponse:
        # A record the user may not see does not exist for them: 404, as everywhere else.
        raise Http404(_("No such record."))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Sequence[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        own = {field.name for field in self.model._meta.fields}
        readonly += [
            name
            for name in ("created_at", "updated_at", "version", *sorted(locked_for(request, obj)))
            if name in own and name not in readonly
        ]
        return readonly

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        return two_key_form(super().get_form(request, obj, change=change, **kwargs), request)

    def get_changelist_form(self, request: HttpRequest, **kwargs: Any) -> Any:
        return two_key_form(super().get_changelist_form(request, **kwargs), request)

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        without_jit()
        return super().changelist_view(request, extra_context)

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: Any = None,
    ) -> HttpResponse:
        """An operator's correction of a rule-bearing field passes the database's guard, marked
        as the operator's (the audit trail names who)."""
        if not request.user.is_superuser:
            return super().changeform_view(request, object_id, form_url, extra_context)
        with through_service("operator"):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def history_rows(self, request: HttpRequest, obj: Any) -> list[dict[str, Any]]:
        """The audit events of ``obj`` the user may read, newest first.

        A version is shown only if the record was visible to the user at that version (and it
        is now, or the page would be 404). The values a shown version replaced are masked when
        the version before it was not visible to the user.
        """
        events = list(
            pghistory.models.Events.objects.tracks(obj).order_by("pgh_created_at", "pgh_id")  # type: ignore[no-untyped-call]
        )
        levels = visible_levels(request.user)
        hidden = str(_("(not shared with you)"))
        shown: list[tuple[Any, list[tuple[str, Any]]]] = []
        seen_before = True
        for event in events:
            level = (event.pgh_data or {}).get("visibility")
            seen = level is None or level in levels
            if seen:
                changes = sorted((event.pgh_diff or {}).items())
                if not seen_before:
                    changes = [(field, [hidden, change[1]]) for field, change in changes]
                shown.append((event, changes))
            seen_before = seen
        user_ids = {(event.pgh_context or {}).get("user") for event, _changes in shown}
        users = {
            user.pk: user
            for user in get_user_model()._default_manager.filter(pk__in=[u for u in user_ids if u])
        }
        return [
            {
                "event": event,
                "user": users.get((event.pgh_context or {}).get("user", 0)),
                "path": AUDIT_PATHS.get(
                    (event.pgh_context or {}).get("path", "database"), _("database")
                ),
                "command": (event.pgh_context or {}).get("command", ""),
                "url": (event.pgh_context or {}).get("url", ""),
                "changes": changes,
            }
            for event, changes in reversed(shown)
        ]

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: Any = None
    ) -> HttpResponse:
        obj = self.get_object(request, object_id)
        if obj is None or not is_visible(request.user, obj):
            raise Http404(_("No such record."))
        rows = self.history_rows(request, obj)
        context = {
            **self.admin_site.each_context(request),
            "title": _("History: %s") % obj,
            "subtitle": None,
            "object": obj,
            "rows": rows,
            "opts": self.model._meta,
            "app_label": self.model._meta.app_label,
            "module_name": str(self.model._meta.verbose_name_plural).capitalize(),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)


class RecordAdmin(CommitteeAdmin):
    """For models carrying ``committee.records.Record``'s fields."""

    actions = ["mark_reviewed"]
    list_filter: Sequence[Any] = ("visibility", "needs_review", MissingTranslationFilter)

    @admin.action(description=_("Mark the selected records as reviewed"))
    def mark_reviewed(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        count = queryset.filter(needs_review=True).update(
            needs_review=False, version=F("version") + 1
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d record marked as reviewed.",
                "%(count)d records marked as reviewed.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


class VisibleInlineMixin(SecretariatOnly, VisibleFormFields):
    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return visible_records(super().get_queryset(request), request.user)  # type: ignore[misc]

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        """Each saved row keeps its rule-bearing fields, as on the record's own page."""
        formset = super().get_formset(request, obj, **kwargs)  # type: ignore[misc]
        formset.form = two_key_form(formset.form, request)
        return formset


class TabularInline(VisibleInlineMixin, admin.TabularInline):  # type: ignore[type-arg]
    extra = 0
    show_change_link = True


class StackedInline(VisibleInlineMixin, admin.StackedInline):  # type: ignore[type-arg]
    extra = 0
    show_change_link = True


def view_on_site(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    """The admin's "view on site" link, for records the user may see only.

    Django's own shortcut redirects to any record's address, which would tell the secretariat
    of one delegation the reference of the other's private records.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    if model is None or not hasattr(model, "get_absolute_url"):
        raise Http404(_("No such record."))
    records = visible_records(model._default_manager.all(), request.user)
    record = records.filter(pk=object_id).first() if str(object_id).isdigit() else None
    if record is None:
        raise Http404(_("No such record."))
    return HttpResponseRedirect(record.get_absolute_url())
