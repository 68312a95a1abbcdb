"""Is a word an action noun (masdar)? Recommendations are phrased as actions: «إحداث»,
«تنظيم», «تعزيز», «تبادل», «مواصلة», «العمل على» …; «أرضية النقاش» is not one.

Derived verb forms have masdars of recognisable shape (تفعيل، تفاعل، إفعال، افتعال، استفعال،
مفاعلة); first-form masdars have none, so the common ones are listed.
"""

from __future__ import annotations

import re

from committee.importer.extraction.text import folded_words

_SHAPES = re.compile(
    r"^(?:ت\w\wي\w"  # تفعيل: تنظيم، تعزيز، تكوين
    r"|ت\w\wيه"  # تفعلة: تنمية، توعية، تقوية
    r"|ت\wا\w\w"  # تفاعل: تبادل، تقاسم، تعاون
    r"|ا\w\wا\w"  # إفعال: إحداث، إنشاء، إعداد، إرساء
    r"|ا\wت\wا\w"  # افتعال: اعتماد، اتخاذ
    r"|ان\w\wا\w"  # انفعال: انطلاق، انخراط
    r"|است\w\wا\w"  # استفعال: استحداث، استعمال
    r"|م\wا\w\wه"  # مفاعلة: مواصلة، مكافحة، متابعة
    r"|ت\w\w\w"  # تفعّل (تطوّر) — short forms
    r")$"
)
_COMMON = folded_words(
    "عقد وضع خلق عمل دعم رصد بحث نشر فتح منح رفع حث ضمان بذل توفير تطوير تعميم تعزيز "
    "مواصلة تبادل تقاسم إرساء تفعيل تكثيف تنسيق توسيع تسهيل تنظيم إحداث إنشاء إعداد اعتماد "
    "تشكيل تأسيس تحديد تقييم مراجعة متابعة تتبع تنفيذ دراسة بلورة صياغة مضاعفة تعميق "
    "تبسيط تيسير إيلاء إطلاق إدماج إشراك تحيين تقوية تأهيل تدريب تكوين مكافحة محاربة "
    "مساعدة تعيين المصادقة مصادقة الرفع الإسراع إسراع جعل اتخاذ توقيع إبرام تجديد"
)
_GLUED = ("بال", "لل", "ال", "ب", "ل")
#: Words of masdar shape that are not actions here (nationalities, plurals).
_NOT_ACTIONS = folded_words("إسبان اسبان أجانب أعضاء أطراف إطار اطار أهداف")


def bare(word: str) -> str:
    """The word without a glued «بـ» / «لـ» / «الـ» («بوضع» → «وضع», «للتدريب» → «تدريب»)."""
    for prefix in _GLUED:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def is_action_noun(word: str) -> bool:
    """``word`` (folded, clitics allowed) reads as a masdar."""
    for candidate in {word, bare(word), word.removeprefix("ال")}:
        if candidate in _NOT_ACTIONS:
            return False
        if candidate in _COMMON or (len(candidate) >= 4 and _SHAPES.match(candidate)):
            return True
    return False
