"""One column of the network: a layer's neurons, and the weights leaving them.

A single Line API widget draws the whole column, however many neurons it
has: only the visible lines are rendered, so a 784-neuron input layer costs
no more than a 3-neuron one.  The :class:`ColumnPlan` it is handed (see
:mod:`graph_layout`) says how: a small column is spread over the height and
its weights are links to the next column (:mod:`link_gap`); a large one is a
list that scrolls, with the matrix of its weights beside it
(:mod:`weight_strip`), so the strip scrolls together with the neurons it
starts from.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from nntui.app import heatmap, palette
from nntui.app.text import fit
from nntui.app.widgets import neuron_line, weight_strip
from nntui.app.widgets.graph_layout import ColumnPlan, Parts
from nntui.app.widgets.link_gap import LinkGap
from nntui.app.widgets.weight_strip import StripLayout
from nntui.core.network import ForwardResult, Network
from nntui.document.selection import Selection
from nntui.i18n import t

HEADER_LINES = 2
MAP_LINES = 3  # lines of a neuron's heatmap in the training view, when the height allows: 8×6 pixels
NO_STYLE = Style()


class LayerView(ScrollView, can_focus=False):
    """Column ``column`` of the network (0 is the input layer)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
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
        """The learner clicked a weight: a cell of the matrix, or a link."""

        def __init__(self, column: int, neuron: int, source: int) -> None:
            super().__init__()
            self.column = column  # the column the weight leads into
            self.neuron = neuron
            self.source = source

    class RoomChanged(Message):
        """This column's height is not the one its rows were placed for: the network view places
        them again. (A layout can change it without a resize event reaching the network view.)"""

    def __init__(self, column: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._room_told: Size | None = None  # the size a RoomChanged was posted for
        self.column = column
        self._network: Network | None = None
        self._result: ForwardResult | None = None
        self._selection = Selection()
        self._plan = ColumnPlan(Parts())
        self._lines = 0  # body lines of a spread column
        self._line_rows = np.zeros(0, dtype=np.int64)  # per body line of a spread column: its neuron, or -1
        self._strip: StripLayout | None = None
        self._links = LinkGap()
        self._linked = False
        self._width = 0  # the width last given to the styles
        self._neurons = 0  # neurons in the column
        self._column_count = 0  # columns in the network
        self._placed: tuple[object, ...] | None = None  # what placed the lines last shown
        self._nodes_shown: list[tuple[object, ...]] | None = None  # what each node in sight showed
        self._value_scale = 1.0
        self._weight_scale = 1.0
        self._styles: dict[str, Style] = {}
        self._on_base: palette.OnBase | None = None  # lines put on the widget's style
        self._maps: np.ndarray | None = None  # colour levels (neurons, 2·row_height, MAP_COLUMNS)
        self._pass: tuple[int, int] | None = None  # line width and scroll while render_lines draws

    # --- data in -------------------------------------------------------------

    def show(
        self,
        network: Network,
        result: ForwardResult,
        selection: Selection,
        plan: ColumnPlan,
        lines: int,
        *,
        target_rows: tuple[int, ...] | None = None,
        strip_target: int = 0,
        maps: np.ndarray | None = None,
    ) -> None:
        """Draw the column from this network state, as ``plan`` says; only visible lines re-render.

        ``lines`` is the height below the header that spread columns share;
        ``target_rows`` where the next column's neurons are (for the links);
        ``maps`` (training view) each neuron's heatmap over the input plane.
        """
        self._network, self._result, self._selection = network, result, selection
        self._plan, self._lines = plan, lines
        self._maps = heatmap.fitted(maps, plan.row_height)
        k = self.column
        # Not Network.sizes, which builds a list of every layer's size (10,000 for a deep one).
        self._neurons = size = len(network.input_names) if k == 0 else network.layers[k - 1].n_out
        self._column_count = len(network.layers) + 1
        values = result.activations[k]
        finite = values[np.isfinite(values)]
        self._value_scale = max(1.0, float(np.max(np.abs(finite)))) if finite.size else 1.0

        self._linked = plan.links > 0 and plan.rows is not None and target_rows is not None
        self._strip = None
        gap = 0
        gap_changed: set[int] | None = set()  # no gap (the output layer): nothing changed there
        if self._linked:
            assert plan.rows is not None and target_rows is not None
            gap_changed = self._links.show(network, k, selection, plan.rows, target_rows, plan.links, lines)
            gap = plan.links
        elif k < len(network.layers):
            self._strip = weight_strip.strip_layout(plan.parts.width, network.layers[k].n_out, strip_target)
            self._weight_scale = weight_strip.weight_scale(network.layers[k].weights)
            gap = self._strip.width
        if plan.rows is not None:
            self._line_rows = np.full(lines, -1, dtype=np.int64)
            for neuron, top in enumerate(plan.rows):
                self._line_rows[top : top + plan.row_height] = neuron
            height = HEADER_LINES + lines
        else:
            height = HEADER_LINES + size * plan.row_height
        width = plan.parts.width + gap
        virtual = Size(width, height)
        if virtual != self.virtual_size:
            self.virtual_size = virtual
        width += 0 if plan.spread else 1  # a list's vertical scrollbar
        if width != self._width:
            self._width = width
            self.styles.width = width
        self._repaint((plan, lines, self._linked, size, gap), gap_changed)

    def _repaint(self, layout: tuple[object, ...], gap_changed: set[int] | None) -> None:
        """Repaint what changed. An edit usually changes a few lines of a column only (the
        nodes whose values moved, the links or weights that did): only those are redrawn, as
        every edit would redraw the whole screen otherwise. Anything else repaints whole."""
        first, nodes = self._node_keys()
        maps = None if self._maps is None else self._maps.shape
        layout = (*layout, first, self._strip, self._weight_scale if self._strip is not None else None, maps)
        old_layout, old_nodes = self._placed, self._nodes_shown
        self._placed, self._nodes_shown = layout, nodes
        if layout != old_layout or old_nodes is None or gap_changed is None or len(nodes) != len(old_nodes):
            self.refresh()
            return
        changed = set(gap_changed)
        for row, (before, now) in enumerate(zip(old_nodes, nodes), start=first):
            if before != now:
                top = self.row_line(row) - int(self.scroll_offset.y)
                changed.update(range(top, top + self.row_height))
        width = self.size.width
        regions = [Region(0, 0, width, HEADER_LINES)]  # the titles follow the selection
        regions += [Region(0, HEADER_LINES + y, width, 1) for y in sorted(changed) if y >= 0]
        self.refresh(*regions)

    def _node_keys(self) -> tuple[int, list[tuple[object, ...]]]:
        """What each node in sight shows (with its weights, in a matrix), to tell which changed:
        the first row in sight, and a key per row from there."""
        network, result = self._network, self._result
        assert network is not None and result is not None
        k, selection, size = self.column, self._selection, self._neurons
        if self._plan.rows is not None:
            first, last = 0, size
        else:  # a list: the rows in sight only
            first = int(self.scroll_offset.y) // self.row_height
            last = min(size, first + self.visible_rows // self.row_height + 2)
        source = selection.weight_source(network) if selection.column == k + 1 else None
        strip = self._strip
        weights = network.layers[k].weights if strip is not None else None
        maps = self._maps  # the heatmaps change while training, each neuron's only now and then
        keys: list[tuple[object, ...]] = []
        for row in range(first, last):
            cells = None
            if strip is not None and weights is not None:
                cells = (
                    weights[strip.first : strip.first + strip.count, row].tobytes(),
                    selection.neuron if source == row else None,
                )
            keys.append(neuron_line.key(network, result, k, row, selection, source, cells, maps, self._value_scale))
        return first, keys

    @property
    def plan(self) -> ColumnPlan:
        """How this column is drawn now."""
        return self._plan

    @property
    def row_height(self) -> int:
        return self._plan.row_height

    @property
    def neuron_width(self) -> int:
        return self._plan.parts.width

    def row_line(self, row: int) -> int:
        """The first body line of neuron ``row``."""
        rows = self._plan.rows
        return rows[row] if rows is not None and row < len(rows) else row * self.row_height

    # --- scrolling -----------------------------------------------------------

    def scroll_to_row(self, row: int) -> None:
        """Scroll just enough that neuron ``row`` is visible below the header."""
        visible = max(1, self.scrollable_content_region.height - HEADER_LINES)
        top = int(self.scroll_offset.y)
        first = self.row_line(row)
        last = first + self.row_height - 1
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
        body = offset.y - HEADER_LINES + int(self.scroll_offset.y)
        node = self._plan.parts.width
        if self._linked and offset.x >= node:
            target, source = self._links.weight_at(offset.x - node, body)
            event.stop()
            self.post_message(self.WeightClicked(self.column + 1, target, source))
            return
        row = self._row_of(body)
        if row is None:
            return
        event.stop()
        hit = self._strip.target_at(offset.x) if self._strip is not None else None
        if hit is not None:
            self.post_message(self.WeightClicked(self.column + 1, hit, row))
        else:
            self.post_message(self.NeuronClicked(self.column, row))

    def _row_of(self, body: int) -> int | None:
        """The neuron drawn on body line ``body``, or None."""
        assert self._network is not None
        if self._plan.rows is not None:
            row = int(self._line_rows[body]) if 0 <= body < len(self._line_rows) else -1
            return row if row >= 0 else None
        row = body // self.row_height
        return row if row < self._neurons else None

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

    def render_lines(self, crop: Region) -> list[Strip]:
        size = self.size
        if (
            self._plan is not None
            and self._plan.rows is not None
            and size.height != self.virtual_size.height
            and size != self._room_told
        ):  # rows spread over another height than this one
            self._room_told = size
            self.post_message(self.RoomChanged())
        # The lines' width and scroll found once for them all: Textual computes the region each time.
        self._pass = (self.scrollable_content_region.width, int(self.scroll_offset.y))
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def render_line(self, y: int) -> Strip:
        width, scroll = self._pass or (self.scrollable_content_region.width, int(self.scroll_offset.y))
        base = self._style("")
        network, result, k = self._network, self._result, self.column
        # Blank while this view is between two networks (moved to another column, or being removed):
        # the network is changed in place, so its own layers say whether this column still exists.
        if (
            network is None
            or result is None
            or k >= self._column_count
            or k >= len(result.activations)
            or k > len(network.layers)
            or _live_size(network, k) != self._neurons
        ):
            return Strip.blank(width, base)
        if self._on_base is None or self._on_base.base is not base:
            self._on_base = palette.OnBase(base)
        body = y - HEADER_LINES + scroll
        segments, length = self._on_base.apply(self._header_line(y) if y < HEADER_LINES else self._body_line(body))
        if self._linked and y >= HEADER_LINES:
            links, links_length = self._links.line_on(body, self._on_base)
            segments, length = segments + links, length + links_length
        return Strip(segments, length).crop_extend(0, width, base)

    def _header_line(self, y: int) -> list[Segment]:
        network = self._network
        assert network is not None
        k = self.column
        selected = self._selection.column == k
        title_style = self._style("layer-view--title-selected" if selected else "layer-view--title")
        sub_style = self._style("layer-view--subtitle")
        width = self.neuron_width
        size = self._neurons
        if y == 0:
            count = f" ({size})" if size > 9 else ""
            segments = [Segment(fit(" " + network.layer_title(k) + count, width), title_style)]
        else:
            kind = (
                t("app.layer.values_you_set" if network.features is None else "app.layer.features_of_point")
                if k == 0
                else f"f = {network.layers[k - 1].activation}"
            )
            segments = [Segment(fit(" " + kind, width), sub_style)]
        gap_style = self._style("layer-view--strip-title")
        if self._linked:
            segments.extend(self._links.header(network, k, y, gap_style))
        elif self._strip is not None:
            segments.extend(weight_strip.header(self._strip, network, k, y, gap_style))
        return segments

    def _body_line(self, body: int) -> list[Segment]:
        network = self._network
        assert network is not None
        row = self._row_of(body)
        if row is None:
            segments = [Segment(" " * self.neuron_width)]
            line = -1
        else:
            line = body - self.row_line(row)
            segments = self._node_line(row, line)
        if self._strip is not None and not self._linked and row is not None and line == 0:
            segments.extend(
                weight_strip.cells(self._strip, network, self.column, row, self._selection, self._weight_scale)
            )
        return segments

    def _node_line(self, row: int, line: int) -> list[Segment]:
        network, result = self._network, self._result
        assert network is not None and result is not None
        styles = (self._style("layer-view--cursor"), self._style("layer-view--source"))
        return neuron_line.segments(
            network,
            result,
            self.column,
            row,
            line,
            self._plan.parts,
            self._selection,
            self._maps,
            self._value_scale,
            styles,
        )


def _live_size(network: Network, k: int) -> int:
    """Column ``k``'s neurons as the network has them now (it changes in place, before the views know)."""
    return len(network.input_names) if k == 0 else int(network.layers[k - 1].weights.shape[0])
