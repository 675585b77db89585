"""The truth table: every low/high combination of the inputs, with the outputs, live."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from nntui.app import palette
from nntui.app.text import MESSAGE_LIMIT, safe
from nntui.core.network import Network
from nntui.core.numbers import format_value
from nntui.core.truth import TruthRow
from nntui.i18n import t

NAME_MAX = 10  # a column is as wide as its name, up to this many cells
NUMBER = 6  # the widest value shown: +0.123


def _width(name: str) -> int:
    return max(NUMBER, min(len(name), NAME_MAX))


def _cell(text: str, width: int) -> str:
    """``text`` right-aligned in ``width`` cells plus one space before, cut with … when longer."""
    return " " + safe(text, width).rjust(width)


class TruthTablePanel(Static):
    """One row per combination; ✓ or ✗ where there is a target; the current inputs' row marked."""

    _rows = -1
    HEADER = 1  # lines above the first row, inside the border

    class RowClicked(Message):
        """The learner clicked row ``row``: its inputs become the network's."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def on_click(self, event: events.Click) -> None:
        row = event.y - 1 - self.HEADER  # the top border, then the header
        if 0 <= row < self._rows:
            self.post_message(self.RowClicked(row))

    def show(self, network: Network, rows: list[TruthRow], current: int | None) -> None:
        k = len(network.layers)
        inputs = [(name, _width(name)) for name in network.input_names]
        outputs = [(name, _width(name)) for name in (network.neuron_name(k, j) for j in range(network.sizes[-1]))]
        has_target = bool(rows) and rows[0].target is not None
        target_title = t("app.truth.target")
        header = Text(" ")
        for name, width in inputs:
            header.append(_cell(name, width), style="bold")
        header.append(" │", style="dim")
        for name, width in outputs:
            header.append(_cell(name, width), style="bold")
        if has_target:
            header.append(_cell(target_title, len(target_title)), style="bold")
        lines = [header]
        for index, row in enumerate(rows):
            line = Text("▶" if index == current else " ", style="bold")
            for value, (_, width) in zip(row.inputs, inputs):
                line.append(_cell(format_value(value, NUMBER).strip() if value % 1 else f"{value:g}", width))
            line.append(" │", style="dim")
            for value, (_, width) in zip(row.outputs, outputs):
                line.append(_cell(format_value(value, NUMBER).strip(), width), style=palette.value_style(value, 1.0))
            if row.target is not None:
                line.append(_cell(" ".join(f"{v:g}" for v in row.target), len(target_title)))
                line.append(" ✓" if row.ok else " ✗", style="bold green" if row.ok else "bold red")
            if index == current:
                line.stylize("bold underline")
            lines.append(line)
        right = sum(1 for row in rows if row.ok)
        self.border_title = t("app.truth.title")
        self.border_subtitle = (
            t("app.truth.score", right=right, rows=len(rows)) if rows and rows[0].target is not None else ""
        )
        layout, self._rows = len(rows) != self._rows, len(rows)
        self.update(Group(*lines), layout=layout)

    def show_message(self, message: str) -> None:
        self.border_title = t("app.truth.title")
        self.border_subtitle = ""
        self._rows = -1
        self.update(Text(safe(message, MESSAGE_LIMIT), style="dim"))
