"""Progress updates: a delegation drafts, edits and publishes its own (corrections are new ones)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from committee.bilateral import SIDE_VISIBILITY, Side, Visibility
from committee.languages import CODES
from committee.people.models import User
from committee.recommendations.models import (
    Evidence,
    ProgressUpdate,
    Recommendation,
    UpdateState,
)
from committee.recommendations.services.permissions import require_actionable as _require_actionable
from committee.two_keys import bump as _bump
from committee.two_keys import locked as _locked
from committee.two_keys import require_version as _require_version
from committee.uploads import MAX_EVIDENCE_FILES, CheckedFile
from committee.write_paths import through_service


def allowed_visibilities(user: User) -> list[Visibility]:
    """A member publishes for everyone, for the committee, or for their own delegation only."""
    own = SIDE_VISIBILITY.get(Side(user.side)) if user.side in Side.values else None
    return [Visibility.PUBLIC, Visibility.COMMITTEE, *([own] if own else [])]


def _write_narrative(update: ProgressUpdate, narrative: str, language: str) -> None:
    if language not in CODES:
        raise ValidationError({"language": _("Choose one of the site's languages.")})
    if not narrative.strip():
        raise ValidationError({"narrative": _("Describe the progress.")})
    for code in CODES:
        setattr(update, f"narrative_{code}", narrative.strip() if code == language else "")
    update.original_language = language


def _check_visibility(user: User, visibility: str) -> None:
    if visibility not in allowed_visibilities(user):
        raise ValidationError({"visibility": _("You may not choose this visibility.")})


def _attach(update: ProgressUpdate, files: Sequence[CheckedFile]) -> None:
    if update.evidence.count() + len(files) > MAX_EVIDENCE_FILES:
        raise ValidationError(
            {"evidence": _("At most %(n)d files per update.") % {"n": MAX_EVIDENCE_FILES}}
        )
    for checked in files:
        evidence = Evidence(
            progress_update=update,
            original_name=checked.original_name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
        )
        evidence.file.save(checked.original_name, checked.upload, save=False)
        evidence.save()


@transaction.atomic
def record_progress(
    *,
    recommendation: Recommendation,
    author: User,
    as_of: dt.date,
    narrative: str,
    language: str,
    proposed_completion: str = "",
    visibility: str = Visibility.COMMITTEE,
    corrects: ProgressUpdate | None = None,
    evidence: Sequence[CheckedFile] = (),
) -> ProgressUpdate:
    """A draft progress update by ``author`` for their delegation (publish it to share it)."""
    _require_actionable(author, recommendation)
    _check_visibility(author, visibility)
    if corrects is not None and (
        corrects.recommendation_id != recommendation.pk or corrects.state != UpdateState.PUBLISHED
    ):
        raise ValidationError(_("Only a published update of this recommendation can be corrected."))
    update = ProgressUpdate(
        recommendation=recommendation,
        side=author.side,
        author=author,
        as_of=as_of,
        proposed_completion=proposed_completion,
        visibility=visibility,
        corrects=corrects,
    )
    _write_narrative(update, narrative, language)
    update.full_clean(exclude=["author", "recommendation", "corrects"])
    update.save()
    _attach(update, evidence)
    return update


def _require_own_draft(update: ProgressUpdate, by: User) -> None:
    if update.author_id != by.pk:
        raise PermissionDenied(_("Only its author may change a draft."))
    if update.state != UpdateState.DRAFT:
        raise ValidationError(
            _("A published update cannot be changed; publish a correction instead.")
        )


@transaction.atomic
@through_service()
def edit_progress(
    *,
    update: ProgressUpdate,
    by: User,
    seen_version: int | None,
    as_of: dt.date,
    narrative: str,
    language: str,
    proposed_completion: str = "",
    visibility: str = Visibility.COMMITTEE,
    evidence: Sequence[CheckedFile] = (),
) -> ProgressUpdate:
    """Change a draft. Refused on a published update and on a copy older than the saved one."""
    update = _locked(update)
    _require_own_draft(update, by)
    _require_actionable(by, update.recommendation)
    _require_version(update, seen_version)
    _check_visibility(by, visibility)
    update.as_of = as_of
    update.proposed_completion = proposed_completion
    update.visibility = visibility
    _write_narrative(update, narrative, language)
    update.full_clean(exclude=["author", "recommendation", "corrects"])
    update.version += 1
    update.save()
    _attach(update, evidence)
    return update


@transaction.atomic
@through_service()
def publish_progress(
    *, update: ProgressUpdate, by: User, seen_version: int | None = None
) -> ProgressUpdate:
    """Publish a draft; from then on it is immutable (corrections are new updates)."""
    update = _locked(update)
    _require_own_draft(update, by)
    _require_actionable(by, update.recommendation)
    _require_version(update, seen_version)
    update.state = UpdateState.PUBLISHED
    update.published_at = timezone.now()
    _bump(update, "state", "published_at")
    return update
