from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from committee.admin import (
    RECORD_FIELDS,
    CommitteeAdmin,
    RecordAdmin,
    TabularInline,
    translation_fieldsets,
)
from committee.people.models import Organization, Person, PersonAlias, User
from committee.people.signals import end_sessions
from committee.sources.admin import CitationInline

# Permissions follow the user's role and delegation (committee.admin), not Django groups.
admin.site.unregister(Group)
# Login records of the libraries are not filtered by delegation: they stay out of the admin
# (a lost second factor is reset with the action on accounts; lockouts expire by themselves).
# So does the queue of e-mails (TASKS_BACKEND=database): the worker's log tells what failed.
for model in (
    EmailAddress,
    Authenticator,
    UserSession,
    AccessAttempt,
    AccessLog,
    AccessFailureLog,
    DBTaskResult,
):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


class PersonAliasInline(TabularInline):
    model = PersonAlias
    fields = ["name", "language", "normalized"]
    readonly_fields = ["normalized"]
    show_change_link = False


@admin.register(Organization)
class OrganizationAdmin(RecordAdmin):
    list_display = ["acronym", "name", "side", "kind", "parent", "visibility", "needs_review"]
    list_filter = ["side", "kind", *RecordAdmin.list_filter]
    search_fields = ["acronym", "name_ar", "name_es", "name_fr", "name_en"]
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]
    inlines = [CitationInline]
    fieldsets = translation_fieldsets(
        Organization, first=["acronym", "side", "kind", "parent"], last=RECORD_FIELDS
    )


@admin.register(Person)
class PersonAdmin(RecordAdmin):
    list_display = ["name", "organization", "side", "visibility", "needs_review"]
    list_filter = ["side", "organization", *RecordAdmin.list_filter]
    search_fields = ["name_ar", "name_es", "name_fr", "name_en", "aliases__name"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]
    inlines = [PersonAliasInline, CitationInline]
    fieldsets = translation_fieldsets(Person, first=["organization", "side"], last=RECORD_FIELDS)


@admin.register(User)
class UserAdmin(CommitteeAdmin, DjangoUserAdmin):  # type: ignore[misc]
    """Accounts. The secretariat manages its own delegation's; operators manage all."""

    list_display = [
        "username",
        "email",
        "side",
        "role",
        "preferred_language",
        "is_active",
        "last_login",
    ]
    list_filter = ["side", "role", "is_active", "preferred_language"]
    search_fields = ["username", "email", "first_name", "last_name"]
    autocomplete_fields = ["person"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (
            _("Person"),
            {"fields": ("first_name", "last_name", "email", "person", "preferred_language")},
        ),
        (_("Delegation and role"), {"fields": ("side", "role", "is_active", "is_staff")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    operator_fieldsets = (*fieldsets, (_("Operator"), {"fields": ("is_superuser",)}))
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "side", "role", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ["last_login", "date_joined"]
    actions = ["reset_second_factor"]

    @admin.action(description=_("Reset the verification code (set up again at the next login)"))
    def reset_second_factor(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        users = list(queryset)
        Authenticator.objects.filter(user__in=users).delete()
        for user in users:
            end_sessions(user)
        self.message_user(
            request,
            _(
                "Verification code reset for %(count)d accounts; they set it up again at their "
                "next login."
            )
            % {"count": len(users)},
            messages.SUCCESS,
        )

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None and request.user.is_superuser:
            return self.operator_fieldsets
        return super().get_fieldsets(request, obj)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        users = super(CommitteeAdmin, self).get_queryset(request)
        if request.user.is_superuser:
            return users
        return users.filter(side=getattr(request.user, "side", ""), is_superuser=False)

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        side: Any = form.base_fields.get("side")
        own_side = getattr(request.user, "side", "")
        if side is not None and not request.user.is_superuser:
            side.choices = [(value, label) for value, label in side.choices if value == own_side]
        return form
