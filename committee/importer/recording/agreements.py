"""Agreements and cooperation mechanisms."""

from __future__ import annotations

from typing import Any

from committee.agreements.models import (
    Agreement,
    AgreementParty,
    Mechanism,
    MechanismKind,
    MechanismOrganization,
)
from committee.importer import extraction, matching
from committee.importer.recording.base import (
    SAME_NAME,
    SAME_TEXT,
    RecorderBase,
)
from committee.importer.translation_memory import TARGET_LANGUAGES
from committee.people.models import Organization


class AgreementRecorder(RecorderBase):
    # --- agreements and mechanisms -----------------------------------------------------------

    def record_agreement(self, fact: extraction.AgreementFact) -> Agreement:
        agreement = self.known(Agreement, fact)
        parties = [o for o in (self.get(key, Organization) for key in fact.party_keys) if o]
        if agreement is None and fact.signed:
            for candidate in Agreement.objects.filter(signed_date__year=fact.signed.value.year):
                same_words = matching.similarity(
                    f"{self.own(candidate, 'title')} {self.own(candidate, 'subject')}",
                    f"{fact.title} {fact.subject or ''}",
                )
                if same_words >= SAME_TEXT or (
                    matching.dates_agree(
                        candidate.signed_date,
                        candidate.signed_precision,
                        fact.signed.value,
                        fact.signed.precision,
                    )
                    and set(candidate.parties.all()) == set(parties)
                    and same_words >= SAME_TEXT / 2
                ):
                    agreement = candidate
                    break
        created = agreement is None
        if agreement is None:
            agreement = Agreement(visibility=self.visibility(), original_language=self.language())
        values: dict[str, Any] = {
            **self.translated(agreement, "title", fact.title),
            **self.translated(agreement, "subject", fact.subject),
            **self.place_names("place", fact.city),
        }
        changed = self.fill(agreement, values)
        if fact.signed and (
            agreement.signed_date is None
            or matching.is_finer(fact.signed.precision, agreement.signed_precision)
        ):
            agreement.signed_date, agreement.signed_precision = (
                fact.signed.value,
                fact.signed.precision,
            )
            changed.append("signed_date")
        self.save(agreement, created=created, changed=[] if created else changed)
        for organization in parties:
            AgreementParty.objects.get_or_create(agreement=agreement, organization=organization)
        self.cite(agreement, fact)
        return agreement

    def record_mechanism(self, fact: extraction.MechanismFact) -> Mechanism:
        mechanism = self.known(Mechanism, fact)
        kind = fact.kind if fact.kind in MechanismKind.values else MechanismKind.OTHER
        places = [extraction.place(key) for key in fact.location_keys if key in extraction.PLACES]
        if mechanism is None:
            for candidate in Mechanism.objects.filter(kind=kind):
                if (
                    any(place.es and place.es in candidate.location_es for place in places)
                    or matching.similarity(self.own(candidate, "name"), fact.name) >= SAME_NAME
                ):
                    mechanism = candidate
                    break
        created = mechanism is None
        if mechanism is None:
            mechanism = Mechanism(
                kind=kind, visibility=self.visibility(), original_language=self.language()
            )
        locations = (
            {
                f"location_{code}": " / ".join(
                    place.ar[0] if code == "ar" else getattr(place, code) for place in places
                )
                for code in ("ar", *TARGET_LANGUAGES)
            }
            if places
            else {}
        )
        changed = self.fill(
            mechanism, {**self.translated(mechanism, "name", fact.name), **locations}
        )
        self.save(mechanism, created=created, changed=[] if created else changed)
        for key in fact.party_keys:
            organization = self.get(key, Organization)
            if organization:
                MechanismOrganization.objects.get_or_create(
                    mechanism=mechanism, organization=organization
                )
        self.cite(mechanism, fact)
        return mechanism
