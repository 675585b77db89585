"""The truth table: every low/high combination of the inputs, with the outputs, live."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Group
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from nntui.app import palette
from nntui.app.text import MESSAGE_LIMIT, fit, safe
from nntui.core.network import Network
from nntui.core.numbers import format_value
from nntui.core.truth import TruthRow
from nntui.i18n import t

NAME_MAX = 24  # a column is as wide as its name, up to this many cells
NUMBER = 6  # the widest value shown: +0.123
FRAME = 3  # the border and the padding (on the right only: the row marker's column is on the left)
MESSAGE_WIDTH = 34  # the panel's width when it says why there is no table
# The forms of the header, widest first: whole names; names wrapped over a few lines at their
# spaces; x1, x2, … and y (the network view above names them, in the same order).
FORMS = ("names", "wrapped", "symbols")
WRAPPED_LINES = 3
MAX_LINES = 10  # inside the panel's border (app.tcss: max-height 12)


def _cell(text: str, width: int) -> str:
    """``text`` right-aligned in ``width`` cells plus one space before, cut with … when longer
    (measured in cells: a wide character takes two)."""
    shown = fit(text, width)
    return " " + " " * (width - cell_len(shown.rstrip())) + shown.rstrip()


def _input_text(value: float) -> str:
    return format_value(value, NUMBER).strip() if value % 1 else f"{value:g}"


def _wrapped(name: str, width: int) -> list[str]:
    """``name`` over lines of at most ``width`` cells, broken at its spaces (a longer word alone)."""
    lines: list[str] = []
    for word in name.split():
        if lines and cell_len(lines[-1]) + 1 + cell_len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _in_lines(name: str, least: int, lines: int) -> list[str]:
    """``name`` wrapped at its spaces in the narrowest column (of ``least`` cells at least) that
    takes at most ``lines`` lines; on one line if no narrower one does."""
    for width in range(max(least, 1), cell_len(name)):
        wrapped = _wrapped(name, width)
        if len(wrapped) <= lines and max(map(cell_len, wrapped)) <= width:
            return wrapped
    return [name]


@dataclass(frozen=True)
class Header:
    """One form of the table's header: each column's lines of title and its width."""

    inputs: list[tuple[list[str], int]]
    outputs: list[tuple[list[str], int]]
    target: str | None

    @property
    def width(self) -> int:
        """The panel's width with this header, border and padding included."""
        columns = sum(1 + w for _, w in self.inputs) + 2 + sum(1 + w for _, w in self.outputs)
        return FRAME + 1 + columns + (1 + cell_len(self.target) + 2 if self.target is not None else 0)

    @property
    def lines(self) -> int:
        return max(len(title) for title, _ in [*self.inputs, *self.outputs])


def header(form: str, network: Network, rows: list[TruthRow]) -> Header:
    """The header of ``form`` for ``network``'s table: columns as wide as their values need."""
    k = len(network.layers)
    names_in = list(network.input_names)
    names_out = [network.neuron_name(k, j) for j in range(network.sizes[-1])]
    values = [max((len(_input_text(row.inputs[i])) for row in rows), default=1) for i in range(len(names_in))]
    if form == "symbols":
        titles_in = [[f"x{i + 1}"] for i in range(len(names_in))]
        titles_out = [["y"]] if len(names_out) == 1 else [[f"y{j + 1}"] for j in range(len(names_out))]
    elif form == "wrapped":
        lines = max(1, min(WRAPPED_LINES, MAX_LINES - len(rows)))  # the header and every row in sight
        titles_in = [_in_lines(safe(name), v, lines) for name, v in zip(names_in, values)]
        titles_out = [_in_lines(safe(name), NUMBER, lines) for name in names_out]
    else:
        titles_in = [[safe(name)] for name in names_in]
        titles_out = [[safe(name)] for name in names_out]
    inputs = [(title, min(NAME_MAX, max(v, *map(cell_len, title)))) for title, v in zip(titles_in, values)]
    outputs = [(title, min(NAME_MAX, max(NUMBER, *map(cell_len, title)))) for title in titles_out]
    has_target = bool(rows) and rows[0].target is not None
    return Header(inputs, outputs, t("app.truth.target") if has_target else None)


def narrowest(network: Network, rows: list[TruthRow]) -> int:
    """The table's width in its narrowest form, border and padding included."""
    return header(FORMS[-1], network, rows).width


def fitting_header(network: Network, rows: list[TruthRow], room: int | None) -> Header:
    """The widest form that fits in ``room`` cells (any, with no limit); the narrowest otherwise."""
    for form in FORMS:
        chosen = header(form, network, rows)
        if room is None or chosen.width <= room:
            return chosen
    return chosen


class TruthTablePanel(Static):
    """One row per combination; ✓ or ✗ where there is a target; the current inputs' row marked."""

    _rows = -1
    _shape: tuple[int, int, int] | None = None
    header_lines = 1  # lines above the first row, inside the border

    class RowClicked(Message):
        """The learner clicked row ``row``: its inputs become the network's."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def on_click(self, event: events.Click) -> None:
        row = event.y - 1 - self.header_lines  # the top border, then the header
        if 0 <= row < self._rows:
            self.post_message(self.RowClicked(row))

    def show(self, network: Network, rows: list[TruthRow], current: int | None, room: int | None = None) -> None:
        """The table of ``rows``, its header in the widest form that fits in ``room`` cells."""
        top = fitting_header(network, rows, room)
        target_title = top.target or ""
        lines = []
        for n in range(top.lines):  # titles at the bottom of their column's header lines
            line = Text(" ")
            for title, width in top.inputs:
                at = n - (top.lines - len(title))
                line.append(_cell(title[at] if at >= 0 else "", width), style="bold")
            line.append(" │", style="dim")
            for title, width in top.outputs:
                at = n - (top.lines - len(title))
                line.append(_cell(title[at] if at >= 0 else "", width), style="bold")
            if top.target is not None:
                line.append(_cell(target_title if n == top.lines - 1 else "", cell_len(target_title)), style="bold")
            lines.append(line)
        self.header_lines = top.lines
        for index, row in enumerate(rows):
            line = Text("▶" if index == current else " ", style="bold")
            for value, (_, width) in zip(row.inputs, top.inputs):
                line.append(_cell(_input_text(value), width))
            line.append(" │", style="dim")
            for value, (_, width) in zip(row.outputs, top.outputs):
                line.append(_cell(format_value(value, NUMBER).strip(), width), style=palette.value_style(value, 1.0))
            if row.target is not None:
                line.append(_cell(" ".join(f"{v:g}" for v in row.target), cell_len(target_title)))
                line.append(" ✓" if row.ok else " ✗", style="bold green" if row.ok else "bold red")
            if index == current:
                line.stylize("bold underline")
            lines.append(line)
        right = sum(1 for row in rows if row.ok)
        self.remove_class("-message")
        self.border_title = t("app.truth.title")
        self.border_subtitle = (
            t("app.truth.score", right=right, rows=len(rows)) if rows and rows[0].target is not None else ""
        )
        shape = (len(rows), top.lines, top.width)
        layout, self._rows, self._shape = shape != self._shape, len(rows), shape
        self.update(Group(*lines), layout=layout)

    def show_message(self, message: str) -> None:
        self.border_title = t("app.truth.title")
        self.border_subtitle = ""
        self._rows, self._shape = -1, None
        self.add_class("-message")
        self.update(Text(safe(message, MESSAGE_LIMIT), style="dim"))
