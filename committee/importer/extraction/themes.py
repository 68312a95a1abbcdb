"""The field of cooperation a text is about, from its words (folded stems, counted)."""

from __future__ import annotations

from committee.importer.extraction.model import Theme
from committee.importer.extraction.text import fold

#: In order of precedence when two themes score alike.
_KEYWORDS: tuple[tuple[Theme, tuple[str, ...]], ...] = (
    ("counter_terrorism", ("إرهاب", "ارهاب", "تطرف", "متطرف", "الجهادي", "راديكال", "التجنيد")),
    (
        "cybercrime",
        (
            "المعلوماتية",
            "الإلكترونية",
            "الالكترونية",
            "السيبراني",
            "التكنولوجيا الحديثة",
            "التكنولوجيات الحديثة",
            "الأنترنت",
            "الإنترنت",
            "الانترنت",
            "الرقمية",
        ),
    ),
    ("migration", ("الهجرة", "المهاجرين", "الاتجار بالبشر", "الاتجار في البشر", "مراقبة الحدود")),
    ("drug_trafficking", ("المخدرات", "المؤثرات العقلية", "القنب الهندي")),
    (
        "organised_crime",
        (
            "الجريمة المنظمة",
            "الجريمة العابرة للحدود",
            "تبييض الأموال",
            "غسل الأموال",
            "الشبكات الإجرامية",
            "تهريب",
        ),
    ),
    (
        "training",
        (
            "تكوين",
            "التكوين",
            "تدريب",
            "التدريب",
            "المساعدة التقنية",
            "الممارسات الجيدة",
            "الممارسات الفضلى",
            "تأهيل",
            "الدورات التكوينية",
            "مدارس الشرطة",
            "معاهد الشرطة",
        ),
    ),
    (
        "information_exchange",
        (
            "تبادل المعلومات",
            "تبادل المعطيات",
            "قنوات التواصل",
            "الاستعلامات",
            "تقاسم المعلومات",
            "ضباط الاتصال",
        ),
    ),
    (
        "institutional",
        (
            "لجنة",
            "لجن",
            "لجان",
            "اجتماعات",
            "اجتماع",
            "تتبع تنفيذ",
            "فريق عمل",
            "مخطط عمل",
            "خطة عمل",
            "برنامج عمل",
        ),
    ),
)
_FOLDED = tuple((theme, tuple(fold(word) for word in words)) for theme, words in _KEYWORDS)


def classify(
    text: str,
    *,
    institutional: bool = False,
    keywords: tuple[tuple[Theme, tuple[str, ...]], ...] = _FOLDED,
) -> Theme:
    """The theme whose keywords ``text`` uses most, a keyword among the first four words
    (the action itself: «تنظيم دورات تكوينية …») counting one more; ``institutional`` when
    none and asked. ``keywords`` (folded, in order of precedence) are another language's."""
    folded = fold(text)
    head = " ".join(folded.split()[:4])
    best: Theme = "institutional" if institutional else "other"
    best_score = 0.0
    for theme, words in keywords:
        score = sum(1 for word in words if word in folded)
        score += 1 if any(word in head for word in words) else 0
        if score > best_score:
            best, best_score = theme, score
    return best
