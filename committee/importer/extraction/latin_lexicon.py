"""The words of French and Spanish press prose the extractor needs, one lexicon per language.

Everything language-specific of the Latin-script path lives here: meeting and body nouns,
ordinals, calendar words, titles and honorifics, the verbs that open, close or announce a
meeting and those that state a decision. The readers (``latin_*`` modules) are shared: a
new language is a new ``LatinLexicon``. Patterns are written in ordinary spelling, lower
case; ``latin`` folds their accents to match ``LatinDocument.norm``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from committee.importer.extraction.calendar_names import FRENCH_MONTHS, SPANISH_MONTHS
from committee.importer.extraction.latin_text import latin, latin_fold
from committee.importer.extraction.model import Theme


def words(text: str) -> str:
    """A regex alternation of ``|``-separated phrases, longest first, accents folded."""
    phrases = sorted({latin_fold(p.strip()) for p in text.split("|") if p.strip()}, key=len)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in reversed(phrases))


def folded(table: dict[str, int]) -> dict[str, int]:
    """A word table with its keys as ``norm`` spells them."""
    return {latin_fold(key): value for key, value in table.items()}


@dataclass(frozen=True, slots=True)
class LatinLexicon:
    code: str
    months: dict[str, int]
    weekdays: dict[str, int]
    #: Folded ordinal words («troisième», «tercera») → number.
    ordinals: dict[str, int]
    #: Small cardinals for durations («deux jours», «dos días»).
    cardinals: dict[str, int]
    # Regex alternations (see ``words``).
    seminar_heads: str
    event_heads: str
    generic_heads: str
    series_heads: str
    not_a_meeting: str
    ministerial: str
    anaphoric: str
    possessive: str
    upcoming: str
    articles: str
    of: str
    body_heads: str
    sub_heads: str
    group_heads: str
    strategic: str
    follow_up: str
    mandate_introducers: str
    not_a_body: str
    honorifics: str
    titles: str
    particles: str
    nationality_ma: str
    nationality_es: str
    today: dict[str, int]
    past: str
    next: str
    this: str
    relative_year: dict[str, int]
    opening: str
    closing: str
    future: str
    triggers: str
    continuations: str
    establishing: str
    standing: str
    action_nouns: str
    infinitive: str
    chairs: str
    established: str
    security: str
    #: Whose institutions an unqualified «ministre de l'Intérieur» names: the country whose
    #: press mostly writes in this language about the committee.
    home_side: str
    #: An agreement's head noun, the words that sign it, and what introduces its subject.
    organizers: str
    #: Verbs that report speech, and the pronouns that stand for the last person named.
    speech: str
    pronouns: str
    agreement_heads: str
    signing: str
    agreement_subject: str
    #: Adjectives that qualify a body or a meeting without saying which one it is.
    adjectives: str
    #: Words that end a body's mandate («… a tenu», «… celebró»).
    mandate_stops: str
    #: What may stand between a decision verb and its object («également de», «además en»).
    object_links: str
    themes: tuple[tuple[Theme, str], ...]
    #: A body's own verb of meeting, right after its name («la sous-commission s'est réunie»).
    meets: str


_FRENCH_ORDINALS = {
    "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "deuxieme": 2, "second": 2, "seconde": 2,
    "troisieme": 3, "quatrieme": 4, "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8,
    "neuvieme": 9, "dixieme": 10, "onzieme": 11, "douzieme": 12, "treizieme": 13,
    "quatorzieme": 14, "quinzieme": 15,
}  # fmt: skip
_SPANISH_ORDINALS = {
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3,
    "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6,
    "sexta": 6, "septimo": 7, "septima": 7, "octavo": 8, "octava": 8, "noveno": 9, "novena": 9,
    "decimo": 10, "decima": 10, "undecimo": 11, "undecima": 11, "duodecimo": 12,
    "duodecima": 12,
}  # fmt: skip

FRENCH = LatinLexicon(
    code="fr",
    months={latin_fold(name): n for n, name in enumerate(FRENCH_MONTHS, start=1)},
    weekdays={
        "lundi": 0,
        "mardi": 1,
        "mercredi": 2,
        "jeudi": 3,
        "vendredi": 4,
        "samedi": 5,
        "dimanche": 6,
    },
    ordinals=_FRENCH_ORDINALS,
    cardinals={
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
    },
    seminar_heads=words("séminaire|colloque|journées d'études|journée d'étude"),
    event_heads=words("conférence|forum|congrès"),
    generic_heads=words("réunion|rencontre|session|entretiens|pourparlers"),
    series_heads=words("édition"),
    not_a_meeting=words(
        "de presse|de formation|de sensibilisation|plénière|d'ouverture|de clôture|inaugurale"
    ),
    ministerial=words("ministérielle|ministériel|des ministres|entre les ministres|de ministres"),
    anaphoric=words("ce|cet|cette|ledit|ladite"),
    possessive=words("sa|son|leur"),
    upcoming=words("prochain|prochaine"),
    articles=words("le|la|les|l'|un|une|du|des|au|aux|de la|de l'|à la|à l'"),
    of=words("du|de la|de l'|des|de"),
    body_heads=words("comité|commission"),
    sub_heads=words("sous-commission|sous-comité"),
    group_heads=words("groupe de travail|groupe mixte|groupe conjoint"),
    strategic=words("stratégique"),
    follow_up=words("de suivi"),
    mandate_introducers=words(
        "chargé de|chargée de|chargés de|chargées de|chargé du|chargée du|chargé des|"
        "chargée des|consacré à|consacrée à|consacré au|consacrée au|dédié à|dédiée à|sur|"
        "en matière de|dans le domaine de|pour|de|du|des|de la|de l'"
    ),
    not_a_body=words(
        "européenne|européen|rogatoire|nationale des droits|des lois|parlementaire|électorale|"
        "d'enquête parlementaire|olympique|mixte"
    ),
    honorifics=words(
        "m.|mme|mlle|monsieur|madame|le général|le colonel|le commissaire divisionnaire|"
        "le commissaire principal|le commissaire|le contrôleur général|le préfet de police|"
        "le docteur|dr|le professeur|le juge|le procureur"
    ),
    titles=words(
        "directeur général adjoint|directrice générale adjointe|directeur général|"
        "directrice générale|directeurs généraux|directeur|directrice|ministre délégué|ministre|"
        "secrétaire d'état|secrétaire général|commissaire général|commissaire|préfet de police|"
        "wali|chef|ambassadeur|ambassadrice|délégué|inspecteur général|président"
    ),
    particles=words("de|du|des|de la|del|el|ben|bin|ibn|ould|y|van|von|da|dos|las|los|la"),
    nationality_ma=words("marocain|marocaine|du maroc|du royaume du maroc|maroco-espagnol"),
    nationality_es=words("espagnol|espagnole|d'espagne|hispano-marocain"),
    today=folded({"aujourd'hui": 0, "hier": -1, "avant-hier": -2, "demain": 1, "après-demain": 2}),
    past=words("dernier|dernière|passé|passée|écoulé|écoulée"),
    next=words("prochain|prochaine"),
    this=words("ce|cette|en cours"),
    relative_year=folded(
        {
            "l'an dernier": -1,
            "l'année dernière": -1,
            "l'année passée": -1,
            "l'an passé": -1,
            "l'an prochain": 1,
            "l'année prochaine": 1,
            "cette année": 0,
            "l'année en cours": 0,
        }
    ),
    opening=words(
        "se sont ouverts|s'est ouvert|s'est ouverte|ouvert|ouverte|ouverture|a débuté|ont débuté|"
        "a démarré|ont démarré|entamé|coup d'envoi|inauguré|inauguration|a commencé"
    ),
    closing=words(
        "clôturé|clôture|a clôturé|ont clôturé|a pris fin|ont pris fin|s'est achevé|"
        "s'est achevée|se sont achevés|s'est terminé|s'est terminée|au terme de|à l'issue de|"
        "a conclu|ont conclu"
    ),
    future=words(
        "se tiendra|se tiendront|aura lieu|auront lieu|devrait se tenir|accueillera|se réunira|"
        "sera organisé|sera organisée|organisera|est prévu|est prévue|prévu|prévue"
    ),
    triggers=words(
        "convenu|convenus|convenues|décidé|décident|recommandé|recommandent|recommande|appelé|"
        "appellent|plaidé|engagés|engagées|mis d'accord|souligné l'importance|"
        "souligné la nécessité|insisté sur la nécessité|insisté sur l'importance"
    ),
    continuations=words(", ainsi que de|, ainsi que d'|, ainsi que|et de|et d'|, et de|, et d'"),
    establishing=words(
        "créer|création|mettre en place|mise en place|instituer|institution|constituer|"
        "constitution|installer|installation"
    ),
    standing=words(
        "annuel|annuelle|annuels|annuelles|annuellement|chaque année|régulier|régulière|"
        "réguliers|régulières|régulièrement|périodique|périodiques|périodiquement"
    ),
    action_nouns=words(
        "création|mise en place|renforcement|intensification|organisation|tenue|élaboration|"
        "adoption|mise en œuvre|lancement|échange|échanges|développement|amélioration"
    ),
    infinitive=r"[a-z]{2,}(?:er|ir|re)",
    chairs=words(
        "coprésidé par|coprésidée par|sous la coprésidence du|sous la coprésidence de|"
        "sous la présidence du|sous la présidence de|présidé par|présidée par"
    ),
    established=words(
        "créé|créée|institué|instituée|mis en place|mise en place|constitué|constituée"
    ),
    security=words(
        "sécurité|sécuritaire|police|policière|sûreté|terrorisme|terroriste|extrémisme|"
        "criminalité|crime|drogue|stupéfiants|migration irrégulière|immigration irrégulière|"
        "renseignement|gendarmerie|garde civile|cybercriminalité|cybercrime|narcotrafic|"
        "traite des êtres humains"
    ),
    home_side="MA",
    speech=words("a déclaré|a affirmé|a souligné|a indiqué|a estimé|a assuré|a ajouté|a rappelé"),
    pronouns=words("il|elle"),
    organizers=words(
        "organisé par|organisée par|organisé conjointement par|à l'initiative de|"
        "en partenariat avec|en coordination avec"
    ),
    agreement_heads=words("accord|convention|mémorandum d'entente|protocole d'accord|protocole"),
    signing=words("signé|signée|ont signé|a signé|signature|paraphé|conclu|scellé"),
    agreement_subject=words("sur|relatif à|relative à|portant sur|en matière de|concernant"),
    adjectives=words(
        "technique|techniques|mixte|mixtes|conjoint|conjointe|conjoints|conjointes|bilatéral|"
        "bilatérale|permanent|permanente|spécialisé|spécialisée|scientifique|scientifiques|"
        "maroco-espagnol|maroco-espagnole|hispano-marocain|hispano-marocaine|sécuritaire|"
        "annuel|annuelle|international|internationale|de sécurité|sur la sécurité|de haut niveau"
    ),
    mandate_stops=words(
        "a|ont|est|sont|se|s'est|s'|qui|que|dont|lequel|laquelle|lors|afin|sous|présidé|présidée|"
        "coprésidé|coprésidée|créé|créée|réunie|réuni"
    ),
    object_links=words(
        "de|d'|à|pour|sur|également|aussi|en outre|par ailleurs|notamment|ensemble|enfin"
    ),
    themes=(
        ("counter_terrorism", "terroris|extrémis|radicalis|djihad|jihad|combattants étrangers"),
        ("cybercrime", "cybercrim|cybersécurité|informatique|nouvelles technologies|numérique"),
        ("migration", "migra|immigra|émigra|traite des êtres humains|passeurs|frontière"),
        ("drug_trafficking", "drogue|stupéfiant|narcotrafic|haschich|cannabis|cocaïne"),
        ("organised_crime", "crime organisé|criminalité organisée|blanchiment|contrebande"),
        ("training", "formation|stage|bonnes pratiques|assistance technique|perfectionnement"),
        ("information_exchange", "information|renseignement|officiers de liaison|canaux"),
        (
            "institutional",
            "comité|commission|réunion|groupe de travail|plan d'action|suivi|session",
        ),
    ),
    meets=words(
        "s'est réuni|s'est réunie|se sont réunis|se réunira|se réuniront|a tenu sa réunion|"
        "tiendra sa réunion|s'est tenu|s'est tenue"
    ),
)

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
        "delegada del gobierno|presidente|presidenta"
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
    opening=words(
        "se inauguró|inauguró|inauguraron|inauguración|comenzó|comenzaron|arrancó|se abrió|"
        "apertura|dio comienzo|se iniciaron|se inició"
    ),
    closing=words(
        "clausurado|clausuró|clausuraron|clausura|concluyó|concluyeron|finalizó|finalizaron|"
        "terminó|culminó|puso fin|al término de|al término del|tras concluir"
    ),
    future=words(
        "se celebrará|se celebrarán|tendrá lugar|tendrán lugar|acogerá|está previsto|está prevista|"
        "previsto|prevista|se reunirá|albergará|convocar"
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

LEXICONS: dict[str, LatinLexicon] = {lexicon.code: lexicon for lexicon in (FRENCH, SPANISH)}

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}
ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"


def roman_value(text: str) -> int | None:
    """«iii» → 3, «xii» → 12 (folded, lower case); ``None`` for anything else."""
    if not text or not re.fullmatch(ROMAN, text):
        return None
    total = 0
    for index, char in enumerate(text):
        value = _ROMAN[char]
        following = _ROMAN[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total or None


_ORDINAL_SUFFIX = re.compile(r"^(?P<n>\d{1,2}|[ivx]{1,5})(?:e|eme|er|re|o|a|º|ª)?$")


def ordinal_value(word: str, lexicon: LatinLexicon, *, bare_roman: bool) -> int | None:
    """The number an ordinal word, «3e», «IIIe» (or, if ``bare_roman``, «III») stands for."""
    if word in lexicon.ordinals:
        return lexicon.ordinals[word]
    match = _ORDINAL_SUFFIX.match(word)
    if not match:
        return None
    number = match.group("n")
    if number.isdigit():
        return int(number) if word != number else None
    if word == number and not bare_roman:
        return None
    return roman_value(number)


def compiled(alternation: str) -> re.Pattern[str]:
    """A whole-word pattern for a lexicon alternation."""
    return latin(rf"(?<![\w'-])(?:{alternation})(?![\w-])")
