"""Server-rendered bar charts: geometry computed here, drawn by ``site/charts.html`` as SVG.

No script and no inline style (the CSP forbids both): shapes carry presentation attributes and
classes, colours live in the stylesheet. Each bar's label sits above it across the full width,
so long Arabic or Spanish names never collide with the bars. On right-to-left pages the bars
grow from the right, as the text does. Every chart is shown beside a table of the same numbers,
which is what assistive technology reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

WIDTH = 400
PAD = 8
ROW = 48  # label line + bar + gap
BAR = 18
VALUE_ROOM = 44  # room after the longest bar for its number


@dataclass(frozen=True)
class Row:
    label: str
    value: int
    css: str = ""
    url: str = ""


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    css: str
    url: str
    share: int  # per cent of the total, rounded
    label_x: float
    label_y: float
    x: float
    y: float
    width: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class BarChart:
    slug: str
    title: str
    bars: list[Bar] = field(default_factory=list)
    total: int = 0
    width: int = WIDTH
    height: int = 0

    def __bool__(self) -> bool:
        return self.total > 0


def bar_chart(slug: str, title: str, rows: list[Row], *, rtl: bool) -> BarChart:
    total = sum(row.value for row in rows)
    largest = max((row.value for row in rows), default=0)
    room = WIDTH - 2 * PAD - VALUE_ROOM
    bars = []
    for index, row in enumerate(rows):
        top = PAD + index * ROW
        width = round(room * row.value / largest, 1) if largest else 0.0
        start = WIDTH - PAD if rtl else PAD
        bar_x = start - width if rtl else start
        value_x = bar_x - 6 if rtl else bar_x + width + 6
        bars.append(
            Bar(
                label=row.label,
                value=row.value,
                css=row.css,
                url=row.url,
                share=round(100 * row.value / total) if total else 0,
                label_x=start,
                label_y=top + 14,
                x=bar_x,
                y=top + 20,
                width=max(width, 1.0) if row.value else 0.0,
                value_x=value_x,
                value_y=top + 20 + BAR - 4,
            )
        )
    height = PAD * 2 + ROW * len(rows)
    return BarChart(slug=slug, title=title, bars=bars, total=total, height=height)
