"""Importing an article: one transaction, one at a time, and nothing written unless it is new."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection
from pathlib import Path

import pghistory
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from committee.bilateral import Role, Visibility
from committee.importer.extraction import extract, extraction_to_dict
from committee.importer.models import ProposalState, ProposedChange, shown
from committee.importer.reading import Article, ArticleRefused, check_text, read_article
from committee.importer.recording import ArticleRecorder
from committee.importer.recording.base import as_json
from committee.importer.report import Change, ImportReport
from committee.importer.review import split
from committee.importer.translation_memory import TranslationMemory
from committee.meetings.models import Meeting
from committee.people.models import User
from committee.recommendations.services import hold_meeting
from committee.sources.addresses import validate_web_address
from committee.sources.models import ImportRun, ImportStatus, SourceDocument, text_digest
from committee.subcommittees.models import Body
from committee.subcommittees.services import activate
from committee.two_keys import bump
from committee.write_paths import through_service

#: The key of the advisory lock that lets one import run at a time (another is refused).
IMPORT_LOCK = 0x636F6D6D  # "comm"


class _DryRun(Exception):
    pass


def translation_memory() -> TranslationMemory:
    return TranslationMemory.load(Path(settings.TRANSLATION_MEMORY))


def import_article(
    *,
    article: Article,
    published: dt.date | None = None,
    url: str = "",
    title: str = "",
    publisher: str = "",
    visibility: str = Visibility.PUBLIC,
    dry_run: bool = False,
    user: User | None = None,
    memory: TranslationMemory | None = None,
    accepted: Collection[str] = (),
) -> ImportReport:
    """Turn ``article`` into records that cite its words, or refuse it (``ArticleRefused``).

    All-or-nothing (one transaction), one import at a time (an advisory lock; an import
    started while another runs is refused and writes nothing), and idempotent: importing the
    same article again finds every record it made and writes nothing, not even an
    ``ImportRun``. Doubtful facts are not recorded but suggested (``report.suggested``,
    ``committee.importer.review``) unless their keys are in ``accepted``.
    """
    check_text(article.text, label=article.file_name or "the article")
    check_address(url)
    if visibility not in Visibility.values:
        raise ArticleRefused(f"unknown visibility {visibility!r}.")
    extraction = extract(article.text, published=published)
    report = ImportReport(
        file_name=article.file_name, dry_run=dry_run, notes=[*article.notes, *extraction.warnings]
    )
    report.extraction = extraction_to_dict(extraction)
    if not extraction.language_supported:
        raise ArticleRefused(
            f"{article.file_name or 'the article'} is in a language the importer does not read "
            f"({extraction.language}); Arabic, French and Spanish articles are imported."
        )
    if not extraction.is_relevant:
        raise ArticleRefused(
            f"{article.file_name or 'the article'} reports nothing the committee tracks (no "
            "meeting, "
            "body, recommendation, agreement or cooperation mechanism of the two police services)."
        )
    try:
        kept, report.suggested = split(extraction, accepted)
    except ValueError as unknown:
        raise ArticleRefused(
            f"{unknown} is not a suggestion of {article.file_name or 'the article'}; "
            "nothing was saved."
        ) from None
    try:
        with (
            pghistory.context(operation="import_article", article=article.file_name or "(pasted)"),
            transaction.atomic(),
        ):
            _refuse_concurrent_imports()
            source, created = _source(
                article,
                language=extraction.language,
                published=published,
                url=url,
                title=title,
                publisher=publisher,
                visibility=visibility,
            )
            if created:
                report.created.append(Change.of(source))
            report.source = source.pk
            ArticleRecorder(
                source=source,
                article=kept,
                memory=memory or translation_memory(),
                report=report,
            ).record_all()
            report.status = (
                ImportStatus.SUCCEEDED if report.wrote_anything else ImportStatus.UNCHANGED
            )
            if dry_run:
                raise _DryRun
            if report.wrote_anything:
                _record_run(report, source=source, user=user)
    except _DryRun:
        pass
    return report


def check_address(url: str) -> None:
    """Refuse an address that is not http(s): ``javascript:alert(1)`` would become a link."""
    if not url:
        return
    try:
        validate_web_address(url)
    except ValidationError:
        raise ArticleRefused(
            f"the address {url!r} is not a web address beginning with http:// or https://."
        ) from None


def import_file(path: Path, **options: object) -> ImportReport:
    """``import_article`` for a file, with the metadata of its sibling ``.json`` as defaults."""
    article = read_article(path)
    metadata = read_metadata(path)
    published = options.pop("published", None) or metadata.get("published")
    return import_article(
        article=article,
        published=published if isinstance(published, dt.date) else _parse_date(published, path),
        url=str(options.pop("url", "") or metadata.get("url", "")),
        title=str(metadata.get("title", "")),
        publisher=str(metadata.get("publisher", "")),
        **options,  # type: ignore[arg-type]
    )


def read_metadata(path: Path) -> dict[str, object]:
    """The ``.json`` beside an article (publication date, address, publisher…), if any."""
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    try:
        metadata = json.loads(sidecar.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise ArticleRefused(f"{sidecar.name}: not valid UTF-8 JSON ({error}).") from None
    if not isinstance(metadata, dict):
        raise ArticleRefused(f"{sidecar.name}: expected a JSON object.")
    return metadata


def _parse_date(value: object, path: Path) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ArticleRefused(
            f"{path.with_suffix('.json').name}: published must be YYYY-MM-DD, not {value!r}."
        ) from None


def _refuse_concurrent_imports() -> None:
    """Take the import lock for this transaction, or refuse: another import is running."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [IMPORT_LOCK])
        (locked,) = cursor.fetchone()
    if not locked:
        raise ArticleRefused(
            "another import is running; nothing was written. Try again when it has finished."
        )


def _source(
    article: Article,
    *,
    language: str,
    published: dt.date | None,
    url: str,
    title: str,
    publisher: str,
    visibility: str,
) -> tuple[SourceDocument, bool]:
    existing = SourceDocument.objects.filter(sha256=text_digest(article.text)).first()
    if existing is not None:
        return existing, False
    source = SourceDocument(
        text=article.text,
        language=language,
        title=title or _first_words(article.text),
        url=url,
        publisher=publisher,
        published_on=published,
        file_name=article.file_name,
        visibility=visibility,
        needs_review=True,
        original_language=language,
    )
    source.save()
    return source, True


def _first_words(text: str, limit: int = 12) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def _record_run(report: ImportReport, *, source: SourceDocument, user: User | None) -> None:
    ImportRun.objects.create(
        source=source,
        file_name=report.file_name,
        finished_at=timezone.now(),
        status=report.status,
        created=len(report.created),
        updated=len(report.updated),
        skipped=len(report.skipped),
        report=report.as_dict(),
        user=user,
    )


# --- deciding what an article proposes to change ---------------------------------------------


def can_decide(user: User | None) -> bool:
    """The secretariat and operators decide whether an article's word changes a record."""
    return bool(
        user is not None
        and user.is_active
        and (user.is_superuser or getattr(user, "role", "") == Role.SECRETARIAT)
    )


def _pending(proposal: ProposedChange, user: User) -> ProposedChange:
    """``proposal`` under a row lock, if ``user`` may decide it and nobody has yet."""
    if not can_decide(user):
        raise PermissionDenied(_("Only the secretariat may decide on a proposed change."))
    visible = ProposedChange.objects.visible_to(user).select_for_update(of=("self",))
    locked = visible.filter(pk=proposal.pk).first()
    if locked is None:
        raise PermissionDenied(_("This proposed change is not one you may see."))
    if locked.state != ProposalState.PENDING:
        raise ValidationError(_("This proposed change has already been decided."))
    return locked


@through_service()
def accept_proposed_change(proposal: ProposedChange, *, by: User) -> models.Model:
    """Apply ``proposal`` to its record, if the record still holds what it held then.

    A status goes through its domain's service (holding a meeting freezes its follow-up
    report); other columns are set and the record's version raised. Refused when the record
    has changed since the article was imported: the proposal was made against other values.
    """
    with pghistory.context(operation="accept_proposed_change", proposal=proposal.pk):
        proposal = _pending(proposal, by)
        model = proposal.content_type.model_class()
        assert model is not None
        record = model._default_manager.select_for_update().get(pk=proposal.object_id)
        now = {column: as_json(getattr(record, column)) for column in proposal.current}
        if now != proposal.current:
            raise ValidationError(
                _(
                    "«%(record)s» has changed since this was proposed (%(field)s is now "
                    "%(now)s, not %(then)s); reject it and import the article again if it "
                    "still applies."
                )
                % {
                    "record": record,
                    "field": proposal.field,
                    "now": shown(now),
                    "then": shown(proposal.current),
                }
            )
        if isinstance(record, Meeting) and proposal.field == "status":
            hold_meeting(record, by=by)
        elif isinstance(record, Body) and proposal.field == "status":
            activate(record)
            bump(record, "status")
        else:
            for column, value in proposal.proposed.items():
                field = model._meta.get_field(column)
                assert isinstance(field, models.Field)
                setattr(record, column, field.to_python(value))
            try:
                with transaction.atomic():
                    bump(record, *proposal.proposed)
            except IntegrityError:
                raise ValidationError(
                    _(
                        "Applying this would contradict the rest of «%(record)s» (a start after "
                        "its end?); decide the related proposed changes first."
                    )
                    % {"record": record}
                ) from None
        _decide(proposal, ProposalState.ACCEPTED, by)
        return record


@transaction.atomic
def reject_proposed_change(proposal: ProposedChange, *, by: User) -> None:
    """Keep the record as it is; the proposal stays, rejected, as history."""
    with pghistory.context(operation="reject_proposed_change", proposal=proposal.pk):
        _decide(_pending(proposal, by), ProposalState.REJECTED, by)


def _decide(proposal: ProposedChange, state: str, by: User) -> None:
    proposal.state, proposal.reviewed_by, proposal.reviewed_at = state, by, timezone.now()
    proposal.save(update_fields=["state", "reviewed_by", "reviewed_at"])
