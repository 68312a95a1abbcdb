"""Recommendation and action-plan facts from their drafts and mentions."""

from __future__ import annotations

from dataclasses import replace

from committee.importer.extraction.evidence import ordered_evidence, spans_of
from committee.importer.extraction.meetings import MeetingMention
from committee.importer.extraction.mention_index import ByStart
from committee.importer.extraction.model import ActionPlanFact, PlanStatus, RecommendationFact
from committee.importer.extraction.plans import PlanMention, scope_text
from committee.importer.extraction.recommendations import RecommendationDraft
from committee.importer.extraction.text import Document, ar

_ADOPTED = ar(
    r"(?<!\w)(?:المصادق\s+عليه|المعتمد|تم\s+اعتماد|اعتمد|صودق\s+على|الذي\s+تم\s+إقراره)(?!\w)"
)


class MeetingIndex:
    """Meeting mentions with their meetings' keys, and the article's subject meeting."""

    def __init__(
        self, mentions: list[MeetingMention], keys: list[str | None], subject: str | None
    ) -> None:
        pairs = [(mention, key) for mention, key in zip(mentions, keys, strict=True) if key]
        self._mentions = ByStart(pairs, lambda pair: pair[0].start)
        self.subject = subject

    def meeting_for(self, doc: Document, position: int) -> str | None:
        """The meeting named last before ``position`` in its sentence, else the subject."""
        found = self._mentions.last_before(position, doc.sentence_of(position)[0])
        return found[1] if found else self.subject


def plan_keys(plans: list[PlanMention]) -> list[str]:
    """«مخطط العمل» with no period nor scope is the plan last named; others are new."""
    keys: list[str] = []
    count = 0
    for plan in plans:
        if keys and plan.period_start is None and plan.scope is None:
            keys.append(keys[-1])
            continue
        count += 1
        keys.append(f"plan:{count}")
    return keys


def recommendation_facts(
    doc: Document,
    drafts: list[RecommendationDraft],
    body_keys: list[str | None],
    plans: list[str],
    meetings: MeetingIndex,
) -> list[RecommendationFact]:
    facts = []
    for index, draft in enumerate(drafts):
        trigger = doc.evidence("trigger", *draft.trigger)
        text = doc.evidence("text", *draft.text)
        evidence = ordered_evidence([trigger, text])
        facts.append(
            RecommendationFact(
                key=f"rec:{index + 1}",
                order=index + 1,
                text=text.span.quote if text else "",
                kind=draft.kind,
                theme=draft.theme,
                trigger=trigger.span.quote if trigger else "",
                meeting_key=meetings.meeting_for(doc, draft.trigger[0]),
                body_key=body_keys[draft.body] if draft.body is not None else None,
                plan_key=plans[draft.plan] if draft.plan is not None else None,
                parent_key=f"rec:{draft.parent + 1}" if draft.parent is not None else None,
                spans=spans_of(evidence),
                evidence=evidence,
            )
        )
    return facts


def plan_facts(
    doc: Document,
    plans: list[PlanMention],
    keys: list[str],
    recommendations: list[RecommendationFact],
) -> list[ActionPlanFact]:
    facts: dict[str, ActionPlanFact] = {}
    for plan, key in zip(plans, keys, strict=True):
        evidence = [doc.evidence("title", plan.start, plan.title_end)]
        if plan.scope:
            evidence.append(doc.evidence("scope", *plan.scope))
        if key in facts:
            merged = ordered_evidence([*facts[key].evidence, *evidence])
            facts[key] = replace(facts[key], evidence=merged, spans=spans_of(merged))
            continue
        recommendation = next((r for r in recommendations if r.plan_key == key), None)
        ordered = ordered_evidence(evidence)
        facts[key] = ActionPlanFact(
            key=key,
            title=doc.original(plan.start, plan.title_end),
            scope=scope_text(doc, plan.scope) if plan.scope else None,
            bilateral=plan.bilateral,
            period_start=plan.period_start,
            period_end=plan.period_end,
            status=_status(doc, plan, recommendation),
            meeting_key=recommendation.meeting_key if recommendation else None,
            recommendation_key=recommendation.key if recommendation else None,
            spans=spans_of(ordered),
            evidence=ordered,
        )
    return list(facts.values())


def _status(
    doc: Document, plan: PlanMention, recommendation: RecommendationFact | None
) -> PlanStatus:
    if recommendation is not None:
        return "proposed"
    clause_end = doc.clause_end(plan.title_end)
    if _ADOPTED.search(doc.norm, plan.start, min(clause_end, plan.end + 40)):
        return "adopted"
    return "mentioned"
