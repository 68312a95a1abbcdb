"""Public pages of agreements and of the standing cooperation mechanisms."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from committee.agreements.models import Agreement, Mechanism
from committee.people.models import Organization
from committee.recommendations.models import Recommendation
from committee.sources.models import Citation
from committee.subcommittees.models import Body


@login_not_required
@require_safe
def agreement_list(request: HttpRequest) -> HttpResponse:
    viewer = request.user
    parties = Prefetch("parties", Organization.objects.visible_to(viewer))
    context = {
        "agreements": Agreement.objects.visible_to(viewer)
        .prefetch_related(parties)
        .order_by("-signed_date", "pk"),
        "mechanisms": Mechanism.objects.visible_to(viewer)
        .select_related("agreement")
        .order_by("kind", "name_en", "name_ar", "pk"),
    }
    return render(request, "agreements/list.html", context)


@login_not_required
@require_safe
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = request.user
    agreement = get_object_or_404(
        Agreement.objects.visible_to(viewer).prefetch_related(
            Prefetch("parties", Organization.objects.visible_to(viewer))
        ),
        pk=pk,
    )
    context = {
        "agreement": agreement,
        "recommendations": Recommendation.objects.visible_to(viewer)
        .filter(agreements=agreement)
        .for_listing()
        .order_by("reference")[:100],
        "bodies": Body.objects.visible_to(viewer).filter(agreements=agreement),
        "mechanisms": Mechanism.objects.visible_to(viewer).filter(agreement=agreement),
        "citations": Citation.objects.visible_to(viewer, of=agreement).select_related("source"),
    }
    return render(request, "agreements/agreement_detail.html", context)


@login_not_required
@require_safe
def mechanism_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = request.user
    mechanism = get_object_or_404(
        Mechanism.objects.visible_to(viewer)
        .select_related("agreement")
        .prefetch_related(Prefetch("organizations", Organization.objects.visible_to(viewer))),
        pk=pk,
    )
    context = {
        "mechanism": mechanism,
        "citations": Citation.objects.visible_to(viewer, of=mechanism).select_related("source"),
    }
    return render(request, "agreements/mechanism_detail.html", context)
