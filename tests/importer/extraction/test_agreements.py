"""Agreements (a joint declaration among them) and standing mechanisms with their locations."""

from __future__ import annotations

import datetime as dt

import pytest

from committee.importer.extraction import extract

PUBLISHED = dt.date(2019, 6, 13)


def agreements(text: str):
    return extract(text, published=PUBLISHED).agreements


def mechanisms(text: str):
    return {m.kind: m.location_keys for m in extract(text, published=PUBLISHED).mechanisms}


def test_a_joint_declaration_signed_by_the_directors_is_an_agreement_between_their_directorates():
    assert agreements("وأشاد المدير العام للأمن الوطني بالإعلان المشترك للوزيرين حول الهجرة.") == ()
    (declaration,) = agreements(
        "الرباط - وقع المدير العام للأمن الوطني، السيد كريم الناصري، والمدير العام للشرطة "
        "الإسبانية، اليوم الخميس بالرباط، إعلانا مشتركا لتنظيم عمل اللجنة الأمنية الاستراتيجية، "
        "وذلك في ختام الدورة السابعة لهذه اللجنة."
    )
    assert (declaration.title, declaration.theme, str(declaration.signed)) == (
        "إعلانا مشتركا",
        "institutional",
        "2019-06-13",
    )
    assert declaration.party_keys == ("org:dgsn", "org:dgp")


def test_a_declaration_far_from_a_signing_verb_in_its_sentence_is_no_agreement():
    assert (
        agreements(
            "وقع اختيار المديرية العامة للأمن الوطني، بعد مشاورات طويلة ومعمقة دامت عدة أشهر مع "
            "شركائها الأوروبيين والأفارقة، على الإعلان المشترك الصادر عن الاجتماع."
        )
        == ()
    )


def test_a_meeting_closed_by_a_signature_keeps_its_date_and_place():
    extraction = extract(
        "وقع المديران العامان للشرطة، السيد كريم الناصري ونظيره، اليوم الخميس بمدريد، مذكرة تفاهم "
        "في مجال مكافحة الإرهاب، في ختام الاجتماع الثالث للجنة الأمنية الاستراتيجية.",
        published=PUBLISHED,
    )
    (meeting,) = extraction.meetings
    (agreement,) = extraction.agreements
    assert (meeting.city, str(meeting.start)) == ("madrid", "2019-06-13")
    assert (agreement.city, str(agreement.signed)) == ("madrid", "2019-06-13")


@pytest.mark.parametrize(
    ("text", "kind", "locations"),
    [
        (
            "ويتوفر البلدان على مركزين للتعاون الشرطي المشترك، في طنجة والجزيرة الخضراء، منذ سنوات.",
            "police_cooperation_centre",
            ("tangier", "algeciras"),
        ),
        (
            "وأشاد الوزيران بعمل مركزي التعاون الشرطي المشترك بطنجة والجزيرة الخضراء.",
            "police_cooperation_centre",
            ("tangier", "algeciras"),
        ),
        (
            "وتعمل المفوضيتان المشتركتان في ميناءي طنجة المدينة وطريفة بتنسيق أمني تام.",
            "joint_police_station",
            ("tangier_city_port", "tarifa_port"),
        ),
        (
            "كما تم افتتاح مركز الشرطة المشترك بسبتة لتسهيل عبور المسافرين.",
            "joint_police_station",
            ("ceuta",),
        ),
    ],
)
def test_joint_centres_and_stations_are_mechanisms_with_their_locations(text, kind, locations):
    assert mechanisms("وأشاد الوزيران بالتعاون الأمني بين البلدين.") == {}
    assert mechanisms(text) == {kind: locations}


def test_a_long_clause_after_a_centre_does_not_lend_it_its_places():
    found = mechanisms(
        "وأشاد الوزيران بعمل مركز التعاون الشرطي المشترك، في إطار التنسيق القائم بين مصالح الأمن "
        "في البلدين منذ زيارة الوفد إلى مدريد."
    )
    assert found == {"police_cooperation_centre": ()}
