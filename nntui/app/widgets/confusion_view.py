"""The confusion matrix of a training view of pictures: compact, whole at 80 columns.

When the data are images (the handwritten digits), the training view shows
this matrix where the plane's picture would be (``nntui.app.controllers.image_results``):
a row per true class, a column per answer, a cell per count of the TEST
images, the right answers on the diagonal marked (reversed, so it reads
without colour too), a wrong answer in red, none as a dim dot.  Above it the
test accuracy; the train images' matrix stands beside it when it is handed
one (the controller hands it when the width has room for both).

Its cells are as wide as the largest row total (a class's images) and a
space: a count never outgrows its cell, so the widget keeps its width while
the network learns, and a frame of training is no new layout.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from nntui.app.borders import set_border
from nntui.app.text import fit
from nntui.core.training.metrics import Counts
from nntui.i18n import t

RIGHT_COLOUR = "#5fd787"  # the diagonal, as the metrics panel
WRONG_COLOUR = "#ff6b6b"
GAP = 2  # cells between the test block and the train block
FRAME = 4  # the border and the padding (DEFAULT_CSS): cells around the lines
NONE = "·"  # a count of 0 off the diagonal
MIN_CELL = 3  # cells of a count at least: two digits and a space
MESSAGE_WIDTH = 20  # cells at least for the words that stand in the matrix's place


@dataclass(frozen=True, eq=False)
class Block:
    """One matrix to draw: its name, its accuracy (None without samples) and its counts."""

    name: str
    accuracy: float | None
    counts: Counts


def class_labels(names: tuple[str, ...], count: int) -> list[str]:
    """A label per class: its name when every name is short (the digits' 0…9), else its number."""
    if len(names) == count and all(cell_len(name) <= 2 for name in names):
        return list(names)
    return [str(k) for k in range(count)]


def cell_width(totals: list[int], labels: list[str]) -> int:
    """A cell's width: a label and a space at least (MIN_CELL), and room for any count.

    No count passes its class's total.  A count as wide as its cell is drawn reversed (as the
    diagonal is), so it never runs into its neighbour; two such counts in a row would need twice
    the smallest of them (2 × 10ⁿ⁻¹ for n cells), more than the largest total: the cells grow
    only until that holds.  The digits' 101 test images of a class keep cells of 3.
    """
    largest = max(totals, default=0)
    cell = max(MIN_CELL, *(cell_len(label) + 1 for label in labels))
    while 2 * 10 ** (cell - 1) <= largest:
        cell += 1
    return cell


def block_width(count: int, labels: list[str], cell: int) -> int:
    """One block's width: the row labels, then a cell per class."""
    return max((cell_len(label) for label in labels), default=0) + count * cell


def lines_width(blocks: int, count: int, labels: list[str], cell: int) -> int:
    """The width of ``blocks`` blocks side by side (without the frame)."""
    return blocks * block_width(count, labels, cell) + (blocks - 1) * GAP


def matrix_lines(blocks: list[Block], labels: list[str], cell: int) -> list[Text]:
    """Each block's name and accuracy, the answers' labels, then a row per true class."""
    label = max(cell_len(text) for text in labels)
    width = block_width(len(labels), labels, cell)
    titles, answers = Text(), Text(style="dim")
    rows = [Text() for _ in labels]
    for i, block in enumerate(blocks):
        gap = " " * GAP if i else ""
        accuracy = "—" if block.accuracy is None else f"{block.accuracy:.1%}"
        titles.append(gap + fit(t("app.images.accuracy", name=block.name, accuracy=accuracy), width), style="bold")
        answers.append(gap + " " * label + "".join(f"{text:>{cell}}" for text in labels))
        for row, line in enumerate(rows):
            line.append(gap + f"{labels[row]:>{label}}", style="dim")
            for column, value in enumerate(block.counts[row].tolist()):
                if row == column:
                    line.append(f"{value:>{cell}}", style=f"bold reverse {RIGHT_COLOUR}")
                elif value:
                    full = " reverse" if len(str(value)) >= cell else ""  # no space before it: reversed
                    line.append(f"{value:>{cell}}", style=f"bold{full} {WRONG_COLOUR}")
                else:
                    line.append(f"{NONE:>{cell}}", style="dim")
    return [titles, answers, *rows]


class ConfusionView(Widget):
    """The test images' confusion matrix and accuracy (the train images' beside them when handed)."""

    DEFAULT_CSS = """
    ConfusionView {
        width: auto;
        height: 100%;
        border: round $panel-lighten-2;
        border-title-color: $text;
        border-subtitle-color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Text] = []
        self._width = 0  # the lines' width: a matrix's, also when a message stands in its place
        self._key: tuple[object, ...] | None = None  # what the lines were made from

    def show(self, blocks: list[Block], labels: list[str], cell: int, *, message: str = "", hint: str = "") -> None:
        """``blocks`` (the test's first) with the classes' ``labels``, cells ``cell`` wide; without
        blocks, ``message`` (why there is nothing to count). ``hint``: the keys, under the matrix."""
        set_border(self, title=t("app.images.confusion"), subtitle=hint or t("app.images.axes"))
        key = (
            tuple((b.name, b.accuracy, b.counts.tobytes()) for b in blocks),
            tuple(labels),
            cell,
            message,
        )
        if key == self._key:  # shown at every frame of numbers while training: only changes are drawn
            return
        before = (len(self._lines), self._width)
        self._key = key
        self._width = lines_width(max(len(blocks), 1), len(labels), labels, cell)
        if blocks:
            self._lines = matrix_lines(blocks, labels, cell)
        else:
            self._lines = [Text(line, style="dim") for line in textwrap.wrap(message, max(self._width, MESSAGE_WIDTH))]
        self._width = max([self._width, *(cell_len(line.plain) for line in self._lines)])
        self.refresh(layout=(len(self._lines), self._width) != before)

    @property
    def lines(self) -> list[Text]:
        return self._lines

    def render(self) -> Text:
        return Text("\n").join(self._lines)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self._width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines)
