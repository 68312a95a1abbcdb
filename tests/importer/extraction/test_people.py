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


# --- people after any office, in lists, as counterparts; slips and lone names ---------------


def test_a_noun_after_a_title_is_no_one_s_name():
    assert people("واستقبل المدير العام للأمن الوطني وفدا أمنيا إسبانيا رفيع المستوى.") == ()
    assert people("وألقى رئيس قسم التعاون الدولي كلمة افتتاحية، ثم رفعت الجلسة.") == ()


def test_a_verb_and_a_place_after_a_title_are_no_one_s_name():
    assert people("وأفاد مصدر أن المدير العام للشرطة الإسبانية سيزور الرباط.") == ()


def test_a_name_after_an_office_ends_before_a_word_glued_to_a_preposition():
    (person,) = people("وأشاد رئيس الحكومة الإسبانية بيدرو سانشيث بالتعاون مع المغرب.")
    assert (person.name, person.position, person.side) == (
        "بيدرو سانشيث",
        "رئيس الحكومة الإسبانية",
        "ES",
    )


def test_a_one_letter_slip_on_the_other_side_or_in_a_short_name_is_another_person():
    found = people(
        "وحضر المفوض العام للاستعلامات أوخينيو فيلالبا. وقال ضابط الاتصال المغربي، السيد "
        "أوخينيو فيلالب، إن … وحضر المفوض العام للاستعلامات خوان رويث. وقال المفوض العام "
        "للاستعلامات، السيد خوان رويس، إن …"
    )
    assert sorted(p.name for p in found) == sorted(
        ["أوخينيو فيلالبا", "أوخينيو فيلالب", "خوان رويث", "خوان رويس"]
    )


def test_a_given_name_two_people_bear_points_to_neither():
    found = people(
        "وحضر السيد محمد الطاهري والسيد محمد البقالي الجلسة. وأكد السيد محمد أن التعاون مثمر."
    )
    assert [p.name for p in found] == ["محمد الطاهري", "محمد البقالي", "محمد"]


def test_a_name_right_after_an_office_needs_no_honorific():
    (person,) = people(
        "واستقبل المدير العام للأمن الوطني و مراقبة التراب الوطني عبد اللطيف الوزاني، "
        "اليوم بالرباط، وفدا أمنيا."
    )
    assert (person.name, person.position, person.organization_key, person.side) == (
        "عبد اللطيف الوزاني",
        "المدير العام للأمن الوطني و مراقبة التراب الوطني",
        "org:dgsn",
        "MA",
    )


def test_an_office_may_name_a_country_and_a_city_before_the_name():
    found = people("وحضر سفير إسبانيا بالرباط أنطونيو لوبيث سانتوس، ووالي أمن طنجة محمد الطويل.")
    assert [(p.name, p.position, p.side) for p in found] == [
        ("أنطونيو لوبيث سانتوس", "سفير إسبانيا بالرباط", "ES"),
        ("محمد الطويل", "والي أمن طنجة", "MA"),
    ]


def test_each_member_of_a_delegation_list_gets_their_own_office_and_side():
    found = people(
        "وحل بمدريد وفد أمني مغربي. ويضم الوفد، الذي يقوده المراقب العام كريم العلوي، مدير "
        "التعاون الدولي بالمديرية العامة للأمن الوطني، كلا من حسن بوزيد، رئيس قسم مكافحة "
        "الإرهاب بالمكتب المركزي للأبحاث القضائية، وسعيد المنصوري، رئيس مصلحة الشرطة "
        "التقنية، ونادية الحسني، رئيسة قسم الهجرة بمديرية الهجرة ومراقبة الحدود، والعميد "
        "الإقليمي يوسف الراضي، ضابط الاتصال المغربي بمدريد، وعمر الريفي، رئيس مصلحة التعاون "
        "الدولي بالدرك الملكي."
    )
    found = sorted(found, key=lambda person: person.spans[0].start)
    assert [(p.name, p.organization_key, p.side) for p in found] == [
        ("كريم العلوي", "org:dgsn", "MA"),
        ("حسن بوزيد", "org:bcij", "MA"),
        ("سعيد المنصوري", None, "MA"),
        ("نادية الحسني", "org:ma_migration_borders", "MA"),
        ("يوسف الراضي", None, "MA"),
        ("عمر الريفي", "org:gendarmerie_royale", "MA"),
    ]
    assert found[0].position == "مدير التعاون الدولي بالمديرية العامة للأمن الوطني"
    assert found[4].position == "ضابط الاتصال المغربي بمدريد"


def test_a_minister_without_nationality_is_the_other_side_of_his_counterpart():
    found = people(
        "وأجرى وزير الداخلية، عبد الكريم الشرقاوي، مباحثات مع نظيره الإسباني، فرناندو "
        "غوميث أرانا، بالرباط."
    )
    assert [(p.name, p.position, p.organization_key, p.side) for p in found] == [
        ("عبد الكريم الشرقاوي", "وزير الداخلية", "org:ma_interior", "MA"),
        ("فرناندو غوميث أرانا", "نظيره الإسباني", "org:es_interior", "ES"),
    ]


def test_a_slip_on_the_same_side_and_a_lone_given_name_refer_back_without_a_new_person():
    (person,) = people(
        "وترأست الجلسة السيدة بياتريث ألكانتارا، المفوضة الرئيسية بالمديرية العامة للشرطة "
        "الإسبانية. وأكدت رئيسة الوفد الإسباني، السيدة بياتريث ألكانتار، أن … "
        "ونوهت السيدة بياتريث بالتنسيق."
    )
    assert person.variants == ("بياتريث ألكانتارا", "بياتريث ألكانتار")
    assert [span.quote for span in person.spans if "بياتريث" in span.quote][-1] == "بياتريث"


def test_a_family_name_alone_after_a_speech_verb_is_the_person_named_before():
    extraction = extract(
        LEAD + "وحضر والي أمن الرباط محمد الطويل. وأكد الطويل، في كلمة، أن التعاون مثمر.",
        published=PUBLISHED,
    )
    (person,) = extraction.people
    assert [s.person_key for s in extraction.statements] == [person.key]


def test_fima_inside_a_quotation_does_not_open_a_second_statement():
    extraction = extract(
        LEAD + 'وقال السيد كريم الناصري إن "التنسيق مستمر، فيما أكد الخبراء جاهزيتهم".',
        published=PUBLISHED,
    )
    (statement,) = extraction.statements
    assert statement.text.endswith("جاهزيتهم")


def test_a_second_speaker_after_fima_gets_their_own_statement():
    extraction = extract(
        LEAD + "وأكد السيد كريم الناصري أن التعاون مثمر، فيما نوهت السيدة نادية البقالي "
        "بالتنسيق القائم.",
        published=PUBLISHED,
    )
    speakers = {p.key: p.name for p in extraction.people}
    assert [(speakers[s.person_key], s.text) for s in extraction.statements] == [
        ("كريم الناصري", "التعاون مثمر"),
        ("نادية البقالي", "بالتنسيق القائم"),
    ]


def test_someone_who_speaks_of_the_delegation_is_not_made_one_of_its_members():
    found = people(
        "وحل بمدريد وفد أمني مغربي. وقال السيد حسن الطاهري إن الوفد مرتاح. "
        "ويضم الوفد السيد علي الإدريسي والسيدة نادية البقالي."
    )
    assert [(p.name, p.side) for p in found] == [
        ("حسن الطاهري", None),
        ("علي الإدريسي", "MA"),
        ("نادية البقالي", "MA"),
    ]


def test_a_governor_and_a_high_commissioner_are_offices_but_a_factor_is_not():
    assert people("وقال عامل أساسي في نجاح التعاون هو الثقة المتبادلة.") == ()
    found = people("وحضر عامل عمالة الرباط، محمد اليعقوبي، والمندوب السامي للتخطيط أحمد العلمي.")
    assert sorted((p.name, p.position) for p in found) == [
        ("أحمد العلمي", "المندوب السامي للتخطيط"),
        ("محمد اليعقوبي", "عامل عمالة الرباط"),
    ]
