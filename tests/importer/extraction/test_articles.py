"""The annotated articles of ``tests/importer/articles``: gold recovered, and article by article."""

from __future__ import annotations

import datetime as dt

import pytest

from committee.arabic import normalize
from committee.importer.extraction import PartialDate, extract
from tests.importer.extraction.gold import Scores, load_articles, score

ARTICLES = {article.name: article for article in load_articles()}


def run(name: str):
    article = ARTICLES[name]
    return extract(article.text, published=article.published)


def day(value: str) -> PartialDate:
    return PartialDate(dt.date.fromisoformat(value), "day")


def person(extraction, name: str):
    return next(
        p for p in extraction.people if normalize(name) in {normalize(v) for v in p.variants}
    )


def test_there_are_at_least_seven_annotated_articles_besides_the_seed():
    assert len([name for name in ARTICLES if not name.startswith("000")]) >= 7


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_each_article_s_gold_is_recovered_with_high_precision_and_recall(name):
    article = ARTICLES[name]
    total = Scores()
    for result in score(
        extract(article.text, published=article.published), article.gold
    ).by_category.values():
        total["all"].add(result)
    assert total["all"].precision >= 0.9, total
    assert total["all"].recall >= 0.9, total


def test_an_announcement_gives_the_coming_seminar_its_dates_and_planned_status():
    extraction = run("001_announcement_third_seminar")
    coming = next(m for m in extraction.meetings if m.is_subject)
    assert (coming.ordinal, coming.city, coming.status) == (3, "madrid", "planned")
    assert (coming.start, coming.end) == (day("2015-05-14"), day("2015-05-15"))
    assert {key.removeprefix("org:") for key in coming.organizer_keys} == {"dgp", "dgsn"}
    previous = next(m for m in extraction.meetings if m.ordinal == 2)
    assert (previous.city, previous.status, str(previous.start)) == ("marrakech", "held", "2014-03")
    assert extraction.recommendations == ()


def test_a_closing_report_in_madrid_dates_the_session_from_yesterday_and_finds_the_next_one():
    extraction = run("002_closing_strategic_session_madrid")
    session = next(m for m in extraction.meetings if m.is_subject)
    assert (session.kind, session.ordinal, session.city) == (
        "strategic_committee_session",
        2,
        "madrid",
    )
    assert session.end == day("2016-06-09")
    following = next(m for m in extraction.meetings if not m.is_subject)
    assert (following.kind, following.city, following.status, str(following.start)) == (
        "strategic_committee_session",
        "rabat",
        "planned",
        "2017",
    )
    assert following.body_key == session.body_key
    assert [r.kind for r in extraction.recommendations] == [
        "one_off",
        "one_off",
        "establishes_body",
        "one_off",
    ]
    group = next(b for b in extraction.bodies if b.kind == "working_group")
    assert (group.status, group.mandate) == ("proposed", "مكافحة الجريمة المعلوماتية")


def test_mashriq_month_names_and_a_duration_date_the_fourth_seminar():
    extraction = run("003_mashriq_months_rabat")
    seminar = next(m for m in extraction.meetings if m.is_subject)
    assert (seminar.ordinal, seminar.city) == (4, "rabat")
    assert (seminar.start, seminar.end) == (day("2016-11-24"), day("2016-11-25"))
    third = next(m for m in extraction.meetings if m.ordinal == 3)
    assert (third.city, str(third.start)) == ("madrid", "2015-05")
    session = next(m for m in extraction.meetings if m.kind == "strategic_committee_session")
    assert str(session.start) == "2016-03"
    assert {o.gazetteer_key for o in extraction.organizations} == {"dgsn", "interpol", "europol"}


def test_a_subcommittee_s_first_meeting_is_the_subcommittee_s_not_its_parent_s():
    extraction = run("004_subcommittee_first_meeting")
    (meeting,) = extraction.meetings
    subcommittee = next(b for b in extraction.bodies if b.kind == "subcommittee")
    assert (meeting.kind, meeting.ordinal, meeting.body_key) == (
        "subcommittee_meeting",
        1,
        subcommittee.key,
    )
    assert (meeting.city, meeting.start) == ("kenitra", day("2014-06-17"))
    assert subcommittee.status == "active"
    assert extraction.action_plans[0].status == "proposed"


def test_the_seed_s_seminar_retold_gives_the_same_facts():
    extraction = run("005_seed_seminar_retold")
    (seminar,) = extraction.meetings
    assert (seminar.ordinal, seminar.city, seminar.start, seminar.end) == (
        2,
        "marrakech",
        day("2014-03-06"),
        day("2014-03-07"),
    )
    director = person(extraction, "إغناسيو كوسيدو")
    assert director.position == "المدير العام للشرطة الإسبانية"
    assert extraction.statements[0].person_key == director.key


def test_an_unrelated_news_item_is_irrelevant_and_empty():
    extraction = run("006_unrelated_football")
    assert not extraction.is_relevant
    assert extraction.meetings == extraction.people == extraction.recommendations == ()
    assert extraction.warnings


def test_tatweel_diacritics_hamza_variants_and_arabic_indic_digits_are_read():
    extraction = run("007_spelling_variants_sevilla")
    seminar = next(m for m in extraction.meetings if m.is_subject)
    assert (seminar.ordinal, seminar.city, seminar.start, seminar.end) == (
        5,
        "seville",
        day("2017-10-12"),
        day("2017-10-13"),
    )
    director = person(extraction, "إغناثيو مورينو")
    assert set(director.variants) == {"إغناثيو مورينو", "اغناثيو مورينو"}
    moroccan = person(extraction, "عبد الحق الإدريسي")
    assert moroccan.honorific == "الســيد"
    assert moroccan.organization_key == "org:dgsn"
    for fact in (*extraction.meetings, *extraction.people):
        for span in fact.spans:
            assert (
                ARTICLES["007_spelling_variants_sevilla"].text[span.start : span.end] == span.quote
            )


def test_a_french_dispatch_gives_the_seminar_closed_on_friday_and_its_two_decisions():
    extraction = run("008_french_dispatch")
    assert (extraction.language, extraction.language_supported, extraction.is_relevant) == (
        "fr",
        True,
        True,
    )
    (seminar,) = extraction.meetings
    assert (seminar.kind, seminar.ordinal, seminar.city, seminar.end) == (
        "seminar",
        2,
        "marrakech",
        day("2014-03-07"),
    )
    follow_up = next(b for b in extraction.bodies if b.kind == "follow_up_committee")
    assert follow_up.status == "proposed"
    assert [r.kind for r in extraction.recommendations] == ["standing", "establishes_body"]
    text = ARTICLES["008_french_dispatch"].text
    for fact in (*extraction.meetings, *extraction.bodies, *extraction.recommendations):
        assert all(text[s.start : s.end] == s.quote for s in fact.spans)


def test_a_memorandum_signed_on_the_sidelines_of_a_ministerial_meeting_shares_its_date_and_place():
    extraction = run("009_ministerial_memorandum")
    (agreement,) = extraction.agreements
    assert agreement.party_keys == ("org:ma_interior", "org:es_interior")
    assert (agreement.signed, agreement.city, agreement.theme) == (
        day("2018-02-15"),
        "rabat",
        "migration",
    )
    meeting = next(m for m in extraction.meetings if m.is_subject)
    assert (meeting.kind, meeting.city, meeting.start) == (
        "ministerial_meeting",
        "rabat",
        day("2018-02-15"),
    )
    kinds = {m.kind: m.location_keys for m in extraction.mechanisms}
    assert kinds == {"police_cooperation_centre": ("fnideq",), "joint_patrols": ()}


def test_a_dispatch_dated_in_its_dateline_resolves_yesterday_from_it():
    extraction = run("010_follow_up_committee_dateline")
    assert extraction.published == dt.date(2019, 5, 3)
    meeting = next(m for m in extraction.meetings if m.is_subject)
    assert (meeting.kind, meeting.ordinal, meeting.start) == (
        "follow_up_meeting",
        3,
        day("2019-05-02"),
    )
    assert any("dateline" in warning for warning in extraction.warnings)
    (plan,) = extraction.action_plans
    assert plan.status == "adopted"


def test_a_counterpart_named_as_his_opposite_number_gets_the_other_ministry():
    extraction = run("012_interior_minister_visit")
    moroccan = person(extraction, "محمد بنسالم")
    assert (moroccan.organization_key, moroccan.side) == ("org:ma_interior", "MA")
    speakers = [s.person_key for s in extraction.statements]
    spanish = person(extraction, "أنطونيو رويث مارين").key
    assert speakers == [spanish, spanish, moroccan.key]


def test_the_follow_up_committee_s_sessions_are_told_apart_by_their_ordinals():
    extraction = run("013_follow_up_announcement_malaga")
    fourth = next(m for m in extraction.meetings if m.ordinal == 4)
    third = next(m for m in extraction.meetings if m.ordinal == 3)
    assert (fourth.status, fourth.city, fourth.start, fourth.end) == (
        "planned",
        "malaga",
        day("2018-12-03"),
        day("2018-12-05"),
    )
    assert (third.status, third.city, str(third.start)) == ("held", "casablanca", "2018-06")
    assert fourth.body_key == third.body_key


def test_a_working_group_s_first_meeting_with_an_enumeration_of_recommendations():
    extraction = run("011_working_group_tangier")
    (meeting,) = extraction.meetings
    group = next(b for b in extraction.bodies if b.kind == "working_group")
    assert (meeting.kind, meeting.ordinal, meeting.body_key) == (
        "subcommittee_meeting",
        1,
        group.key,
    )
    assert (group.status, group.mandate) == ("active", "مكافحة الهجرة غير النظامية")
    assert (meeting.start, meeting.end) == (day("2018-02-21"), day("2018-02-22"))
    assert [r.kind for r in extraction.recommendations] == [
        "one_off",
        "one_off",
        "one_off",
        "adopts_plan",
    ]
    (plan,) = extraction.action_plans
    assert (str(plan.period_start), str(plan.period_end)) == ("2018", "2019")


def test_a_joint_investigation_team_is_a_mechanism_not_a_working_group():
    extraction = run("014_joint_investigation_algeciras")
    assert extraction.bodies == ()
    assert [m.kind for m in extraction.mechanisms] == ["joint_investigation_team"]
    (meeting,) = extraction.meetings
    assert (meeting.city, meeting.start) == ("algeciras", day("2018-02-14"))
    officer = person(extraction, "خوان كارلوس بيريث")
    assert (officer.honorific, officer.organization_key) == ("الكولونيل", "org:guardia_civil")


def test_a_prefect_of_security_speaks_twice_and_the_next_seminar_is_planned():
    extraction = run("015_sixth_seminar_granada")
    prefect = person(extraction, "رشيد الحمداوي")
    assert (prefect.position, prefect.organization_key) == ("والي أمن طنجة", "org:dgsn")
    assert [(s.kind, s.person_key) for s in extraction.statements] == [
        ("reported", prefect.key),
        ("direct", prefect.key),
    ]
    seventh = next(m for m in extraction.meetings if m.ordinal == 7)
    assert (seventh.city, seventh.status, str(seventh.start)) == ("agadir", "planned", "2020")


def test_receiving_a_delegation_is_a_meeting_and_its_talks_have_topics():
    extraction = run("016_delegation_visit_rabat")
    visit = next(m for m in extraction.meetings if m.is_subject)
    assert (visit.kind, visit.city, visit.start) == ("other", "rabat", day("2016-09-19"))
    (topic,) = extraction.presentations
    assert topic.topic.startswith("سبل تطوير التعاون الثنائي")
    assert topic.meeting_key == visit.key


def test_a_dateline_city_is_the_venue_and_a_city_that_means_new_only_counts_as_a_place():
    extraction = run("021_cordoba_dateline_next_session_el_jadida")
    held, coming = extraction.meetings
    assert (held.city, held.end) == ("cordoba", day("2019-11-27"))
    assert (coming.city, coming.status, str(coming.start)) == ("el_jadida", "planned", "2020")
    quotes = [e.span.quote for e in coming.evidence if e.field == "city"]
    assert quotes == ["الجديدة"]
    assert ARTICLES["021_cordoba_dateline_next_session_el_jadida"].text.count("الجديدة") == 3


def test_a_communique_published_days_later_dates_neither_the_meeting_nor_the_founding():
    extraction = run("022_joint_communique_published_later")
    meeting = next(m for m in extraction.meetings if m.is_subject)
    assert (meeting.start, meeting.city) == (day("2021-06-10"), "tangier")
    strategic = next(b for b in extraction.bodies if b.kind == "strategic_committee")
    assert (str(strategic.established), strategic.established_city) == ("2013-11", "cordoba")


def test_next_week_and_a_bare_weekday_are_resolved_against_the_publication_date():
    extraction = run("023_efe_subcommittee_next_week")
    first, second, seminar = extraction.meetings
    assert (first.start, first.city) == (day("2019-03-12"), "madrid")
    assert (str(second.start), second.status) == ("2019-03", "planned")
    assert (seminar.start, seminar.end) == (day("2019-05-20"), day("2019-05-22"))


def test_a_joint_declaration_gives_its_decisions_its_chairs_and_itself_as_an_agreement():
    extraction = run("025_joint_declaration_seven_decisions")
    assert [r.kind for r in extraction.recommendations].count("standing") == 3
    assert not any("يترأس" in r.text for r in extraction.recommendations)
    (committee,) = extraction.bodies
    assert [chair.side for chair in committee.chairs] == ["MA", "ES"]
    (declaration,) = extraction.agreements
    assert (declaration.theme, declaration.signed) == ("institutional", day("2019-06-13"))


def test_hyphenated_seminar_names_keep_their_ordinals():
    extraction = run("026_hyphenated_seminar_name")
    assert [(m.ordinal, m.name) for m in extraction.meetings] == [
        (2, "الندوة المغربية-الإسبانية الثانية"),
        (1, "الندوة المغربية – الإسبانية الأولى"),
        (3, "الدورة الثالثة للندوة المغربية-الإسبانية"),
    ]


def test_a_press_conference_closing_a_working_visit_is_neither_a_seminar_nor_the_subject():
    extraction = run("027_press_conference_working_visit")
    assert [(m.kind, m.is_subject) for m in extraction.meetings] == [
        ("working_visit", True),
        ("press_conference", False),
    ]


def test_an_inauguration_of_a_joint_centre_names_both_centres_locations():
    extraction = run("028_inauguration_joint_centre")
    (inauguration,) = extraction.meetings
    assert (inauguration.kind, inauguration.city) == ("inauguration", "tangier")
    centres = next(m for m in extraction.mechanisms if m.kind == "police_cooperation_centre")
    assert centres.location_keys == ("tangier", "algeciras")
