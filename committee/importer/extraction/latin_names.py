"""Places, institutions and the titles of their heads as French and Spanish prose names them.

The gazetteers (``gazetteer.PLACES``, ``institutions.INSTITUTIONS``) already carry each
entry's Spanish, French and Latin-script names; this module adds the other forms the press
uses («la Sûreté nationale», «la Policía», «Algésiras») and finds them all in a
``LatinDocument``. A head's title is a title word then «de la / del / de» and a *domain*
(«directeur général **de la Sûreté nationale**», «directora general **de la Guardia
Civil**»): the domain says the institution, a nationality («ministre marocain de
l'Intérieur», «ministro del Interior marroquí») the side where the domain alone does not.
"""

from __future__ import annotations

import re
from dataclasses import replace

from committee.importer.extraction.gazetteer import PLACES, PORT_OF_CITY
from committee.importer.extraction.institutions import INSTITUTIONS
from committee.importer.extraction.latin_lexicon import LatinLexicon, compiled
from committee.importer.extraction.latin_text import LatinDocument, latin_fold
from committee.importer.extraction.mention_index import Intervals
from committee.importer.extraction.organizations import OrgMention, RoleMention
from committee.importer.extraction.places import PlaceMention

#: More names of institutions, in both languages (the gazetteer's own come first).
MORE_NAMES: dict[str, tuple[str, ...]] = {
    "dgsn": (
        "Direction générale de la sûreté nationale",
        "Dirección General de Seguridad Nacional",
        "Dirección General de la Seguridad Nacional",
        "Sûreté nationale marocaine",
        "Seguridad Nacional marroquí",
    ),
    "dgst": ("Surveillance du territoire", "Vigilancia del Territorio"),
    "dgp": (
        "Police nationale espagnole",
        "Police espagnole",
        "Policía Nacional española",
        "Police nationale",
    ),
    "es_interior": ("Ministère espagnol de l'Intérieur",),
    "ma_interior": ("Ministerio del Interior marroquí", "Ministère marocain de l'Intérieur"),
    "es_general_information": ("Comisaría General de Información",),
}
#: What follows a head's title («directeur général de la …»): domain → institution. A domain
#: of ``None`` («Intérieur») needs a nationality.
DOMAINS: dict[str, str | None] = {
    "sûreté nationale": "dgsn",
    "seguridad nacional": "dgsn",
    "surveillance du territoire": "dgst",
    "police": "dgp",
    "police nationale": "dgp",
    "police espagnole": "dgp",
    "police nationale espagnole": "dgp",
    "policía": "dgp",
    "policía nacional": "dgp",
    "guardia civil": "guardia_civil",
    "garde civile": "guardia_civil",
    "gendarmerie royale": "gendarmerie_royale",
    "information": "es_general_information",
    "información": "es_general_information",
    "intérieur": None,
    "interior": None,
    "seguridad": "es_security_secretariat",
    "sécurité": "es_security_secretariat",
    "sûreté": "dgsn",
    "sûreté régionale": "dgsn",
    "sûreté préfectorale": "dgsn",
}
_INTERIOR = {"MA": "ma_interior", "ES": "es_interior"}
#: Latin spellings the gazetteer lacks.
MORE_PLACES: dict[str, tuple[str, ...]] = {
    "algeciras": ("Algésiras",),
    "tangier": ("Tánger", "Tanger"),
    "seville": ("Séville", "Sevilla"),
    "cordoba": ("Cordoue", "Córdoba"),
}


def _alternation(names: dict[str, str]) -> re.Pattern[str]:
    ordered = sorted(names, key=len, reverse=True)
    body = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _institution_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for entry in INSTITUTIONS:
        for name in (entry.es, entry.fr, *entry.latin, *MORE_NAMES.get(entry.key, ())):
            folded = latin_fold(re.sub(r"\s*\(.*\)", "", name))
            if len(folded) > 2:
                names.setdefault(folded, entry.key)
        if entry.acronym and len(entry.acronym) > 2:
            names.setdefault(latin_fold(entry.acronym), entry.key)
    for key, more in MORE_NAMES.items():
        for name in more:
            names.setdefault(latin_fold(name), key)
    return names


def _place_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for place in PLACES.values():
        for name in (place.es, place.fr, place.en, *place.latin, *MORE_PLACES.get(place.key, ())):
            if name:
                names.setdefault(latin_fold(name), place.key)
    return names


_NAMES = _institution_names()
_NAME_PATTERN = _alternation(_NAMES)
_PLACE_NAMES = _place_names()
_PLACE_PATTERN = _alternation(_PLACE_NAMES)
_DOMAINS = {latin_fold(domain): key for domain, key in DOMAINS.items()}
_DOMAIN_PATTERN = _alternation(dict.fromkeys(_DOMAINS, ""))
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\((?P<acronym>[a-z]{2,8})\)")
#: «Rabat, 12 mars 2026 (MAP) -», «Madrid, 15 may (EFE).-», «Séville -»: a place, then within
#: a line a dash that is not a compound's hyphen.
_DATELINE = re.compile(
    r"\s*(?P<place>[^\W\d_][\w' ]{1,40}?)\s*(?=[,(\-–—])[^\n]{0,60}?(?<!\w)[-–—](?!\w)"
)


def find_latin_places(doc: LatinDocument) -> list[PlaceMention]:
    """Cities, ports and countries; the one that opens a dispatch is its dateline."""
    end = latin_dateline_end(doc)
    found = []
    for match in _PLACE_PATTERN.finditer(doc.norm):
        place = PLACES[_PLACE_NAMES[match.group()]]
        if not doc.original(match.start(), match.end())[:1].isupper():
            continue  # «sevilla» in lower case is no name; «Marruecos» is
        found.append(
            PlaceMention(
                match.start(),
                match.end(),
                place.key,
                place.kind,
                place.country,
                dateline=match.end() <= end,
            )
        )
    return found


def latin_dateline_end(doc: LatinDocument) -> int:
    """Where «Madrid, 15 may (EFE).-» or «Rabat - » ends; 0 without a dateline."""
    match = _DATELINE.match(doc.norm[:120])
    if not match or not _PLACE_PATTERN.search(match.group("place")):
        return 0
    return match.end()


_HARBOUR = re.compile(r"(?<!\w)(?:ports?|puertos?)(?!\w)")


def as_ports(doc: LatinDocument, places: list[PlaceMention]) -> list[PlaceMention]:
    """Cities named after «port(s) de» / «puerto(s) de» in their clause read as their ports
    («les ports de Tanger Med et d'Algésiras»)."""
    result = []
    for place in places:
        port = PORT_OF_CITY.get(place.key) if place.kind == "city" else None
        harbour = port and _HARBOUR.search(doc.norm, doc.clause_start(place.start), place.start)
        result.append(replace(place, key=port, kind="port") if port and harbour else place)
    return result


def find_latin_organizations(
    doc: LatinDocument, lexicon: LatinLexicon
) -> tuple[list[OrgMention], list[RoleMention]]:
    """Institutions by name or acronym, and the titles of their heads."""
    roles = _roles(doc, lexicon)
    in_roles = Intervals([(role.start, role.end) for role in roles])
    names = [
        OrgMention(match.start(), match.end(), _NAMES[_spaced(match.group())])
        for match in _NAME_PATTERN.finditer(doc.norm)
        if _capitalised(doc, match.start(), match.end())
        and not in_roles.covers(match.start(), match.start() + 1)
    ]
    return sorted(names, key=lambda mention: mention.start), roles


def _roles(doc: LatinDocument, lexicon: LatinLexicon) -> list[RoleMention]:
    roles = []
    titles = compiled(lexicon.titles)
    #: «ministre espagnol de l'Intérieur»: a nationality may stand between title and domain.
    joins = re.compile(
        rf"(?:\s+(?:{lexicon.nationality_ma}|{lexicon.nationality_es}))?\s+(?:{lexicon.of})\s*"
    )
    for title in titles.finditer(doc.norm):
        join = joins.match(doc.norm, title.end())
        if not join:
            continue
        domain = _DOMAIN_PATTERN.match(doc.norm, join.end())
        if not domain or not _capitalised(doc, domain.start(), domain.end()):
            continue
        key = _DOMAINS[_spaced(domain.group())]
        end = domain.end()
        if key is None:
            key = _by_nationality(doc, lexicon, title.start(), end)
            if key is None:
                continue
        roles.append(RoleMention(title.start(), end, key))
    return roles


def _by_nationality(doc: LatinDocument, lexicon: LatinLexicon, start: int, end: int) -> str | None:
    """«ministre marocain de l'Intérieur», «ministro del Interior de España»; without a
    nationality, the ministry of the country whose press writes in the article's language."""
    around = doc.norm[start : min(len(doc.norm), end + 25)]
    for side, pattern in (("MA", lexicon.nationality_ma), ("ES", lexicon.nationality_es)):
        if compiled(pattern).search(around):
            return _INTERIOR[side]
    return _INTERIOR[lexicon.home_side]


def _capitalised(doc: LatinDocument, start: int, end: int) -> bool:
    """A name is written with a capital («la Police», «DGSN»), not «la police du quartier»."""
    return any(char.isupper() for char in doc.original(start, end))


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _single_words() -> frozenset[str]:
    """Words that, capitalised, start a place or an institution rather than a person's name."""
    found = {name for name in _PLACE_NAMES if " " not in name}
    found |= {name.split()[0] for name in _NAMES}
    return frozenset(found)


_KNOWN_WORDS = _single_words()


def is_known_name(word: str) -> bool:
    """``word`` (folded) is a place or opens an institution's name: it ends a person's name."""
    return word in _KNOWN_WORDS
