"""The Spanish of the committee's press: EFE, the Interior ministry, the Policía Nacional."""

from __future__ import annotations

from committee.importer.extraction.calendar_names import SPANISH_MONTHS
from committee.importer.extraction.latin_lexicon import LatinLexicon, folded, words
from committee.importer.extraction.latin_text import latin_fold

_SPANISH_ORDINALS = {
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3,
    "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6,
    "sexta": 6, "septimo": 7, "septima": 7, "octavo": 8, "octava": 8, "noveno": 9, "novena": 9,
    "decimo": 10, "decima": 10, "undecimo": 11, "undecima": 11, "duodecimo": 12,
    "duodecima": 12,
}  # fmt: skip

SPANISH = LatinLexicon(
    code="es",
    months={latin_fold(name): n for n, name in enumerate(SPANISH_MONTHS, start=1)}
    | {
        "setiembre": 9,
        "ene": 1,
        "feb": 2,
        "mar": 3,
        "abr": 4,
        "may": 5,
        "jun": 6,
        "jul": 7,
        "ago": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dic": 12,
    },
    weekdays={
        "lunes": 0,
        "martes": 1,
        "miercoles": 2,
        "jueves": 3,
        "viernes": 4,
        "sabado": 5,
        "domingo": 6,
    },
    ordinals=_SPANISH_ORDINALS,
    cardinals={
        "un": 1,
        "una": 1,
        "dos": 2,
        "tres": 3,
        "cuatro": 4,
        "cinco": 5,
        "seis": 6,
        "siete": 7,
    },
    seminar_heads=words("seminario|jornadas|jornada de estudio"),
    event_heads=words("conferencia|foro|congreso"),
    generic_heads=words("reunión|encuentro|sesión|conversaciones"),
    series_heads=words("edición"),
    met=words("se reunieron|se han reunido|se encontraron"),
    met_later=words("se reunirán|se encontrarán"),
    named_events=(
        ("press_conference", words("rueda de prensa|conferencia de prensa")),
        ("working_visit", words("visita de trabajo|visita oficial de trabajo")),
    ),
    not_a_meeting=words("de prensa|de formación|plenaria|de apertura|de clausura|inaugural"),
    ministerial=words("ministerial|de ministros|entre los ministros|de los ministros"),
    anaphoric=words("este|esta|dicho|dicha|ese|esa"),
    possessive=words("su"),
    upcoming=words("próximo|próxima"),
    articles=words("el|la|los|las|un|una|del|al|de la|de los"),
    of=words("del|de la|de los|de las|de"),
    body_heads=words("comité|comisión"),
    sub_heads=words("subcomisión|subcomité"),
    group_heads=words("grupo de trabajo|grupo mixto|grupo conjunto"),
    strategic=words("estratégico|estratégica"),
    follow_up=words("de seguimiento"),
    mandate_introducers=words(
        "encargado de|encargada de|encargado del|encargada del|dedicado a|dedicada a|"
        "dedicado al|dedicada al|sobre|en materia de|en el ámbito de|para|de|del|de la|de los"
    ),
    not_a_body=words(
        "europea|europeo|rogatoria|de investigación parlamentaria|de interior del congreso|"
        "de interior del senado|olímpico|mixta|judicial|de servicios"
    ),
    honorifics=words(
        "d.|dña.|don|doña|sr.|sra.|el señor|la señora|el general|el coronel|"
        "el comisario principal|el comisario general|el comisario|el inspector jefe|"
        "el doctor|la doctora|el juez|la jueza|el fiscal"
    ),
    titles=words(
        "director adjunto operativo|directora adjunta operativa|director general|"
        "directora general|directores generales|director|directora|ministro|ministra|"
        "secretario de estado|secretaria de estado|secretario general|comisario general|"
        "comisaria general|comisario|jefe|jefa|embajador|embajadora|delegado del gobierno|"
        "delegada del gobierno|presidente|presidenta|agregado|agregada|consejero|consejera"
    ),
    particles=words("de|del|de la|de los|el|ben|bin|ibn|ould|y|i|da|dos|las|los|la|van|von"),
    nationality_ma=words("marroquí|marroquíes|de marruecos|del reino de marruecos"),
    nationality_es=words("español|española|de españa|hispano-marroquí"),
    today=folded(
        {"hoy": 0, "ayer": -1, "anteayer": -2, "antes de ayer": -2, "mañana": 1, "pasado mañana": 2}
    ),
    past=words("pasado|pasada"),
    next=words("próximo|próxima|que viene"),
    this=words("este|esta|en curso"),
    relative_year=folded(
        {
            "el año pasado": -1,
            "el pasado año": -1,
            "el año anterior": -1,
            "el próximo año": 1,
            "el año próximo": 1,
            "el año que viene": 1,
            "este año": 0,
            "el presente año": 0,
        }
    ),
    relative_week=folded(
        {
            "la próxima semana": 1,
            "la semana próxima": 1,
            "la semana que viene": 1,
            "esta semana": 0,
            "la semana pasada": -1,
        }
    ),
    opening=words(
        "se inauguró|inauguró|inauguraron|inauguración|comenzó|comenzaron|arrancó|se abrió|"
        "apertura|dio comienzo|se iniciaron|se inició|inició|iniciaron|emprendió|emprendieron"
    ),
    closing=words(
        "clausurado|clausuró|clausuraron|clausura|concluyó|concluyeron|finalizó|finalizaron|"
        "terminó|culminó|puso fin|al término de|al término del|tras concluir"
    ),
    future=words(
        "se celebrará|se celebrarán|tendrá lugar|tendrán lugar|acogerá|está previsto|está prevista|"
        "previsto|prevista|se reunirá|se reunirán|albergará|convocar|celebrará|celebrarán|"
        "mantendrá|mantendrán|tendrá|tendrán"
    ),
    reporting=words(
        "ha informado|han informado|informó|informaron|ha anunciado|anunció|ha comunicado|"
        "comunicó|ha difundido|difundió|ha hecho público|hizo público|publicado|publicada|"
        "difundido|difundida|ha indicado|indicó|ha señalado|informa|anuncia|según informó|"
        "según ha informado|según informaron|fuentes policiales"
    ),
    triggers=words(
        "acordaron|acordó|acordado|convinieron|decidieron|decidió|decidido|recomendaron|"
        "recomendó|recomiendan|abogaron|apostaron|se comprometieron|subrayaron la necesidad|"
        "destacaron la necesidad|coincidieron en la necesidad|subrayaron la importancia"
    ),
    continuations=words(", así como|así como|, y| y"),
    establishing=words(
        "crear|creación|poner en marcha|puesta en marcha|constituir|constitución|instaurar|"
        "establecer"
    ),
    standing=words(
        "anual|anuales|anualmente|cada año|periódico|periódica|periódicos|periódicas|"
        "periódicamente|regular|regulares|regularmente"
    ),
    action_nouns=words(
        "creación|puesta en marcha|refuerzo|intensificación|organización|celebración|"
        "elaboración|adopción|aplicación|intercambio|desarrollo|mejora"
    ),
    infinitive=r"[a-z]{2,}(?:ar|er|ir)(?:se|lo|la|los|las)?",
    chairs=words(
        "copresidido por|copresidida por|bajo la copresidencia del|bajo la copresidencia de|"
        "bajo la presidencia del|bajo la presidencia de|presidido por|presidida por"
    ),
    established=words("creado|creada|constituido|constituida|puesto en marcha|instituido"),
    security=words(
        "seguridad|policía|policial|terrorismo|terrorista|extremismo|radicalización|"
        "delincuencia|crimen|criminalidad|droga|narcotráfico|inmigración irregular|"
        "información|guardia civil|inteligencia|ciberdelincuencia|cibercriminalidad|"
        "narcotráfico|trata de seres humanos|migración irregular"
    ),
    home_side="ES",
    plan_heads=words("plan de acción|programa de trabajo|programa de acción|hoja de ruta"),
    plan_adjectives=words("bilateral|conjunto|conjunta|común|anual"),
    plan_scope=words("en materia de|en el ámbito de|en los ámbitos de|sobre"),
    plan_actions=words("elaborar|adoptar|aprobar|poner en marcha|elaboración|adopción|aprobación"),
    speech=words("declaró|afirmó|aseguró|subrayó|señaló|destacó|añadió|indicó|ha afirmado"),
    pronouns=words("él|ella"),
    organizers=words(
        "organizado por|organizada por|organizado conjuntamente por|a iniciativa de|"
        "en colaboración con|en coordinación con"
    ),
    agreement_heads=words("acuerdo|convenio|memorando de entendimiento|memorándum|protocolo"),
    signing=words("firmado|firmada|firmaron|firmó|han firmado|firma|suscrito|suscribieron"),
    agreement_subject=words("sobre|relativo a|en materia de|para|contra"),
    adjectives=words(
        "técnico|técnica|técnicos|técnicas|mixto|mixta|conjunto|conjunta|bilateral|permanente|"
        "especializado|especializada|científico|científica|hispano-marroquí|marroquí-español|"
        "marroco-español|hispanomarroquí|anual|internacional|de seguridad|sobre seguridad|"
        "de alto nivel"
    ),
    mandate_stops=words(
        "ha|han|es|fue|son|se|que|cuyo|cuya|el cual|la cual|durante|tras|bajo|presidido|"
        "presidida|copresidido|copresidida|creado|creada|celebró|mantuvo"
    ),
    object_links=words("en|a|por|de|que|además|asimismo|también|igualmente|finalmente"),
    themes=(
        ("counter_terrorism", "terroris|extremis|radicaliz|yihad|combatientes extranjeros"),
        ("cybercrime", "cibercrim|ciberdelincuencia|informátic|nuevas tecnologías|digital"),
        ("migration", "migra|inmigra|emigra|trata de seres humanos|tráfico de personas|fronter"),
        ("drug_trafficking", "droga|estupefaciente|narcotráfico|hachís|cannabis|cocaína"),
        ("organised_crime", "crimen organizado|delincuencia organizada|blanqueo|contrabando"),
        ("training", "formación|capacitación|buenas prácticas|asistencia técnica|cursos"),
        ("information_exchange", "información|inteligencia|oficiales de enlace|canales"),
        ("institutional", "comité|comisión|reunión|grupo de trabajo|plan de acción|seguimiento"),
    ),
    meets=words(
        "se reunió|se reunirá|se reunieron|se reunirán|celebró su reunión|celebrará su reunión|"
        "mantuvo su reunión"
    ),
)
