"""Places the committee's articles name: Moroccan and Spanish cities, ports, and a few others.

General knowledge, not article data: each place has its Arabic spellings (the press writes
«إشبيلية» and «اشبيلية», «مالقة» and «مالاغا»), its Spanish, French and English names, and
its country (ISO 3166 alpha-2). Ports are places of their own because cooperation mechanisms
sit in ports («مفوضية مشتركة بميناء طريفة»).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from committee.importer.extraction.text import fold

PlaceKind = Literal["city", "port", "country"]


@dataclass(frozen=True, slots=True)
class Place:
    key: str
    kind: PlaceKind
    country: str
    ar: tuple[str, ...]
    es: str
    fr: str
    en: str
    latin: tuple[str, ...] = ()
    city: str | None = None


def _city(
    key: str, country: str, ar: str, es: str, fr: str = "", en: str = "", *latin: str
) -> Place:
    """``ar`` lists spellings separated by «|»."""
    return Place(key, "city", country, tuple(ar.split("|")), es, fr or es, en or fr or es, latin)


def _port(
    key: str, city: str, country: str, ar: str, es: str, fr: str, en: str, *latin: str
) -> Place:
    return Place(key, "port", country, tuple(ar.split("|")), es, fr, en, latin, city)


def _country(key: str, ar: str, es: str, fr: str, en: str) -> Place:
    return Place(key, "country", key.upper(), tuple(ar.split("|")), es, fr, en)


CITIES: tuple[Place, ...] = (
    # Morocco
    _city("rabat", "MA", "الرباط", "Rabat"),
    _city("casablanca", "MA", "الدار البيضاء|البيضاء", "Casablanca"),
    _city("marrakech", "MA", "مراكش", "Marrakech", "Marrakech", "Marrakesh", "Marraquech"),
    _city("fez", "MA", "فاس", "Fez", "Fès", "Fez", "Fes"),
    _city("tangier", "MA", "طنجة", "Tánger", "Tanger", "Tangier", "Tanger"),
    _city("tetouan", "MA", "تطوان|تيطوان", "Tetuán", "Tétouan", "Tetouan", "Tetuan", "Tetouan"),
    _city("agadir", "MA", "أكادير|اكادير|أغادير", "Agadir"),
    _city("meknes", "MA", "مكناس", "Mequinez", "Meknès", "Meknes", "Meknes"),
    _city("oujda", "MA", "وجدة", "Uchda", "Oujda", "Oujda"),
    _city("nador", "MA", "الناظور", "Nador"),
    _city("kenitra", "MA", "القنيطرة", "Kenitra", "Kénitra", "Kenitra"),
    _city("sale", "MA", "سلا", "Salé", "Salé", "Sale"),
    _city("temara", "MA", "تمارة", "Temara", "Témara", "Temara"),
    _city("mohammedia", "MA", "المحمدية", "Mohammedia"),
    _city("el_jadida", "MA", "الجديدة", "El Jadida"),
    _city("safi", "MA", "آسفي|اسفي", "Safi"),
    _city("essaouira", "MA", "الصويرة", "Esauira", "Essaouira", "Essaouira"),
    _city("al_hoceima", "MA", "الحسيمة", "Alhucemas", "Al Hoceïma", "Al Hoceima", "Al Hoceima"),
    _city("larache", "MA", "العرائش", "Larache"),
    _city("fnideq", "MA", "الفنيدق", "Castillejos", "Fnideq", "Fnideq", "Fnideq"),
    _city("martil", "MA", "مرتيل", "Martil"),
    _city("ifrane", "MA", "إفران|افران", "Ifrane"),
    _city("beni_mellal", "MA", "بني ملال", "Beni Mellal"),
    _city("ouarzazate", "MA", "ورزازات", "Uarzazat", "Ouarzazate", "Ouarzazate"),
    _city("errachidia", "MA", "الرشيدية|الراشيدية", "Errachidia"),
    _city("taza", "MA", "تازة", "Taza"),
    _city("settat", "MA", "سطات", "Settat"),
    _city("khouribga", "MA", "خريبكة", "Jouribga", "Khouribga", "Khouribga"),
    _city("laayoune", "MA", "العيون", "El Aaiún", "Laâyoune", "Laayoune", "Laayoune", "El Aaiun"),
    _city("dakhla", "MA", "الداخلة", "Dajla", "Dakhla", "Dakhla", "Dakhla"),
    _city("guelmim", "MA", "كلميم|گلميم|غليميم", "Guelmim"),
    _city("tiznit", "MA", "تيزنيت", "Tiznit"),
    _city("taroudant", "MA", "تارودانت", "Tarudant", "Taroudant", "Taroudant"),
    _city("berkane", "MA", "بركان", "Berkán", "Berkane", "Berkane", "Berkane"),
    _city("taourirt", "MA", "تاوريرت", "Taourirt"),
    _city("chefchaouen", "MA", "شفشاون", "Chauen", "Chefchaouen", "Chefchaouen", "Chaouen"),
    _city("asilah", "MA", "أصيلة|اصيلا|أصيلا", "Arcila", "Asilah", "Asilah", "Asilah"),
    _city("ksar_el_kebir", "MA", "القصر الكبير", "Alcazarquivir", "Ksar El Kébir", "Ksar el-Kebir"),
    _city("khemisset", "MA", "الخميسات", "Khemisset"),
    _city("berrechid", "MA", "برشيد", "Berrechid"),
    _city("el_hajeb", "MA", "الحاجب", "El Hajeb"),
    _city("sidi_kacem", "MA", "سيدي قاسم", "Sidi Kacem"),
    _city("zagora", "MA", "زاكورة", "Zagora"),
    # Spain
    _city("madrid", "ES", "مدريد", "Madrid"),
    _city("barcelona", "ES", "برشلونة", "Barcelona", "Barcelone", "Barcelona"),
    _city("seville", "ES", "إشبيلية|اشبيلية|إشبيليا|سيفيا|سيبيا", "Sevilla", "Séville", "Seville"),
    _city("cordoba", "ES", "قرطبة|كوردوبا", "Córdoba", "Cordoue", "Cordoba", "Cordoba"),
    _city("granada", "ES", "غرناطة", "Granada", "Grenade", "Granada"),
    _city("malaga", "ES", "مالقة|ملقة|مالاغا|مالقا", "Málaga", "Malaga", "Malaga", "Malaga"),
    _city("valencia", "ES", "بلنسية|فالنسيا|فالينسيا", "Valencia", "Valence", "Valencia"),
    _city("zaragoza", "ES", "سرقسطة", "Zaragoza", "Saragosse", "Zaragoza"),
    _city("bilbao", "ES", "بلباو|بيلباو", "Bilbao"),
    _city(
        "almeria",
        "ES",
        "ألمرية|المرية|ألميريا|الميريا|ألمرية",
        "Almería",
        "Almería",
        "Almeria",
        "Almeria",
    ),
    _city("algeciras", "ES", "الجزيرة الخضراء|ألخيسيراس|الخسيراس|ألخثيراس|الخثيراس", "Algeciras"),
    _city("cadiz", "ES", "قادس|كاديث|كاديز", "Cádiz", "Cadix", "Cadiz", "Cadiz"),
    _city("tarifa", "ES", "طريفة", "Tarifa"),
    _city("huelva", "ES", "ولبة|هويلفا|أويلبا|هويلبا", "Huelva"),
    _city("jaen", "ES", "جيان|خاين", "Jaén", "Jaén", "Jaen", "Jaen"),
    _city("motril", "ES", "موتريل", "Motril"),
    _city("murcia", "ES", "مرسية|مورسيا", "Murcia", "Murcie", "Murcia"),
    _city("alicante", "ES", "أليكانتي|اليكانتي|لقنت", "Alicante"),
    _city("toledo", "ES", "طليطلة|توليدو", "Toledo", "Tolède", "Toledo"),
    _city("salamanca", "ES", "سلمنقة|سالامانكا", "Salamanca", "Salamanque", "Salamanca"),
    _city("avila", "ES", "آفيلا|أفيلا", "Ávila", "Ávila", "Avila", "Avila"),
    _city("palma", "ES", "بالما|بالما دي مايوركا", "Palma", "Palma", "Palma", "Palma de Mallorca"),
    _city(
        "las_palmas", "ES", "لاس بالماس", "Las Palmas de Gran Canaria", "Las Palmas", "Las Palmas"
    ),
    _city(
        "santiago",
        "ES",
        "سانتياغو دي كومبوستيلا",
        "Santiago de Compostela",
        "Saint-Jacques-de-Compostelle",
        "Santiago de Compostela",
    ),
    _city("ceuta", "ES", "سبتة", "Ceuta", "Ceuta", "Ceuta", "Sebta"),
    _city("melilla", "ES", "مليلية|مليلة", "Melilla"),
    _city("cartagena", "ES", "قرطاجنة|كارتاخينا", "Cartagena", "Carthagène", "Cartagena"),
    _city("marbella", "ES", "ماربيا|ماربيلا|مربلة", "Marbella"),
    _city("jerez", "ES", "شريش|خيريث", "Jerez de la Frontera", "Jerez", "Jerez", "Jerez"),
    _city(
        "san_sebastian", "ES", "سان سيباستيان", "San Sebastián", "Saint-Sébastien", "San Sebastian"
    ),
    _city("santander", "ES", "سانتاندير|سانتاندر", "Santander"),
    _city("oviedo", "ES", "أوفييدو|اوفييدو", "Oviedo"),
    _city("valladolid", "ES", "بلد الوليد|فالادوليد", "Valladolid"),
    _city("pamplona", "ES", "بنبلونة|بامبلونا", "Pamplona", "Pampelune", "Pamplona"),
    _city("vigo", "ES", "فيغو", "Vigo"),
    _city("a_coruna", "ES", "لاكورونيا|لا كورونيا", "A Coruña", "La Corogne", "A Coruña"),
    _city("tarragona", "ES", "طراغونة|تاراغونا", "Tarragona", "Tarragone", "Tarragona"),
    _city("badajoz", "ES", "بطليوس|باداخوث", "Badajoz"),
    _city("merida", "ES", "ماردة|ميريدا", "Mérida", "Mérida", "Merida", "Merida"),
    _city(
        "santa_cruz_de_tenerife",
        "ES",
        "سانتا كروث دي تينيريفي|سانتا كروز دي تينيريفي|تينيريفي",
        "Santa Cruz de Tenerife",
    ),
    # Elsewhere: seats of partner institutions and usual meeting places.
    _city("paris", "FR", "باريس", "París", "Paris", "Paris"),
    _city("lyon", "FR", "ليون", "Lyon"),
    _city("brussels", "BE", "بروكسيل|بروكسل", "Bruselas", "Bruxelles", "Brussels"),
    _city("the_hague", "NL", "لاهاي", "La Haya", "La Haye", "The Hague"),
    _city("lisbon", "PT", "لشبونة|لشبونه", "Lisboa", "Lisbonne", "Lisbon"),
    _city("rome", "IT", "روما", "Roma", "Rome", "Rome"),
    _city("geneva", "CH", "جنيف", "Ginebra", "Genève", "Geneva"),
    _city("vienna", "AT", "فيينا", "Viena", "Vienne", "Vienna"),
    _city("warsaw", "PL", "وارسو", "Varsovia", "Varsovie", "Warsaw"),
    _city("london", "GB", "لندن", "Londres", "Londres", "London"),
    _city("berlin", "DE", "برلين", "Berlín", "Berlin", "Berlin"),
    _city("nouakchott", "MR", "نواكشوط", "Nuakchot", "Nouakchott", "Nouakchott"),
    _city("new_york", "US", "نيويورك", "Nueva York", "New York", "New York"),
)

PORTS: tuple[Place, ...] = (
    _port(
        "tanger_med",
        "tangier",
        "MA",
        "ميناء طنجة المتوسط|ميناء طنجة - المتوسط|طنجة المتوسط",
        "Tánger Med",
        "Tanger Med",
        "Tanger Med",
        "Tanger-Med",
        "Tanger Med",
        "Tangier Med",
    ),
    _port(
        "tangier_city_port",
        "tangier",
        "MA",
        "ميناء طنجة المدينة|ميناء طنجة|طنجة المدينة",
        "puerto de Tánger Ciudad",
        "port de Tanger Ville",
        "Tangier City port",
    ),
    _port(
        "nador_port",
        "nador",
        "MA",
        "ميناء بني انصار|ميناء بني أنصار|ميناء الناظور",
        "puerto de Beni Ansar",
        "port de Beni Ensar",
        "Beni Ansar port",
    ),
    _port(
        "casablanca_port",
        "casablanca",
        "MA",
        "ميناء الدار البيضاء",
        "puerto de Casablanca",
        "port de Casablanca",
        "port of Casablanca",
    ),
    _port(
        "algeciras_port",
        "algeciras",
        "ES",
        "ميناء الجزيرة الخضراء",
        "puerto de Algeciras",
        "port d'Algésiras",
        "port of Algeciras",
    ),
    _port(
        "tarifa_port",
        "tarifa",
        "ES",
        "ميناء طريفة",
        "puerto de Tarifa",
        "port de Tarifa",
        "port of Tarifa",
    ),
    _port(
        "almeria_port",
        "almeria",
        "ES",
        "ميناء ألمرية|ميناء المرية|ميناء ألميريا|ميناء الميريا",
        "puerto de Almería",
        "port d'Almería",
        "port of Almeria",
    ),
    _port(
        "motril_port",
        "motril",
        "ES",
        "ميناء موتريل",
        "puerto de Motril",
        "port de Motril",
        "port of Motril",
    ),
    _port(
        "malaga_port",
        "malaga",
        "ES",
        "ميناء مالقة|ميناء مالاغا",
        "puerto de Málaga",
        "port de Malaga",
        "port of Malaga",
    ),
    _port(
        "valencia_port",
        "valencia",
        "ES",
        "ميناء فالنسيا|ميناء بلنسية",
        "puerto de Valencia",
        "port de Valence",
        "port of Valencia",
    ),
    _port(
        "ceuta_port",
        "ceuta",
        "ES",
        "ميناء سبتة",
        "puerto de Ceuta",
        "port de Ceuta",
        "port of Ceuta",
    ),
    _port(
        "melilla_port",
        "melilla",
        "ES",
        "ميناء مليلية",
        "puerto de Melilla",
        "port de Melilla",
        "port of Melilla",
    ),
)

COUNTRIES: tuple[Place, ...] = (
    _country("ma", "المغرب|المملكة المغربية", "Marruecos", "Maroc", "Morocco"),
    _country(
        "es", "إسبانيا|اسبانيا|المملكة الإسبانية|المملكة الاسبانية", "España", "Espagne", "Spain"
    ),
    _country("fr", "فرنسا", "Francia", "France", "France"),
    _country("pt", "البرتغال", "Portugal", "Portugal", "Portugal"),
    _country("dz", "الجزائر", "Argelia", "Algérie", "Algeria"),
    _country("tn", "تونس", "Túnez", "Tunisie", "Tunisia"),
    _country("mr", "موريتانيا", "Mauritania", "Mauritanie", "Mauritania"),
    _country("be", "بلجيكا", "Bélgica", "Belgique", "Belgium"),
    _country("nl", "هولندا", "Países Bajos", "Pays-Bas", "Netherlands"),
    _country("it", "إيطاليا|ايطاليا", "Italia", "Italie", "Italy"),
    _country("de", "ألمانيا|المانيا", "Alemania", "Allemagne", "Germany"),
    _country("gb", "بريطانيا|المملكة المتحدة", "Reino Unido", "Royaume-Uni", "United Kingdom"),
    _country(
        "us",
        "الولايات المتحدة|الولايات المتحدة الأمريكية",
        "Estados Unidos",
        "États-Unis",
        "United States",
    ),
)

#: Spellings that are also ordinary words or parts of names: «الجديدة» is "new", «البيضاء»
#: "white" («الأسلحة البيضاء»), «العيون» "the eyes", «وجدة» (folded «وجده») "he found it",
#: «طريفة» "funny", «أفران» "ovens". They name a place only where a place is expected: after
#: a preposition, «مدينة» and the like, in a dateline (``places``).
COMMON_WORD_SPELLINGS: frozenset[str] = frozenset(
    fold(word)
    for word in (
        "الجديدة", "البيضاء", "المحمدية", "آسفي", "اسفي", "طريفة", "وجدة", "إفران", "افران",
        "الرشيدية", "الراشيدية", "العيون", "الداخلة", "بركان", "أصيلة", "الخميسات", "القصر الكبير",
        "العرائش", "الحاجب", "ليون", "تازة",
    )
)  # fmt: skip

PLACES: dict[str, Place] = {place.key: place for place in (*CITIES, *PORTS, *COUNTRIES)}

#: The port a city's name stands for after «ميناء» / «ميناءي»
#: («ميناءي طنجة المدينة وطريفة»).
PORT_OF_CITY: dict[str, str] = {
    "tangier": "tangier_city_port",
    "nador": "nador_port",
    "casablanca": "casablanca_port",
    "algeciras": "algeciras_port",
    "tarifa": "tarifa_port",
    "almeria": "almeria_port",
    "motril": "motril_port",
    "malaga": "malaga_port",
    "valencia": "valencia_port",
    "ceuta": "ceuta_port",
    "melilla": "melilla_port",
}


def place(key: str) -> Place:
    """The gazetteer entry for ``key`` (KeyError when unknown)."""
    return PLACES[key]
