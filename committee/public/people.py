"""Public pages of the people and organisations the records name."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from committee.agreements.models import Agreement, Mechanism
from committee.meetings.models import AgendaItem, Meeting, Participation, Statement
from committee.people.models import Organization, Person
from committee.sources.models import Citation
from committee.subcommittees.models import Membership

PEOPLE_SHOWN = 200


@login_not_required
@require_safe
def person_list(request: HttpRequest) -> HttpResponse:
    viewer = request.user
    people = (
        Person.objects.visible_to(viewer)
        .prefetch_related(Prefetch("organization", Organization.objects.visible_to(viewer)))
        .order_by("name_en", "name_ar", "pk")
    )
    organizations = (
        Organization.objects.visible_to(viewer)
        .prefetch_related(Prefetch("parent", Organization.objects.visible_to(viewer)))
        .order_by("side", "acronym", "name_en", "pk")
    )
    page = Paginator(people, 100).get_page(request.GET.get("page"))
    return render(request, "people/list.html", {"page": page, "organizations": organizations})


@login_not_required
@require_safe
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = request.user
    person = get_object_or_404(
        Person.objects.visible_to(viewer).prefetch_related(
            Prefetch("organization", Organization.objects.visible_to(viewer)), "aliases"
        ),
        pk=pk,
    )
    context = {
        "person": person,
        "memberships": Membership.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("body"),
        "participations": Participation.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("meeting")
        .order_by("-meeting__start_date", "pk"),
        "statements": Statement.objects.visible_to(viewer)
        .filter(person=person)
        .select_related("meeting"),
        "presentations": AgendaItem.objects.visible_to(viewer)
        .filter(presenters=person)
        .select_related("meeting"),
        "citations": Citation.objects.visible_to(viewer, of=person).select_related("source"),
    }
    return render(request, "people/person_detail.html", context)


@login_not_required
@require_safe
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = request.user
    organization = get_object_or_404(
        Organization.objects.visible_to(viewer).prefetch_related(
            Prefetch("parent", Organization.objects.visible_to(viewer))
        ),
        pk=pk,
    )
    context = {
        "organization": organization,
        "units": Organization.objects.visible_to(viewer).filter(parent=organization),
        "people": Person.objects.visible_to(viewer)
        .filter(organization=organization)
        .order_by("name_en", "name_ar", "pk")[:PEOPLE_SHOWN],
        "agreements": Agreement.objects.visible_to(viewer).filter(parties=organization),
        "mechanisms": Mechanism.objects.visible_to(viewer).filter(organizations=organization),
        "meetings": Meeting.objects.visible_to(viewer).filter(organizers=organization)[:100],
        "citations": Citation.objects.visible_to(viewer, of=organization).select_related("source"),
    }
    return render(request, "people/organization_detail.html", context)
