"""Institutions of Moroccan–Spanish security cooperation and their partners, as the press
names them.

General knowledge: each institution has its Arabic names (full forms an article uses as a
mention), ``domains`` (what follows a head's title: «المدير العام **للأمن الوطني**», «وزير
**الداخلية الإسباني**»), names in Spanish, French and English, an acronym and the side it
belongs to. ``POLICE_BY_SIDE`` names each country's national police directorate, the one «the
director general of security in Morocco / Spain» heads.
"""

from __future__ import annotations

from dataclasses import dataclass

from committee.importer.extraction.model import Side


@dataclass(frozen=True, slots=True)
class Institution:
    key: str
    acronym: str | None
    side: Side
    kind: str
    ar: tuple[str, ...]
    domains: tuple[str, ...]
    es: str
    fr: str
    en: str
    latin: tuple[str, ...] = ()
    #: Titles of its head that do not follow the «title + domain» rule.
    heads: tuple[str, ...] = ()


INSTITUTIONS: tuple[Institution, ...] = (
    # Morocco
    Institution(
        "dgsn",
        "DGSN",
        "MA",
        "police",
        (
            "المديرية العامة للأمن الوطني",
            "المديرية العامة للأمن الوطني المغربي",
            "المديرية العامة للأمن الوطني بالمغرب",
            "مديرية الأمن الوطني",
            "الأمن الوطني المغربي",
        ),
        ("الأمن الوطني", "الأمن الوطني المغربي", "الأمن الوطني بالمغرب", "الأمن بالمغرب"),
        "Dirección General de Seguridad Nacional",
        "Direction générale de la sûreté nationale",
        "General Directorate of National Security",
        ("DGSN", "Sûreté nationale"),
    ),
    Institution(
        "dgst",
        "DGST",
        "MA",
        "intelligence",
        ("المديرية العامة لمراقبة التراب الوطني",),
        ("مراقبة التراب الوطني",),
        "Dirección General de Vigilancia del Territorio",
        "Direction générale de la surveillance du territoire",
        "General Directorate for Territorial Surveillance",
        ("DGST",),
    ),
    Institution(
        "bcij",
        "BCIJ",
        "MA",
        "police",
        ("المكتب المركزي للأبحاث القضائية",),
        ("المكتب المركزي للأبحاث القضائية",),
        "Oficina Central de Investigaciones Judiciales",
        "Bureau central d'investigations judiciaires",
        "Central Bureau of Judicial Investigations",
        ("BCIJ",),
    ),
    Institution(
        "dged",
        "DGED",
        "MA",
        "intelligence",
        ("المديرية العامة للدراسات والمستندات",),
        ("الدراسات والمستندات",),
        "Dirección General de Estudios y Documentación",
        "Direction générale des études et de la documentation",
        "General Directorate for Studies and Documentation",
        ("DGED",),
    ),
    Institution(
        "gendarmerie_royale",
        "GR",
        "MA",
        "gendarmerie",
        ("الدرك الملكي", "القيادة العليا للدرك الملكي", "الدرك الملكي المغربي"),
        ("الدرك الملكي", "الدرك الملكي المغربي"),
        "Gendarmería Real",
        "Gendarmerie royale",
        "Royal Gendarmerie",
        ("Gendarmerie royale",),
    ),
    Institution(
        "ma_interior",
        None,
        "MA",
        "ministry",
        ("وزارة الداخلية المغربية", "وزارة الداخلية بالمغرب"),
        ("الداخلية المغربي", "الداخلية المغربية"),
        "Ministerio del Interior de Marruecos",
        "Ministère de l'Intérieur du Maroc",
        "Ministry of the Interior of Morocco",
        ("Ministère de l'Intérieur",),
    ),
    Institution(
        "ma_migration_borders",
        None,
        "MA",
        "directorate",
        ("مديرية الهجرة ومراقبة الحدود",),
        ("الهجرة ومراقبة الحدود",),
        "Dirección de Migración y Vigilancia de Fronteras",
        "Direction de la migration et de la surveillance des frontières",
        "Directorate of Migration and Border Surveillance",
    ),
    Institution(
        "ma_customs",
        "ADII",
        "MA",
        "customs",
        ("إدارة الجمارك والضرائب غير المباشرة",),
        ("الجمارك والضرائب غير المباشرة",),
        "Administración de Aduanas e Impuestos Indirectos",
        "Administration des douanes et impôts indirects",
        "Customs and Indirect Taxes Administration",
        ("ADII",),
    ),
    Institution(
        "forces_auxiliaires",
        None,
        "MA",
        "auxiliary_forces",
        ("القوات المساعدة",),
        ("القوات المساعدة",),
        "Fuerzas Auxiliares",
        "Forces auxiliaires",
        "Auxiliary Forces",
    ),
    # Spain
    Institution(
        "dgp",
        "DGP",
        "ES",
        "police",
        (
            "المديرية العامة للشرطة الوطنية الإسبانية",
            "المديرية العامة للشرطة الإسبانية",
            "المديرية العامة للشرطة الوطنية",
            "المديرية العامة للشرطة",
            "المديرية العامة للشرطة بإسبانيا",
            "الشرطة الوطنية الإسبانية",
            "المديرية العامة للشرطة والحرس المدني",
        ),
        (
            "الشرطة",
            "الشرطة الإسبانية",
            "الشرطة الوطنية",
            "الشرطة الوطنية الإسبانية",
            "الشرطة بإسبانيا",
            "الأمن بإسبانيا",
            "الأمن الإسباني",
            "الشرطة الوطنية بإسبانيا",
        ),
        "Dirección General de la Policía",
        "Direction générale de la police (Espagne)",
        "Directorate General of the Police (Spain)",
        (
            "DGP",
            "Policía Nacional",
            "Cuerpo Nacional de Policía",
            "CNP",
            "Dirección General de la Policía",
            "Police nationale espagnole",
            "Direction générale de la police espagnole",
        ),
    ),
    Institution(
        "guardia_civil",
        "GC",
        "ES",
        "gendarmerie",
        ("الحرس المدني", "الحرس المدني الإسباني", "المديرية العامة للحرس المدني"),
        ("الحرس المدني", "الحرس المدني الإسباني"),
        "Guardia Civil",
        "Garde civile",
        "Civil Guard",
        ("Guardia Civil", "Garde civile"),
    ),
    Institution(
        "es_interior",
        None,
        "ES",
        "ministry",
        ("وزارة الداخلية الإسبانية", "وزارة الداخلية بإسبانيا"),
        ("الداخلية الإسباني", "الداخلية الإسبانية"),
        "Ministerio del Interior",
        "Ministère de l'Intérieur espagnol",
        "Ministry of the Interior of Spain",
        ("Ministerio del Interior",),
    ),
    Institution(
        "es_security_secretariat",
        "SES",
        "ES",
        "ministry",
        ("كتابة الدولة للأمن", "كتابة الدولة الإسبانية للأمن"),
        (),
        "Secretaría de Estado de Seguridad",
        "Secrétariat d'État à la sécurité",
        "State Secretariat for Security",
        ("Secretaría de Estado de Seguridad",),
        (
            "كاتب الدولة للأمن",
            "كاتب الدولة الإسباني للأمن",
            "كاتبة الدولة للأمن",
            "كاتبة الدولة الإسبانية للأمن",
            "كاتب الدولة في الأمن",
            "كاتبة الدولة في الأمن",
        ),
    ),
    Institution(
        "cni",
        "CNI",
        "ES",
        "intelligence",
        ("المركز الوطني للاستخبارات", "المركز الوطني للاستخبارات الإسباني"),
        ("المركز الوطني للاستخبارات",),
        "Centro Nacional de Inteligencia",
        "Centre national du renseignement",
        "National Intelligence Centre",
        ("CNI",),
    ),
    Institution(
        "citco",
        "CITCO",
        "ES",
        "intelligence",
        ("مركز الاستخبارات لمكافحة الإرهاب والجريمة المنظمة",),
        ("مركز الاستخبارات لمكافحة الإرهاب والجريمة المنظمة",),
        "Centro de Inteligencia contra el Terrorismo y el Crimen Organizado",
        "Centre de renseignement contre le terrorisme et le crime organisé",
        "Intelligence Centre for Counter-Terrorism and Organised Crime",
        ("CITCO",),
    ),
    Institution(
        "es_general_information",
        "CGI",
        "ES",
        "police",
        ("المفوضية العامة للاستعلامات",),
        ("المفوضية العامة للاستعلامات",),
        "Comisaría General de Información",
        "Commissariat général à l'information",
        "General Commissariat of Information",
        (),
        ("المفوض العام للاستعلامات", "المفوض العام للاستعلامات بالشرطة الإسبانية"),
    ),
    Institution(
        "es_aliens_borders",
        "CGEF",
        "ES",
        "police",
        ("المفوضية العامة للأجانب والحدود",),
        ("المفوضية العامة للأجانب والحدود",),
        "Comisaría General de Extranjería y Fronteras",
        "Commissariat général aux étrangers et aux frontières",
        "General Commissariat for Aliens and Borders",
    ),
    # Partners
    Institution(
        "interpol",
        "INTERPOL",
        "third_party",
        "international_police",
        ("الإنتربول", "الأنتربول", "المنظمة الدولية للشرطة الجنائية"),
        ("الإنتربول", "الأنتربول"),
        "Interpol",
        "Interpol",
        "Interpol",
        ("Interpol", "OIPC"),
    ),
    Institution(
        "europol",
        "EUROPOL",
        "third_party",
        "international_police",
        ("الأوروبول", "اليوروبول", "الأوربول", "مكتب الشرطة الأوروبي"),
        ("الأوروبول", "اليوروبول"),
        "Europol",
        "Europol",
        "Europol",
        ("Europol",),
    ),
    Institution(
        "frontex",
        "FRONTEX",
        "third_party",
        "agency",
        ("فرونتكس", "الوكالة الأوروبية لحرس الحدود والسواحل"),
        ("فرونتكس",),
        "Frontex",
        "Frontex",
        "Frontex",
        ("Frontex",),
    ),
    Institution(
        "afripol",
        "AFRIPOL",
        "third_party",
        "international_police",
        ("أفريبول", "الأفريبول", "الآلية الإفريقية للتعاون الشرطي"),
        ("أفريبول",),
        "Afripol",
        "Afripol",
        "Afripol",
        ("Afripol",),
    ),
    Institution(
        "cepol",
        "CEPOL",
        "third_party",
        "agency",
        ("كلية الشرطة الأوروبية", "وكالة الاتحاد الأوروبي للتدريب في مجال إنفاذ القانون"),
        (),
        "CEPOL",
        "CEPOL",
        "CEPOL",
        ("CEPOL",),
    ),
    Institution(
        "unodc",
        "UNODC",
        "third_party",
        "international_organisation",
        ("مكتب الأمم المتحدة المعني بالمخدرات والجريمة",),
        (),
        "Oficina de las Naciones Unidas contra la Droga y el Delito",
        "Office des Nations unies contre la drogue et le crime",
        "United Nations Office on Drugs and Crime",
        ("UNODC", "ONUDC"),
    ),
    Institution(
        "eu",
        "EU",
        "third_party",
        "international_organisation",
        ("الاتحاد الأوروبي",),
        (),
        "Unión Europea",
        "Union européenne",
        "European Union",
    ),
    Institution(
        "fr_police",
        "DGPN",
        "third_party",
        "police",
        ("الشرطة الوطنية الفرنسية", "المديرية العامة للشرطة الوطنية الفرنسية"),
        ("الشرطة الوطنية الفرنسية", "الشرطة الفرنسية"),
        "Dirección General de la Policía Nacional (Francia)",
        "Direction générale de la police nationale",
        "Directorate General of the National Police (France)",
        ("DGPN",),
    ),
)

BY_KEY: dict[str, Institution] = {institution.key: institution for institution in INSTITUTIONS}

#: An institution's opposite number on the other side («… ونظيره الإسباني»).
COUNTERPARTS: dict[str, str] = {
    "dgsn": "dgp",
    "dgp": "dgsn",
    "ma_interior": "es_interior",
    "es_interior": "ma_interior",
    "gendarmerie_royale": "guardia_civil",
    "guardia_civil": "gendarmerie_royale",
}

#: The national police directorate of each side: who «the director general of security» heads.
POLICE_BY_SIDE: dict[Side, str] = {"MA": "dgsn", "ES": "dgp"}

#: Titles of heads; «المدير العام» is followed by «ل» + domain, «وزير» by the bare domain.
PREPOSITIONAL_TITLES = (
    "المدير العام",
    "المديرة العامة",
    "نائب المدير العام",
    "المدير العام المساعد",
    "المفتش العام",
    "الكاتب العام",
)
CONSTRUCT_TITLES = ("مدير", "مديرة", "وزير", "وزيرة", "قائد", "رئيس", "رئيسة")


def institution(key: str) -> Institution:
    """The gazetteer entry for ``key`` (KeyError when unknown)."""
    return BY_KEY[key]


def head_titles(entry: Institution) -> list[str]:
    """The ways to name the head of ``entry``: «المدير العام للأمن الوطني», «وزير الداخلية
    الإسباني»."""
    titles: list[str] = list(entry.heads)
    for domain in entry.domains:
        joined = "ل" + domain[1:] if domain.startswith("ال") else "ل" + domain
        titles.extend(f"{title} {joined}" for title in PREPOSITIONAL_TITLES)
        titles.extend(f"{title} {domain}" for title in CONSTRUCT_TITLES)
    return titles
