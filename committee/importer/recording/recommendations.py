"""Recommendations, their references and adoptions, and action plans."""

from __future__ import annotations

from typing import Any

from committee.bilateral import LeadSide
from committee.importer import extraction, matching
from committee.importer.recording.base import (
    MEETING_CODES,
    SAME_MEETING_TEXT,
    SAME_TEXT,
    RecorderBase,
)
from committee.meetings.models import (
    Meeting,
)
from committee.recommendations.models import (
    ActionPlan,
    Adoption,
    AdoptionKind,
    PlanRecommendation,
    Recommendation,
    Theme,
)
from committee.subcommittees.models import Body


class RecommendationRecorder(RecorderBase):
    # --- recommendations and plans -----------------------------------------------------------

    def reference_for(self, meeting: Meeting | None, parent: Recommendation | None) -> str:
        if parent is not None:
            prefix = f"{parent.reference}."
            taken = Recommendation.objects.filter(reference__startswith=prefix).count()
            return f"{prefix}{taken + 1}"
        if meeting is not None:
            year = (
                meeting.start_date.year
                if meeting.start_date
                else self.source.published_on.year
                if self.source.published_on
                else 0
            )
            prefix = (
                f"{MEETING_CODES.get(meeting.kind, 'MTG')}{meeting.ordinal or ''}-{year or 'ND'}-R"
            )
        else:
            prefix = f"SRC{self.source.pk}-R"
        existing = Recommendation.objects.filter(reference__regex=rf"^{prefix}[0-9]+$").values_list(
            "reference", flat=True
        )
        numbers = [int(reference.removeprefix(prefix)) for reference in existing]
        return f"{prefix}{max(numbers, default=0) + 1:02d}"

    def find_recommendation(
        self, fact: extraction.RecommendationFact, meeting: Meeting | None
    ) -> Recommendation | None:
        recommendation = self.known(Recommendation, fact)
        if recommendation is not None:
            return recommendation
        parent = self.get(fact.parent_key, Recommendation)
        candidates = Recommendation.objects.filter(kind=fact.kind, parent=parent)
        if parent is not None:
            candidates = candidates.exclude(pk=parent.pk)
        body = self.get(fact.body_key, Body)
        if fact.kind == "establishes_body" and body is not None:
            if body.created_by_recommendation_id:
                return candidates.filter(pk=body.created_by_recommendation_id).first()
            # A recommendation that created another body is not this one.
            candidates = candidates.exclude(bodies_created__isnull=False)
        if meeting is not None:
            # Another report of the same meeting words its recommendations differently: among
            # those the meeting adopted, the same kind and theme and a few shared words suffice.
            adopted_there = [
                (r, self.own(r, "text"))
                for r in candidates.filter(adoptions__meeting=meeting).distinct()
                if r.theme == fact.theme or Theme.OTHER in {r.theme, fact.theme}
            ]
            found = matching.most_similar(adopted_there, fact.text, threshold=SAME_MEETING_TEXT)
            if found is not None:
                return found
        return matching.most_similar(
            [(r, self.own(r, "text")) for r in candidates.distinct()],
            fact.text,
            threshold=SAME_TEXT,
        )

    def record_recommendation(self, fact: extraction.RecommendationFact) -> Recommendation:
        meeting = self.get(fact.meeting_key, Meeting)
        parent = self.get(fact.parent_key, Recommendation)
        recommendation = self.find_recommendation(fact, meeting)
        created = recommendation is None
        body = self.get(fact.body_key, Body)
        responsible = body.parent if fact.kind == "establishes_body" and body else body
        if recommendation is None:
            recommendation = Recommendation(
                reference=self.reference_for(meeting, parent),
                kind=fact.kind,
                lead_side=LeadSide.JOINT,
                visibility=self.visibility(),
                original_language=self.language(),
            )
        values: dict[str, Any] = {
            **self.translated(recommendation, "text", fact.text),
            "theme": fact.theme if fact.theme in Theme.values and fact.theme != "other" else "",
            "body": responsible,
            "parent": parent,
        }
        changed = self.fill(recommendation, values)
        if created and not recommendation.theme:
            recommendation.theme = Theme.OTHER
        self.save(recommendation, created=created, changed=[] if created else changed)
        if (
            meeting is not None
            and not Adoption.objects.filter(recommendation=recommendation, meeting=meeting).exists()
        ):
            kind = (
                AdoptionKind.REITERATED
                if recommendation.adoptions.filter(kind=AdoptionKind.ADOPTED).exists()
                else AdoptionKind.ADOPTED
            )
            Adoption.objects.create(recommendation=recommendation, meeting=meeting, kind=kind)
            if not created:
                self.enriched(recommendation, f"{kind} at «{meeting}»")
        if (
            fact.kind == "establishes_body"
            and body is not None
            and body.created_by_recommendation_id is None
        ):
            body.created_by_recommendation = recommendation
            body.save(update_fields=["created_by_recommendation"])
        self.cite(recommendation, fact)
        return recommendation

    def record_plan(self, fact: extraction.ActionPlanFact) -> ActionPlan:
        plan = self.known(ActionPlan, fact)
        start = fact.period_start.value.year if fact.period_start else None
        end = fact.period_end.value.year if fact.period_end else start
        if plan is None:
            candidates = [
                (p, self.own(p, "title")) for p in ActionPlan.objects.filter(period_start=start)
            ]
            plan = matching.most_similar(candidates, fact.title, threshold=SAME_TEXT)
        created = plan is None
        if plan is None:
            plan = ActionPlan(visibility=self.visibility(), original_language=self.language())
        values: dict[str, Any] = {
            **self.translated(plan, "title", fact.title),
            "period_start": start,
            "period_end": end,
            "adopted_at": self.get(fact.meeting_key, Meeting),
        }
        changed = self.fill(plan, values)
        self.save(plan, created=created, changed=[] if created else changed)
        recommendation = self.get(fact.recommendation_key, Recommendation)
        if (
            recommendation
            and not PlanRecommendation.objects.filter(
                plan=plan, recommendation=recommendation
            ).exists()
        ):
            PlanRecommendation.objects.create(plan=plan, recommendation=recommendation)
        self.cite(plan, fact)
        return plan
