"""The gazetteers are general knowledge, consistent and usable by the importer."""

from __future__ import annotations

import datetime as dt

import pytest

from committee.importer.extraction import INSTITUTIONS, PLACES, extract, institution, place
from committee.importer.extraction.gazetteer import PORT_OF_CITY
from committee.importer.extraction.institutions import COUNTERPARTS, POLICE_BY_SIDE, head_titles
from committee.importer.extraction.places import find_places
from committee.importer.extraction.text import Document, fold


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


def places(text: str) -> list[tuple[str, str, bool]]:
    doc = Document(text)
    return [(doc.original(p.start, p.end), p.key, p.dateline) for p in find_places(doc)]


@pytest.mark.parametrize(
    "text",
    [
        "وبحث الجانبان الآفاق الجديدة للتعاون",
        "حجزت الشرطة أسلحة بيضاء والأسلحة البيضاء",
        "وقد وجدة المحققون في المنزل",
        "وأشادت العيون الساهرة على الأمن",
        "قصة طريفة رواها المسؤول",
        "الشؤون الداخلة في اختصاص اللجنة",
    ],
)
def test_an_ordinary_word_that_spells_a_city_is_no_place(text):
    assert places(text) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("انعقد الاجتماع بالجديدة", "el_jadida"),
        ("وستنعقد الدورة المقبلة في الجديدة", "el_jadida"),
        ("تحتضن مدينة الجديدة الندوة", "el_jadida"),
        ("وانتقل الوفد إلى العيون", "laayoune"),
        ("مسؤولو ولاية أمن وجدة", "oujda"),
        ("احتضنت الداخلة اللقاء", "dakhla"),
    ],
)
def test_a_city_that_is_also_an_ordinary_word_counts_where_a_place_is_expected(text, key):
    assert [found[1] for found in places(text)] == [key]


def test_a_city_joined_to_a_place_just_named_is_a_place_and_a_dateline_is_one():
    assert [key for _, key, _ in places("بميناءي طنجة المدينة وطريفة")] == [
        "tangier_city_port",
        "tarifa_port",
    ]
    assert places("الجديدة (و م ع) – انطلقت أشغال الندوة") == [("الجديدة", "el_jadida", True)]


@pytest.mark.parametrize(
    ("text", "key"),
    [("قرطبة", "cordoba"), ("الجزيرة الخضراء", "algeciras"), ("سبتة", "ceuta"),
     ("مليلية", "melilla"), ("تطوان", "tetouan"), ("الناظور", "nador"), ("أكادير", "agadir"),
     ("ألمرية", "almeria"), ("قادس", "cadiz"), ("ولبة", "huelva"), ("فالنسيا", "valencia"),
     ("بلباو", "bilbao"), ("مرسية", "murcia"), ("القنيطرة", "kenitra"), ("مكناس", "meknes"),
     ("فاس", "fez"), ("كلميم", "guelmim"), ("قرطاجنة", "cartagena"), ("تيطوان", "tetouan")],
)  # fmt: skip
def test_the_genre_s_cities_are_known_by_their_arabic_spellings(text, key):
    assert [found[1] for found in places(f"انعقد الاجتماع ب{text} أمس")] == [key]


@pytest.mark.parametrize(
    "text",
    [
        "قرطبة – اختتمت أمس أشغال الندوة",
        "الرباط (و م ع) – انطلقت اليوم أشغال الندوة",
        "مدريد، 14 مارس (إفي) – عقد مسؤولون أمنيون اجتماعا",
        "طنجة 12 ماي 2016 (ومع)-انطلقت أشغال الندوة",
        "تعاون أمني مغربي إسباني\nمدريد (إفي) – عقد مسؤولون أمنيون اجتماعا",
    ],
)
def test_the_place_of_a_dateline_is_marked(text):
    assert places(text)[0][2] is True


def test_a_place_named_in_the_text_or_its_title_is_not_a_dateline():
    assert places("انطلقت اليوم بقرطبة أشغال الندوة - حسب المنظمين")[0][2] is False
    assert places("ندوة أمنية بمراكش\nالرباط (ومع) - انطلقت الندوة") == [
        ("مراكش", "marrakech", False),
        ("الرباط", "rabat", True),
    ]


def test_a_city_name_that_is_also_a_family_name_neither_cuts_a_name_nor_places_a_meeting():
    extraction = extract(
        "وترأس الاجتماع السيد محمد بركان، المراقب العام بالمديرية العامة للأمن الوطني، في إطار "
        "اجتماع لجنة تتبع تنفيذ التوصيات أمس.",
        published=dt.date(2019, 3, 13),
    )
    assert [person.name for person in extraction.people] == ["محمد بركان"]
    assert [meeting.city for meeting in extraction.meetings] == [None]
