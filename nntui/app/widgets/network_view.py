"""The network as columns, left to right, with the keyboard cursor.

``NetworkView`` owns the selection and turns keys into requests; it never
changes the network itself.  Edits go up as :class:`NetworkView.EditRequested`
messages, and the app sends the recomputed state back down with :meth:`show`.
"""

from __future__ import annotations

import math

from textual import on
from textual.binding import Binding
from textual.containers import HorizontalScroll
from textual.message import Message
from textual.reactive import reactive

from nntui.app.screens.value_prompt import ValuePrompt
from nntui.app.selection import Selection
from nntui.app.widgets.layer_view import LayerView
from nntui.core.activations import next_activation
from nntui.core.edits import Edit, SetActivation, SetValue
from nntui.core.network import ForwardResult, Network

STEPS = (0.001, 0.01, 0.1, 1.0, 10.0, 100.0)
DEFAULT_STEP = 0.1
PAGE = 10


def nudge(value: float, delta: float) -> float:
    """``value + delta`` without float noise such as 0.30000000000000004."""
    return float(f"{value + delta:.12g}")


class NetworkView(HorizontalScroll, can_focus=True):
    """All the layers of the network; the focused widget of the playground."""

    BINDINGS = [
        Binding("left,h", "move_column(-1)", "Prev layer", show=False,
                tooltip="previous layer (keeps the row when it can)"),
        Binding("right,l", "move_column(1)", "Next layer", show=False,
                tooltip="next layer (keeps the row when it can)"),
        Binding("up,k", "move_neuron(-1)", "Prev neuron", show=False,
                tooltip="previous neuron in the layer"),
        Binding("down,j", "move_neuron(1)", "Next neuron", show=False,
                tooltip="next neuron in the layer"),
        Binding("pageup", "move_neuron(-10)", "Up 10", show=False, tooltip="ten neurons up"),
        Binding("pagedown", "move_neuron(10)", "Down 10", show=False, tooltip="ten neurons down"),
        Binding("right_square_bracket", "cycle_param(1)", "Weight", key_display="]",
                tooltip="next incoming weight of the neuron, then its bias (wraps)"),
        Binding("left_square_bracket", "cycle_param(-1)", "Prev weight", key_display="[",
                show=False, tooltip="previous incoming weight, or the bias (wraps)"),
        Binding("plus,equals_sign", "nudge(1)", "Change", key_display="+/-",
                tooltip="add the step to the selected value"),
        Binding("minus", "nudge(-1)", "Minus step", key_display="-", show=False,
                tooltip="subtract the step from the selected value"),
        Binding("enter,e", "prompt_value", "Type", key_display="⏎",
                tooltip="type the exact selected value"),
        Binding("asterisk", "change_step(1)", "Step ×10", key_display="*", show=False,
                tooltip="make the step 10 times larger (up to 100)"),
        Binding("slash", "change_step(-1)", "Step ÷10", key_display="/", show=False,
                tooltip="make the step 10 times smaller (down to 0.001)"),
        Binding("a", "cycle_activation", "f(z)",
                tooltip="next activation function for the selected neuron's layer"),
    ]

    selection: reactive[Selection] = reactive(Selection, always_update=True)
    step: reactive[float] = reactive(DEFAULT_STEP)

    class EditRequested(Message):
        """The learner asked for a change; the app applies it through the history."""

        def __init__(self, edit: Edit) -> None:
            super().__init__()
            self.edit = edit

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

    def compose(self):  # -> ComposeResult
        for k in range(len(self.network.layers) + 1):
            yield LayerView(k, id=f"layer-{k}")

    def on_mount(self) -> None:
        self._draw()

    # --- data in -------------------------------------------------------------

    def show(self, network: Network, result: ForwardResult, selection: Selection | None = None) -> None:
        """Redraw every column from a recomputed state, all in the same frame."""
        self.network = network
        self.result = result
        if selection is not None:
            self.set_reactive(NetworkView.selection, selection.clamped(network))
            self._follow_selection()
            self.post_message(self.SelectionChanged(self.selection, self.step))
        self._draw()

    def _draw(self) -> None:
        for view in self.query(LayerView):
            k = view.column
            target = self._strip_targets[k] if k < len(self._strip_targets) else 0
            view.show(self.network, self.result, self.selection, target)

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
        views = list(self.query(LayerView))
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

    # --- editing -------------------------------------------------------------

    def action_nudge(self, direction: int) -> None:
        ref = self.selection.ref(self.network)
        old = ref.get(self.network)
        new = nudge(old, direction * self.step)
        if not math.isfinite(new):
            self.notify("That value would overflow; it was not changed.", severity="warning")
            return
        self.post_message(self.EditRequested(SetValue(ref, old, new)))

    def action_prompt_value(self) -> None:
        ref = self.selection.ref(self.network)
        old = ref.get(self.network)

        def apply(value: float | None) -> None:
            if value is not None and value != old:
                self.post_message(self.EditRequested(SetValue(ref, old, value)))

        self.app.push_screen(ValuePrompt(ref.describe(self.network), old), apply)

    def action_change_step(self, direction: int) -> None:
        index = min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - self.step))
        self.step = STEPS[max(0, min(len(STEPS) - 1, index + direction))]

    def action_cycle_activation(self) -> None:
        column = self.selection.column
        if column == 0:
            self.notify(
                "Input neurons have no activation: they pass on the value you set. "
                "Select a hidden or output neuron.",
                title="No activation here",
            )
            return
        old = self.network.layers[column - 1].activation
        self.post_message(self.EditRequested(SetActivation(column - 1, old, next_activation(old))))
