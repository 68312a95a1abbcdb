"""The demo's words: Arabic, Spanish, French and English phrases, names and places, and the
Arabic spellings press releases mix («الإرهاب» / «الارهاب»…)."""

from __future__ import annotations

import random

from committee.bilateral import Visibility

#: Arabic words with the spellings they appear under (the first is the careful one).
ARABIC_VARIANTS: dict[str, tuple[str, ...]] = {
    "الإرهاب": ("الإرهاب", "الارهاب"),
    "الأمنية": ("الأمنية", "الامنية", "الأمنيه"),
    "الشرطة": ("الشرطة", "الشرطه"),
    "مكافحة": ("مكافحة", "مكافحه"),
    "على": ("على", "علي"),
    "إلى": ("إلى", "الى", "إلي"),
    "إسبانيا": ("إسبانيا", "اسبانيا"),
    "الإسبانية": ("الإسبانية", "الاسبانية", "الإسبانيه"),
    "الأجهزة": ("الأجهزة", "الاجهزة", "الأجهزه"),
    "المعلومات": ("المعلومات",),
    "الهجرة": ("الهجرة", "الهجره"),
    "أمن": ("أمن", "امن"),
    "التوصية": ("التوصية", "التوصيه"),
}

ARABIC_ACTIONS = (
    "تعزيز",
    "تطوير",
    "تكثيف",
    "مواصلة",
    "إحداث",
    "تنظيم",
    "توسيع",
    "دعم",
)
ARABIC_OBJECTS = (
    "تبادل المعلومات بين الأجهزة الأمنية",
    "التعاون في مجال مكافحة الإرهاب",
    "دورات تكوينية لفائدة أطر الشرطة",
    "التنسيق الميداني في مجال الهجرة غير الشرعية",
    "مكافحة الجريمة المنظمة والاتجار بالمخدرات",
    "مكافحة الجرائم المرتبطة بالتكنولوجيات الحديثة",
    "الزيارات المتبادلة بين خبراء الشرطة",
    "آليات التتبع المشتركة للتوصية",
    "حماية الحدود والموانئ",
    "نقاط الاتصال بين المديرية العامة للأمن الوطني والشرطة الإسبانية",
)
ARABIC_TAILS = (
    "بين المغرب وإسبانيا",
    "على المستوى الجهوي",
    "في أقرب الآجال",
    "خلال السنة المقبلة",
    "وفق برنامج عمل مشترك",
    "إلى جانب الشركاء الأوروبيين",
    "مع تقييم دوري للنتائج",
)
SPANISH_ACTIONS = ("Reforzar", "Desarrollar", "Intensificar", "Continuar", "Crear", "Organizar")
SPANISH_OBJECTS = (
    "el intercambio de información entre los servicios de seguridad",
    "la cooperación en la lucha contra el terrorismo",
    "cursos de formación para mandos policiales",
    "la coordinación operativa en materia de inmigración irregular",
    "la lucha contra la delincuencia organizada y el narcotráfico",
    "la lucha contra la ciberdelincuencia",
    "las visitas recíprocas de expertos policiales",
    "los mecanismos conjuntos de seguimiento",
    "la protección de fronteras y puertos",
    "los puntos de contacto entre la DGSN y la Policía Nacional",
)
SPANISH_TAILS = (
    "entre Marruecos y España",
    "a nivel regional",
    "en el plazo más breve posible",
    "durante el próximo año",
    "según un programa de trabajo conjunto",
    "con evaluación periódica de resultados",
)
FRENCH_ACTIONS = ("Renforcer", "Développer", "Intensifier", "Poursuivre", "Créer", "Organiser")
FRENCH_OBJECTS = (
    "l'échange d'informations entre les services de sécurité",
    "la coopération en matière de lutte contre le terrorisme",
    "des formations au profit des cadres de police",
    "la coordination opérationnelle en matière de migration irrégulière",
    "la lutte contre la criminalité organisée et le trafic de drogue",
    "la lutte contre la cybercriminalité",
    "les visites réciproques d'experts de police",
    "les mécanismes conjoints de suivi",
    "la protection des frontières et des ports",
    "les points de contact entre la DGSN et la Police nationale",
)
FRENCH_TAILS = (
    "entre le Maroc et l'Espagne",
    "au niveau régional",
    "dans les meilleurs délais",
    "au cours de l'année prochaine",
    "selon un programme de travail conjoint",
    "avec une évaluation périodique des résultats",
)
ENGLISH_OBJECTS = (
    "the exchange of information between the security services",
    "cooperation against terrorism",
    "training courses for police officers",
    "operational coordination on irregular migration",
    "the fight against organised crime and drug trafficking",
    "the fight against cybercrime",
)
PROGRESS_AR = (
    "تم عقد اجتماع تنسيقي وتحديد نقاط الاتصال",
    "انطلقت الدورة التكوينية الأولى بمشاركة أطر الشرطة",
    "جرى تبادل المعلومات حول الشبكات الإجرامية",
    "تم إعداد برنامج العمل المشترك وعرضه على اللجنة",
)
PROGRESS_ES = (
    "Se celebró una reunión de coordinación y se designaron los puntos de contacto",
    "Comenzó el primer curso de formación con participación de mandos policiales",
    "Se intercambió información sobre las redes delictivas",
    "Se elaboró el programa de trabajo conjunto y se presentó a la comisión",
)
PROGRESS_FR = (
    "Une réunion de coordination a été tenue et les points de contact désignés",
    "La première formation a commencé avec des cadres de police",
)
CITIES = (
    ("الرباط", "Rabat", "Rabat", "Rabat", "MA"),
    ("مدريد", "Madrid", "Madrid", "Madrid", "ES"),
    ("طنجة", "Tánger", "Tanger", "Tangier", "MA"),
    ("إشبيلية", "Sevilla", "Séville", "Seville", "ES"),
    ("مراكش", "Marrakech", "Marrakech", "Marrakesh", "MA"),
    ("ملقة", "Málaga", "Malaga", "Malaga", "ES"),
)
GIVEN_AR = ("محمد", "أحمد", "يوسف", "فاطمة", "خديجة", "عبد الله", "إبراهيم", "سعاد", "ليلى")
FAMILY_AR = ("العلوي", "بناني", "التازي", "الإدريسي", "الفاسي", "برادة", "الصقلي", "أمزيان")
GIVEN_ES = ("José", "María", "Carmen", "Javier", "Lucía", "Antonio", "Pilar", "Ignacio")
FAMILY_ES = ("García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz")
THEMES = (
    "counter_terrorism",
    "information_exchange",
    "training",
    "cybercrime",
    "migration",
    "organised_crime",
    "drug_trafficking",
    "institutional",
    "other",
)


def spell(text: str, rng: random.Random) -> str:
    """``text`` with each word that has variants written in one of its spellings."""
    words = text.split(" ")
    for position, word in enumerate(words):
        for careful, variants in ARABIC_VARIANTS.items():
            if careful in word and len(variants) > 1:
                words[position] = word.replace(careful, rng.choice(variants))
    return " ".join(words)


def random_visibility(rng: random.Random) -> str:
    """Mostly public; some for the committee, each delegation and the secretariat."""
    roll = rng.random()
    if roll < 0.80:
        return Visibility.PUBLIC
    if roll < 0.90:
        return Visibility.COMMITTEE
    if roll < 0.945:
        return Visibility.MA
    if roll < 0.99:
        return Visibility.ES
    return Visibility.SECRETARIAT
