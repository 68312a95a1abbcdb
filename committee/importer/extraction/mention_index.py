"""Mentions ordered by where they start, for range questions in logarithmic time.

Long documents hold thousands of mentions; asking "which mentions start between here and
there?" by scanning them all would make extraction quadratic.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence


class ByStart[T]:
    """``items`` sorted by ``start(item)``."""

    def __init__(self, items: Sequence[T], start: Callable[[T], int]) -> None:
        self.items = sorted(items, key=start)
        self._starts = [start(item) for item in self.items]

    def __len__(self) -> int:
        return len(self.items)

    def between(self, start: int, end: int) -> list[T]:
        """Items that start in ``[start, end)``, in order."""
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return self.items[low:high]

    def last_before(self, position: int, floor: int = 0) -> T | None:
        """The last item starting in ``[floor, position)``."""
        found = self.between(floor, position)
        return found[-1] if found else None


class Intervals:
    """Spans, to ask whether a span lies inside one of them."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._longest_end: list[int] = []
        reach = -1
        for _, end in ordered:
            reach = max(reach, end)
            self._longest_end.append(reach)

    def covers(self, start: int, end: int) -> bool:
        """Some span starts at or before ``start`` and reaches ``end``."""
        index = bisect.bisect_right(self._starts, start) - 1
        return index >= 0 and self._longest_end[index] >= end
