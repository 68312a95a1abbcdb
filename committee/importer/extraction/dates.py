"""Date expressions in Arabic press prose, resolved against the publication date.

Absolute: «يومي 12 و13 ماي 2017», «في شهر أكتوبر 2016», «في يونيو 2015», «سنة 2019»,
«21/02/2018». Relative (need the publication date): «اليوم الأربعاء», «أمس», «دجنبر المنصرم»
(the last December before publication), «يونيو الجاري», «ماي المقبل», «مطلع شهر ماي من السنة
الماضية», «السنة الماضية». Durations: «لمدة ثلاثة أيام», «طيلة أسبوع».

Without a publication date nothing relative is resolved: the mention is kept (so it still
belongs to its meeting) with no value, and a warning says why. A day and month without a year
(«يوم 12 ماي») take the year that puts them nearest the publication date, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from committee.importer.extraction.calendar_names import (
    CURRENT_PATTERN,
    MONTH_PATTERN,
    NEXT_PATTERN,
    PAST_PATTERN,
    WEEKDAY_PATTERN,
    month_number,
    weekday_number,
)
from committee.importer.extraction.date_context import is_publication_date, tense_before
from committee.importer.extraction.model import PartialDate
from committee.importer.extraction.numerals import CARDINAL_PATTERN, cardinal_value
from committee.importer.extraction.text import Document, ar

Relation = Literal["past", "current", "next"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date, a range or a duration found at ``norm[start:end]``."""

    start: int
    end: int
    first: PartialDate | None = None
    last: PartialDate | None = None
    days: int | None = None
    relative: bool = False
    #: When a communiqué or a report came out («بيان … نشر اليوم الأحد»): no event's date.
    of_publication: bool = False

    @property
    def is_duration(self) -> bool:
        return self.days is not None and self.first is None

    @property
    def is_range(self) -> bool:
        return self.last is not None and self.last != self.first


_MONTH = rf"(?:{MONTH_PATTERN})(?:\s*[/(]\s*(?:{MONTH_PATTERN})\s*\)?)?"
_DAY = r"(?:\d{1,2}|فاتح|الفاتح)(?!\d)"
_YEAR = r"(?:(?:من\s+)?(?:سنة|عام|لسنة|لعام)\s+)?(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*م(?!\w))?"
_REL_MONTH = rf"(?P<rel>{PAST_PATTERN}|{CURRENT_PATTERN}|{NEXT_PATTERN})(?!\w)"
_REL_YEAR = (
    rf"(?:من\s+)?(?:السنة|العام)\s+(?P<ry>{PAST_PATTERN}|{CURRENT_PATTERN}|{NEXT_PATTERN})(?!\w)"
)
_TAIL = rf"(?:\s+(?:{_YEAR}|{_REL_MONTH}|{_REL_YEAR}))"
_WD = rf"(?:{WEEKDAY_PATTERN})"
_RELATIONS = f"{PAST_PATTERN}|{CURRENT_PATTERN}|{NEXT_PATTERN}"
#: Not inside a word, but a conjunction or preposition may be glued on: «وعلى مدى», «بتاريخ».
_B = r"(?<![^\W_وفبل])"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, ar(pattern))
    for name, pattern in (
        (
            "cross_month",
            rf"{_B}(?:من\s+)?(?P<d1>{_DAY})\s+(?:من\s+)?(?P<m1>{_MONTH})"
            rf"(?:\s+(?P<y1>(?:19|20)\d\d))?\s*(?:إلى|الى|حتى|-|–|و)\s*"
            rf"(?P<d2>{_DAY})\s+(?:من\s+)?(?:شهر\s+)?(?P<m2>{_MONTH}){_TAIL}?(?!\w)",
        ),
        (
            "day_range",
            rf"{_B}(?:(?:يومي|أيام|من|بين|ما\s+بين)\s+)?(?:{_WD}\s+(?:و\s*)?(?:{_WD}\s+)?)?"
            rf"(?P<d1>{_DAY})(?:\s*(?:و|،|,)\s*{_DAY})*\s*(?:و|-|–|إلى|الى|حتى)\s*(?P<d2>{_DAY})"
            rf"\s+(?:من\s+)?(?:شهر\s+)?"
            rf"(?P<m>{_MONTH}){_TAIL}?(?!\w)",
        ),
        (
            "day",
            rf"{_B}(?:(?:يوم|يومه)\s+)?(?:(?P<wd>{_WD})\s*[،,]?\s*)?(?P<d>{_DAY})\s+(?:من\s+)?"
            rf"(?:شهر\s+)?(?P<m>{_MONTH}){_TAIL}?(?!\w)",
        ),
        (
            "numeric",
            r"(?<![\d/.-])(?P<d>\d{1,2})\s*([/.-])\s*(?P<mn>\d{1,2})\s*\2\s*(?P<y>(?:19|20)\d\d)(?!\d)",
        ),
        (
            "month",
            rf"{_B}(?:(?:أواخر|أوائل|أواسط|منتصف|مطلع|بداية|نهاية)\s+)?(?:شهر\s+)?"
            rf"(?P<m>{_MONTH}){_TAIL}(?!\w)",
        ),
        (
            "named_month",
            rf"{_B}(?:(?:أواخر|أوائل|أواسط|منتصف|مطلع|بداية|نهاية)\s+)?شهر\s+(?P<m>{_MONTH})(?!\w)",
        ),
        ("year", rf"{_B}(?:سنة|عام|لسنة|لعام)\s+(?P<y>(?:19|20)\d\d)(?!\d)"),
        ("relative_year", rf"{_B}(?:{_REL_YEAR}|(?P<this>هذه\s+السنة|هذا\s+العام))"),
        (
            "month_day",
            rf"{_B}(?:(?:يومي|يوم|يومه|من|بين)\s+)?(?:(?P<wd>{_WD})\s*[،,]?\s*)?(?P<d>{_DAY})"
            rf"(?:\s*(?:و|-|–|إلى|الى|حتى)\s*(?P<d2>{_DAY}))?\s+من\s+(?:(?P<this>هذا)\s+)?"
            rf"الشهر(?:\s+(?P<rel>{_RELATIONS}))?(?!\w)",
        ),
        (
            "period",
            rf"{_B}(?:(?:مطلع|بداية|نهاية|أواخر|أوائل|منتصف)\s+)?(?:(?P<this>هذا)\s+)?"
            rf"(?P<unit>الشهر|الأسبوع)(?:\s+(?P<rel>{_RELATIONS}))?(?!\w)",
        ),
        ("today", rf"{_B}(?P<t>اليوم|أمس|غدا|أول\s+أمس|بعد\s+غد)(?:\s*(?P<wd>{_WD}))?(?!\w)"),
        (
            "weekday",
            rf"{_B}(?:(?P<pre>يوم|صباح|مساء|ليلة|نهار)\s+)?(?P<wd>{_WD})"
            rf"(?:\s+(?P<rel>{PAST_PATTERN}|{NEXT_PATTERN}))?(?!\w)",
        ),
        (
            "duration",
            rf"{_B}(?:على\s+مدى|على\s+امتداد|طيلة|طوال|لمدة|مدة|خلال|تدوم|تستمر|دامت|استمرت)\s+"
            rf"(?P<n>يومين|يوم\s+واحد|أسبوعين|أسبوع|(?:{CARDINAL_PATTERN})\s+(?:أيام|يوما))(?!\w)",
        ),
    )
)

#: «اليوم» that is not today: «اليوم الدراسي», «حتى اليوم», «في اليوم الثاني».
_NOT_TODAY_BEFORE = ar(r"(?<!\w)(?:هذا|في|إلى|الى|حتى|منذ|ذلك|نفس|غاية|من)\s*$")
#: «اليوم» that is a day's name: «اليوم الدراسي», «اليوم العالمي», «اليوم الأول», «اليوم
#: الموالي». «اختتمت اليوم الندوة» is today; «أمس» and «غدا» take no adjective.
_NOT_TODAY_AFTER = ar(
    r"\s+(?:ال\w+(?:ي|يه)|الأول|الأخير|السابق|المفتوح|نفسه|ذاته|الثالث|الرابع|الخامس)(?!\w)"
)
#: How many days a dispatch may wait before a paper prints it.
_REPUBLICATION_DAYS = 2
_TODAY_OFFSETS = {"اليوم": 0, "امس": -1, "غدا": 1, "اول امس": -2, "بعد غد": 2}


class DateReader:
    """Reads the dates of one document; collects the warnings resolution gives rise to."""

    def __init__(self, doc: Document, published: dt.date | None) -> None:
        self.doc = doc
        self.published = published
        self.warnings: list[str] = []

    def find(self) -> list[DateMention]:
        candidates: list[tuple[int, int, int, re.Match[str], str]] = []
        for priority, (name, pattern) in enumerate(_PATTERNS):
            for match in pattern.finditer(self.doc.norm):
                candidates.append(
                    (match.start(), -(match.end() - match.start()), priority, match, name)
                )
        candidates.sort(key=lambda item: item[:3])
        found: list[DateMention] = []
        taken_until = -1
        for start, _, _, match, name in candidates:
            if start < taken_until:
                continue
            mention = self._read(name, match)
            if mention is not None:
                if is_publication_date(self.doc, mention.start, mention.end):
                    mention = replace(mention, of_publication=True)
                found.append(mention)
                taken_until = match.end()
        return found

    # --- one expression ------------------------------------------------------------------
    def _read(self, name: str, match: re.Match[str]) -> DateMention | None:
        reader = getattr(self, f"_read_{name}")
        mention: DateMention | None = reader(match)
        return mention

    def _read_cross_month(self, match: re.Match[str]) -> DateMention | None:
        month1, month2 = _month(match.group("m1")), _month(match.group("m2"))
        year2, relative = self._year(match, month2, int(_day(match.group("d2"))))
        if year2 is None:
            return self._unresolved(match, relative)
        year1 = int(match.group("y1")) if match.group("y1") else year2 - (month1 > month2)
        first = _safe_date(year1, month1, _day(match.group("d1")))
        last = _safe_date(year2, month2, _day(match.group("d2")))
        if first is None or last is None or last < first:
            return None
        return DateMention(
            match.start(),
            match.end(),
            _day_precision(first),
            _day_precision(last),
            relative=relative,
        )

    def _read_day_range(self, match: re.Match[str]) -> DateMention | None:
        month = _month(match.group("m"))
        year, relative = self._year(match, month, _day(match.group("d1")))
        if year is None:
            return self._unresolved(match, relative)
        first = _safe_date(year, month, _day(match.group("d1")))
        last = _safe_date(year, month, _day(match.group("d2")))
        if first is None or last is None or last < first:
            return None
        return DateMention(
            match.start(),
            match.end(),
            _day_precision(first),
            _day_precision(last),
            relative=relative,
        )

    def _read_day(self, match: re.Match[str]) -> DateMention | None:
        month = _month(match.group("m"))
        day = _day(match.group("d"))
        year, relative = self._year(match, month, day)
        if year is None:
            return self._unresolved(match, relative)
        value = _safe_date(year, month, day)
        if value is None:
            return None
        self._check_weekday(match.group("wd"), value, match)
        point = _day_precision(value)
        return DateMention(match.start(), match.end(), point, point, relative=relative)

    def _read_numeric(self, match: re.Match[str]) -> DateMention | None:
        value = _safe_date(int(match.group("y")), int(match.group("mn")), int(match.group("d")))
        if value is None:
            return None
        point = _day_precision(value)
        return DateMention(match.start(), match.end(), point, point)

    def _read_month(self, match: re.Match[str]) -> DateMention | None:
        month = _month(match.group("m"))
        year, relative = self._year(match, month, None)
        if year is None:
            return self._unresolved(match, relative)
        point = PartialDate(dt.date(year, month, 1), "month")
        return DateMention(match.start(), match.end(), point, point, relative=relative)

    def _read_named_month(self, match: re.Match[str]) -> DateMention | None:
        return self._read_month(match)

    def _read_year(self, match: re.Match[str]) -> DateMention | None:
        point = PartialDate(dt.date(int(match.group("y")), 1, 1), "year")
        return DateMention(match.start(), match.end(), point, point)

    def _read_relative_year(self, match: re.Match[str]) -> DateMention | None:
        if self.published is None:
            return self._unresolved(match, True)
        relation = "current" if match.group("this") else _relation(match.group("ry"))
        year = self.published.year + {"past": -1, "current": 0, "next": 1}[relation]
        point = PartialDate(dt.date(year, 1, 1), "year")
        return DateMention(match.start(), match.end(), point, point, relative=True)

    def _read_today(self, match: re.Match[str]) -> DateMention | None:
        norm = self.doc.norm
        line_start = max(norm.rfind("\n", 0, match.start()), match.start() - 12, 0)
        if not match.group("wd") and _NOT_TODAY_BEFORE.search(norm, line_start, match.start()):
            return None
        today = match.group("t") == "اليوم"
        if today and not match.group("wd") and _NOT_TODAY_AFTER.match(norm, match.end()):
            return None
        if self.published is None:
            return self._unresolved(match, True)
        offset = _TODAY_OFFSETS[" ".join(match.group("t").split())]
        value = self._republished(match, self.published + dt.timedelta(days=offset))
        self._check_weekday(match.group("wd"), value, match)
        point = _day_precision(value)
        return DateMention(match.start(), match.end(), point, point, relative=True)

    def _republished(self, match: re.Match[str], value: dt.date) -> dt.date:
        """«اليوم الأربعاء» in a paper dated Thursday: a dispatch of the day before, printed
        the next day. The weekday named wins when it falls in the days just before the
        computed date; otherwise the date stands and ``_check_weekday`` warns."""
        weekday = weekday_number(match.group("wd") or "")
        if weekday is None or weekday == value.weekday():
            return value
        back = (value.weekday() - weekday) % 7
        if back > _REPUBLICATION_DAYS:
            return value
        earlier = value - dt.timedelta(days=back)
        self.warnings.append(
            f"«{self.doc.original(match.start(), match.end())}» names {earlier.isoformat()}'s "
            f"weekday, not {value.isoformat()}'s: read as a dispatch of {back} day(s) before "
            "publication"
        )
        return earlier

    def _read_weekday(self, match: re.Match[str]) -> DateMention | None:
        """«يوم الأربعاء الماضي», «الخميس المقبل»; a bare «يوم الثلاثاء» is the nearest one
        in the tense of the verb before it (``date_context.tense_before``): ahead after
        «ستنعقد», today or ahead after «تنطلق», else the last one (today included)."""
        weekday = weekday_number(match.group("wd"))
        relation = match.group("rel")
        if weekday is None or (not relation and not match.group("pre") and weekday in (0, 6)):
            return None  # a bare «الاثنين» / «الأحد» is as often "the two" / "the one"
        if self.published is None:
            return self._unresolved(match, True)
        shift = (weekday - self.published.weekday()) % 7
        tense = tense_before(self.doc, match.start()) if not relation else None
        if (relation and _relation(relation) == "next") or tense == "future":
            value = self.published + dt.timedelta(days=shift or 7)
        elif tense == "present":
            value = self.published + dt.timedelta(days=shift)
        elif relation:
            value = self.published - dt.timedelta(days=(7 - shift) % 7 or 7)
        else:
            value = self.published - dt.timedelta(days=(7 - shift) % 7)
        point = _day_precision(value)
        return DateMention(match.start(), match.end(), point, point, relative=True)

    def _read_month_day(self, match: re.Match[str]) -> DateMention | None:
        """«يوم 28 من الشهر الجاري», «يومي 3 و4 من الشهر المقبل»."""
        if match.group("rel") is None and not match.group("this"):
            return None
        if self.published is None:
            return self._unresolved(match, True)
        month = _month_named(match.group("rel"), self.published)
        first = _safe_date(month.year, month.month, _day(match.group("d")))
        last = _safe_date(month.year, month.month, _day(match.group("d2") or match.group("d")))
        if first is None or last is None or last < first:
            return None
        self._check_weekday(match.group("wd"), first, match)
        return DateMention(
            match.start(), match.end(), _day_precision(first), _day_precision(last), relative=True
        )

    def _read_period(self, match: re.Match[str]) -> DateMention | None:
        """«الشهر الجاري», «الشهر المقبل», «الأسبوع الماضي»: a month; a week only when it lies
        in one month (there is no week precision)."""
        if match.group("rel") is None and not match.group("this"):
            return None
        if self.published is None:
            return self._unresolved(match, True)
        if match.group("unit") == "الشهر":
            point = PartialDate(_month_named(match.group("rel"), self.published), "month")
            return DateMention(match.start(), match.end(), point, point, relative=True)
        step = _STEPS[_relation(match.group("rel")) if match.group("rel") else "current"]
        monday = self.published + dt.timedelta(days=7 * step - self.published.weekday())
        if monday.month != (monday + dt.timedelta(days=6)).month:
            self.warnings.append(
                f"«{self.doc.original(match.start(), match.end())}» runs over two months; "
                "left undated"
            )
            return DateMention(match.start(), match.end(), relative=True)
        point = PartialDate(monday.replace(day=1), "month")
        return DateMention(match.start(), match.end(), point, point, relative=True)

    def _read_duration(self, match: re.Match[str]) -> DateMention | None:
        words = match.group("n").split()
        if words[0] in ("يومين",):
            days = 2
        elif words[0] == "يوم":
            days = 1
        elif words[0].startswith("اسبوع"):
            days = 14 if words[0] == "اسبوعين" else 7
        else:
            days = cardinal_value(words[0]) or 0
        if not 0 < days < 60:
            return None
        return DateMention(match.start(), match.end(), days=days)

    # --- resolution ----------------------------------------------------------------------
    def _year(self, match: re.Match[str], month: int, day: int | None) -> tuple[int | None, bool]:
        """The year of a month in ``match``: written, relative, or nearest to publication."""
        groups = match.groupdict()
        if groups.get("y"):
            return int(groups["y"]), False
        published = self.published
        relation = groups.get("rel")
        relative_year = groups.get("ry")
        if relation or relative_year:
            if published is None:
                return None, True
            if relative_year:
                step = {"past": -1, "current": 0, "next": 1}[_relation(relative_year)]
                return published.year + step, True
            return _relative_month_year(_relation(relation or ""), month, published), True
        if published is None:
            self.warnings.append(
                f"«{self.doc.original(match.start(), match.end())}» has no year and no publication "
                "date was given; left undated"
            )
            return None, True
        year = _nearest_year(month, day or 1, published)
        self.warnings.append(
            f"«{self.doc.original(match.start(), match.end())}» has no year; took {year}, "
            "the nearest to the publication date"
        )
        return year, True

    def _unresolved(self, match: re.Match[str], relative: bool) -> DateMention:
        if relative and self.published is None:
            self.warnings.append(
                f"«{self.doc.original(match.start(), match.end())}» is relative to the "
                "publication date, which was not given; left unresolved"
            )
        return DateMention(match.start(), match.end(), relative=relative)

    def _check_weekday(self, name: str | None, value: dt.date, match: re.Match[str]) -> None:
        if not name:
            return
        weekday = weekday_number(name)
        if weekday is not None and weekday != value.weekday():
            self.warnings.append(
                f"«{self.doc.original(match.start(), match.end())}» names a weekday that is not "
                f"that of {value.isoformat()}; kept {value.isoformat()}"
            )


def find_dates(doc: Document, published: dt.date | None) -> tuple[list[DateMention], list[str]]:
    """All date expressions of ``doc`` (not overlapping, in text order) and resolution warnings."""
    reader = DateReader(doc, published)
    return reader.find(), reader.warnings


def _relation(word: str) -> Relation:
    if re.fullmatch(PAST_PATTERN, word):
        return "past"
    if re.fullmatch(NEXT_PATTERN, word):
        return "next"
    return "current"


def _relative_month_year(relation: Relation, month: int, published: dt.date) -> int:
    """«دجنبر المنصرم» → the last December before publication; «ماي المقبل» → the next May."""
    if relation == "past":
        return published.year if month < published.month else published.year - 1
    if relation == "next":
        return published.year if month > published.month else published.year + 1
    return published.year


_STEPS: dict[Relation, int] = {"past": -1, "current": 0, "next": 1}


def _month_named(word: str | None, published: dt.date) -> dt.date:
    """The first day of the month «الشهر الجاري / المقبل / الماضي» («هذا الشهر»: no word)."""
    index = published.year * 12 + published.month - 1 + _STEPS[_relation(word or "")]
    return dt.date(index // 12, index % 12 + 1, 1)


def _nearest_year(month: int, day: int, published: dt.date) -> int:
    def distance(year: int) -> int:
        value = _safe_date(year, month, day) or dt.date(year, month, 1)
        return abs((value - published).days)

    return min((published.year - 1, published.year, published.year + 1), key=distance)


def _month(text: str) -> int:
    first = re.match(MONTH_PATTERN, text)
    number = month_number(first.group() if first else text)
    if number is None:  # pragma: no cover - the pattern only matches known names
        raise ValueError(text)
    return number


def _day(text: str) -> int:
    return 1 if "فاتح" in text else int(text)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_precision(value: dt.date) -> PartialDate:
    return PartialDate(value, "day")
