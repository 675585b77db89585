"""Where the network goes on screen: how much of each node, where each neuron sits.

Pure Python, no Textual: :func:`plan` is given the sizes of the columns, the
length of their longest names and the room there is, and returns a
:class:`ColumnPlan` per column.

* **Nodes** show as much as fits: full names, value and bar first; then
  shorter names, no bar, and at last the value (or, in the training view, the
  heatmap) alone. The inspector and the status line always show the full name.
* **Rows**: a column whose neurons all fit the height is *spread* over it,
  vertically centred, neighbours at most ``MAX_SLOT`` lines apart; a taller one
  is a list, one neuron per line, that scrolls.
* **Gaps**: between two spread columns of at most ``LINK_LIMIT`` neurons the
  weights are drawn as links, in a gap that grows with the free width (up to
  ``GAP_MAX``); elsewhere they are a matrix (a strip of cells, one per weight)
  beside the list it starts from.
* **Pictures**: an input layer whose inputs are an image is drawn as that
  picture (:mod:`input_picture`), a fixed width, with no links or matrix
  after it: its weights are many (64 × 16 for the digits).
* **Width**: the first detail level whose total width fits is used; if none
  fits the network scrolls sideways (the view keeps the selection in sight).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

LINK_LIMIT = 16  # neurons per layer up to which weights are drawn as links
GAP_MIN, GAP_MAX = 4, 36  # cells between two linked columns
MAX_SLOT = 6  # lines between neighbouring neurons of a spread column, at most
MAP_LINES_CHOICES = (3, 2, 1)  # lines of a heatmap, largest first, in the training view
VALUE_WIDTH, BAR_WIDTH = 6, 4
MAP_COLUMNS = 8
NUMERIC_STRIP_MAX = 2  # up to this many targets, a matrix strip shows numbers
NUMERIC_CELL, GLYPH_CELL, GLYPH_WINDOW = VALUE_WIDTH + 1, 2, 16
MARGIN = 0  # cells right of every column (its CSS margin): the node ends with a space
SCROLLBAR = 1  # a list column's vertical scrollbar
PIXEL = 2  # cells per pixel of an input picture: two cells are about as wide as a line is tall
PICTURE_MIN = 22  # cells of a picture column at least: room for the words under it

# Detail levels, most first: (longest name shown, value, bar). ``None``: the whole name.
DETAILS: tuple[tuple[int | None, bool, bool], ...] = (
    (None, True, True),
    (14, True, True),
    (8, True, False),
    (4, True, False),
    (0, True, False),
)
# In the training view every node also has its heatmap, and the last level is the heatmap alone.
TRAINING_DETAILS = (*DETAILS[:-1], (0, False, False))
NAME_CAP = 40  # no name is shown wider than this, whatever the room


@dataclass(frozen=True)
class Parts:
    """What a node shows, left to right: marker, [heatmap], [name], [value], [bar]."""

    name: int = 14  # cells of the name; 0 for none
    value: bool = True
    bar: bool = True
    map: bool = False

    @property
    def width(self) -> int:
        return (
            1
            + (MAP_COLUMNS + 1 if self.map else 0)
            + (self.name + 1 if self.name else 0)
            + (VALUE_WIDTH + 1 if self.value else 0)
            + (BAR_WIDTH + 1 if self.bar else 0)
        )


@dataclass(frozen=True)
class ColumnPlan:
    """How one column is drawn."""

    parts: Parts
    row_height: int = 1  # lines per neuron (a heatmap takes several)
    rows: tuple[int, ...] | None = None  # each neuron's first line below the header when spread; None: a list
    links: int = 0  # width of the links gap after the column; 0: a matrix strip (or nothing, last column)
    picture: tuple[int, int] | None = None  # (rows, columns): an input layer drawn as a picture
    gallery: int = 0  # beside a picture, columns of thumbnails: the next layer's weights as pictures

    @property
    def spread(self) -> bool:
        return self.rows is not None


def picture_width(shape: tuple[int, int]) -> int:
    """The cells an input picture of ``shape`` (rows, columns) takes: its pixels, a cell each side."""
    return max(PICTURE_MIN, 1 + PIXEL * shape[1] + 1)


def thumb_size(shape: tuple[int, int]) -> tuple[int, int]:
    """(cells, lines) of a weight thumbnail of ``shape``: half-block pixels, a name line above, a cell after."""
    return shape[1] + 1, 1 + (shape[0] + 1) // 2


def gallery_columns(shape: tuple[int, int], neurons: int, lines: int, room: int) -> int:
    """Columns of thumbnails for ``neurons`` in ``lines`` body lines and ``room`` cells: enough for
    all of them when the room allows, fewer (or none) otherwise."""
    width, height = thumb_size(shape)
    needed = math.ceil(neurons / max(1, lines // height))
    return max(0, min(needed, room // width))


def strip_width(targets: int) -> int:
    """Width of a matrix strip towards a layer of ``targets`` neurons."""
    if targets <= NUMERIC_STRIP_MAX:
        return 1 + targets * NUMERIC_CELL + 1
    return 1 + min(targets, GLYPH_WINDOW) * GLYPH_CELL + 1


def spread_rows(count: int, row_height: int, lines: int) -> tuple[int, ...] | None:
    """Each neuron's first line when ``count`` neurons are spread over ``lines``; None if they do not fit."""
    if count * row_height > lines or count == 0:
        return None
    slot = min(lines / count, MAX_SLOT)
    top = (lines - slot * count) / 2
    return tuple(int(top + i * slot + (slot - row_height) / 2) for i in range(count))


def plan(
    sizes: Sequence[int],
    names: Sequence[int],
    width: int,
    lines: int,
    *,
    training: bool = False,
    next_size: int | None = None,
    picture: tuple[int, int] | None = None,
) -> list[ColumnPlan]:
    """A plan per column of ``sizes`` (neuron counts) in ``width`` cells and ``lines`` body lines.

    ``names`` is the longest name of each column in cells; ``next_size`` the size
    of the column after the last one given (a window of a very deep network),
    None when the last one is the output layer; ``picture`` the shape of the
    first column's picture when it is an input layer drawn as one.
    """
    row_height = 1
    if training:
        small = [n for n in sizes[1 if picture else 0 :] if n <= LINK_LIMIT] or [1]
        row_height = next((r for r in MAP_LINES_CHOICES if max(small) * r <= lines), 1)
    rows = [spread_rows(n, row_height, lines) for n in sizes]
    if picture is not None:  # one block, never a list: spread, with no row of its own to place
        rows[0] = ()
    after = [*sizes[1:], next_size]
    linked = [
        nxt is not None
        and k + 1 < len(sizes)
        and rows[k] is not None
        and rows[k + 1] is not None
        and n <= LINK_LIMIT
        and nxt <= LINK_LIMIT
        and not (k == 0 and picture)
        for k, (n, nxt) in enumerate(zip(sizes, after))
    ]
    details = TRAINING_DETAILS if training else DETAILS
    for level, (cap, value, bar) in enumerate(details):
        parts = [Parts(min(length, NAME_CAP if cap is None else cap), value, bar, training) for length in names]
        pictures = [picture if k == 0 else None for k in range(len(sizes))]
        fixed = sum(
            _fixed_width(p, r, nxt, link, pic) for p, r, nxt, link, pic in zip(parts, rows, after, linked, pictures)
        )
        gaps = sum(linked)
        if fixed + gaps * GAP_MIN <= width or level == len(details) - 1:
            gallery = 0
            if picture is not None and len(sizes) > 1:  # the room left, before the gaps grow
                gallery = gallery_columns(picture, sizes[1], lines, width - fixed - gaps * GAP_MIN)
                fixed += gallery * thumb_size(picture)[0]
            gap = GAP_MIN if gaps == 0 else max(GAP_MIN, min(GAP_MAX, (width - fixed) // gaps))
            return [
                ColumnPlan(p, row_height, r, gap if link else 0, pic, gallery if pic else 0)
                for p, r, link, pic in zip(parts, rows, linked, pictures)
            ]
    raise AssertionError("unreachable: the last level is always taken")


def column_width(plan: ColumnPlan, after: int | None) -> int:
    """The cells column ``plan`` takes, margin included; ``after`` is the next column's size."""
    gallery = plan.gallery * thumb_size(plan.picture)[0] if plan.picture is not None else 0
    return _fixed_width(plan.parts, plan.rows, after, plan.links > 0, plan.picture) + plan.links + gallery


def _fixed_width(
    parts: Parts, rows: tuple[int, ...] | None, after: int | None, linked: bool, picture: tuple[int, int] | None = None
) -> int:
    """A column's width without its links gap: the node, a matrix strip, a scrollbar, the margin."""
    if picture is not None:
        return picture_width(picture) + MARGIN
    width = parts.width + MARGIN
    if rows is None:
        width += SCROLLBAR
    if after is not None and not linked:
        width += strip_width(after)
    return width
