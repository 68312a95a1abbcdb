"""Date expressions in French and Spanish press prose, resolved against the publication date.

Absolute: «le 12 mars 2026», «les 21 et 22 octobre 2025», «du 3 au 5 décembre», «el 12 de
marzo de 2026», «los días 21 y 22 de octubre», «en avril 2026», «en noviembre de 2013», «en
2027». Relative: «hier», «ayer», «aujourd'hui jeudi», «el pasado miércoles», «mercredi
dernier», «jeudi» alone (the last one on or before publication; the next one when the
sentence announces), «l'année prochaine», «el próximo año». Durations: «sur deux jours»,
«durante dos días». The results are ``DateMention``s, as for Arabic, so meetings, bodies and
agreements take them the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from committee.importer.extraction.dates import DateMention
from committee.importer.extraction.latin_lexicon import LatinLexicon, words
from committee.importer.extraction.latin_text import LatinDocument, latin
from committee.importer.extraction.model import PartialDate

_B = r"(?<![\w'-])"
_E = r"(?![\w-])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:er|º|o)?"
_YEAR = r"(?:19|20)\d\d"


class LatinDates:
    """The patterns of one language, built once from its lexicon."""

    def __init__(self, lexicon: LatinLexicon) -> None:
        self.lexicon = lexicon
        month = rf"(?P<m>{words('|'.join(lexicon.months))})\.?"
        month1 = month.replace("(?P<m>", "(?P<m1>")
        month2 = month.replace("(?P<m>", "(?P<m2>")
        weekday = rf"(?:{words('|'.join(lexicon.weekdays))})"
        of = r"(?:\s+de)?"
        year = rf"(?:,?{of}\s+(?:l'an\s+|del?\s+)?(?P<y>{_YEAR}))?"
        join = r"\s*(?:et|y|au|al|a|-|–)\s*"
        self.patterns: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
            (name, latin(pattern))
            for name, pattern in (
                (
                    "cross",
                    rf"{_B}(?:du|del)\s+(?P<d1>{_DAY}){of}\s+{month1}{join}(?P<d2>{_DAY}){of}\s+"
                    rf"{month}{year}{_E}",
                ),
                (
                    "range",
                    rf"{_B}(?:(?:les|los\s+d[ií]as|los|entre\s+el|entre\s+le|du|del)\s+)?"
                    rf"(?:{weekday}\s+(?:et\s+|y\s+)?(?:{weekday}\s+)?)?"
                    rf"(?P<d1>{_DAY}){join}(?P<d2>{_DAY}){of}\s+{month}{year}{_E}",
                ),
                (
                    "day",
                    rf"{_B}(?:(?:le|el|del|au|al)\s+)?(?:(?P<wd>{weekday}),?\s+)?(?P<d>{_DAY})"
                    rf"{of}\s+{month}{year}{_E}",
                ),
                (
                    "numeric",
                    rf"(?<![\d/.-])(?P<d>\d{{1,2}})([/.-])(?P<mn>\d{{1,2}})\2(?P<y>{_YEAR})",
                ),
                (
                    "month_year",
                    rf"{_B}(?:(?:en|d[eè]s|depuis|fin|début|mi|courant|a\s+finales\s+de|"
                    rf"a\s+principios\s+de|a\s+mediados\s+de|finales\s+de|principios\s+de)\s+)?"
                    rf"(?:(?:el\s+)?(?:mois|mes)\s+(?:de\s+|d')?)?{month}{of}\s+(?P<y>{_YEAR}){_E}",
                ),
                (
                    "relative_month",
                    rf"{_B}(?:(?:el\s+)?(?P<pre>{lexicon.past}|{lexicon.next})\s+mes\s+de\s+{month}"
                    rf"|(?:le\s+mois\s+de\s+)?{month2}\s+(?P<post>{lexicon.past}|{lexicon.next})){_E}",
                ),
                (
                    "bare_month",
                    rf"{_B}(?:en|para|pour|hasta|jusqu'en|d'ici|au|a\s+partir\s+de|"
                    rf"d[eè]s|desde)\s+(?:(?:el\s+)?(?:mois|mes)\s+(?:de\s+|d')?)?{month}{_E}",
                ),
                (
                    "bare_year",
                    rf"{_B}(?:en|année|año|en\s+el\s+año|courant|d'ici)\s+(?P<y>{_YEAR}){_E}",
                ),
                (
                    "relative_week",
                    rf"{_B}(?P<rw>{words('|'.join(lexicon.relative_week))}){_E}",
                ),
                (
                    "relative_year",
                    rf"{_B}(?P<ry>{words('|'.join(lexicon.relative_year))}){_E}",
                ),
                (
                    "today",
                    rf"{_B}(?P<t>{words('|'.join(lexicon.today))})(?:,?\s+(?P<wd>{weekday}))?{_E}",
                ),
                (
                    "weekday",
                    rf"{_B}(?:(?:el|le|ce|este)\s+)?(?:(?P<pre>{lexicon.past}|{lexicon.next})\s+)?"
                    rf"(?P<wd>{weekday})(?:\s+(?P<post>{lexicon.past}|{lexicon.next}))?{_E}",
                ),
                (
                    "duration",
                    rf"{_B}(?:sur|pendant|durant|durante|de|en|a\s+lo\s+largo\s+de)\s+"
                    rf"(?P<n>\d|{words('|'.join(lexicon.cardinals))})\s+"
                    rf"(?:jours|journées|días|dias|jornadas){_E}",
                ),
            )
        )
        self.future = latin(rf"{_B}(?:{lexicon.future}){_E}")
        self.reporting = latin(rf"{_B}(?:{lexicon.reporting})\s*,?\s*$")


class LatinDateReader:
    def __init__(self, doc: LatinDocument, dates: LatinDates, published: dt.date | None) -> None:
        self.doc = doc
        self.dates = dates
        self.lexicon = dates.lexicon
        self.published = published
        self.warnings: list[str] = []

    def _of_publication(self, mention: DateMention) -> DateMention:
        """«según ha informado hoy», «a annoncé jeudi le ministère», «un communiqué publié
        aujourd'hui»: when the news came out, never an event's date."""
        before = self.doc.norm[max(0, mention.start - 40) : mention.start]
        if self.dates.reporting.search(before):
            return replace(mention, of_publication=True)
        return mention

    def find(self) -> list[DateMention]:
        candidates = []
        for priority, (_, pattern) in enumerate(self.dates.patterns):
            for match in pattern.finditer(self.doc.norm):
                candidates.append((match.start(), -(match.end() - match.start()), priority, match))
        candidates.sort(key=lambda item: item[:3])
        found: list[DateMention] = []
        taken_until = -1
        for start, _, priority, match in candidates:
            if start < taken_until:
                continue
            mention = getattr(self, f"_{self.dates.patterns[priority][0]}")(match)
            if mention is not None:
                found.append(self._of_publication(mention))
                taken_until = match.end()
        return found

    # --- absolute ------------------------------------------------------------------------
    def _cross(self, match: re.Match[str]) -> DateMention | None:
        month1, month2 = self._month(match.group("m1")), self._month(match.group("m")) or 0
        year = self._year(match, month2, int(_digits(match.group("d2"))))
        if year is None or month1 is None:
            return self._unresolved(match)
        first = _date(year - (month1 > month2), month1, _digits(match.group("d1")))
        last = _date(year, month2, _digits(match.group("d2")))
        return _between(match, first, last)

    def _range(self, match: re.Match[str]) -> DateMention | None:
        month = self._month(match.group("m")) or 0
        year = self._year(match, month, _digits(match.group("d1")))
        if year is None:
            return self._unresolved(match)
        first = _date(year, month, _digits(match.group("d1")))
        last = _date(year, month, _digits(match.group("d2")))
        return _between(match, first, last)

    def _day(self, match: re.Match[str]) -> DateMention | None:
        month = self._month(match.group("m")) or 0
        year = self._year(match, month, _digits(match.group("d")))
        if year is None:
            return self._unresolved(match)
        value = _date(year, month, _digits(match.group("d")))
        return _point(match, value, "day", relative=not match.group("y"))

    def _numeric(self, match: re.Match[str]) -> DateMention | None:
        value = _date(int(match.group("y")), int(match.group("mn")), int(match.group("d")))
        return _point(match, value, "day")

    def _month(self, name: str) -> int | None:
        return self.lexicon.months.get(name.rstrip("."))

    def _month_year(self, match: re.Match[str]) -> DateMention | None:
        month = self._month(match.group("m"))
        if month is None:
            return None
        return _point(match, dt.date(int(match.group("y")), month, 1), "month")

    def _relative_month(self, match: re.Match[str]) -> DateMention | None:
        month = self._month(match.group("m") or match.group("m2"))
        if month is None or self.published is None:
            return self._unresolved(match) if month else None
        published = self.published
        if re.fullmatch(self.lexicon.past, match.group("pre") or match.group("post")):
            year = published.year if month < published.month else published.year - 1
        else:
            year = published.year if month > published.month else published.year + 1
        return _point(match, dt.date(year, month, 1), "month", relative=True)

    def _year(self, match: re.Match[str], month: int, day: int) -> int | None:
        if match.group("y"):
            return int(match.group("y"))
        if self.published is None:
            return None
        published = self.published
        candidates = [published.year - 1, published.year, published.year + 1]
        year = min(
            candidates,
            key=lambda year: abs(((_date(year, month, day) or published) - published).days),
        )
        self.warnings.append(
            f"«{self.doc.original(match.start(), match.end())}» has no year; took {year}, "
            "the nearest to the publication date"
        )
        return year

    def _bare_month(self, match: re.Match[str]) -> DateMention | None:
        """«en junio», «au mois de juin» with no year: the next such month when the sentence
        announces (this one included), else the last one up to the publication's."""
        month = self._month(match.group("m"))
        if month is None:
            return None
        if self.published is None:
            return self._unresolved(match)
        published = self.published
        sentence = self.doc.sentence_of(match.start())
        if self.dates.future.search(self.doc.norm, sentence[0], sentence[1]):
            year = published.year + (month < published.month)
        else:
            year = published.year - (month > published.month)
        return _point(match, dt.date(year, month, 1), "month", relative=True)

    def _bare_year(self, match: re.Match[str]) -> DateMention | None:
        return _point(match, dt.date(int(match.group("y")), 1, 1), "year")

    # --- relative ------------------------------------------------------------------------
    def _relative_year(self, match: re.Match[str]) -> DateMention | None:
        if self.published is None:
            return self._unresolved(match)
        step = self.lexicon.relative_year[" ".join(match.group("ry").split())]
        return _point(match, dt.date(self.published.year + step, 1, 1), "year", relative=True)

    def _relative_week(self, match: re.Match[str]) -> DateMention | None:
        """«la semaine prochaine», «la próxima semana»: no day is said, so the month the whole
        week falls in (the year when it straddles two months), never a guessed day."""
        if self.published is None:
            return self._unresolved(match)
        step = self.lexicon.relative_week[" ".join(match.group("rw").split())]
        monday = self.published + dt.timedelta(days=7 * step - self.published.weekday())
        sunday = monday + dt.timedelta(days=6)
        if monday.month == sunday.month:
            return _point(match, monday.replace(day=1), "month", relative=True)
        if monday.year == sunday.year:
            return _point(match, dt.date(monday.year, 1, 1), "year", relative=True)
        return None

    def _today(self, match: re.Match[str]) -> DateMention | None:
        word = " ".join(match.group("t").split())
        before = self.doc.norm[max(0, match.start() - 12) : match.start()]
        if word in ("manana",) and re.search(r"(?:la|esta|por\s+la|de\s+la)\s+$", before):
            return None  # «esta mañana» is this morning
        if self.published is None:
            return self._unresolved(match)
        value = self.published + dt.timedelta(days=self.lexicon.today[word])
        return _point(match, value, "day", relative=True)

    def _weekday(self, match: re.Match[str]) -> DateMention | None:
        if self.published is None:
            return self._unresolved(match)
        weekday = self.lexicon.weekdays[match.group("wd")]
        relation = match.group("pre") or match.group("post")
        if relation is None:
            sentence = self.doc.sentence_of(match.start())
            ahead = self.dates.future.search(self.doc.norm, sentence[0], sentence[1])
            relation = self.lexicon.next.split("|")[0] if ahead else ""
        shift = (weekday - self.published.weekday()) % 7
        if relation and re.fullmatch(self.lexicon.next, relation):
            value = self.published + dt.timedelta(days=shift or 7)
        elif relation:  # «le pasado miércoles»: strictly before the publication day
            value = self.published - dt.timedelta(days=(7 - shift) % 7 or 7)
        else:  # a bare weekday in a report: this one or the last before
            value = self.published - dt.timedelta(days=(7 - shift) % 7)
        return _point(match, value, "day", relative=True)

    def _duration(self, match: re.Match[str]) -> DateMention | None:
        number = match.group("n")
        days = int(number) if number.isdigit() else self.lexicon.cardinals.get(number, 0)
        if not 0 < days < 60:
            return None
        return DateMention(match.start(), match.end(), days=days)

    def _unresolved(self, match: re.Match[str]) -> DateMention:
        self.warnings.append(
            f"«{self.doc.original(match.start(), match.end())}» is relative to the publication "
            "date, which was not given; left unresolved"
        )
        return DateMention(match.start(), match.end(), relative=True)


def find_latin_dates(
    doc: LatinDocument, dates: LatinDates, published: dt.date | None
) -> tuple[list[DateMention], list[str]]:
    reader = LatinDateReader(doc, dates, published)
    return reader.find(), reader.warnings


def _digits(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _point(
    match: re.Match[str], value: dt.date | None, precision: str, *, relative: bool = False
) -> DateMention | None:
    if value is None:
        return None
    point = PartialDate(value, precision)  # type: ignore[arg-type]
    return DateMention(match.start(), match.end(), point, point, relative=relative)


def _between(
    match: re.Match[str], first: dt.date | None, last: dt.date | None
) -> DateMention | None:
    if first is None or last is None or last < first:
        return None
    return DateMention(
        match.start(), match.end(), PartialDate(first, "day"), PartialDate(last, "day")
    )
