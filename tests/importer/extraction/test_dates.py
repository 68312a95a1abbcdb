"""Date expressions: month names of three families, ordinals of days, relative words, ranges."""

from __future__ import annotations

import datetime as dt

import pytest

from committee.importer.extraction.calendar_names import (
    MAGHREB_MONTHS,
    MASHRIQ_MONTHS,
    STANDARD_MONTHS,
    month_number,
)
from committee.importer.extraction.dates import find_dates
from committee.importer.extraction.text import Document, fold

FRIDAY = dt.date(2014, 3, 7)


def dates(text: str, published: dt.date | None = FRIDAY):
    doc = Document(text)
    found, warnings = find_dates(doc, published)
    return [
        (doc.original(m.start, m.end), str(m.first), str(m.last), m.days) for m in found
    ], warnings


@pytest.mark.parametrize("names", [MAGHREB_MONTHS, MASHRIQ_MONTHS, STANDARD_MONTHS])
def test_every_family_of_month_names_counts_from_january_to_december(names):
    assert [month_number(fold(name)) for name in names] == list(range(1, 13))


@pytest.mark.parametrize(
    ("spelling", "month"),
    [("ابريل", 4), ("إبريل", 4), ("أفريل", 4), ("جوان", 6), ("يوليه", 7), ("أغشت", 8),
     ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12), ("جانفي", 1), ("فيفري", 2), ("أوت", 8)],
)  # fmt: skip
def test_spelling_variants_of_month_names_are_known(spelling, month):
    assert month_number(fold(spelling)) == month


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يومي 6 و7 مارس 2014", ("2014-03-06", "2014-03-07")),
        ("من 30 نونبر إلى 2 دجنبر 2015", ("2015-11-30", "2015-12-02")),
        ("يوم الخميس 24 تشرين الثاني/نوفمبر 2016", ("2016-11-24", "2016-11-24")),
        ("يومي ١٢ و١٣ أكتوبر ٢٠١٧", ("2017-10-12", "2017-10-13")),
        ("في شهر نونبر 2013", ("2013-11", "2013-11")),
        ("في أبريل 2013", ("2013-04", "2013-04")),
        ("في أيار/مايو 2015", ("2015-05", "2015-05")),
        ("برسم سنة 2014", ("2014", "2014")),
        ("الفاتح من يوليوز 2015", ("2015-07-01", "2015-07-01")),
        ("07/03/2014", ("2014-03-07", "2014-03-07")),
    ],
)
def test_absolute_dates_have_their_precision(text, expected):
    found, warnings = dates(text)
    assert [(first, last) for _, first, last, _ in found] == [expected]
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اختتمت اليوم الجمعة", "2014-03-07"),
        ("انطلقت أمس الخميس", "2014-03-06"),
        ("نونبر المنصرم", "2013-11"),
        ("مارس الماضي", "2013-03"),
        ("فبراير الماضي", "2014-02"),
        ("شهر مارس الجاري", "2014-03"),
        ("يوم 12 ماي المقبل", "2014-05-12"),
        ("يناير القادم", "2015-01"),
        ("أواخر شهر نونبر من السنة الماضية", "2013-11"),
        ("خلال السنة الجارية", "2014"),
        ("العام المقبل", "2015"),
        ("يوم الثلاثاء المقبل", "2014-03-11"),
        ("يوم الأربعاء الماضي", "2014-03-05"),
    ],
)
def test_relative_dates_are_resolved_against_the_publication_date(text, expected):
    found, _ = dates(text)
    assert [first for _, first, _, _ in found] == [expected]


def test_a_day_and_month_without_a_year_take_the_nearest_year_and_say_so():
    found, warnings = dates("يوم 12 ماي", dt.date(2014, 4, 20))
    assert [first for _, first, _, _ in found] == ["2014-05-12"]
    assert warnings
    assert "no year" in warnings[0]


@pytest.mark.parametrize("text", ["اليوم الجمعة", "نونبر المنصرم", "السنة الماضية", "أمس"])
def test_without_a_publication_date_relative_dates_are_left_unresolved_with_a_warning(text):
    found, warnings = dates(text, None)
    assert [first for _, first, _, _ in found] == ["None"]
    assert len(warnings) == 1


def test_a_weekday_that_is_not_the_publication_day_is_reported():
    found, warnings = dates("اختتمت اليوم الاثنين")
    assert found[0][1] == "2014-03-07"
    assert "weekday" in warnings[0]


@pytest.mark.parametrize(
    ("text", "days"),
    [("على مدى يومين", 2), ("لمدة ثلاثة أيام", 3), ("التي تستمر يومين", 2), ("طيلة أسبوع", 7),
     ("وعلى مدى 4 أيام", 4)],
)  # fmt: skip
def test_durations_count_days(text, days):
    found, _ = dates(text)
    assert [d for *_, d in found] == [days]


@pytest.mark.parametrize(
    "text",
    ["اليوم الدراسي", "حتى اليوم", "في اليوم الثاني", "يمارس الضغط", "ماي", "الشهر", "الأسبوع",
     "بين البلدين الاثنين", "الأحد عشر", "في الشهر الأول من التكوين", "اليوم العالمي",
     "اليوم الموالي"],
)  # fmt: skip
def test_words_that_only_look_like_dates_are_not_dates(text):
    found, _ = dates(text)
    assert found == []


def test_date_spans_start_after_a_glued_conjunction():
    found, _ = dates("وعلى مدى يومين")
    assert found[0][0] == "على مدى يومين"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("غدا السبت", ("2014-03-08", "2014-03-08")),
        ("أول أمس الأربعاء", ("2014-03-05", "2014-03-05")),
        ("الشهر الجاري", ("2014-03", "2014-03")),
        ("خلال هذا الشهر", ("2014-03", "2014-03")),
        ("الشهر المقبل", ("2014-04", "2014-04")),
        ("مطلع الشهر الماضي", ("2014-02", "2014-02")),
        ("الأسبوع المقبل", ("2014-03", "2014-03")),
        ("يوم 28 من الشهر الجاري", ("2014-03-28", "2014-03-28")),
        ("يومي 3 و4 من الشهر المقبل", ("2014-04-03", "2014-04-04")),
        ("من 12 إلى 14 مارس", ("2014-03-12", "2014-03-14")),
        ("إلى غاية اليوم الجمعة", ("2014-03-07", "2014-03-07")),
        ("أيام 3 و4 و5 مارس", ("2014-03-03", "2014-03-05")),
        ("احتضنت المدينة أمس الاجتماع", ("2014-03-06", "2014-03-06")),
        ("اختتمت اليوم الندوة", ("2014-03-07", "2014-03-07")),
    ],
)
def test_relative_days_months_and_weeks_are_resolved_against_the_publication_date(text, expected):
    found, _ = dates(text)
    assert [(first, last) for _, first, last, _ in found] == [expected]


def test_a_week_that_runs_over_two_months_is_left_undated_with_a_warning():
    found, warnings = dates("الأسبوع الماضي")  # 24 February – 2 March 2014
    assert [first for _, first, _, _ in found] == ["None"]
    assert "two months" in warnings[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عقد الاجتماع يوم الثلاثاء بالرباط", "2014-03-04"),
        ("انعقد اللقاء يوم الجمعة", "2014-03-07"),
        ("وصل الوفد مساء الخميس", "2014-03-06"),
        ("ستنعقد الندوة يوم الثلاثاء بمدريد", "2014-03-11"),
        ("ومن المقرر أن يجتمع الطرفان الأربعاء", "2014-03-12"),
        ("يوم الاثنين", "2014-03-03"),
        ("تنطلق يوم الثلاثاء بالرباط أشغال الندوة", "2014-03-11"),
        ("وتتواصل الندوة إلى غاية يوم الأحد", "2014-03-09"),
        ("ستنعقد الندوة التي عقدت دورتها السابقة بمدريد يوم الجمعة", "2014-03-07"),
    ],
)
def test_a_bare_weekday_is_the_nearest_one_in_the_sentence_s_tense(text, expected):
    found, _ = dates(text)
    assert [first for _, first, _, _ in found] == [expected]


def mentions(text: str):
    doc = Document(text)
    return {doc.original(m.start, m.end): m.of_publication for m in find_dates(doc, FRIDAY)[0]}


@pytest.mark.parametrize(
    "text",
    [
        "عقدت اللجنة اجتماعها أمس الخميس",
        "نشرت الشرطة دوريات اليوم الجمعة",
        "أفاد بيان مشترك بأن اللجنة عقدت اجتماعها أمس الخميس",
        "أكد المدير العام، اليوم الجمعة، أن التعاون نموذجي",
        "وقال المدير العام في تصريح صحفي اليوم الجمعة إن التعاون نموذجي",
        "وتوج الاجتماع بإعلان مشترك اليوم الجمعة",
    ],
)
def test_an_event_s_date_is_not_a_publication_date(text):
    assert list(mentions(text).values()) == [False]


@pytest.mark.parametrize(
    "text",
    [
        "أفاد بيان مشترك، نشر اليوم الجمعة، بأن اللجنة عقدت اجتماعها",
        "وذكر البلاغ الصادر أمس الخميس أن",
        "أعلنت المديرية، في بلاغ لها اليوم الجمعة، أن",
        "حسب تقرير للمديرية صدر يوم الأربعاء الماضي",
        "أعلنت المديرية العامة للأمن الوطني، اليوم الجمعة، أن اللجنة عقدت اجتماعها",
    ],
)
def test_the_date_a_communique_came_out_is_marked_as_a_publication_date(text):
    assert list(mentions(text).values()) == [True]


def test_today_with_the_weekday_of_the_day_before_is_a_dispatch_printed_a_day_later():
    found, warnings = dates("انطلقت اليوم الخميس أشغال الندوة")  # printed on Friday
    assert [first for _, first, _, _ in found] == ["2014-03-06"]
    assert "dispatch" in warnings[0]
    found, _ = dates("اختتمت أمس الأربعاء أشغال الندوة")
    assert [first for _, first, _, _ in found] == ["2014-03-05"]
