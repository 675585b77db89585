"""One column of the network: a layer's neurons, and the weights leaving them, as lines.

Not a widget: the canvas (:mod:`network_canvas`) draws every column side by
side in one ``render_line``, asking each for its part of the line.  The
:class:`ColumnPlan` a column is handed (see :mod:`graph_layout`) says how: a
small column is spread over the height and its weights are links to the next
column (:mod:`link_gap`); a large one is a list that scrolls on its own (it
keeps its own ``top`` and draws its own scrollbar), with the matrix of its
weights beside it (:mod:`weight_strip`), so the strip scrolls together with
the neurons it starts from.  Only the lines in sight are drawn, so a
784-neuron input layer costs no more than a 3-neuron one.

:meth:`NetworkColumn.show` says which of its lines look different since the
last call, so the canvas repaints those lines only.
"""

from __future__ import annotations

import numpy as np
from rich.segment import Segment

from nntui.app import heatmap, palette
from nntui.app.text import fit
from nntui.app.widgets import neuron_line, weight_strip
from nntui.app.widgets.column_styles import ColumnStyles, Hit
from nntui.app.widgets.graph_layout import SCROLLBAR, ColumnPlan, Parts
from nntui.app.widgets.input_picture import InputPicture
from nntui.app.widgets.link_gap import LinkGap
from nntui.app.widgets.picture_column import PictureColumn
from nntui.app.widgets.weight_strip import StripLayout
from nntui.core.network import ForwardResult, Network
from nntui.document.selection import Selection
from nntui.i18n import t

HEADER_LINES = 2
PLAIN = ColumnStyles()  # the header's words alone, to tell whether they changed
MAP_LINES = 3  # lines of a neuron's heatmap in the training view, when the height allows: 8×6 pixels


class NetworkColumn:
    """Column ``column`` of the network (0 is the input layer), ``width`` cells wide."""

    def __init__(self, column: int) -> None:
        self.column = column
        self.top = 0  # the first body line in sight (a list scrolls; a spread column never does)
        self._network: Network | None = None
        self._result: ForwardResult | None = None
        self._selection = Selection()
        self._plan = ColumnPlan(Parts())
        self._lines = 0  # body lines in sight
        self._line_rows = np.zeros(0, dtype=np.int64)  # per body line of a spread column: its neuron, or -1
        self._strip: StripLayout | None = None
        self._links = LinkGap()
        self._linked = False
        self.width = 0
        self._neurons = 0  # neurons in the column
        self._column_count = 0  # columns in the network
        self._placed: tuple[object, ...] | None = None  # what placed the lines last shown
        self._nodes_shown: list[tuple[object, ...]] | None = None  # what each node in sight showed
        self._value_scale = 1.0
        self._weight_scale = 1.0
        self._maps: np.ndarray | None = None  # colour levels (neurons, 2·row_height, MAP_COLUMNS)
        # Each row's matrix cells as drawn, with what they show (its weights, the selected one);
        # kept while the strip's scale and window stay: an edit redraws one row's cells.
        self._cells: dict[int, tuple[object, list[Segment]]] = {}
        self._cells_for: object = None
        self._cell_keys: dict[int, object] = {}
        self._picture: PictureColumn | None = None  # an input layer drawn as a picture
        self._headers_shown: tuple[object, ...] | None = None  # what the header lines said last

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
    ) -> set[int] | None:
        """Take this network state, drawn as ``plan`` says; returns the lines (header included)
        that look different now, or None when any may (another layout, another scroll).

        ``lines`` is the height below the header; ``target_rows`` where the next column's
        neurons are (for the links); ``maps`` (training view) each neuron's heatmap.
        """
        self._network, self._result, self._selection = network, result, selection
        self._plan, self._lines = plan, lines
        self._maps = heatmap.fitted(maps, plan.row_height)
        k = self.column
        # Not Network.sizes, which builds a list of every layer's size (10,000 for a deep one).
        self._neurons = size = len(network.input_names) if k == 0 else network.layers[k - 1].n_out
        self._column_count = len(network.layers) + 1
        if plan.picture is not None:  # an input layer drawn as a picture: it says what changed
            self._linked, self._strip, self.top = False, None, 0
            if self._picture is None or self._picture.shape != plan.picture:
                self._picture = PictureColumn(plan.picture)
            changed = self._picture.show(network, result, selection, plan, lines)
            self.width = self._picture.width
            self._placed = self._nodes_shown = None  # drawn as a list or spread again: all of it
            headers = self._header_changes()
            return None if changed is None else {HEADER_LINES + y for y in changed} | headers
        self._picture = None
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
            self._weight_scale = weight_strip.strip_scale(network.layers[k].weights)
            gap = self._strip.width
        if (self._strip, self._weight_scale) != self._cells_for:
            self._cells.clear()
            self._cells_for = (self._strip, self._weight_scale)
        if plan.rows is not None:
            self._line_rows = np.full(lines, -1, dtype=np.int64)
            for neuron, top in enumerate(plan.rows):
                self._line_rows[top : top + plan.row_height] = neuron
        self.width = plan.parts.width + gap + (0 if plan.spread else SCROLLBAR)
        self.top = max(0, min(self.top, self.max_top))
        return self._changed_lines((plan, lines, self._linked, size, gap, self.width), gap_changed)

    def _changed_lines(self, layout: tuple[object, ...], gap_changed: set[int] | None) -> set[int] | None:
        """What changed. An edit usually changes a few lines of a column only (the nodes whose
        values moved, the links or weights that did): only those are redrawn, as every edit
        would redraw the whole screen otherwise."""
        headers = self._header_changes()
        first, nodes = self._node_keys()
        maps = None if self._maps is None else self._maps.shape
        layout = (*layout, self.top, first, self._strip, self._weight_scale if self._strip is not None else None, maps)
        old_layout, old_nodes = self._placed, self._nodes_shown
        self._placed, self._nodes_shown = layout, nodes
        if layout != old_layout or old_nodes is None or gap_changed is None or len(nodes) != len(old_nodes):
            return None
        changed = {HEADER_LINES + y for y in gap_changed}
        for row, (before, now) in enumerate(zip(old_nodes, nodes), start=first):
            if before != now:
                top = HEADER_LINES + self.row_line(row) - self.top
                changed.update(range(top, top + self.row_height))
        changed |= headers
        return {y for y in changed if 0 <= y < HEADER_LINES + self._lines}

    def _header_changes(self) -> set[int]:
        """The header lines whose words, or whether the title is the selected one, changed: an edit
        leaves them as they were, and they are not drawn again."""
        key = (
            self._selection.column == self.column,
            *("".join(s.text for s in self._header_line(y, PLAIN)) for y in range(HEADER_LINES)),
        )
        before, self._headers_shown = self._headers_shown, key
        return set(range(HEADER_LINES)) if key != before else set()

    def _node_keys(self) -> tuple[int, list[tuple[object, ...]]]:
        """What each node in sight shows (with its weights, in a matrix), to tell which changed:
        the first row in sight, and a key per row from there."""
        network, result = self._network, self._result
        assert network is not None and result is not None
        k, selection, size = self.column, self._selection, self._neurons
        if self._plan.rows is not None:
            first, last = 0, size
        else:  # a list: the rows in sight only
            first = self.top // self.row_height
            last = min(size, first + self._lines // self.row_height + 2)
        source = selection.weight_source(network) if selection.column == k + 1 else None
        strip = self._strip
        weights = network.layers[k].weights if strip is not None else None
        maps = self._maps  # the heatmaps change while training, each neuron's only now and then
        self._cell_keys.clear()  # a row out of sight now has no key: its cells are drawn again
        keys: list[tuple[object, ...]] = []
        for row in range(first, last):
            cells = None
            if strip is not None and weights is not None:
                cells = (
                    weights[strip.first : strip.first + strip.count, row].tobytes(),
                    selection.neuron if source == row else None,
                )
                self._cell_keys[row] = cells
            keys.append(neuron_line.key(network, result, k, row, selection, source, cells, maps, self._value_scale))
        return first, keys

    @property
    def picture(self) -> InputPicture | None:
        """The input picture this column draws, if it draws one."""
        return None if self._picture is None else self._picture.picture

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

    # --- scrolling (a list only) ---------------------------------------------

    @property
    def body_height(self) -> int:
        """Body lines of the whole column: its neurons' for a list, the room for a spread one."""
        return self._lines if self._plan.spread else self._neurons * self.row_height

    @property
    def max_top(self) -> int:
        return max(0, self.body_height - self._lines)

    def scroll_to(self, top: int) -> bool:
        """Put body line ``top`` first in sight (within bounds); True if the column moved."""
        top = max(0, min(top, self.max_top))
        moved, self.top = top != self.top, top
        return moved

    def scroll_to_row(self, row: int) -> bool:
        """Scroll just enough that neuron ``row`` is in sight; True if the column moved."""
        first = self.row_line(row)
        last = first + self.row_height - 1
        if first < self.top:
            return self.scroll_to(first)
        if last >= self.top + self._lines:
            return self.scroll_to(last - self._lines + 1)
        return False

    def scroll_to_fraction(self, y: int) -> bool:
        """Scroll as a click or drag at body line ``y`` of the scrollbar says: its place in the track."""
        if self._lines <= 1:
            return False
        return self.scroll_to(round(y / (self._lines - 1) * self.max_top))

    # --- mouse ---------------------------------------------------------------

    def hit(self, x: int, y: int) -> Hit | None:
        """What is at cell (x, y) of the column (y from its top, header included), or None."""
        if self._network is None or y < HEADER_LINES or not 0 <= x < self.width:
            return None
        if not self._plan.spread and x == self.width - SCROLLBAR:
            return Hit("scrollbar")
        body = y - HEADER_LINES + self.top
        if self._picture is not None:
            return self._picture.hit(x, body)
        node = self._plan.parts.width
        if self._linked and x >= node:
            target, source = self._links.weight_at(x - node, body)
            return Hit("weight", self.column + 1, target, source)
        row = self._row_of(body)
        if row is None:
            return None
        cell = self._strip.target_at(x) if self._strip is not None else None
        if cell is not None:
            return Hit("weight", self.column + 1, cell, row)
        return Hit("neuron", self.column, row)

    def _row_of(self, body: int) -> int | None:
        """The neuron drawn on body line ``body``, or None."""
        if self._plan.rows is not None:
            row = int(self._line_rows[body]) if 0 <= body < len(self._line_rows) else -1
            return row if row >= 0 else None
        row = body // self.row_height
        return row if row < self._neurons else None

    # --- drawing -------------------------------------------------------------

    def line(self, y: int, styles: ColumnStyles, on_base: palette.OnBase) -> tuple[list[Segment], int]:
        """Line ``y`` (header included) on the canvas's style, exactly :attr:`width` cells wide."""
        network, result, k = self._network, self._result, self.column
        # Blank while this column is between two networks (the network is changed in place, before
        # the canvas is told): its own layers say whether this column still exists.
        if (
            network is None
            or result is None
            or k >= self._column_count
            or k >= len(result.activations)
            or k > len(network.layers)
            or _live_size(network, k) != self._neurons
        ):
            return on_base.apply([Segment(" " * self.width)])
        body = y - HEADER_LINES + self.top
        segments = self._header_line(y, styles) if y < HEADER_LINES else self._body_line(body, styles)
        segments, length = on_base.apply(segments)
        if self._linked and y >= HEADER_LINES:  # the links' part kept on the style until they change
            links, links_length = self._links.line_on(body, on_base)
            segments += links
            length += links_length
        body_width = self.width - (0 if self._plan.spread else SCROLLBAR)
        if length != body_width:  # a blank line, a line without its strip: the column's width all the same
            segments, length = Segment.adjust_line_length(segments, body_width, on_base.base), body_width
        if not self._plan.spread:
            segments.append(self._scrollbar(y, styles))
        return segments, self.width

    def _scrollbar(self, y: int, styles: ColumnStyles) -> Segment:
        """The list's own scrollbar, one cell wide: the thumb where the lines in sight are."""
        if y < HEADER_LINES or self.body_height <= self._lines:
            return Segment(" ", styles.scrollbar_track)
        thumb = max(1, round(self._lines * self._lines / self.body_height))
        start = round((self._lines - thumb) * self.top / max(1, self.max_top))
        inside = start <= y - HEADER_LINES < start + thumb
        return Segment(" ", styles.scrollbar_thumb if inside else styles.scrollbar_track)

    def _header_line(self, y: int, styles: ColumnStyles) -> list[Segment]:
        network = self._network
        assert network is not None
        k = self.column
        width = self.neuron_width
        if self._picture is not None:
            return self._picture.header(network, y, styles, self._selection.column == k)
        if y == 0:
            count = f" ({self._neurons})" if self._neurons > 9 else ""
            style = styles.title_selected if self._selection.column == k else styles.title
            segments = [Segment(fit(" " + network.layer_title(k) + count, width), style)]
        else:
            kind = (
                t("app.layer.values_you_set" if network.features is None else "app.layer.features_of_point")
                if k == 0
                else f"f = {network.layers[k - 1].activation}"
            )
            segments = [Segment(fit(" " + kind, width), styles.subtitle)]
        if self._linked:
            segments.extend(self._links.header(network, k, y, styles.strip_title))
        elif self._strip is not None:
            segments.extend(weight_strip.header(self._strip, network, k, y, styles.strip_title))
        return segments

    def _body_line(self, body: int, styles: ColumnStyles) -> list[Segment]:
        network, result = self._network, self._result
        assert network is not None and result is not None
        if self._picture is not None:
            return self._picture.line(body, styles)
        row = self._row_of(body)
        if row is None:
            return [Segment(" " * self.neuron_width)]
        line = body - self.row_line(row)
        segments = neuron_line.segments(
            network,
            result,
            self.column,
            row,
            line,
            self._plan.parts,
            self._selection,
            self._maps,
            self._value_scale,
            (styles.cursor, styles.source),
        )
        if self._strip is not None and line == 0:
            segments += self._strip_cells(row)
        return segments

    def _strip_cells(self, row: int) -> list[Segment]:
        """Row ``row``'s weights in the matrix strip; a glyph strip's rows in sight all at once."""
        network, strip = self._network, self._strip
        assert network is not None and strip is not None
        if strip.numeric:
            return weight_strip.cells(strip, network, self.column, row, self._selection, self._weight_scale)
        key = self._cell_keys.get(row)
        cached = self._cells.get(row)
        if cached is not None and key is not None and cached[0] == key:
            return cached[1]
        first = self.top // self.row_height
        rows = range(first, min(self._neurons, first + self._lines // self.row_height + 2))
        if self._cells or row not in rows:  # a row that changed: that row alone
            rows = range(row, row + 1)
        selection = self._selection
        source = selection.weight_source(network) if selection.column == self.column + 1 else None
        chosen = None if source is None else (source, selection.neuron)
        weights = network.layers[self.column].weights
        for at, cells in zip(rows, weight_strip.glyph_rows(strip, weights, rows, chosen, self._weight_scale)):
            self._cells[at] = (self._cell_keys.get(at), cells)
        return self._cells[row][1]


def _live_size(network: Network, k: int) -> int:
    """Column ``k``'s neurons as the network has them now (it changes in place, before the canvas knows)."""
    return len(network.input_names) if k == 0 else int(network.layers[k - 1].weights.shape[0])
