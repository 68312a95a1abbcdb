"""Agreement and mechanism facts from their mentions."""

from __future__ import annotations

from collections.abc import Callable

from committee.importer.extraction.agreements import AgreementMention, MechanismMention
from committee.importer.extraction.anchoring import Attached
from committee.importer.extraction.dates import DateMention
from committee.importer.extraction.evidence import ordered_evidence, spans_of
from committee.importer.extraction.model import AgreementFact, Evidence, MechanismFact, Theme
from committee.importer.extraction.organizations import OrgMention, RoleMention
from committee.importer.extraction.places import PlaceMention
from committee.importer.extraction.text import Document
from committee.importer.extraction.themes import classify


def agreement_facts(
    doc: Document,
    agreements: list[AgreementMention],
    orgs: list[OrgMention | RoleMention],
    dates: list[Attached[DateMention]],
    places: list[Attached[PlaceMention]],
    theme_of: Callable[[str], Theme] = classify,
) -> list[AgreementFact]:
    """Parties are the institutions named (or whose heads are named) in the signing words;
    ``theme_of`` reads the subject in the article's language."""
    facts = []
    for index, agreement in enumerate(agreements):
        key = f"agreement:{index + 1}"
        evidence: list[Evidence | None] = [doc.evidence("title", agreement.start, agreement.end)]
        if agreement.subject:
            evidence.append(doc.evidence("subject", *agreement.subject))
        parties = []
        for org in orgs:
            if agreement.clause[0] <= org.start < agreement.clause[1]:
                parties.append(f"org:{org.key}")
                evidence.append(doc.evidence("parties", org.start, org.end))
        signed = None
        for attached in dates:
            if attached.target == key and attached.item.first is not None and signed is None:
                signed = attached.item.first
                evidence.append(doc.evidence("signed", attached.start, attached.end))
        city = None
        for at_place in places:
            if at_place.target == key and at_place.item.kind == "city" and city is None:
                city = at_place.item.key
                evidence.append(doc.evidence("city", at_place.start, at_place.end))
        ordered = ordered_evidence(evidence)
        facts.append(
            AgreementFact(
                key=key,
                title=doc.original(agreement.start, agreement.end),
                subject=agreement.subject_text,
                theme=theme_of(agreement.subject_text or ""),
                signed=signed,
                city=city,
                party_keys=tuple(dict.fromkeys(parties)),
                spans=spans_of(ordered),
                evidence=ordered,
            )
        )
    return facts


def mechanism_facts(
    doc: Document,
    mechanisms: list[MechanismMention],
    places: list[PlaceMention],
    orgs: list[OrgMention],
) -> list[MechanismFact]:
    """One fact per kind of mechanism; its locations are the places in its clauses."""
    grouped: dict[str, list[MechanismMention]] = {}
    for mention in mechanisms:
        grouped.setdefault(mention.kind, []).append(mention)
    facts = []
    for index, (_kind, mentions) in enumerate(grouped.items()):
        evidence: list[Evidence | None] = []
        locations: list[str] = []
        parties: list[str] = []
        for mention in mentions:
            evidence.append(doc.evidence("name", mention.start, mention.end))
            for place in places:
                if mention.end <= place.start < mention.clause_end and place.kind != "country":
                    locations.append(place.key)
                    evidence.append(doc.evidence("locations", place.start, place.end))
            for org in orgs:
                if mention.end <= org.start < mention.clause_end:
                    parties.append(f"org:{org.key}")
                    evidence.append(doc.evidence("parties", org.start, org.end))
        ordered = ordered_evidence(evidence)
        facts.append(
            MechanismFact(
                key=f"mechanism:{index + 1}",
                kind=mentions[0].kind,
                name=doc.original(mentions[0].start, mentions[0].end),
                location_keys=tuple(dict.fromkeys(locations)),
                party_keys=tuple(dict.fromkeys(parties)),
                spans=spans_of(ordered),
                evidence=ordered,
            )
        )
    return sorted(facts, key=lambda fact: fact.spans[0].start)
