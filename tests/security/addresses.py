"""Every URL of the URLconf, records of every kind to point them at, and their addresses.

Shared by the URL matrix (tests/security/test_url_matrix.py), the CSRF checks and the kept
pages' tests (tests/web/test_pagecache.py).
"""

from __future__ import annotations

import re

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from committee.meetings.models import Minutes, MinutesApproval
from committee.recommendations.models import Evidence, PeriodCheck, PublicationRequest
from committee.recommendations.services import freeze_report
from committee.sources.models import ImportRun
from tests import factories as f

ADMIN_NAME = re.compile(
    r"^admin:(?P<app>[a-z]+)_(?P<model>[a-z]+)_(?P<view>changelist|add|change|history|delete|import)$"
)


def every_pattern() -> list[tuple[str, str, URLPattern]]:
    """(name, route, pattern) of every pattern; unnamed admin patterns are named by their route."""
    found: list[tuple[str, str, URLPattern]] = []

    def walk(patterns, prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = pattern.name or f"*/{pattern.pattern}"
                if pattern.name is None and not namespace:
                    name = str(pattern.pattern)
                found.append(
                    (
                        f"{namespace}:{name}" if namespace else name,
                        prefix + str(pattern.pattern),
                        pattern,
                    )
                )

    walk(get_resolver().url_patterns, "", "")
    return found


def every_url() -> list[tuple[str, str]]:
    """(name, route) of every pattern."""
    return [(name, route) for name, route, _pattern in every_pattern()]


def one_world(visibility: str, owner) -> dict:
    """Records of every kind, all of one visibility and linked as in real data."""
    v = {"visibility": visibility}
    org = f.OrganizationFactory(**v)
    person = f.PersonFactory(organization=org, **v)
    body = f.BodyFactory(**v)
    meeting = f.MeetingFactory(body=body, **v)
    document = f.DocumentFactory(meeting=meeting, **v)
    document.file.save("minutes.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    recommendation = f.RecommendationFactory(body=body, **v)
    f.AdoptionFactory(recommendation=recommendation, meeting=meeting)
    update = f.ProgressUpdateFactory(
        recommendation=recommendation,
        author=owner,
        side=owner.side,
        state="published",
        published_at=timezone.now(),
        **v,
    )
    evidence = Evidence(
        progress_update=update,
        original_name="a.pdf",
        content_type="application/pdf",
        size=9,
        sha256="0" * 64,
    )
    evidence.file.save("a.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    evidence.save()
    plan = f.ActionPlanFactory(body=body, **v)
    source = f.SourceDocumentFactory(**v)
    agenda_item = f.AgendaItemFactory(meeting=meeting, **v)
    minutes = Minutes.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        language="es",
        text="Acta del punto.",
        drafted_by=owner,
        drafted_side=owner.side,
        **v,
    )
    MinutesApproval.objects.create(minutes=minutes, side=owner.side, approved_by=owner)
    freeze_report(meeting)
    return {
        "organization": org,
        "person": person,
        "personalias": f.PersonAliasFactory(person=person),
        "body": body,
        "membership": f.MembershipFactory(body=body, person=person, **v),
        "meeting": meeting,
        "agendaitem": agenda_item,
        "minutes": minutes,
        "participation": f.ParticipationFactory(meeting=meeting, person=person, **v),
        "statement": f.StatementFactory(meeting=meeting, person=person, **v),
        "document": document,
        "recommendation": recommendation,
        "statuschange": f.StatusChangeFactory(
            recommendation=recommendation, proposed_by=owner, proposed_side=owner.side, **v
        ),
        "progressupdate": update,
        "evidence": evidence,
        "actionplan": plan,
        "action": f.ActionFactory(plan=plan, **v),
        "periodcheck": PeriodCheck.objects.create(
            recommendation=recommendation, year=2015, met=True
        ),
        "agreement": f.AgreementFactory(**v),
        "mechanism": f.MechanismFactory(**v),
        "sourcedocument": source,
        "citation": f.CitationFactory(source=source, record=meeting),
        "importrun": ImportRun.objects.create(
            source=source, status="succeeded", finished_at=timezone.now()
        ),
        "publicationrequest": PublicationRequest.objects.create(
            content_type=ContentType.objects.get_for_model(recommendation),
            object_id=recommendation.pk,
            proposed_by=owner,
            proposed_side=owner.side,
        ),
    }


def url_for(name: str, route: str, world: dict) -> str | None:
    """The address of ``name`` about the records of ``world`` (None: not about such a record)."""
    records = {
        "meeting-detail": ("meeting", lambda r: [r.pk]),
        "meeting-document": ("document", lambda r: [r.meeting_id, r.pk]),
        "meeting-minutes": ("meeting", lambda r: [r.pk]),
        "meeting-report": ("meeting", lambda r: [r.pk]),
        "meeting-report-pdf": ("meeting", lambda r: [r.pk]),
        "body-detail": ("body", lambda r: [r.pk]),
        "body-calendar": ("body", lambda r: [r.pk]),
        "recommendation-detail": ("recommendation", lambda r: [r.reference]),
        "person-detail": ("person", lambda r: [r.pk]),
        "organization-detail": ("organization", lambda r: [r.pk]),
        "agreement-detail": ("agreement", lambda r: [r.pk]),
        "mechanism-detail": ("mechanism", lambda r: [r.pk]),
        "source-detail": ("sourcedocument", lambda r: [r.pk]),
    }
    if name in records:
        key, args = records[name]
        return reverse(name, args=args(world[key]))
    if name == "open-data-csv":
        return reverse(name, args=["recommendations"])
    if name in {"admin:view_on_site", "admin/r/<int:content_type_id>/<path:object_id>/"}:
        record = world["recommendation"]
        return reverse(
            "admin:view_on_site", args=[ContentType.objects.get_for_model(record).pk, record.pk]
        )
    if name.startswith("admin:*/") and "object_id" in route:
        model = re.search(r"admin/(\w+)/(\w+)/", route)
        record = world.get(model.group(2)) if model else None
        return f"/en/admin/{model.group(1)}/{model.group(2)}/{record.pk}/" if record else None
    if name == "admin:*/(?P<url>.*)$":
        return "/en/admin/no/such/page/"
    match = ADMIN_NAME.match(name)
    if match:
        if match["view"] in {"changelist", "add", "import"}:
            return reverse(name)
        record = world.get(match["model"])
        return reverse(name, args=[record.pk]) if record else None
    if name in {"admin:app_list"}:
        return reverse(name, args=["meetings"])
    if name == "admin:autocomplete":
        return reverse(name) + "?app_label=meetings&model_name=agendaitem&field_name=meeting&term=a"
    if name == "admin/login/":
        return "/en/admin/login/"
    if name in {"account_reset_password_from_key", "account_confirm_email"}:
        return None  # need a key that only an e-mail gives; covered in tests/people/test_login.py
    try:
        return reverse(name)
    except Exception:
        return None
