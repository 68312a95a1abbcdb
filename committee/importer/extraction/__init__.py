"""The article importer's pure extractor: Arabic, French and Spanish press prose in,
evidence-linked facts out (the Latin-script languages through ``latin_*`` and their lexicons).

``extract(text, published=…)`` finds the meetings, bodies, institutions, people,
recommendations, action plans, agreements, mechanisms, statements and presentations an
article reports, each citing the words it came from (``Span``: ``text[start:end] == quote``).
It works from patterns and gazetteers of the genre, never from a list of known articles.
``extraction_to_dict`` gives the same as JSON-ready data.
"""

from committee.importer.extraction.gazetteer import PLACES, Place, place
from committee.importer.extraction.institutions import INSTITUTIONS, Institution, institution
from committee.importer.extraction.model import (
    ActionPlanFact,
    AgreementFact,
    BodyFact,
    Chair,
    Evidence,
    Extraction,
    MechanismFact,
    MeetingFact,
    OrganizationFact,
    PartialDate,
    PersonFact,
    PresentationFact,
    RecommendationFact,
    Span,
    StatementFact,
)
from committee.importer.extraction.pipeline import extract
from committee.importer.extraction.serialization import extraction_to_dict

__all__ = [
    "INSTITUTIONS",
    "PLACES",
    "ActionPlanFact",
    "AgreementFact",
    "BodyFact",
    "Chair",
    "Evidence",
    "Extraction",
    "Institution",
    "MechanismFact",
    "MeetingFact",
    "OrganizationFact",
    "PartialDate",
    "PersonFact",
    "Place",
    "PresentationFact",
    "RecommendationFact",
    "Span",
    "StatementFact",
    "extract",
    "extraction_to_dict",
    "institution",
    "place",
]
