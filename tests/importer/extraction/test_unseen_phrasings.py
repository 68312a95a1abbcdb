"""Phrasings first met on articles outside the corpus: each one's wrong reading, then the right."""

from __future__ import annotations

import datetime as dt

from committee.importer.extraction import extract


def test_the_day_the_news_came_out_is_not_the_meetings_day():
    text = (
        "Rabat, 3 mar (EFE).- La Policía Nacional y la Dirección General de la Seguridad "
        "Nacional de Marruecos celebrarán la IV sesión del Comité Estratégico en junio en Rabat, "
        "según ha informado hoy el Ministerio del Interior."
    )
    (meeting,) = extract(text, published=dt.date(2023, 3, 3)).meetings
    assert str(meeting.start) != "2023-03-03"
    assert (str(meeting.start), meeting.status, meeting.ordinal) == ("2023-06", "planned", 4)


def test_a_month_without_a_year_is_the_last_one_in_a_report_and_the_next_in_an_announcement():
    past = (
        "Madrid, 10 feb (EFE).- La Policía Nacional y la DGSN marroquí celebraron en noviembre "
        "en Madrid la III sesión del Comité Estratégico."
    )
    (meeting,) = extract(past, published=dt.date(2023, 2, 10)).meetings
    assert str(meeting.start) == "2022-11"
    future = past.replace("celebraron", "celebrarán")
    (meeting,) = extract(future, published=dt.date(2023, 2, 10)).meetings
    assert str(meeting.start) == "2023-11"


def test_two_directors_named_together_are_two_people_each_of_his_service():
    text = (
        "Madrid, 9 feb (EFE).- Los directores generales de la Policía Nacional española y de la "
        "Seguridad Nacional marroquí, Francisco Pardo Piqueras y Abdellatif Hammouchi, se "
        "reunieron este jueves en Madrid para preparar la próxima sesión del Comité Estratégico. "
        'Hammouchi destacó que "la cooperación entre ambos '
        'cuerpos es ejemplar".'
    )
    extraction = extract(text, published=dt.date(2023, 2, 10))
    people = {p.name: p for p in extraction.people}
    assert set(people) == {"Francisco Pardo Piqueras", "Abdellatif Hammouchi"}
    assert (people["Francisco Pardo Piqueras"].side, people["Abdellatif Hammouchi"].side) == (
        "ES",
        "MA",
    )
    (statement,) = extraction.statements
    assert statement.person_key == people["Abdellatif Hammouchi"].key


def test_a_compound_surname_joined_by_y_stays_one_person():
    text = (
        "Madrid, 9 feb (EFE).- El comisario general de Policía Judicial, Santiago Ramón y Cajal, "
        "se reunió este jueves en Madrid con una delegación de la DGSN marroquí para preparar la "
        "III sesión del Comité Estratégico."
    )
    names = [p.name for p in extract(text, published=dt.date(2023, 2, 10)).people]
    assert names == ["Santiago Ramón y Cajal"]


def test_a_body_still_to_be_created_has_no_founding_date_and_keeps_its_mandate():
    text = (
        "الرباط – أجرى المدير العام للأمن الوطني، عبد اللطيف حموشي، أمس بالرباط، مباحثات مع "
        "المدير العام للشرطة الإسبانية، فرانسيسكو باردو بيكيراس. واتفق الجانبان على عقد الدورة "
        "المقبلة بمدريد خلال شهر أكتوبر المقبل، وعلى إحداث فريق عمل مشترك يعنى بالجرائم "
        "الإلكترونية."
    )
    (body,) = extract(text, published=dt.date(2023, 6, 14)).bodies
    assert body.established is None and body.status == "proposed"
    assert body.mandate == "الجرائم الإلكترونية"


def test_a_working_meeting_is_a_meeting():
    text = (
        "الرباط – عقد المدير العام للأمن الوطني، عبد اللطيف حموشي، اليوم الخميس بالرباط، اجتماع "
        "عمل مع المدير العام للشرطة الإسبانية، خصص لتقييم التعاون في مجال مكافحة الإرهاب."
    )
    (meeting,) = extract(text, published=dt.date(2026, 3, 12)).meetings
    assert (meeting.name, meeting.city, str(meeting.start)) == ("اجتماع عمل", "rabat", "2026-03-12")
    without = text.replace("اجتماع عمل", "اجتماع الأسبوع")
    assert extract(without, published=dt.date(2026, 3, 12)).meetings == ()
