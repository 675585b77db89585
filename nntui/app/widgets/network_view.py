"""The network as columns, left to right, with the keyboard cursor."""

from __future__ import annotations

import numpy as np
from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalScroll
from textual.geometry import Size
from textual.widgets import Static

from nntui.app.widgets.graph_layout import NAME_CAP, ColumnPlan, column_width, plan
from nntui.app.widgets.layer_view import HEADER_LINES, LayerView
from nntui.core.network import ForwardResult, Network
from nntui.core.plural import counted
from nntui.core.text import visible
from nntui.document.selection import Selection

# Columns drawn at once.  A deeper network shows this many around the
# selection (the window moves with it) and says how many are left out.
MAX_MOUNTED_COLUMNS = 32


class NetworkView(HorizontalScroll, can_focus=True, inherit_bindings=False):
    """The layers of the network; the focused widget of the playground.

    It draws what it is given (:meth:`show`) and never changes the network or
    the selection: the playground's keys (it takes none of its own, not
    even scrolling ones) and a click on a neuron or weight
    (posted up by its columns) go to the screen, which moves the cursor in
    the document and shows the result again.

    A LayerView costs a widget and its layout, so at most MAX_MOUNTED_COLUMNS
    are mounted: every column of a normal network, and for a network of
    thousands of layers a window of columns around the selection, with the
    number of layers left out on each side.  Moving the selection out of the
    window moves the window: its LayerViews are handed other columns.
    """

    DEFAULT_CSS = """
    NetworkView > .more-columns {
        width: auto;
        height: 1fr;
        padding: 1 1 0 1;
        color: $text-muted;
        display: none;
    }
    """

    def __init__(self, network: Network, result: ForwardResult, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.network = network
        self.result = result
        self.selection = Selection()
        # For each strip, the target neuron it last followed: kept when the
        # cursor leaves so the window does not jump around.
        self._strip_targets: list[int] = [0] * len(network.layers)
        self._columns: list[LayerView] = []
        self._first = 0  # the column of the first LayerView
        self._more_left = Static(id="more-left", classes="more-columns")
        self._more_right = Static(id="more-right", classes="more-columns")
        # Per column, the names last measured and their longest (see _longest_name).
        self._names: dict[int, tuple[tuple[object, ...], int]] = {}
        self._drawn_for: Size | None = None  # the room the columns were last drawn for
        # Per column, each neuron's heatmap as colour levels (training mode only).
        self.maps: list[np.ndarray] | None = None

    def compose(self) -> ComposeResult:
        self._columns = [LayerView(k) for k in range(min(len(self.network.layers) + 1, MAX_MOUNTED_COLUMNS))]
        yield self._more_left
        yield from self._columns
        yield self._more_right

    def on_mount(self) -> None:
        self._draw()

    # --- data in -------------------------------------------------------------

    def show(
        self,
        network: Network,
        result: ForwardResult,
        selection: Selection,
        maps: list[np.ndarray] | None = None,
    ) -> None:
        """Redraw every column from a recomputed state, all in the same frame."""
        self.network = network
        self.result = result
        self.maps = maps
        moved = selection != self.selection
        self.selection = selection
        shifted = self._sync_columns()
        if moved:
            self._follow_selection()
        self._draw()
        if shifted:  # the LayerViews have new columns and widths: scroll once they are laid out
            self.call_after_refresh(self._follow_selection)

    def column_view(self, column: int) -> LayerView:
        """The widget that draws ``column`` (0 is the input layer); IndexError if not drawn now."""
        index = column - self._first
        if not 0 <= index < len(self._columns):
            raise IndexError(column)
        return self._columns[index]

    def _sync_columns(self) -> bool:
        """A LayerView per column of the window: after a shape change or a move. True if it moved."""
        columns = len(self.network.layers) + 1
        self._strip_targets = (self._strip_targets + [0] * columns)[: columns - 1]
        count = min(columns, MAX_MOUNTED_COLUMNS)
        if len(self._columns) > count:
            gone, self._columns = self._columns[count:], self._columns[:count]
            self.remove_children(gone)
        if len(self._columns) < count:
            new = [LayerView(k) for k in range(len(self._columns), count)]
            self._columns += new
            self.mount_all(new, before=self._more_right)
            self.call_after_refresh(self._draw)
        first = self._window_start(columns, count)
        moved = first != self._first
        self._first = first
        for k, view in enumerate(self._columns, start=first):
            if view.column != k:
                view.column = k
                view.scroll_to(y=0, animate=False, immediate=True)
        self._show_hidden(first, columns - first - count)
        return moved

    def _window_start(self, columns: int, count: int) -> int:
        """The first column to draw: the window moves only when the selection nears its edge."""
        if count == columns:
            return 0
        column = min(self.selection.column, columns - 1)
        first = min(self._first, columns - count)
        low = first + (1 if first > 0 else 0)  # a column left of the selection stays in view
        high = first + count - (2 if first + count < columns else 1)
        if low <= column <= high:
            return first
        return max(0, min(column - count // 2, columns - count))

    def _show_hidden(self, left: int, right: int) -> None:
        """Say how many layers are left out on each side (nothing for a normal network)."""
        for marker, hidden, key in (
            (self._more_left, left, "app.network.hidden_left"),
            (self._more_right, right, "app.network.hidden_right"),
        ):
            marker.display = hidden > 0
            if hidden > 0:
                marker.update(counted(key, hidden))

    def _views(self) -> list[LayerView]:
        """The LayerViews, leftmost first (without any still being removed)."""
        return self._columns

    def on_resize(self) -> None:
        self._draw()  # the layout follows the room there is

    @on(LayerView.RoomChanged)
    def _room_changed(self, event: LayerView.RoomChanged) -> None:
        # A column has another height than its rows were placed for: a resize event said nothing
        # (a layout that did not reach this view, a scrollbar that came or went).
        event.stop()
        if self._drawn_for != self.scrollable_content_region.size:
            self._draw()

    def _draw(self) -> None:
        views = self._views()
        if not views:
            return
        network = self.network
        columns = [view.column for view in views]
        every = network.sizes  # a list built on each call: once here
        sizes = [every[k] for k in columns]
        last = columns[-1]
        next_size = every[last + 1] if last + 1 < len(every) else None
        names = [self._longest_name(k, every[k]) for k in columns]
        region = self.scrollable_content_region
        self._drawn_for = region.size
        width, lines = region.width, max(1, region.height - HEADER_LINES)
        if self.scrollbars_enabled[1]:  # sideways already: the scrollbar takes a line of its own
            lines += self.styles.scrollbar_size_horizontal
        training = self.maps is not None
        plans = plan(sizes, names, width, lines, training=training, next_size=next_size)
        if _total_width(plans, sizes, next_size) > width:  # it will scroll sideways: one line less
            lines -= self.styles.scrollbar_size_horizontal
            plans = plan(sizes, names, width, max(1, lines), training=training, next_size=next_size)
        for i, view in enumerate(views):
            k = view.column
            target = self._strip_targets[k] if k < len(self._strip_targets) else 0
            maps = self.maps[k] if self.maps is not None else None
            following = plans[i + 1].rows if i + 1 < len(plans) else None
            view.show(
                self.network,
                self.result,
                self.selection,
                plans[i],
                lines,
                target_rows=following,
                strip_target=target,
                maps=maps,
            )

    def _longest_name(self, k: int, size: int) -> int:
        """Cells of the longest name in column ``k`` (the first 2,000 names: a list scrolls anyway).

        Remembered while the column's names stay the same (edits of values keep them)."""
        network = self.network
        count = min(size, 2000)
        names = network.input_names if k == 0 else network.layers[k - 1].neuron_names
        key = (None if names is None else tuple(names[:count]), count, len(network.layers))
        cached = self._names.get(k)
        if cached is not None and cached[0] == key:
            return cached[1]
        shown = (network.neuron_name(k, j) for j in range(count))
        longest = max((cell_len(visible(name[: 2 * NAME_CAP])) for name in shown), default=1)
        self._names[k] = (key, longest)
        return longest

    # --- selection -----------------------------------------------------------

    def _follow_selection(self) -> None:
        """Keep the selected neuron, and the source of the selected weight, in view."""
        selection = self.selection
        if selection.column > 0:
            self._strip_targets[selection.column - 1] = selection.neuron
        if not self.is_mounted:
            return
        views = self._views()
        index = selection.column - self._first
        if not 0 <= index < len(views):
            return
        view = views[index]
        view.scroll_to_row(selection.neuron)
        source = selection.weight_source(self.network)
        if source is not None and index > 0:
            views[index - 1].scroll_to_row(source)
        self.scroll_to_widget(view, animate=False, immediate=True)


def _total_width(plans: list[ColumnPlan], sizes: list[int], next_size: int | None) -> int:
    after = [*sizes[1:], next_size]
    return sum(column_width(p, n) for p, n in zip(plans, after))
