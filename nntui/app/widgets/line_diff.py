"""Which cells of a line look different from how it was drawn: a redrawn line writes only those.

Textual sends the terminal the cells of the regions refreshed; a line of the
canvas whose number changed but whose links did not would otherwise send
every cell of the line again, each with its colours.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

_Cell = tuple[str, Style | None] | None  # None: the second cell of a wide character


def changed_cells(old: list[Segment], new: list[Segment]) -> tuple[int, int] | None:
    """The cells ``[start, end)`` where ``new`` looks different from ``old``; None when it looks the same.

    A line of another width differs in all its cells; a wide character is never cut in two.
    """
    if old == new:
        return None
    # The segments alike at both ends are left out whole; the cells of the rest are compared.
    same = min(len(old), len(new))
    head = 0
    while head < same and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < same - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    rest_old, rest_new = old[head : len(old) - tail], new[head : len(new) - tail]
    if _width(rest_old) != _width(rest_new):  # the ends alike, the lines are as different in width as these
        return 0, max(_width(old), _width(new))
    offset = _width(new[:head])
    before, after = _cells(rest_old), _cells(rest_new)
    start = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b), None)
    if start is None:  # cut into other segments, the same cells
        return None
    end = len(after) - next(i for i, (a, b) in enumerate(zip(reversed(before), reversed(after))) if a != b)
    if start > 0 and (before[start] is None or after[start] is None):
        start -= 1
    if end < len(after) and (before[end] is None or after[end] is None):
        end += 1
    return offset + start, offset + end


def _width(segments: list[Segment]) -> int:
    return sum(cell_len(text) for text, _, control in segments if not control)


def _cells(segments: list[Segment]) -> list[_Cell]:
    cells: list[_Cell] = []
    for text, style, control in segments:
        if control:
            continue
        if text.isascii() or cell_len(text) == len(text):  # a cell a character
            cells += [(character, style) for character in text]
            continue
        for character in text:
            cells.append((character, style))
            if cell_len(character) == 2:
                cells.append(None)
    return cells
