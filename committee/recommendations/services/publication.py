"""Two-key publication: one delegation proposes making a committee record public, the other
confirms (the record becomes public) or rejects with a reason."""

from __future__ import annotations

from typing import Any, cast

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from committee.bilateral import Decision, Visibility
from committee.people.models import User
from committee.recommendations.models import ProgressUpdate, PublicationRequest, UpdateState
from committee.recommendations.services.permissions import may_decide_on_record
from committee.recommendations.services.proposals import decide, writing_language
from committee.recommendations.tasks import announce_proposal
from committee.records import Record
from committee.two_keys import bump as _bump
from committee.two_keys import locked as _locked
from committee.write_paths import through_service


@transaction.atomic
def propose_publication(
    *, record: Record, by: User, reason: str = "", language: str = ""
) -> PublicationRequest:
    """Propose making a committee record public, saying why (in ``language``); the other
    delegation confirms or rejects."""
    if not may_decide_on_record(by, record):
        raise PermissionDenied(_("You may not propose publishing this record."))
    if record.visibility != Visibility.COMMITTEE:
        raise ValidationError(_("Only a record shared with the committee can be made public."))
    if isinstance(record, ProgressUpdate) and record.state != UpdateState.PUBLISHED:
        raise ValidationError(_("Publish the update to the committee first."))
    if PublicationRequest.objects.about(record).pending().exists():
        raise ValidationError(_("A proposal is already waiting for a decision."))
    request = PublicationRequest.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        reason=reason.strip(),
        original_language=writing_language(by, language) if reason.strip() else "",
        proposed_by=by,
        proposed_side=by.side,
    )
    announce_proposal(kind="publication", pk=request.pk)
    return request


@transaction.atomic
@through_service()
def confirm_publication(*, request: PublicationRequest, by: User) -> PublicationRequest:
    """The other delegation's key: the record becomes public."""
    request = decide(request, by=by, decision=Decision.CONFIRMED)
    record: Any = _locked(cast(models.Model, request.record))
    record.visibility = Visibility.PUBLIC
    _bump(record, "visibility")
    return request


@transaction.atomic
@through_service()
def withdraw_publication(*, request: PublicationRequest, by: User) -> PublicationRequest:
    """The proposing delegation takes its proposal back."""
    return decide(request, by=by, decision=Decision.WITHDRAWN)


@transaction.atomic
@through_service()
def reject_publication(
    *, request: PublicationRequest, by: User, reason: str, language: str = ""
) -> PublicationRequest:
    """The other delegation refuses, saying why (in ``language``); the record keeps its
    visibility."""
    return decide(request, by=by, decision=Decision.REJECTED, reason=reason, language=language)
