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


def test_a_dateline_city_is_where_the_dispatch_was_filed_not_the_venue():
    (meeting,) = meetings(
        "الرباط (ومع) - اختتمت أمس بمدريد أشغال الندوة الأمنية المغربية الإسبانية."
    )
    assert meeting.city == "madrid"
    (meeting,) = meetings("الرباط (ومع) - اختتمت أمس أشغال الندوة الأمنية المغربية الإسبانية.")
    assert meeting.city is None


def test_a_generic_this_meeting_alone_is_not_a_tracked_meeting():
    extraction = extract("وعرف هذا اللقاء حضورا كبيرا لرجال الأمن.", published=PUBLISHED)
    assert not extraction.is_relevant
