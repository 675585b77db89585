"""One column of the network: a layer's neurons and the weights leaving them.

A single Line API widget draws the whole column, however many neurons it
has: only the visible lines are rendered, so a 784-neuron input layer costs
no more than a 3-neuron one.  To its right it draws the strip of outgoing
weights (rows = this layer's neurons, cells = the next layer's neurons), so
the strip always scrolls together with the neurons it starts from.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from nntui.app import heatmap, palette
from nntui.document.selection import Selection
from nntui.core.network import ForwardResult, Network
from nntui.core.numbers import format_value
from nntui.core.text import ELLIPSIS, visible
from nntui.i18n import t

HEADER_LINES = 2
VALUE_WIDTH = 6
BAR_WIDTH = 4
NAME_MIN, NAME_MAX = 4, 14
NUMERIC_STRIP_MAX = 2  # up to this many targets, the strip shows numbers
NUMERIC_CELL = VALUE_WIDTH + 1
GLYPH_CELL = 2
GLYPH_WINDOW = 16  # at most this many targets are drawn; the window follows the selection
MAP_LINES, MAP_COLUMNS = 3, 8  # a neuron's heatmap in training mode: 8×6 pixels


def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells, every character visible.

    Names come from files: a control character is drawn as its visible
    stand-in (never sent to the terminal), and a wide one counts two cells.
    """
    if width <= 0:
        return ""
    enough = 2 * width + 2  # characters enough for ``width`` cells, and one more to know it is cut
    shown = visible(text[:enough])
    if len(text) > enough or cell_len(shown) > width:
        return set_cell_size(shown, width - 1) + ELLIPSIS
    return set_cell_size(shown, width)


@dataclass(frozen=True)
class StripLayout:
    """Where the outgoing-weights strip sits and which targets it shows."""

    x: int  # first cell of the strip, relative to the widget
    cell: int  # width of one target's cell
    first: int  # index of the first target drawn
    count: int  # how many targets are drawn
    total: int  # how many targets the next layer has

    @property
    def numeric(self) -> bool:
        return self.cell == NUMERIC_CELL

    @property
    def width(self) -> int:
        return 1 + self.count * self.cell + 1


class LayerView(ScrollView, can_focus=False):
    """Column ``column`` of the network (0 is the input layer)."""

    COMPONENT_CLASSES = {
        "layer-view--title",
        "layer-view--title-selected",
        "layer-view--subtitle",
        "layer-view--cursor",
        "layer-view--source",
        "layer-view--strip-title",
    }

    class NeuronClicked(Message):
        """The learner clicked a neuron of this column."""

        def __init__(self, column: int, neuron: int) -> None:
            super().__init__()
            self.column = column
            self.neuron = neuron

    class WeightClicked(Message):
        """The learner clicked a weight in this column's outgoing strip."""

        def __init__(self, column: int, neuron: int, source: int) -> None:
            super().__init__()
            self.column = column  # the column the weight leads into
            self.neuron = neuron
            self.source = source

    def __init__(self, column: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.column = column
        self._network: Network | None = None
        self._result: ForwardResult | None = None
        self._selection = Selection()
        self._strip_target = 0
        self._name_width = NAME_MIN
        self._strip: StripLayout | None = None
        self._value_scale = 1.0
        self._weight_scale = 1.0
        self._styles: dict[str, Style] = {}
        self._maps: np.ndarray | None = None  # colour levels (neurons, 2·MAP_LINES, MAP_COLUMNS)

    # --- data in -------------------------------------------------------------

    def show(
        self,
        network: Network,
        result: ForwardResult,
        selection: Selection,
        strip_target: int,
        maps: np.ndarray | None = None,
    ) -> None:
        """Draw the column from this network state; only visible lines re-render.

        With ``maps`` (training mode) every neuron also shows its heatmap over
        the input plane, and takes MAP_LINES lines instead of one.
        """
        self._maps = maps
        self._network = network
        self._result = result
        self._selection = selection
        self._strip_target = strip_target
        k = self.column
        size = network.sizes[k]
        names = (network.neuron_name(k, j) for j in range(min(size, 2000)))
        longest = max((cell_len(visible(n[: 2 * NAME_MAX])) for n in names), default=NAME_MIN)
        self._name_width = max(NAME_MIN, min(NAME_MAX, longest))

        values = result.activations[k]
        finite = values[np.isfinite(values)]
        self._value_scale = max(1.0, float(np.max(np.abs(finite)))) if finite.size else 1.0

        self._strip = self._strip_layout(network, strip_target)
        if self._strip is not None:
            weights = network.layers[k].weights
            finite_w = weights[np.isfinite(weights)]
            self._weight_scale = float(np.max(np.abs(finite_w))) if finite_w.size else 1.0

        width = self.neuron_width + (self._strip.width if self._strip else 0)
        virtual = Size(width, HEADER_LINES + size * self.row_height)
        if virtual != self.virtual_size:
            self.virtual_size = virtual
            self.styles.width = width + 1  # one cell for the vertical scrollbar
        self.refresh()

    @property
    def row_height(self) -> int:
        return 1 if self._maps is None else MAP_LINES

    @property
    def neuron_width(self) -> int:
        # marker, [map, gap,] name, gap, value, gap, bar, gap
        map_width = 0 if self._maps is None else MAP_COLUMNS + 1
        return 1 + map_width + self._name_width + 1 + VALUE_WIDTH + 1 + BAR_WIDTH + 1

    def _strip_layout(self, network: Network, target: int) -> StripLayout | None:
        if self.column >= len(network.layers):
            return None  # the output layer has no outgoing weights
        total = network.layers[self.column].n_out
        if total <= NUMERIC_STRIP_MAX:
            return StripLayout(self.neuron_width, NUMERIC_CELL, 0, total, total)
        count = min(total, GLYPH_WINDOW)
        first = max(0, min(target - count // 2, total - count))
        return StripLayout(self.neuron_width, GLYPH_CELL, first, count, total)

    # --- scrolling -----------------------------------------------------------

    def scroll_to_row(self, row: int) -> None:
        """Scroll just enough that neuron ``row`` is visible below the header."""
        visible = max(1, self.scrollable_content_region.height - HEADER_LINES)
        top = int(self.scroll_offset.y)
        first, last = row * self.row_height, (row + 1) * self.row_height - 1
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + visible:
            self.scroll_to(y=last - visible + 1, animate=False, immediate=True)

    @property
    def visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - HEADER_LINES)

    # --- mouse ---------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        if self._network is None:
            return
        offset = event.get_content_offset(self)
        if offset is None or offset.y < HEADER_LINES:
            return
        row = (offset.y - HEADER_LINES + int(self.scroll_offset.y)) // self.row_height
        if row >= self._network.sizes[self.column]:
            return
        event.stop()
        strip = self._strip
        if strip is not None and offset.x > strip.x:
            cell = (offset.x - strip.x - 1) // strip.cell
            if 0 <= cell < strip.count:
                self.post_message(self.WeightClicked(self.column + 1, strip.first + cell, row))
                return
        self.post_message(self.NeuronClicked(self.column, row))

    # --- drawing -------------------------------------------------------------

    def _style(self, component: str) -> Style:
        """The widget's own style ("") or a component's, cached until the styles change.

        Textual computes them by walking the ancestors' backgrounds; a column
        asks for them on every line, and they only change with the theme.
        """
        cached = self._styles.get(component)
        if cached is None:
            cached = self.get_component_rich_style(component) if component else self.rich_style
            self._styles[component] = cached
        return cached

    def notify_style_update(self) -> None:
        self._styles = {}
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style("")
        network, result, k = self._network, self._result, self.column
        # Blank while this view is between two networks (moved to another column, or being removed).
        if network is None or result is None or k >= len(network.sizes) or k >= len(result.activations):
            return Strip.blank(width, base)
        if y < HEADER_LINES:
            segments = self._header_line(y)
        else:
            row, line = divmod(y - HEADER_LINES + int(self.scroll_offset.y), self.row_height)
            if row >= min(network.sizes[k], len(result.activations[k])):
                return Strip.blank(width, base)
            segments = self._neuron_line(row, line)
        strip = Strip(Segment.apply_style(segments, base))
        return strip.crop_extend(0, width, base)

    def _header_line(self, y: int) -> list[Segment]:
        network = self._network
        assert network is not None
        k = self.column
        selected = self._selection.column == k
        title_style = self._style(
            "layer-view--title-selected" if selected else "layer-view--title"
        )
        sub_style = self._style("layer-view--subtitle")
        width = self.neuron_width
        size = network.sizes[k]
        if y == 0:
            count = f" ({size})" if size > 9 else ""
            text = _fit(" " + network.layer_title(k) + count, width)
            segments = [Segment(text, title_style)]
        else:
            kind = t("app.layer.values_you_set") if k == 0 else f"f = {network.layers[k - 1].activation}"
            segments = [Segment(_fit(" " + kind, width), sub_style)]
        segments.extend(self._strip_header(y))
        return segments

    def _strip_header(self, y: int) -> list[Segment]:
        strip = self._strip
        network = self._network
        if strip is None or network is None:
            return []
        style = self._style("layer-view--strip-title")
        if y == 0:
            if strip.count < strip.total:
                label = f" →{strip.first + 1}–{strip.first + strip.count}/{strip.total}"
            else:
                label = " → " + network.layer_title(self.column + 1)
            return [Segment(_fit(label, strip.width), style)]
        cells = [" "]
        for j in range(strip.first, strip.first + strip.count):
            if strip.numeric:
                cells.append(_fit(network.neuron_name(self.column + 1, j), VALUE_WIDTH).rjust(strip.cell))
            else:
                cells.append(str((j + 1) % 100).rjust(strip.cell))
        return [Segment(_fit("".join(cells), strip.width), style)]

    def _neuron_line(self, row: int, line: int = 0) -> list[Segment]:
        network, result = self._network, self._result
        assert network is not None and result is not None
        k = self.column
        selection = self._selection
        is_cursor = selection.column == k and selection.neuron == row
        is_source = (
            selection.column == k + 1 and selection.weight_source(network) == row
        )
        if is_cursor:
            row_style = self._style("layer-view--cursor")
            marker = "▶"
        elif is_source:
            row_style = self._style("layer-view--source")
            marker = "›"
        else:
            row_style = Style()
            marker = " "
        segments = [Segment(marker if line == 0 else " ", row_style)]
        if self._maps is not None:
            segments.extend(heatmap.picture_line(self._maps[row], line))
            segments.append(Segment(" ", row_style))
        if line > 0:  # the lines below a heatmap's first carry only the heatmap
            rest = self.neuron_width - 1 - MAP_COLUMNS - 1
            return [*segments, Segment(" " * rest, row_style)]
        value = float(result.activations[k][row])
        scale = self._value_scale
        segments += [
            Segment(_fit(network.neuron_name(k, row), self._name_width) + " ", row_style),
            Segment(format_value(value, VALUE_WIDTH), row_style + palette.value_style(value, scale)),
            Segment(" ", row_style),
            Segment(palette.bar(value, scale, BAR_WIDTH), row_style + palette.value_style(value, scale)),
            Segment(" ", row_style),
        ]
        segments.extend(self._strip_cells(row))
        return segments

    def _strip_cells(self, row: int) -> list[Segment]:
        strip = self._strip
        network = self._network
        if strip is None or network is None:
            return []
        weights = network.layers[self.column].weights
        selection = self._selection
        chosen_target = (
            selection.neuron
            if selection.column == self.column + 1 and selection.weight_source(network) == row
            else None
        )
        segments = [Segment(" ")]
        scale = self._weight_scale
        for j in range(strip.first, strip.first + strip.count):
            w = float(weights[j, row])
            selected = j == chosen_target
            style = palette.value_style(w, scale, bold=selected, reverse=selected)
            if strip.numeric:
                segments.append(Segment(" ", Style()))
                segments.append(Segment(format_value(w, VALUE_WIDTH), style))
            else:
                segments.append(Segment(palette.weight_glyph(w, scale), style))
        segments.append(Segment(" "))
        return segments
