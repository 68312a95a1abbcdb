"""Is an article about security cooperation at all? (A seminar on agriculture is not.)"""

from __future__ import annotations

from committee.importer.extraction.text import ar

_SECURITY = ar(
    r"(?<!\w)[وفبل]?(?:ال|لل)?(?P<word>أمن|أمني|أمنية|شرطة|شرطي|إرهاب|ارهاب|إرهابية|تطرف|"
    r"الهجرة\s+غير\s+(?:المشروعة|الشرعية|النظامية)|الجريمة|جريمة|الجرائم|المخدرات|استخبارات|"
    r"استعلامات|الدرك)(?!\w)"
    # «الأمن الغذائي / المائي / الطاقي …» is not policing.
    r"(?!\s+(?:ال)?(?:غذائي|مائي|طاقي|روحي|صحي|اجتماعي|إنساني|قومي\s+العربي))"
)


def is_security_text(norm: str) -> bool:
    """``norm`` (a folded text) speaks of policing, terrorism, crime or migration control."""
    return _SECURITY.search(norm) is not None
