"""People are found by how the press introduces them, and their mentions are merged."""

from __future__ import annotations

import datetime as dt

from committee.importer.extraction import extract

PUBLISHED = dt.date(2016, 6, 10)
LEAD = "اختتمت أمس بمدريد أشغال الاجتماع الثاني للجنة الأمنية الاستراتيجية. "


def people(text: str):
    return extract(LEAD + text, published=PUBLISHED).people


def test_an_honorific_introduces_a_name_that_stops_at_a_verb_or_particle():
    (person,) = people("وأوضح السيد كريم الناصري أن التعاون مثمر.")
    assert person.name == "كريم الناصري"
    assert person.honorific == "السيد"


def test_a_position_before_the_honorific_gives_the_institution_and_side():
    (person,) = people("وحضر المدير العام للشرطة الإسبانية السيد خافيير ألونسو الجلسة.")
    assert (person.name, person.position, person.organization_key, person.side) == (
        "خافيير ألونسو",
        "المدير العام للشرطة الإسبانية",
        "org:dgp",
        "ES",
    )


def test_a_position_in_apposition_after_the_name_is_taken():
    (person,) = people(
        "وقالت السيدة نادية البقالي، رئيسة قسم التعاون الدولي بالمديرية العامة للأمن الوطني، إن …"
    )
    assert person.position == "رئيسة قسم التعاون الدولي بالمديرية العامة للأمن الوطني"
    assert (person.organization_key, person.side) == ("org:dgsn", "MA")


def test_a_head_s_title_followed_by_a_name_without_honorific_is_a_person():
    (person,) = people("وشارك وزير الداخلية الإسباني، فرناندو غارسيا رويث، في الاجتماع.")
    assert (person.name, person.organization_key) == ("فرناندو غارسيا رويث", "org:es_interior")


def test_spellings_that_fold_alike_and_a_later_surname_are_one_person():
    (person,) = people(
        "وحضر السيد إدريس أمزيان الجلسة. وأكد السيد ادريس امزيان أن … وأضاف السيد أمزيان أن …"
    )
    assert person.variants == ("إدريس أمزيان", "ادريس امزيان")
    assert [span.quote for span in person.spans] == ["إدريس أمزيان", "ادريس امزيان", "أمزيان"]


def test_a_name_does_not_swallow_a_following_place_or_title():
    found = people("وحضر السيد يونس الطاهري بمدريد والمدير العام للأمن الوطني السيد سمير بناني.")
    assert [p.name for p in found] == ["يونس الطاهري", "سمير بناني"]
    assert found[1].position == "المدير العام للأمن الوطني"


def test_two_persons_with_the_same_surname_are_kept_apart_when_first_names_differ():
    found = people("وحضر السيد علي الإدريسي والسيد حسن الإدريسي.")
    assert [p.name for p in found] == ["علي الإدريسي", "حسن الإدريسي"]


def test_common_adjectives_after_a_name_are_not_part_of_it():
    (person,) = people("وأكد السيد خوان مورينو الإسباني أن …")
    assert person.name == "خوان مورينو"
