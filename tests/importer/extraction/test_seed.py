"""The seed article, published on Friday 7 March 2014, read end to end (docs/design.md §2)."""

from __future__ import annotations

import datetime as dt

from committee.arabic import normalize
from committee.importer.extraction import Extraction, PartialDate


def _by_key(facts, key):
    return next(fact for fact in facts if fact.key == key)


def _person(seed: Extraction, surname: str):
    return next(p for p in seed.people if normalize(surname) in normalize(p.name))


def _org_key(seed: Extraction, acronym: str) -> str:
    return next(o.key for o in seed.organizations if o.acronym == acronym)


def test_the_seed_is_relevant_arabic_with_no_warnings(seed):
    assert seed.language == "ar"
    assert seed.language_supported
    assert seed.is_relevant
    assert seed.warnings == ()


def test_the_second_seminar_is_the_subject_held_in_marrakech_on_6_and_7_march_2014(seed):
    subject = [m for m in seed.meetings if m.is_subject]
    assert len(subject) == 1
    seminar = subject[0]
    assert (seminar.kind, seminar.ordinal, seminar.city, seminar.country) == (
        "seminar",
        2,
        "marrakech",
        "MA",
    )
    assert seminar.start == PartialDate(dt.date(2014, 3, 6), "day")
    assert seminar.end == PartialDate(dt.date(2014, 3, 7), "day")
    assert seminar.status == "held"
    assert seminar.theme == "التطرف الظلامي وسبل مواجهته .. تحديات الانتاج المشترك للأمن"
    assert seminar.organizer_keys == (_org_key(seed, "DGSN"),)


def test_the_first_seminar_was_in_cordoba_in_november_2013_to_the_month(seed):
    first = next(m for m in seed.meetings if m.ordinal == 1)
    assert (first.kind, first.city, first.country, first.is_subject) == (
        "seminar",
        "cordoba",
        "ES",
        False,
    )
    assert first.start == PartialDate(dt.date(2013, 11, 1), "month")
    assert first.theme == "تحديات جديدة .. مزيدا من التعاون"
    assert first.status == "held"
    assert len(seed.meetings) == 2


def test_the_strategic_committee_exists_since_november_2013_and_is_co_chaired_by_both_directors(
    seed,
):
    strategic = next(b for b in seed.bodies if b.kind == "strategic_committee")
    assert strategic.status == "active"
    assert strategic.established == PartialDate(dt.date(2013, 11, 1), "month")
    assert strategic.established_city == "cordoba"
    first_seminar = next(m for m in seed.meetings if m.ordinal == 1)
    assert strategic.established_at_meeting_key == first_seminar.key
    chairs = {chair.side: chair for chair in strategic.chairs}
    assert set(chairs) == {"MA", "ES"}
    assert chairs["MA"].person_key == _person(seed, "ارميل").key
    assert chairs["ES"].person_key == _person(seed, "كوسيدو").key
    assert chairs["MA"].organization_key == _org_key(seed, "DGSN")
    assert chairs["ES"].organization_key == _org_key(seed, "DGP")
    assert set(strategic.initiated_by_keys) == {_org_key(seed, "DGSN"), _org_key(seed, "DGP")}


def test_the_follow_up_committee_is_proposed_to_follow_up_the_strategic_committee_s_recommendations(
    seed,
):
    follow_up = next(b for b in seed.bodies if b.kind == "follow_up_committee")
    assert follow_up.status == "proposed"
    assert follow_up.mandate == "تتبع تنفيذ التوصيات المصادق عليها من قبل اللجنة الاستراتيجية"
    assert follow_up.created_by_recommendation_key is not None


def test_three_technical_subcommittees_are_proposed_with_their_mandates(seed):
    subcommittees = [b for b in seed.bodies if b.kind == "subcommittee"]
    assert [b.mandate for b in subcommittees] == [
        "محاربة الارهاب والتطرف وتبادل المعلومات والخبرات في هذا المجال",
        "التكوين وتبادل الممارسات الجيدة",
        "مكافحة الجريمة المرتبطة بالتكنولوجيا الحديثة",
    ]
    assert {b.status for b in subcommittees} == {"proposed"}
    strategic = next(b for b in seed.bodies if b.kind == "strategic_committee")
    assert {b.parent_key for b in subcommittees} == {strategic.key}


def test_the_two_institutions_are_the_dgsn_and_the_dgp(seed):
    assert {(o.acronym, o.side) for o in seed.organizations} == {("DGSN", "MA"), ("DGP", "ES")}


def test_the_dgsn_director_is_one_person_under_both_spellings(seed):
    director = _person(seed, "ارميل")
    assert set(director.variants) == {"بوشعيب ارميل", "بوشعيب أرميل"}
    assert director.name == "بوشعيب ارميل"
    assert director.honorific == "السيد"
    assert director.position == "المدير العام للأمن الوطني"
    assert (director.organization_key, director.side) == (_org_key(seed, "DGSN"), "MA")
    surname_only = [s for s in director.spans if s.quote == "أرميل"]
    assert surname_only, "«السيد أرميل» is cited as the same person"


def test_the_dgp_director_is_the_other_person(seed):
    assert len(seed.people) == 2
    director = _person(seed, "كوسيدو")
    assert director.name == "إينياسيو كوسيدو"
    assert director.position == "المدير العام للشرطة الاسبانية"
    assert (director.organization_key, director.side) == (_org_key(seed, "DGP"), "ES")


def test_each_recommendation_is_its_own_record_of_the_right_kind(seed):
    kinds = [(r.kind, r.theme) for r in seed.recommendations]
    assert kinds == [
        ("standing", "institutional"),
        ("establishes_body", "institutional"),
        ("establishes_body", "institutional"),
        ("establishes_body", "counter_terrorism"),
        ("establishes_body", "training"),
        ("establishes_body", "cybercrime"),
        ("adopts_plan", "training"),
        ("one_off", "information_exchange"),
    ]
    subject = next(m for m in seed.meetings if m.is_subject)
    assert {r.meeting_key for r in seed.recommendations} == {subject.key}


def test_the_annual_meetings_recommendation_is_about_the_strategic_committee(seed):
    annual = seed.recommendations[0]
    assert annual.text.startswith("تنظيم اجتماعات سنوية للجنة الاستراتيجية")
    assert annual.body_key == next(b.key for b in seed.bodies if b.kind == "strategic_committee")


def test_the_subcommittees_recommendation_is_a_parent_with_one_child_per_subcommittee(seed):
    parent = seed.recommendations[2]
    assert parent.text == "انشاء لجن فرعية تقنية في مختلف ميادين التعاون بين الطرفين"
    children = [r for r in seed.recommendations if r.parent_key == parent.key]
    subcommittees = [b for b in seed.bodies if b.kind == "subcommittee"]
    assert [c.body_key for c in children] == [b.key for b in subcommittees]
    assert [b.created_by_recommendation_key for b in subcommittees] == [c.key for c in children]


def test_the_2014_bilateral_action_plan_for_training_is_proposed(seed):
    (plan,) = seed.action_plans
    assert plan.bilateral
    assert plan.period_start == PartialDate(dt.date(2014, 1, 1), "year")
    assert plan.scope == "التكوين والمساعدة التقنية"
    assert plan.status == "proposed"
    recommendation = _by_key(seed.recommendations, plan.recommendation_key)
    assert recommendation.kind == "adopts_plan"
    assert recommendation.plan_key == plan.key


def test_the_april_2013_agreement_on_illegal_migration_binds_the_dgsn_and_the_dgp(seed):
    (agreement,) = seed.agreements
    assert agreement.signed == PartialDate(dt.date(2013, 4, 1), "month")
    assert agreement.theme == "migration"
    assert set(agreement.party_keys) == {_org_key(seed, "DGSN"), _org_key(seed, "DGP")}
    assert "الهجرة غير المشروعة" in (agreement.subject or "")


def test_the_joint_police_stations_are_at_tanger_med_and_algeciras(seed):
    (mechanism,) = seed.mechanisms
    assert mechanism.kind == "joint_police_station"
    assert mechanism.location_keys == ("tanger_med", "algeciras_port")


def test_the_presentations_are_four_topics_in_order(seed):
    topics = [p.topic for p in seed.presentations]
    assert len(topics) == 4
    assert topics[0].startswith("التطرف سواء في صفوف الشباب")
    assert topics[1].startswith("مجالات التقاطع بين التطرف الظلامي")
    assert topics[2].startswith("استعراض الممارسات السليمة")
    assert topics[3].startswith("ابراز الاجابات المؤسساتية")


def test_statements_go_to_the_director_general_who_made_them(seed):
    dgsn, dgp = _person(seed, "ارميل").key, _person(seed, "كوسيدو").key
    speakers = [s.person_key for s in seed.statements]
    assert speakers == [dgsn, dgsn, dgsn, dgsn, dgp, dgp, dgp, dgp, dgp]


def test_the_dgp_director_s_direct_quotes_are_his(seed):
    direct = [s for s in seed.statements if s.kind == "direct"]
    assert len(direct) == 2
    assert {s.person_key for s in direct} == {_person(seed, "كوسيدو").key}
    assert direct[0].text.startswith("التطرف يعتبر خطرا قائما")
    assert direct[0].text.endswith("مع شركائنا المغاربة")
    assert direct[1].text.startswith("المحاربة الناجعة للتطرف")


def test_without_a_publication_date_relative_dates_stay_unresolved(seed_text):
    from committee.importer.extraction import extract

    extraction = extract(seed_text, published=None)
    subject = next(m for m in extraction.meetings if m.is_subject)
    first = next(m for m in extraction.meetings if m.ordinal == 1)
    assert subject.start is None
    assert subject.end is None
    assert first.start is None
    assert any("اليوم الجمعة" in warning for warning in extraction.warnings)
    assert any("السنة الماضية" in warning for warning in extraction.warnings)
    assert extraction.agreements[0].signed == PartialDate(dt.date(2013, 4, 1), "month")
