"""French and Spanish articles: the same facts as Arabic ones, from the genre's own words."""

from __future__ import annotations

import datetime as dt

import pytest

from committee.importer.extraction import PartialDate, extract

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday


def day(value: str) -> PartialDate:
    return PartialDate(dt.date.fromisoformat(value), "day")


def spans_are_exact(text: str, extraction) -> bool:
    facts = (
        *extraction.meetings,
        *extraction.bodies,
        *extraction.people,
        *extraction.organizations,
        *extraction.recommendations,
        *extraction.mechanisms,
    )
    return all(text[s.start : s.end] == s.quote for fact in facts for s in fact.spans)


# --- what is not there ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Le Raja de Casablanca a battu hier le Wydad lors de la dernière journée du championnat, "
        "devant un public nombreux réuni au stade Mohammed V.",
        "El Real Madrid ganó ayer al Sevilla en la última jornada de la liga ante miles de "
        "aficionados reunidos en el estadio.",
    ],
)
def test_a_sports_report_is_irrelevant_and_empty(text):
    extraction = extract(text, published=PUBLISHED)
    assert extraction.language_supported
    assert not extraction.is_relevant
    assert extraction.meetings == extraction.people == extraction.bodies == ()
    assert extraction.warnings


def test_plurals_and_other_committees_name_no_meeting_and_no_body():
    text = (
        "Les séminaires et les réunions se multiplient, a rappelé le Comité olympique, tandis "
        "que la Commission européenne prépare ses conférences de presse sur la sécurité."
    )
    extraction = extract(text, published=PUBLISHED)
    assert extraction.meetings == ()
    assert extraction.bodies == ()


def test_a_lower_case_police_is_no_institution_and_informations_is_not_training():
    text = (
        "La police du quartier a été saluée. Les deux parties ont convenu de renforcer "
        "l'échange d'informations entre les services de sécurité lors du séminaire."
    )
    extraction = extract(text, published=PUBLISHED)
    assert extraction.organizations == ()
    (recommendation,) = extraction.recommendations
    assert recommendation.theme == "information_exchange"


# --- meetings, ordinals and dates -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ordinal"),
    [
        ("Le IIIe séminaire maroco-espagnol sur la sécurité s'est ouvert hier à Rabat.", 3),
        ("El III Seminario hispano-marroquí sobre seguridad se inauguró ayer en Rabat.", 3),
        ("La troisième édition du séminaire sur la sécurité s'est ouverte hier à Rabat.", 3),
        ("La tercera edición del seminario sobre seguridad se inauguró ayer en Rabat.", 3),
    ],
)
def test_ordinals_in_words_and_roman_numerals_and_yesterday(text, ordinal):
    extraction = extract(text, published=PUBLISHED)
    (seminar,) = extraction.meetings
    assert (seminar.kind, seminar.ordinal, seminar.city) == ("seminar", ordinal, "rabat")
    assert seminar.start == day("2026-03-11")
    assert spans_are_exact(text, extraction)


def test_the_third_session_of_the_strategic_committee_is_its_session():
    text = (
        "La troisième session du Comité stratégique de sécurité s'est tenue le 12 mars 2026 à "
        "Madrid. La prochaine session du Comité se tiendra à Rabat l'année prochaine."
    )
    extraction = extract(text, published=PUBLISHED)
    held, coming = extraction.meetings
    assert (held.kind, held.ordinal, held.city, held.start) == (
        "strategic_committee_session",
        3,
        "madrid",
        day("2026-03-12"),
    )
    assert (coming.kind, coming.city, coming.status, str(coming.start)) == (
        "strategic_committee_session",
        "rabat",
        "planned",
        "2027",
    )
    assert held.body_key == coming.body_key == extraction.bodies[0].key


def test_last_wednesday_and_a_range_are_resolved_against_the_publication_date():
    text = (
        "El Seminario hispano-marroquí sobre seguridad, que se inauguró el pasado miércoles en "
        "Málaga, concluyó hoy. La subcomisión de formación se reunirá los días 21 y 22 de "
        "abril en Tánger."
    )
    extraction = extract(text, published=PUBLISHED)
    seminar, meeting = extraction.meetings
    assert (seminar.start, seminar.end, seminar.city) == (
        day("2026-03-11"),
        day("2026-03-12"),
        "malaga",
    )
    assert (meeting.kind, meeting.start, meeting.end, meeting.status) == (
        "subcommittee_meeting",
        day("2026-04-21"),
        day("2026-04-22"),
        "planned",
    )
    assert any("has no year" in warning for warning in extraction.warnings)


def test_a_dateline_gives_the_publication_date_when_none_is_given():
    text = (
        "Rabat, 12 mars 2026 (MAP) - Le séminaire maroco-espagnol sur la sécurité a clôturé "
        "hier ses travaux à Marrakech."
    )
    extraction = extract(text, published=None)
    assert extraction.published == PUBLISHED
    (seminar,) = extraction.meetings
    assert (seminar.city, seminar.end) == ("marrakech", day("2026-03-11"))


# --- people, institutions, decisions --------------------------------------------------------


def test_people_after_titles_and_honorifics_get_their_institution_and_side():
    text = (
        "Le séminaire s'est ouvert en présence du directeur général de la Sûreté nationale, "
        "Karim Benali, et de la directora general de la Guardia Civil. M. Benali a salué "
        "le directeur général de la Police espagnole, Luis Ortega Ruiz."
    )
    extraction = extract(text, published=PUBLISHED)
    moroccan = next(p for p in extraction.people if p.name == "Karim Benali")
    spanish = next(p for p in extraction.people if p.name == "Luis Ortega Ruiz")
    assert (moroccan.organization_key, moroccan.side) == ("org:dgsn", "MA")
    assert moroccan.position == "directeur général de la Sûreté nationale"
    assert (spanish.organization_key, spanish.side) == ("org:dgp", "ES")
    assert len(extraction.people) == 2  # «M. Benali» is Karim Benali again
    assert spans_are_exact(text, extraction)


def test_both_parties_agreed_gives_one_recommendation_per_object():
    text = (
        "Ambas partes acordaron crear un grupo de trabajo sobre la ciberdelincuencia, así como "
        "celebrar cada año una reunión del Comité Estratégico."
    )
    extraction = extract(text, published=PUBLISHED)
    created, standing = extraction.recommendations
    assert (created.kind, created.theme) == ("establishes_body", "cybercrime")
    assert standing.kind == "standing"
    group = next(b for b in extraction.bodies if b.kind == "working_group")
    assert (group.status, group.created_by_recommendation_key) == ("proposed", created.key)
    assert spans_are_exact(text, extraction)


def test_a_place_after_and_de_is_not_a_second_decision_and_a_wali_is_of_the_dgsn():
    text = (
        "Tanger - Le wali de la Sûreté de Tanger, M. Ahmed Alami, a reçu la délégation. Les "
        "participants ont décidé de renforcer les centres de coopération policière "
        "d'Algésiras et de Tanger Med."
    )
    extraction = extract(text, published=PUBLISHED)
    (recommendation,) = extraction.recommendations
    assert recommendation.text.endswith("et de Tanger Med")
    (wali,) = extraction.people
    assert (wali.name, wali.position, wali.organization_key, wali.honorific) == (
        "Ahmed Alami",
        "wali de la Sûreté de Tanger",
        "org:dgsn",
        "M.",
    )


@pytest.mark.parametrize(
    ("text", "ministry"),
    [
        (
            "El ministro del Interior, Pedro Gómez Ruiz, acordó con la DGSN crear un "
            "grupo de trabajo sobre el narcotráfico.",
            "es_interior",
        ),
        (
            "Le ministre de l'Intérieur, Karim Tazi, a convenu avec la DGP de créer un "
            "groupe de travail sur le narcotrafic.",
            "ma_interior",
        ),
        (
            "Le ministre espagnol de l'Intérieur, Pedro Gómez, a convenu avec la DGSN de créer "
            "un groupe de travail sur le narcotrafic.",
            "es_interior",
        ),
    ],
)
def test_an_unqualified_interior_minister_is_of_the_country_whose_press_writes(text, ministry):
    extraction = extract(text, published=PUBLISHED)
    (minister,) = extraction.people
    assert minister.organization_key == f"org:{ministry}"


def test_an_agreement_is_one_only_when_the_sentence_signs_it():
    unsigned = extract(
        "El acuerdo de cooperación policial entre ambos países sigue en vigor.",
        published=PUBLISHED,
    )
    assert unsigned.agreements == ()
    text = (
        "Le ministre de l'Intérieur et son homologue espagnol ont signé le 15 février 2018 à "
        "Rabat un mémorandum d'entente sur la lutte contre la migration irrégulière."
    )
    extraction = extract(text, published=PUBLISHED)
    (agreement,) = extraction.agreements
    assert (agreement.theme, str(agreement.signed), agreement.city) == (
        "migration",
        "2018-02-15",
        "rabat",
    )
    assert agreement.subject == "la lutte contre la migration irrégulière"
    assert "org:ma_interior" in agreement.party_keys
    assert all(text[s.start : s.end] == s.quote for s in agreement.spans)


def test_organisers_and_the_co_chairs_of_the_body_whose_meeting_it_was():
    text = (
        "Les polices des deux pays ont tenu jeudi à Rabat la XIe réunion du Comité stratégique "
        "de sécurité, organisée par la DGSN et la DGP. La réunion était coprésidée par le "
        "directeur général de la Police, Luis Ortega, et par le directeur général de la Sûreté "
        "nationale, Karim Benali."
    )
    extraction = extract(text, published=PUBLISHED)
    (session,) = extraction.meetings
    assert (session.kind, session.ordinal) == ("strategic_committee_session", 11)
    assert set(session.organizer_keys) == {"org:dgsn", "org:dgp"}
    (committee,) = extraction.bodies
    assert {chair.side for chair in committee.chairs} == {"MA", "ES"}
    assert all(chair.person_key for chair in committee.chairs)


def test_a_statement_needs_a_speaker_and_is_direct_when_quoted():
    nobody = extract(
        "Le séminaire s'est ouvert hier à Rabat. « La coopération est exemplaire », a déclaré "
        "un responsable.",
        published=PUBLISHED,
    )
    assert nobody.statements == ()
    text = (
        "El seminario hispano-marroquí se inauguró ayer en Rabat. El director general de la "
        "Policía, Luis Ortega, afirmó que la colaboración con Marruecos es excelente. "
        "«Compartimos información en tiempo real con nuestros socios», añadió él."
    )
    extraction = extract(text, published=PUBLISHED)
    reported, direct = extraction.statements
    (director,) = extraction.people
    assert (reported.kind, reported.person_key) == ("reported", director.key)
    assert reported.text == "la colaboración con Marruecos es excelente"
    assert (direct.kind, direct.person_key, direct.organization_key) == (
        "direct",
        director.key,
        "org:dgp",
    )
    assert direct.meeting_key == extraction.meetings[0].key


@pytest.mark.parametrize(
    ("text", "period", "theme"),
    [
        (
            "Ambas partes acordaron elaborar un plan de acción bilateral para 2014 en materia "
            "de formación policial y asistencia técnica.",
            ("2014", "2014"),
            "training",
        ),
        (
            "Les deux parties ont convenu d'adopter un plan d'action conjoint pour la période "
            "2015-2016 en matière de lutte contre le terrorisme.",
            ("2015", "2016"),
            "counter_terrorism",
        ),
    ],
)
def test_a_recommendation_that_draws_up_a_plan_adopts_it(text, period, theme):
    extraction = extract(text, published=PUBLISHED)
    (recommendation,) = extraction.recommendations
    (plan,) = extraction.action_plans
    assert (recommendation.kind, recommendation.theme) == ("adopts_plan", theme)
    assert (str(plan.period_start), str(plan.period_end)) == period
    assert (plan.bilateral, plan.status, plan.recommendation_key) == (
        True,
        "proposed",
        recommendation.key,
    )


# --- events that are not seminars, meetings told by their verb ------------------------------


def test_a_press_service_or_a_museum_visit_is_no_event():
    text = (
        "Le service de presse de la DGSN a publié un communiqué sur la visite du musée de la "
        "police, ouvert au public depuis le mois dernier. Les deux parties ont convenu de "
        "renforcer l'échange d'informations."
    )
    assert extract(text, published=PUBLISHED).meetings == ()


@pytest.mark.parametrize(
    ("text", "kind", "city"),
    [
        (
            "Les deux délégations de la Sûreté nationale et de la Police espagnole ont animé "
            "mercredi une conférence de presse à Tanger.",
            "press_conference",
            "tangier",
        ),
        (
            "El director general de la Policía inició este martes en Rabat una visita de trabajo "
            "de dos días a Marruecos.",
            "working_visit",
            "rabat",
        ),
    ],
)
def test_a_press_conference_and_a_working_visit_are_their_own_kinds(text, kind, city):
    meetings = extract(text, published=PUBLISHED).meetings
    assert [(m.kind, m.city) for m in meetings] == [(kind, city)]


def test_a_working_visit_begun_this_tuesday_lasts_the_days_it_is_said_to():
    text = (
        "El director general de la Policía inició este martes en Rabat una visita de trabajo "
        "de dos días a Marruecos."
    )
    (visit,) = extract(text, published=dt.date(2026, 6, 10)).meetings
    assert (visit.start, visit.end) == (day("2026-06-09"), day("2026-06-10"))


def test_a_body_meeting_by_its_verb_is_not_counted_twice():
    text = "La subcomisión hispano-marroquí de lucha contra el terrorismo se reunirá en Málaga."
    meetings = extract(text, published=PUBLISHED).meetings
    assert [m.kind for m in meetings] == ["subcommittee_meeting"]


def test_people_who_met_make_a_meeting_of_no_known_kind():
    text = (
        "Los responsables de la Policía Nacional y de la DGSN marroquí se reunieron el pasado "
        "martes en Almería para evaluar el dispositivo, y acordaron reforzar el intercambio de "
        "información sobre el narcotráfico."
    )
    (meeting,) = extract(text, published=dt.date(2026, 2, 20)).meetings
    assert (meeting.kind, meeting.city, meeting.status) == ("other", "almeria", "held")
    assert meeting.start == day("2026-02-17")


# --- relative weeks ---------------------------------------------------------------------------


def test_a_holy_week_is_no_relative_week():
    text = "La subcomisión de lucha contra el terrorismo se reunirá en Sevilla durante la Semana Santa."
    (meeting,) = extract(text, published=dt.date(2026, 3, 12)).meetings
    assert meeting.start is None


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (dt.date(2026, 6, 10), PartialDate(dt.date(2026, 6, 1), "month")),
        (dt.date(2026, 6, 24), PartialDate(dt.date(2026, 1, 1), "year")),  # 29 June – 5 July
    ],
)
def test_next_week_is_the_month_it_falls_in_never_a_guessed_day(published, expected):
    text = (
        "La subcomisión hispano-marroquí de lucha contra el terrorismo se reunirá la próxima "
        "semana en Málaga."
    )
    (meeting,) = extract(text, published=published).meetings
    assert (meeting.start, meeting.status) == (expected, "planned")


# --- people after any office, lists of participants -------------------------------------------


def test_an_office_followed_by_no_name_makes_no_person():
    text = (
        "Según el jefe de la Brigada Central de Estupefacientes, la red operaba desde la costa "
        "de Almería con la ayuda de la Policía Nacional. Ambas partes acordaron reforzar el "
        "intercambio de información."
    )
    assert extract(text, published=PUBLISHED).people == ()


def test_an_office_the_gazetteer_does_not_know_still_introduces_a_name():
    text = (
        "La Policía Nacional detuvo a catorce personas, según el jefe de la Brigada Central de "
        "Estupefacientes, Andrés Villalba. Ambas partes acordaron reforzar el intercambio de "
        "información."
    )
    (person,) = extract(text, published=PUBLISHED).people
    assert (person.name, person.position) == (
        "Andrés Villalba",
        "jefe de la Brigada Central de Estupefacientes",
    )


def test_in_a_list_of_participants_each_office_is_its_own_names():
    text = (
        "Ont pris part au séminaire sur la sécurité M. Hassan Benali, directeur de la sécurité "
        "publique à la DGSN, M. Karim Ouazzani, chef de la division de la coopération "
        "internationale, et le commissaire principal Luis Herrero, attaché de l'Intérieur à "
        "l'ambassade d'Espagne à Rabat."
    )
    people = {p.name: p for p in extract(text, published=PUBLISHED).people}
    assert people["Hassan Benali"].position == "directeur de la sécurité publique à la DGSN"
    assert people["Karim Ouazzani"].position == (
        "chef de la division de la coopération internationale"
    )
    herrero = people["Luis Herrero"]
    assert herrero.position == "attaché de l'Intérieur à l'ambassade d'Espagne à Rabat"
    assert herrero.side == "ES"


@pytest.mark.parametrize(
    "opening", ["Según un comunicado de la DGSN,", "En Rabat,", "Según la Policía Nacional,"]
)
def test_a_title_after_an_institution_or_a_place_and_a_comma_still_opens_its_name(opening):
    text = (
        f"{opening} el director general de la Policía, Francisco Pardo, visitó la sede. Ambas "
        "partes acordaron reforzar el intercambio de información."
    )
    people = extract(text, published=PUBLISHED).people
    assert [(p.name, p.position) for p in people] == [
        ("Francisco Pardo", "director general de la Policía")
    ]


def test_an_institution_of_the_same_country_after_the_title_does_not_change_the_office():
    text = (
        "La delegación española estuvo presidida por el comisario general de Información de la "
        "Policía Nacional, Tomás Arranz, en el seminario sobre seguridad."
    )
    (person,) = extract(text, published=PUBLISHED).people
    assert person.organization_key == "org:es_general_information"


def test_an_institution_of_the_other_country_after_the_title_says_whose_office_it_is():
    text = (
        "Los resultados de la operación fueron presentados junto al director de la Policía "
        "Judicial de la DGSN, Youssef Tazi, en el marco de la cooperación policial. Ambas "
        "partes acordaron reforzar el intercambio de información."
    )
    (person,) = extract(text, published=PUBLISHED).people
    assert (person.organization_key, person.side) == ("org:dgsn", "MA")
