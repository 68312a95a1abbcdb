"""Meetings: kinds, ordinals, coreference, dates, places and status, from the words around them."""

from __future__ import annotations

import datetime as dt

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
