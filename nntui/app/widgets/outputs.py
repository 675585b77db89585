"""The network's outputs, shown large: the answer the learner is watching.

A Line API widget: a network of many outputs scrolls, and an edit redraws
only the rows whose numbers changed.
"""

from __future__ import annotations

import numpy as np
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from nntui.app import palette
from nntui.app.borders import set_border
from nntui.app.text import fit, safe
from nntui.core.network import ForwardResult, Network
from nntui.core.numbers import format_value
from nntui.i18n import t

BAR_WIDTH = 18
BIG = 3  # up to this many outputs get two lines each: name, then value and bar
NAME_WIDTH = 11  # the name's cells beside the number, when each output has one line
BOLD = Style(bold=True)


class OutputsPanel(ScrollView, can_focus=False):
    """Every output neuron with its value and a bar."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[tuple[object, ...]] = []  # what each line shows: the key of its strip
        self._strips: dict[int, Strip] = {}  # each line drawn, until it changes

    def show(self, network: Network, result: ForwardResult) -> None:
        k = len(network.layers)
        outputs = result.outputs.tolist()
        finite = [abs(v) for v in outputs if np.isfinite(v)]
        scale = max([1.0, *finite])
        big = len(outputs) <= BIG
        lines: list[tuple[object, ...]] = []
        for j, value in enumerate(outputs):
            name = safe(network.neuron_name(k, j))
            number, style = format_value(value, 7), palette.value_style(value, scale, bold=True)
            if big:
                lines.append(("name", name))
                lines.append(("value", number, palette.bar(value, scale, BAR_WIDTH), style))
            else:
                lines.append(("row", name, number, palette.bar(value, scale, 8), style))
        set_border(self, title=t("app.outputs.one") if len(outputs) == 1 else t("app.outputs.many", count=len(outputs)))
        old, self._lines = self._lines, lines
        if len(old) != len(lines):  # another number of outputs: another height
            self._strips.clear()
            self.virtual_size = Size(self.virtual_size.width, len(lines))
            self.refresh(layout=True)
            return
        scroll, width = int(self.scroll_offset.y), self.size.width
        changed = [y for y, (before, now) in enumerate(zip(old, lines)) if before != now]
        for y in changed:
            self._strips.pop(y, None)
        if changed:  # an edit that did not reach the outputs draws nothing again
            self.refresh(*(Region(0, y - scroll, width, 1) for y in changed))

    def render_line(self, y: int) -> Strip:
        width, line = self.scrollable_content_region.width, y + int(self.scroll_offset.y)
        if line >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(line)
        if strip is None or strip.cell_length != width:
            strip = self._strips[line] = self._strip(self._lines[line], width)
        return strip

    def _strip(self, shown: tuple[object, ...], width: int) -> Strip:
        base = self.rich_style
        kind = shown[0]
        if kind == "name":
            segments = [Segment(fit(str(shown[1]), width), base + BOLD)]
        elif kind == "value":
            _, number, bar, style = shown
            assert isinstance(style, Style)
            segments = [Segment(str(number), base + style), Segment(" ", base), Segment(str(bar), base + style)]
        else:
            _, name, number, bar, style = shown
            assert isinstance(style, Style)
            segments = [
                Segment(str(name)[:10].ljust(NAME_WIDTH), base + BOLD),
                Segment(str(number), base + style),
                Segment(" ", base),
                Segment(str(bar), base + style),
            ]
        return Strip(segments).crop_extend(0, width, base)

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()
