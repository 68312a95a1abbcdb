"""Organisations and people: matched by acronym, spelling variant, or post."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from committee import arabic
from committee.importer import extraction, matching
from committee.importer.recording.base import (
    INSTITUTION_KEYS,
    SAME_NAME,
    RecorderBase,
    clip,
)
from committee.people.models import Organization, OrganizationKind, Person, PersonAlias


class PeopleRecorder(RecorderBase):
    # --- organisations and people ------------------------------------------------------------

    def record_organization(self, fact: extraction.OrganizationFact) -> Organization:
        entry = (
            extraction.institution(fact.gazetteer_key)
            if fact.gazetteer_key in INSTITUTION_KEYS
            else None
        )
        organization = self.known(Organization, fact)
        if organization is None and fact.acronym:
            organization = Organization.objects.filter(acronym=fact.acronym).first()
        if organization is None:
            candidates = [
                (o, self.own(o, "name")) for o in Organization.objects.filter(side=fact.side)
            ]
            organization = matching.most_similar(candidates, fact.name, threshold=0.8)
        created = organization is None
        if organization is None:
            organization = Organization(
                visibility=self.visibility(), original_language=self.language(), side=fact.side
            )
        kinds = set(OrganizationKind.values)
        values: dict[str, Any] = {
            "acronym": fact.acronym or "",
            "kind": fact.kind if fact.kind in kinds else OrganizationKind.OTHER,
        }
        if entry:
            values |= {
                "name_ar": entry.ar[0],
                "name_es": entry.es,
                "name_fr": entry.fr,
                "name_en": entry.en,
            }
        else:
            values[f"name_{self.language()}"] = fact.name
        changed = self.fill(organization, values)
        if created and organization.kind == "":
            organization.kind = OrganizationKind.OTHER
        self.save(organization, created=created, changed=[] if created else changed)
        self.cite(organization, fact)
        return organization

    def record_person(self, fact: extraction.PersonFact) -> Person:
        """Match by a spelling already known, then by a slip of one on the same side and post,
        then by the same surname in the same post; else a new person. A one-word name is
        neither matched nor kept as an alias: «خوسيه» would merge every José."""
        organization = self.get(fact.organization_key, Organization)
        person = self.known(Person, fact)
        spellings = [
            s for s in dict.fromkeys([fact.name, *fact.variants]) if not matching.is_lone(s)
        ]
        if person is None:
            for spelling in spellings:
                person = Person.objects.matching_name(spelling).first() or self.same_latin_name(
                    spelling
                )
                if person:
                    break
        if person is None and spellings:
            person = self._misspelled(fact, organization)
        if person is None and organization is not None and fact.position and spellings:
            # Same organisation, same position, and the same surname: another spelling.
            same_post = [
                p
                for p in Person.objects.filter(organization=organization)
                if matching.similarity(self.own(p, "position"), fact.position) >= SAME_NAME
                and matching.same_surname(self.own(p, "name"), fact.name)
            ]
            person = same_post[0] if len(same_post) == 1 else None
        created = person is None
        if person is None:
            person = Person(visibility=self.visibility(), original_language=self.language())
        position = self.translated(person, "position", fact.position)
        own_position = self.own(person, "position")
        if (
            position
            and own_position
            and matching.similarity(own_position, fact.position or "") < SAME_NAME
        ):
            # Another post: proposed for review, and its translations fill nothing.
            column = f"position_{self.language()}"
            self.propose(person, "position", {column: position[column]}, fact, "position")
            position = {}
        values: dict[str, Any] = {
            **self.translated(person, "name", fact.name),
            **position,
            **self.translated(person, "honorific", fact.honorific),
            "organization": organization,
            "side": fact.side or "",
        }
        changed = self.fill(person, values)
        self.save(person, created=created, changed=[] if created else changed)
        known = set(person.aliases.values_list("normalized", flat=True))
        for spelling in spellings:
            if arabic.normalize(spelling) not in known:
                PersonAlias.objects.create(person=person, name=clip(PersonAlias, "name", spelling))
                known.add(arabic.normalize(spelling))
                if not created:
                    self.enriched(person, "aliases")
        self.cite(person, fact)
        return person

    def same_latin_name(self, spelling: str) -> Person | None:
        """A person whose Spanish, French or English name is ``spelling``, accents and case
        aside («Jose Garcia» is «José García»): another language's article about them."""
        if self.language() == "ar":
            return None
        same = (
            Q(name_es__unaccent__iexact=spelling)
            | Q(name_fr__unaccent__iexact=spelling)
            | Q(name_en__unaccent__iexact=spelling)
        )
        return Person.objects.filter(same).order_by("pk").first()

    def _misspelled(
        self, fact: extraction.PersonFact, organization: Organization | None
    ) -> Person | None:
        """A person of the same side and post (organisation or position) whose name ``fact``
        misspells by one letter."""
        if not fact.side or (organization is None and not fact.position):
            return None
        candidates = []
        for person in Person.objects.filter(side=fact.side).prefetch_related("aliases"):
            same_post = (
                organization is not None and person.organization_id == organization.pk
            ) or (
                bool(fact.position)
                and matching.similarity(self.own(person, "position"), fact.position or "")
                >= SAME_NAME
            )
            if same_post:
                names = [self.own(person, "name"), *(alias.name for alias in person.aliases.all())]
                candidates.append((person, names))
        for spelling in [fact.name, *fact.variants]:
            found = matching.misspelled(candidates, spelling)
            if found is not None:
                return found
        return None
