"""The network as columns, left to right, with the keyboard cursor.

``NetworkView`` owns the selection and the step; it never changes the
network.  The app reads the selection when a key asks for an edit, applies
it, and sends the recomputed state back down with :meth:`show`; cursor moves
go up as :class:`NetworkView.SelectionChanged` so the details can follow.
"""

from __future__ import annotations

import numpy as np
from textual import on
from textual.binding import Binding
from textual.containers import HorizontalScroll
from textual.message import Message
from textual.reactive import reactive

from nntui.app.bindings import translate_bindings
from nntui.document.selection import Selection
from nntui.app.widgets.layer_view import LayerView
from nntui.core.network import ForwardResult, Network

STEPS = (0.001, 0.01, 0.1, 1.0, 10.0, 100.0)
DEFAULT_STEP = 0.1
PAGE = 10


class NetworkView(HorizontalScroll, can_focus=True):
    """All the layers of the network; the focused widget of the playground.

    Binding descriptions and tooltips are message keys (see ``nntui.app.bindings``).
    """

    BINDINGS = [
        Binding("left,h", "move_column(-1)", "app.key.prev_layer", show=False,
                tooltip="app.key.prev_layer.help"),
        Binding("right,l", "move_column(1)", "app.key.next_layer", show=False,
                tooltip="app.key.next_layer.help"),
        Binding("up,k", "move_neuron(-1)", "app.key.prev_neuron", show=False,
                tooltip="app.key.prev_neuron.help"),
        Binding("down,j", "move_neuron(1)", "app.key.next_neuron", show=False,
                tooltip="app.key.next_neuron.help"),
        Binding("pageup", "move_neuron(-10)", "app.key.up_10", show=False, tooltip="app.key.up_10.help"),
        Binding("pagedown", "move_neuron(10)", "app.key.down_10", show=False, tooltip="app.key.down_10.help"),
        Binding("right_square_bracket", "cycle_param(1)", "app.key.next_weight", key_display="]",
                tooltip="app.key.next_weight.help"),
        Binding("left_square_bracket", "cycle_param(-1)", "app.key.prev_weight", key_display="[",
                show=False, tooltip="app.key.prev_weight.help"),
        Binding("asterisk", "change_step(1)", "app.key.step_up", key_display="*", show=False,
                tooltip="app.key.step_up.help"),
        Binding("slash", "change_step(-1)", "app.key.step_down", key_display="/", show=False,
                tooltip="app.key.step_down.help"),
    ]

    selection: reactive[Selection] = reactive(Selection, always_update=True)
    step: reactive[float] = reactive(DEFAULT_STEP)

    class SelectionChanged(Message):
        """The cursor moved (or the step changed): the inspector and status follow."""

        def __init__(self, selection: Selection, step: float) -> None:
            super().__init__()
            self.selection = selection
            self.step = step

    def __init__(self, network: Network, result: ForwardResult, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.network = network
        self.result = result
        # For each strip, the target neuron it last followed: kept when the
        # cursor leaves so the window does not jump around.
        self._strip_targets: list[int] = [0] * len(network.layers)
        self._columns: list[LayerView] = []
        # Per column, each neuron's heatmap as colour levels (training mode only).
        self.maps: list[np.ndarray] | None = None
        translate_bindings(self)

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
        selection: Selection | None = None,
        maps: list[np.ndarray] | None = None,
    ) -> None:
        """Redraw every column from a recomputed state, all in the same frame.

        When the network's shape changed, the selection is made valid for it
        even if the caller gave none.
        """
        self.network = network
        self.result = result
        self.maps = maps
        self._sync_columns()
        if selection is None and self.selection.clamped(network) != self.selection:
            selection = self.selection
        if selection is not None:
            self.set_reactive(NetworkView.selection, selection.clamped(network))
            self._follow_selection()
            self.post_message(self.SelectionChanged(self.selection, self.step))
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

    def watch_selection(self, selection: Selection) -> None:
        self._follow_selection()
        self._draw()
        self.post_message(self.SelectionChanged(selection, self.step))

    def watch_step(self, step: float) -> None:
        self.post_message(self.SelectionChanged(self.selection, step))

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

    def action_move_column(self, delta: int) -> None:
        self.selection = self.selection.move_column(self.network, delta)

    def action_move_neuron(self, delta: int) -> None:
        self.selection = self.selection.move_neuron(self.network, delta)

    def action_cycle_param(self, delta: int) -> None:
        self.selection = self.selection.cycle_param(self.network, delta)

    @on(LayerView.NeuronClicked)
    def _neuron_clicked(self, message: LayerView.NeuronClicked) -> None:
        self.focus()
        if (message.column, message.neuron) != (self.selection.column, self.selection.neuron):
            self.selection = Selection(message.column, message.neuron, 0)

    @on(LayerView.WeightClicked)
    def _weight_clicked(self, message: LayerView.WeightClicked) -> None:
        self.focus()
        self.selection = Selection(message.column, message.neuron, message.source)

    # --- the step of + and - ---------------------------------------------------

    def action_change_step(self, direction: int) -> None:
        index = min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - self.step))
        self.step = STEPS[max(0, min(len(STEPS) - 1, index + direction))]
