"""Recommendations: triggers, one record per action, kinds, themes and compound ones."""

from __future__ import annotations

import datetime as dt

import pytest

from committee.importer.extraction import extract

PUBLISHED = dt.date(2016, 6, 10)
LEAD = "اختتمت أمس بالرباط أشغال الاجتماع الثالث للجنة الأمنية الاستراتيجية المغربية الإسبانية. "


def recommendations(text: str):
    return extract(LEAD + text, published=PUBLISHED).recommendations


@pytest.mark.parametrize(
    "sentence",
    [
        "وأوصى المشاركون بتعزيز التنسيق الميداني.",
        "وأوصت اللجنة، في ختام أشغالها، بتعزيز التنسيق الميداني.",
        "ودعا المشاركون إلى تعزيز التنسيق الميداني.",
        "واتفق الطرفان على تعزيز التنسيق الميداني.",
        "واتفق الوفدان خلال اللقاء الذي دام يومين على أهمية تعزيز التنسيق الميداني.",
        "كما تمت الدعوة إلى تعزيز التنسيق الميداني.",
        "ومن بين التوصيات: تعزيز التنسيق الميداني.",
    ],
)
def test_each_trigger_introduces_the_action_it_recommends(sentence):
    (recommendation,) = recommendations(sentence)
    assert recommendation.text == "تعزيز التنسيق الميداني"
    assert recommendation.kind == "one_off"


def test_an_agreement_on_something_that_is_not_an_action_is_no_recommendation():
    assert recommendations("واتفق الوفدان على معالم الرؤية المشتركة.") == ()


def test_a_person_calling_for_something_makes_a_statement_not_a_recommendation():
    extraction = extract(
        LEAD + "ودعا المدير العام للأمن الوطني السيد كريم الناصري إلى تعزيز التنسيق.",
        published=PUBLISHED,
    )
    assert extraction.recommendations == ()
    assert extraction.statements[0].person_key == extraction.people[0].key


def test_continuations_split_a_sentence_into_one_record_per_action():
    found = recommendations(
        "وأوصى المشاركون بتعزيز التنسيق الميداني، وتكثيف الدورات التكوينية، فضلا عن إحداث فريق عمل "
        "مشترك حول الجريمة المعلوماتية، مطالبين بتسريع تبادل المعلومات."
    )
    assert [(r.text, r.kind) for r in found] == [
        ("تعزيز التنسيق الميداني", "one_off"),
        ("تكثيف الدورات التكوينية", "one_off"),
        ("إحداث فريق عمل مشترك حول الجريمة المعلوماتية", "establishes_body"),
        ("تسريع تبادل المعلومات", "one_off"),
    ]
    assert [r.theme for r in found] == ["other", "training", "cybercrime", "information_exchange"]


def test_a_recurring_action_is_standing_but_patrols_are_not_periods():
    annual, patrols = recommendations(
        "وأوصى المشاركون بعقد لقاءات دورية بين الخبراء، وتعزيز الدوريات المشتركة."
    )
    assert (annual.kind, patrols.kind) == ("standing", "one_off")


def test_a_compound_recommendation_lists_its_bodies_as_children():
    extraction = extract(
        LEAD + "وأوصى المشاركون بإنشاء لجان فرعية، ويتعلق الأمر باللجنة الفرعية المكلفة بالهجرة، "
        "واللجنة الفرعية المكلفة بالمخدرات.",
        published=PUBLISHED,
    )
    parent, first, second = extraction.recommendations
    assert (first.parent_key, second.parent_key) == (parent.key, parent.key)
    assert (first.theme, second.theme) == ("migration", "drug_trafficking")
    bodies = {b.key: b for b in extraction.bodies}
    assert bodies[first.body_key].mandate == "الهجرة"
    assert bodies[second.body_key].created_by_recommendation_key == second.key


def test_a_recommendation_to_prepare_a_plan_adopts_it():
    extraction = extract(
        LEAD + "وأوصى الخبراء بإعداد مخطط عمل مشترك برسم سنة 2017 في مجال مكافحة المخدرات.",
        published=PUBLISHED,
    )
    (recommendation,) = extraction.recommendations
    (plan,) = extraction.action_plans
    assert (recommendation.kind, recommendation.plan_key, recommendation.theme) == (
        "adopts_plan",
        plan.key,
        "drug_trafficking",
    )
    assert (str(plan.period_start), plan.scope, plan.status) == (
        "2017",
        "مكافحة المخدرات",
        "proposed",
    )


def test_recommendations_inside_quotations_are_someone_s_words():
    extraction = extract(
        LEAD + 'وقال السيد كريم الناصري "ندعو إلى تعزيز التنسيق، ونوصي بتكثيف التكوين".',
        published=PUBLISHED,
    )
    assert extraction.recommendations == ()


def test_a_decision_that_something_is_a_statement_not_a_decision():
    assert recommendations("وقرر الطرفان أن التعاون الأمني نموذجي.") == ()


@pytest.mark.parametrize(
    "sentence", ["ويمكن القول إن التعاون ممتاز.", "ويمكن للمواطنين الاطلاع على التقرير."]
)
def test_what_anyone_may_do_is_no_rule_of_the_body(sentence):
    assert recommendations(sentence) == ()


def test_a_decision_that_the_body_will_meet_is_a_standing_rule_cut_at_its_own_clause():
    found = recommendations(
        "وقرر الطرفان أن اللجنة ستجتمع مرة كل سنة بالتناوب بين البلدين، وأن يترأسها "
        "المديران العامان للشرطة في البلدين، وأن تعرض حصيلة أشغالها على الوزيرين."
    )
    assert [(r.text, r.kind) for r in found] == [
        ("اللجنة ستجتمع مرة كل سنة بالتناوب بين البلدين", "standing"),
        ("تعرض حصيلة أشغالها على الوزيرين", "one_off"),
    ]
    assert found[0].theme == "institutional"


@pytest.mark.parametrize(
    ("sentence", "text", "kind"),
    [
        (
            "كما نص الإعلان على إمكانية عقد اجتماعات استثنائية بطلب من أحد المديرين العامين.",
            "عقد اجتماعات استثنائية بطلب من أحد المديرين العامين",
            "standing",
        ),
        (
            "وتقرر كذلك أن تعرض حصيلة تنفيذ التوصيات على اللجنة قبل كل دورة عادية.",
            "تعرض حصيلة تنفيذ التوصيات على اللجنة قبل كل دورة عادية",
            "standing",
        ),
        (
            "كما يمكن للجنة عقد اجتماعات استثنائية كلما دعت الضرورة إلى ذلك.",
            "عقد اجتماعات استثنائية كلما دعت الضرورة إلى ذلك",
            "standing",
        ),
        (
            "وينص الإعلان على أن اللجنة تجتمع مرة كل سنة بالتناوب بين البلدين.",
            "اللجنة تجتمع مرة كل سنة بالتناوب بين البلدين",
            "standing",
        ),
        (
            "واتفق الجانبان على تعزيز التنسيق، وبتكثيف الدورات التكوينية.",
            "تعزيز التنسيق",
            "one_off",
        ),
    ],
)
def test_standing_rules_of_a_joint_declaration_are_recommendations(sentence, text, kind):
    first, *_ = recommendations(sentence)
    assert (first.text, first.kind) == (text, kind)


def test_a_continuation_drops_its_preposition():
    _, second = recommendations("وأوصى المشاركون بإعداد دليل مشترك، وبتعزيز تبادل المعلومات.")
    assert second.text == "تعزيز تبادل المعلومات"


@pytest.mark.parametrize(
    "comment",
    [
        "، وهو ما سيمكن من تفكيك الشبكات الإجرامية",
        "، مما يعكس متانة العلاقات بين البلدين",
        "، حيث سيتم تبادل الخبرات بين الأجهزة",
    ],
)
def test_a_decision_ends_where_the_comment_on_it_starts(comment):
    (whole,) = recommendations("واتفق الطرفان على تعزيز التنسيق الميداني بين المصالح المختصة.")
    assert whole.text == "تعزيز التنسيق الميداني بين المصالح المختصة"
    (decision,) = recommendations(
        f"واتفق الطرفان على تعزيز التنسيق الميداني بين المصالح المختصة{comment}."
    )
    assert decision.text == "تعزيز التنسيق الميداني بين المصالح المختصة"
