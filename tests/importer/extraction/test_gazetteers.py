"""The gazetteers are general knowledge, consistent and usable by the importer."""

from __future__ import annotations

from committee.importer.extraction import INSTITUTIONS, PLACES, institution, place
from committee.importer.extraction.gazetteer import PORT_OF_CITY
from committee.importer.extraction.institutions import COUNTERPARTS, POLICE_BY_SIDE, head_titles
from committee.importer.extraction.text import fold


def test_places_have_names_in_four_languages_and_a_country():
    for entry in PLACES.values():
        assert entry.ar
        assert all(fold(name) for name in entry.ar)
        assert entry.es
        assert entry.fr
        assert entry.en
        assert len(entry.country) == 2
        assert entry.country.isupper()


def test_morocco_and_spain_have_their_main_cities():
    keys = {key for key, entry in PLACES.items() if entry.kind == "city"}
    assert {"rabat", "casablanca", "marrakech", "tangier", "madrid", "seville", "cordoba"} <= keys
    assert place("cordoba").country == "ES"
    assert place("marrakech").country == "MA"


def test_ports_belong_to_cities_and_cities_name_their_ports():
    for city, port in PORT_OF_CITY.items():
        assert PLACES[city].kind == "city"
        assert PLACES[port].kind == "port"
        assert PLACES[port].city == city
    assert place("tanger_med").city == "tangier"


def test_institutions_have_sides_names_and_heads():
    keys = [entry.key for entry in INSTITUTIONS]
    assert len(keys) == len(set(keys))
    for entry in INSTITUTIONS:
        assert entry.side in ("MA", "ES", "third_party")
        assert entry.ar
        assert entry.es
        assert entry.fr
        assert entry.en
    assert institution("dgsn").acronym == "DGSN"
    assert institution("dgp").side == "ES"
    assert "المدير العام للأمن الوطني" in head_titles(institution("dgsn"))
    assert POLICE_BY_SIDE == {"MA": "dgsn", "ES": "dgp"}
    for key, other in COUNTERPARTS.items():
        assert COUNTERPARTS[other] == key
        assert {institution(key).side, institution(other).side} == {"MA", "ES"}
