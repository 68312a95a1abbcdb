"""The French of the committee's press: MAP's French service, the Moroccan press."""

from __future__ import annotations

from committee.importer.extraction.calendar_names import FRENCH_MONTHS
from committee.importer.extraction.latin_lexicon import LatinLexicon, folded, words
from committee.importer.extraction.latin_text import latin_fold

_FRENCH_ORDINALS = {
    "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "deuxieme": 2, "second": 2, "seconde": 2,
    "troisieme": 3, "quatrieme": 4, "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8,
    "neuvieme": 9, "dixieme": 10, "onzieme": 11, "douzieme": 12, "treizieme": 13,
    "quatorzieme": 14, "quinzieme": 15,
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
    met=words("se sont réunis|se sont réunies|se sont rencontrés|se sont rencontrées"),
    met_later=words("se réuniront|se rencontreront"),
    named_events=(
        ("press_conference", words("conférence de presse|point de presse")),
        ("working_visit", words("visite de travail|visite officielle de travail")),
    ),
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
        "wali|chef|ambassadeur|ambassadrice|délégué|inspecteur général|président|attaché|"
        "attachée|conseiller|conseillère"
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
    relative_week=folded(
        {
            "la semaine prochaine": 1,
            "la prochaine semaine": 1,
            "cette semaine": 0,
            "la semaine dernière": -1,
            "la semaine passée": -1,
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
        "sera organisé|sera organisée|organisera|est prévu|est prévue|prévu|prévue|tiendra|"
        "tiendront|se réuniront|organiseront"
    ),
    reporting=words(
        "a annoncé|ont annoncé|annonce|a indiqué|ont indiqué|indique|a fait savoir|"
        "a communiqué|a rapporté|rapporte|publié|publiée|diffusé|diffusée|rendu public|"
        "rendue publique|selon un communiqué|a informé|a précisé"
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
    plan_heads=words("plan d'action|programme de travail|programme d'action|feuille de route"),
    plan_adjectives=words("bilatéral|bilatérale|conjoint|conjointe|commun|commune|annuel|annuelle"),
    plan_scope=words("en matière de|dans le domaine de|dans les domaines de|portant sur|sur"),
    plan_actions=words("élaborer|adopter|mettre en œuvre|élaboration|adoption|mise en œuvre"),
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
