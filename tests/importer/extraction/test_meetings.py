"""Meetings: kinds, ordinals, coreference, dates, places and status, from the words around them."""

from __future__ import annotations

import datetime as dt

import pytest

from committee.importer.extraction import extract

PUBLISHED = dt.date(2015, 4, 20)


def meetings(text: str, published: dt.date | None = PUBLISHED):
    return extract(text, published=published).meetings


def test_anaphora_refers_to_the_subject_and_an_ordinal_to_another_meeting():
    found = meetings(
        "انطلقت اليوم بالرباط أشغال الدورة الثالثة للندوة العلمية حول الأمن. وتأتي هذه الندوة "
        "بعد الندوة الثانية التي احتضنتها مدريد في أبريل 2014. "
        "ويشارك في هذا اللقاء خبراء من الشرطة."
    )
    assert [(m.ordinal, m.city, m.is_subject) for m in found] == [
        (3, "rabat", True),
        (2, "madrid", False),
    ]


def test_a_meeting_announced_for_next_month_is_planned():
    (meeting,) = meetings(
        "تحتضن مدينة فاس يومي 12 و13 ماي المقبل الدورة الرابعة للندوة الأمنية المغربية الإسبانية."
    )
    assert (meeting.city, meeting.status, str(meeting.start), str(meeting.end)) == (
        "fez",
        "planned",
        "2015-05-12",
        "2015-05-13",
    )


def test_a_future_verb_makes_an_undated_meeting_planned():
    (meeting,) = meetings(
        "ستنعقد بمدينة إشبيلية الدورة الخامسة للندوة العلمية في مجال مكافحة الإرهاب."
    )
    assert (meeting.city, meeting.status, meeting.start) == ("seville", "planned", None)


def test_a_closing_day_and_a_duration_give_the_first_day():
    (meeting,) = meetings(
        "اختتمت اليوم الاثنين بطنجة أشغال الندوة الأمنية التي نظمت على مدى ثلاثة أيام."
    )
    assert (str(meeting.start), str(meeting.end)) == ("2015-04-18", "2015-04-20")


def test_a_session_of_the_strategic_committee_is_tied_to_the_committee():
    extraction = extract(
        "عقدت اللجنة الأمنية الاستراتيجية اجتماعها السنوي الخامس أمس الأحد بمدريد.",
        published=PUBLISHED,
    )
    (meeting,) = extraction.meetings
    (body,) = extraction.bodies
    assert (meeting.kind, meeting.ordinal, meeting.body_key, str(meeting.start)) == (
        "strategic_committee_session",
        5,
        body.key,
        "2015-04-19",
    )


def test_a_dateline_city_gives_way_to_a_named_venue_and_to_an_older_or_coming_meeting():
    (meeting,) = meetings(
        "الرباط (ومع) - اختتمت أمس بمدريد أشغال الندوة الأمنية المغربية الإسبانية."
    )
    assert meeting.city == "madrid"
    (meeting,) = meetings(
        "الرباط (ومع) - انعقدت في مارس الماضي أشغال الندوة الأمنية المغربية الإسبانية."
    )
    assert meeting.city is None
    (meeting,) = meetings(
        "الرباط (ومع) - ستنعقد الندوة الأمنية المغربية الإسبانية في يونيو المقبل."
    )
    assert (meeting.status, meeting.city) == ("planned", None)


def test_a_dispatch_about_a_meeting_just_held_was_filed_from_its_venue():
    text = "قرطبة – اختتمت أمس أشغال الندوة الأمنية المغربية الإسبانية."
    (meeting,) = meetings(text)
    assert (meeting.city, meeting.country) == ("cordoba", "ES")
    cited = [e.span.quote for e in meeting.evidence if e.field == "city"]
    assert cited == ["قرطبة"]


def test_a_generic_this_meeting_alone_is_not_a_tracked_meeting():
    extraction = extract("وعرف هذا اللقاء حضورا كبيرا لرجال الأمن.", published=PUBLISHED)
    assert not extraction.is_relevant


def test_a_communique_s_publication_date_dates_neither_the_meeting_nor_a_founding():
    extraction = extract(
        "الرباط (و م ع) – أفاد بيان مشترك، نشر اليوم الأحد، بأن اللجنة الأمنية الاستراتيجية "
        "المغربية الإسبانية عقدت اجتماعها الرابع يوم الخميس الماضي بطنجة.\n"
        "وذكر البيان الصادر اليوم الأحد أن اللجنة، التي أحدثت في نونبر 2013، تجتمع سنويا.",
        published=dt.date(2015, 4, 19),
    )
    (meeting,) = extraction.meetings
    assert (str(meeting.start), meeting.city) == ("2015-04-16", "tangier")
    (body,) = extraction.bodies
    assert str(body.established) == "2013-11"


def test_a_meeting_that_goes_on_until_today_ends_today():
    (meeting,) = meetings(
        "انطلقت أول أمس السبت بفاس أشغال الندوة الأمنية المغربية الإسبانية، التي تتواصل "
        "إلى غاية اليوم الاثنين."
    )
    assert (str(meeting.start), str(meeting.end)) == ("2015-04-18", "2015-04-20")


def test_a_meeting_next_week_is_planned_though_its_month_is_the_publication_s():
    (meeting,) = meetings(
        "وستعقد اللجنة الفرعية المكلفة بمكافحة الإرهاب اجتماعها الثاني الأسبوع المقبل بالرباط.",
        dt.date(2015, 4, 8),
    )
    assert (str(meeting.start), meeting.status) == ("2015-04", "planned")


def test_a_body_s_mandate_stops_where_the_sentence_says_it_met():
    extraction = extract(
        "أفاد بلاغ للمديرية العامة للأمن الوطني بأن لجنة تتبع تنفيذ التوصيات عقدت اجتماعها "
        "الخامس أمس بطنجة.",
        published=PUBLISHED,
    )
    (body,) = extraction.bodies
    assert body.mandate == "تتبع تنفيذ التوصيات"
    (meeting,) = extraction.meetings
    assert (meeting.ordinal, meeting.city, str(meeting.start)) == (5, "tangier", "2015-04-19")


#: The events below are tracked only in a text about security.
SECURITY = " وتناول المشاركون التعاون الأمني بين البلدين."


def security_meetings(text: str):
    return meetings(text + SECURITY)


def test_a_press_conference_is_not_a_seminar_nor_the_subject_of_the_visit_it_closes():
    found = security_meetings(
        "وأكد المدير العام، خلال ندوة صحفية مشتركة عقدها اليوم بمدريد، أن التعاون متميز. "
        "وجاءت هذه الندوة الصحفية في ختام زيارة عمل قام بها إلى إسبانيا."
    )
    assert "seminar" not in [m.kind for m in found]
    assert [(m.kind, m.is_subject) for m in found] == [
        ("working_visit", True),
        ("press_conference", False),
    ]
    assert [m.key for m in found] == ["meeting:1", "meeting:2"]
    assert found[1].city == "madrid"


def test_a_press_conference_alone_is_the_subject():
    (meeting,) = security_meetings(
        "عقد وزيرا الداخلية اليوم بالرباط مؤتمرا صحفيا مشتركا حول الهجرة."
    )
    assert (meeting.kind, meeting.is_subject, meeting.city) == ("press_conference", True, "rabat")


def test_an_inauguration_and_a_signing_ceremony_are_events_of_their_own_kinds():
    assert security_meetings("وحضر الندوة عدد من المسؤولين.")[0].kind == "seminar"
    (inauguration,) = security_meetings(
        "دشن وزيرا الداخلية اليوم الاثنين بطنجة مركزا للتعاون الشرطي. وحضر حفل التدشين المسؤولون."
    )
    assert (inauguration.kind, inauguration.city, str(inauguration.start)) == (
        "inauguration",
        "tangier",
        "2015-04-20",
    )
    (ceremony,) = security_meetings("وجرى حفل التوقيع اليوم بمدريد بحضور المديرين العامين للشرطة.")
    assert (ceremony.kind, ceremony.city) == ("signing_ceremony", "madrid")


@pytest.mark.parametrize("dash", ["-", "–", "—", " - ", " – ", "\u2011"])
def test_a_hyphenated_name_is_kept_whole_with_its_ordinal(dash):
    (plain,) = security_meetings("اختتمت أمس بمراكش أشغال الندوة المغربية.")
    assert (plain.name, plain.ordinal) == ("الندوة المغربية", None)
    (meeting,) = security_meetings(
        f"اختتمت أمس بمراكش أشغال الندوة المغربية{dash}الإسبانية الأولى."
    )
    assert (meeting.name, meeting.ordinal) == (f"الندوة المغربية{dash}الإسبانية الأولى", 1)


def test_a_series_of_a_hyphenated_seminar_keeps_the_whole_name():
    (meeting,) = security_meetings("وستنعقد الدورة الثالثة للندوة المغربية-الإسبانية بمدريد.")
    assert (meeting.kind, meeting.ordinal, meeting.name) == (
        "seminar",
        3,
        "الدورة الثالثة للندوة المغربية-الإسبانية",
    )


def test_a_dash_before_a_word_that_is_no_adjective_ends_the_name():
    (meeting,) = security_meetings("انطلقت اليوم بفاس الندوة الأمنية - وهي الأولى من نوعها.")
    assert meeting.name == "الندوة الأمنية"


def test_a_quoted_name_right_after_the_seminar_is_kept_whole():
    (unquoted,) = security_meetings("اختتمت أمس بالرباط أشغال الندوة الدولية حول الأمن في المتوسط.")
    assert unquoted.name == "الندوة الدولية"
    (meeting,) = security_meetings('اختتمت أمس بالرباط أشغال الندوة الدولية "الأمن في المتوسط".')
    assert meeting.name == 'الندوة الدولية "الأمن في المتوسط"'
    (indefinite,) = security_meetings("ونظمت المديرية بالرباط ندوة «الشرطة والمجتمع».")
    assert indefinite.name == "ندوة «الشرطة والمجتمع»"


def test_a_quotation_after_a_bare_definite_seminar_is_someone_s_word_on_it():
    (meeting,) = security_meetings(
        'وانعقدت بالرباط الندوة الدولية. واعتبر أن الندوة "ناجحة بكل المقاييس".'
    )
    assert meeting.name == "الندوة الدولية"


def test_a_delegation_received_on_a_working_visit_is_one_event():
    (alone,) = security_meetings("استقبل المدير العام اليوم بالرباط وفدا إسبانيا.")
    assert alone.kind == "other"
    (visit,) = security_meetings(
        "استقبل المدير العام اليوم بالرباط وفدا إسبانيا يقوم بزيارة عمل إلى المغرب."
    )
    assert (visit.kind, visit.name, visit.city) == ("working_visit", "زيارة عمل", "rabat")


@pytest.mark.parametrize(
    "sentence",
    [
        "ودشن البلدان بهذا الاتفاق مرحلة جديدة من التعاون الأمني.",
        "وتدشن هذه المذكرة عهدا جديدا في التعاون الأمني.",
    ],
)
def test_inaugurating_a_new_phase_is_no_inauguration(sentence):
    assert "inauguration" not in [m.kind for m in security_meetings(sentence)]
