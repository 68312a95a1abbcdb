"""What the words around a date say about it: whether it is when a text came out, and whether
the sentence speaks of the future.

A joint communiqué, a press release, a report is often published days after the meeting it
reports: «أفاد بيان مشترك، نشر اليوم الأحد، بأن اللجنة عقدت اجتماعها يوم الخميس الماضي». The
Sunday is the communiqué's date, not the meeting's, and never a body's founding date. A date is
a text's publication date when a verb of publishing («نشر», «صدر», «الصادر», «أصدرت», «وزع»)
stands right before it with a text («بيان», «بلاغ», «تقرير») earlier in the sentence, or when it
follows the text itself («في بلاغ لها اليوم»).

A weekday with no «الماضي» / «المقبل» («عقد … يوم الثلاثاء») is the nearest one in the
direction of the tense of the verb before it: a future («ستعقد», «من المقرر») looks ahead, a
present («تنطلق يوم الأربعاء») looks at today and ahead, a past or no verb at all looks back:
the press mostly reports what happened.
"""

from __future__ import annotations

import re
from typing import Literal

from committee.importer.extraction.text import Document, ar

Tense = Literal["past", "present", "future"]

#: A text that is published: communiqué, press release, report, bulletin. Not a statement
#: to the press («تصريح») or a declaration («إعلان الرباط»), which are made at the meeting.
_TEXT = r"(?:بيان|بيانا|البيان|بلاغ|بلاغا|البلاغ|تقرير|تقريرا|التقرير|نشرة|النشرة)"
_TEXT_IN_SENTENCE = ar(rf"(?<![^\W_وبلف]){_TEXT}(?!\w)")
#: A verb or participle of publishing, right before the date (a time of day may come between).
_PUBLISHED_BEFORE = ar(
    r"(?<!\w)[وف]?(?:نشر|نشرت|نشره|نشرته|ينشر|تنشر|صدر|صدرت|يصدر|تصدر|الصادر|الصادرة|"
    r"أصدر|أصدرت|أصدره|أصدرته|أصدراه|وزع|وزعت|وزعه|وزعته|الموزع|الموزعة|عمم|عممت|عممته|"
    r"المنشور|المنشورة|أذيع|أذاع|أذاعت|بث|بثت|نشرتها|نشرها)"
    r"(?:\s+(?:مساء|صباح|ليلة|يوم|ظهر|زوال))?\s*[،,]?\s*$"
)
#: The text itself right before the date: «في بلاغ لها اليوم», «في بيان مشترك أمس».
_TEXT_BEFORE = ar(
    rf"(?<![^\W_وبلف]){_TEXT}(?:\s+(?:لها|له|لهما|لهم|مشترك|مشتركا|صحفي|صحفيا|صحافي|رسمي|"
    r"رسميا|مقتضب))*(?:\s+(?:مساء|صباح|ليلة|يوم))?\s*[،,]?\s*$"
)
#: A future verb of the genre (the prefix «سـ» with a verb the press uses for meetings) or a
#: phrase of plans.
_FUTURE = ar(
    r"(?<!\w)[وف]?س[تين](?:نعقد|عقد|لتئم|نظم|حتضن|جري|نطلق|شهد|كون|تم|جتمع|ستضيف|قوم|زور|"
    r"توجه|حل|شارك|ختتم|بدا|تواصل|تناول|دارس|بحث|ستقبل)\w*"
    r"|(?<!\w)[وف]?(?:من\s+المقرر|من\s+المرتقب|من\s+المنتظر|يرتقب|يعتزم|تعتزم|يتوقع)(?!\w)"
)


#: An announcement's verb earlier in the sentence …
_ANNOUNCED = ar(
    r"(?<!\w)[وف]?(?:أعلن|أعلنت|أعلنا|أفاد|أفادت|ذكر|ذكرت|كشف|كشفت|أورد|أوردت|نقل|نقلت)(?!\w)"
)
#: … and «أن» right after the date: «أعلنت المديرية، اليوم الأحد، أن اللجنة عقدت …».
_THAT_AFTER = ar(r"\s*[،,]?\s*(?:أن|بأن|أنه|بأنه)(?!\w)")


def is_publication_date(doc: Document, start: int, end: int) -> bool:
    """The date at ``norm[start:end]`` is when a text came out («بيان … نشر اليوم الأحد») or
    an announcement was made («أعلنت المديرية، اليوم الأحد، أن …»)."""
    sentence_start = doc.sentence_of(start)[0]
    if _THAT_AFTER.match(doc.norm, end) and _ANNOUNCED.search(
        doc.norm, max(sentence_start, start - 120), start
    ):
        return True
    window = max(sentence_start, start - 40)
    if _TEXT_BEFORE.search(doc.norm, window, start):
        return True
    if not _PUBLISHED_BEFORE.search(doc.norm, window, start):
        return False
    return bool(_TEXT_IN_SENTENCE.search(doc.norm, max(sentence_start, start - 160), start))


#: Verbs of the genre's events, their past («عقدت») and present («تنعقد») forms.
_EVENT_STEMS = r"نعقد|عقد|لتئم|نظم|حتضن|جري|نطلق|ختتم|فتتح|جتمع|ستضيف|زور|حل|شارك|تواصل|ستقبل|توج"
_PAST = ar(
    r"(?<!\w)[وف]?(?:عقد|عقدت|عقدا|انعقد|انعقدت|التأم|التأمت|نظم|نظمت|احتضن|احتضنت|جرى|جرت|"
    r"انطلق|انطلقت|اختتم|اختتمت|افتتح|افتتحت|اجتمع|اجتمعت|استضاف|استضافت|زار|زارت|حل|حلت|"
    r"شارك|شاركت|استقبل|استقبلت|توجه|توجهت|ترأس|ترأست|وقع|وقعت|أجرى|أجرت)(?!\w)"
)
_PRESENT = ar(rf"(?<!\w)[وف]?[تي](?:{_EVENT_STEMS})\w*")
_TENSES: tuple[tuple[re.Pattern[str], Tense], ...] = (
    (_FUTURE, "future"),
    (_PRESENT, "present"),
    (_PAST, "past"),
)


def tense_before(doc: Document, start: int) -> Tense:
    """The tense of the event verb nearest before ``start`` in its sentence: "future"
    («ستنعقد», «من المقرر»), "present" («تنطلق», «تتواصل»: today or ahead), else "past"."""
    sentence_start = doc.sentence_of(start)[0]
    window = max(sentence_start, start - 100)
    found: list[tuple[int, Tense]] = []
    for pattern, tense in _TENSES:
        found.extend((match.start(), tense) for match in pattern.finditer(doc.norm, window, start))
    return max(found)[1] if found else "past"
