"""The network's outputs, shown large: the answer the learner is watching.

A Line API widget: a network of many outputs scrolls, and an edit redraws
only the rows whose numbers changed.  A softmax output layer reads as an
answer: each output a percentage and a bar of eighths as long as it (the
whole bar is 100 %), the largest marked ◀ and named under the rows.
"""

from __future__ import annotations

import numpy as np
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from nntui.app import palette
from nntui.app.borders import set_border
from nntui.app.panel_row import OUTPUTS_WIDTH
from nntui.app.probabilities import MARK, PERCENT_WIDTH, is_softmax, percent, winners
from nntui.app.text import fit, markup_safe, safe
from nntui.core.network import ForwardResult, Network
from nntui.core.numbers import format_value
from nntui.i18n import t

BAR_WIDTH = 18
BIG = 3  # up to this many outputs get two lines each: name, then value and bar
NAME_WIDTH = 11  # the name's cells beside the number, when each output has one line
BOLD = Style(bold=True)
SUBTITLE_ROOM = OUTPUTS_WIDTH - 5  # the border's cells for the answer: two corners, a line, two spaces


class OutputsPanel(ScrollView, can_focus=False):
    """Every output neuron with its value and a bar."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[tuple[object, ...]] = []  # what each line shows: the key of its strip
        self._strips: dict[int, Strip] = {}  # each line drawn, until it changes
        self._pass: tuple[Style, int] | None = None  # the panel's style and width while render_lines draws

    def show(self, network: Network, result: ForwardResult) -> None:
        outputs = result.outputs.tolist()
        if is_softmax(network):
            lines, subtitle = _probability_lines(network, outputs)
            set_border(self, title=t("app.outputs.probabilities", count=len(outputs)), subtitle=subtitle)
        else:
            lines = _value_lines(network, outputs)
            title = t("app.outputs.one") if len(outputs) == 1 else t("app.outputs.many", count=len(outputs))
            set_border(self, title=title, subtitle="")
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

    def render_lines(self, crop: Region) -> list[Strip]:
        # The panel's style and width found once for the lines of this pass: Textual walks the
        # ancestors' backgrounds for the style.
        self._pass = (self.rich_style, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        base, width = self._pass if self._pass is not None else (self.rich_style, self.scrollable_content_region.width)
        line = y + int(self.scroll_offset.y)
        if line >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(line)
        if strip is None or strip.cell_length != width:
            strip = self._strips[line] = self._strip(self._lines[line], width, base)
        return strip

    def _strip(self, shown: tuple[object, ...], width: int, base: Style) -> Strip:
        kind = shown[0]
        if kind in ("chance", "chance_row"):
            return _probability_strip(shown, width, base)
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


def _value_lines(network: Network, outputs: list[float]) -> list[tuple[object, ...]]:
    """Each output's value and a bar as long as it against the largest (at least 1)."""
    k = len(network.layers)
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
    return lines


def _probability_lines(network: Network, outputs: list[float]) -> tuple[list[tuple[object, ...]], str]:
    """Each output of a softmax as a percentage (its bar is drawn at the panel's width), the
    winner marked; and the border's answer (markup): the winner, a tie, or why there is none
    (no number: an edit that leaves the answer as it was draws the rows again, not the border)."""
    k, count = len(network.layers), len(outputs)
    texts = [percent(p, count) for p in outputs]
    best = winners(outputs, texts)
    names = [safe(network.neuron_name(k, j)) for j in range(count)]
    name_width = min(NAME_WIDTH - 1, max(cell_len(name) for name in names))  # the rest is the bar's
    lines: list[tuple[object, ...]] = []
    for j, (p, name) in enumerate(zip(outputs, names)):
        won = j in best
        style = palette.value_style(p, 1.0, bold=won)
        if count <= BIG:
            lines.append(("name", name))
            lines.append(("chance", texts[j], p, style, won))
        else:
            lines.append(("chance_row", fit(name, name_width), texts[j], p, style, won))
    if not all(np.isfinite(outputs)):
        return lines, markup_safe(t("app.outputs.not_finite"))
    if len(best) == 1:
        name = names[best[0]]
        room = SUBTITLE_ROOM - cell_len(t("app.outputs.answer", name=""))
        if cell_len(name) > room:
            name = fit(name, max(room, 2))
        return lines, markup_safe(t("app.outputs.answer", name=name))
    if best:
        return lines, markup_safe(t("app.outputs.tie", count=len(best)))
    return lines, ""


def _probability_strip(shown: tuple[object, ...], width: int, base: Style) -> Strip:
    """One output of a softmax: [its name,] its percentage, a bar (all of it: 100 %), ◀ if it wins."""
    if shown[0] == "chance_row":
        name, (text, p, style, won) = str(shown[1]), shown[2:]
        segments = [Segment(name + " ", base + BOLD)]
    else:
        (text, p, style, won), segments = shown[1:], []
    assert isinstance(style, Style) and isinstance(p, float)
    used = sum(segment.cell_length for segment in segments) + PERCENT_WIDTH + 1 + 2
    length = max(width - used, 1)
    bar = palette.bar(p, 1.0, length) if np.isfinite(p) else " " * length
    segments += [
        Segment(str(text), base + style),
        Segment(" ", base),
        Segment(bar, base + style),
        Segment(" " + MARK if won else "  ", base + style + BOLD),
    ]
    return Strip(segments).crop_extend(0, width, base)
