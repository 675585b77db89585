"""The network as columns, left to right, with the keyboard cursor."""

from __future__ import annotations

import numpy as np
from textual.containers import HorizontalScroll

from nntui.document.selection import Selection
from nntui.app.widgets.layer_view import LayerView
from nntui.core.network import ForwardResult, Network

class NetworkView(HorizontalScroll, can_focus=True, inherit_bindings=False):
    """All the layers of the network; the focused widget of the playground.

    It draws what it is given (:meth:`show`) and never changes the network or
    the selection: the playground's keys (it takes none of its own, not
    even scrolling ones) and a click on a neuron or weight
    (posted up by its columns) go to the screen, which moves the cursor in
    the document and shows the result again.
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
        # Per column, each neuron's heatmap as colour levels (training mode only).
        self.maps: list[np.ndarray] | None = None

    def compose(self):  # -> ComposeResult
        self._columns = [LayerView(k) for k in range(len(self.network.layers) + 1)]
        yield from self._columns

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
        self._sync_columns()
        if moved:
            self._follow_selection()
        self._draw()

    def column_view(self, column: int) -> LayerView:
        """The widget that draws ``column`` (0 is the input layer)."""
        return self._columns[column]

    def _sync_columns(self) -> None:
        """One LayerView per layer: add or remove columns after a shape change."""
        columns = len(self.network.layers) + 1
        self._strip_targets = (self._strip_targets + [0] * columns)[: columns - 1]
        if len(self._columns) > columns:
            gone, self._columns = self._columns[columns:], self._columns[:columns]
            self.remove_children(gone)
        if len(self._columns) < columns:
            new = [LayerView(k) for k in range(len(self._columns), columns)]
            self._columns += new
            self.mount_all(new)
            self.call_after_refresh(self._draw)

    def _views(self) -> list[LayerView]:
        """The columns, input layer first (without any still being removed)."""
        return self._columns

    def _draw(self) -> None:
        for view in self._views():
            k = view.column
            target = self._strip_targets[k] if k < len(self._strip_targets) else 0
            maps = self.maps[k] if self.maps is not None else None
            view.show(self.network, self.result, self.selection, target, maps)

    # --- selection -----------------------------------------------------------

    def _follow_selection(self) -> None:
        """Keep the selected neuron, and the source of the selected weight, in view."""
        selection = self.selection
        if selection.column > 0:
            self._strip_targets[selection.column - 1] = selection.neuron
        if not self.is_mounted:
            return
        views = self._views()
        if selection.column >= len(views):
            return
        view = views[selection.column]
        view.scroll_to_row(selection.neuron)
        source = selection.weight_source(self.network)
        if source is not None:
            views[selection.column - 1].scroll_to_row(source)
        self.scroll_to_widget(view, animate=False, immediate=True)
