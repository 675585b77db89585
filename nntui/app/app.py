"""The nntui playground: the network as columns, an inspector and the outputs.

The app owns the document (the network, its undo history and its file) and
is the only place that changes it.  At each key it reads the cursor from the
network view, applies the edit through the history, runs the forward pass
once through the core and sends the new state down to every widget, so all
numbers update together.  Shape editing, files and the training view are
mixins in ``shape_actions.py``, ``files.py`` and ``training_mode.py``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from nntui.app.commands import NetworkCommands
from nntui.app.files import DocumentFiles
from nntui.app.screens.help import HelpScreen
from nntui.app.screens.quit_prompt import QuitChoice, QuitPrompt
from nntui.app.screens.value_prompt import ValuePrompt
from nntui.app.selection import Selection
from nntui.app.shape_actions import ShapeActions
from nntui.app.training_mode import TRAINING_BINDINGS, TRAINING_ONLY, TrainingMode
from nntui.app.widgets.boundary_view import BoundaryView
from nntui.app.widgets.loss_chart import LossChart
from nntui.app.widgets.training_panel import TrainingPanel
from nntui.app.widgets.inspector import Inspector
from nntui.app.widgets.network_view import NetworkView
from nntui.app.widgets.outputs import OutputsPanel
from nntui.core.edits import Edit, History, SetActivation, SetValue
from nntui.core.network import Network
from nntui.core.activations import next_activation
from nntui.core.numbers import format_value, nudge
from nntui.recovery import RecoveryStore

MIN_WIDTH, MIN_HEIGHT = 60, 16

# Actions that change or replace the document: never while a dialog is open.
DOCUMENT_ACTIONS = frozenset({
    "nudge", "prompt_value", "cycle_activation", "undo", "redo", "save", "save_as", "open",
    "export", "add_neuron", "remove_neuron", "insert_layer", "remove_layer", "rename_neuron", "rename_layer", "randomize", "zero",
    "choose_activation", "open_preset", "toggle_training", *TRAINING_ONLY,
})


class NNTuiApp(DocumentFiles, ShapeActions, TrainingMode, App[int]):
    """A terminal playground for a small feed-forward network."""

    CSS_PATH = "app.tcss"
    TITLE = "nntui"

    BINDINGS = [
        Binding("plus,equals_sign", "nudge(1)", "Change", key_display="+/-",
                tooltip="add the step to the selected value"),
        Binding("minus", "nudge(-1)", "Minus step", key_display="-", show=False,
                tooltip="subtract the step from the selected value"),
        Binding("enter,e", "prompt_value", "Type", key_display="⏎",
                tooltip="type the exact selected value"),
        Binding("a", "cycle_activation", "f(z)",
                tooltip="next activation function for the selected neuron's layer"),
        Binding("question_mark,f1", "help", "Help", key_display="?", tooltip="this help"),
        Binding("u,ctrl+z", "undo", "Undo", key_display="u", tooltip="undo the last change"),
        Binding(
            "ctrl+r,ctrl+y", "redo", "Redo", key_display="^r", show=False,
            tooltip="redo what was undone",
        ),
        Binding(
            "ctrl+s", "save", "Save", key_display="^s",
            tooltip="save to the opened file (asks for a file name the first time)",
        ),
        Binding(
            "q,ctrl+q", "quit_app", "Quit", key_display="q",
            tooltip="quit (asks first when there are unsaved changes)",
        ),
        Binding("n", "add_neuron", "Add", show=False, tooltip="add a neuron (or an input) below the selected one"),
        Binding("d,delete", "remove_neuron", "Remove", key_display="d", show=False,
                tooltip="remove the selected neuron or input"),
        Binding("N", "insert_layer", "Add layer", show=False,
                tooltip="insert a hidden layer after the selected layer"),
        Binding("D", "remove_layer", "Remove layer", show=False,
                tooltip="remove the selected hidden layer"),
        Binding("c,f2", "rename_neuron", "Rename", show=False,
                tooltip="rename the selected neuron or input"),
        Binding("C", "rename_layer", "Rename layer", show=False,
                tooltip="rename the selected layer"),
        Binding("r", "randomize(False)", "Randomise neuron", show=False,
                tooltip="new small random weights into the selected neuron (bias 0)"),
        Binding("R", "randomize(True)", "Randomise layer", show=False,
                tooltip="new small random weights into the whole selected layer"),
        Binding("z", "zero(False)", "Zero neuron", show=False,
                tooltip="set the selected neuron's weights and bias to 0"),
        Binding("Z", "zero(True)", "Zero layer", show=False,
                tooltip="set the whole selected layer's weights and biases to 0"),
        Binding("f", "choose_activation", "Choose f(z)", show=False,
                tooltip="choose the layer's activation from a list, with plots"),
        Binding("ctrl+o", "open", "Open", show=False, tooltip="open a network file"),
        Binding("f12,ctrl+shift+s", "save_as", "Save as", key_display="F12", show=False,
                tooltip="save to a new file"),
        Binding("ctrl+e", "export", "Export", show=False,
                tooltip="export as NumPy .npz or as a PyTorch script (.py)"),
    ]

    BINDINGS += TRAINING_BINDINGS

    COMMANDS = App.COMMANDS | {NetworkCommands}

    def __init__(
        self,
        network: Network,
        path: Path | None = None,
        preset: str | None = None,
        *,
        seed: int = 0,
        recovery: RecoveryStore | None = None,
        data: Path | None = None,
    ) -> None:
        super().__init__()
        self.network = network
        self.path = path
        self.preset = preset
        self.history = History(network)
        self.result = network.forward()
        self.rng = np.random.default_rng(seed)  # new weights: reproducible per session
        self.recovery = recovery or RecoveryStore()
        self.clean_exit = False
        self._recovery_timer = None
        self._init_training(data)

    # --- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="◉")
        with Vertical(id="main"):
            yield NetworkView(self.network, self.result, id="network")
            with Horizontal(id="panels"):
                yield OutputsPanel(id="outputs")
                yield Inspector(id="inspector")
            with Horizontal(id="training"):
                yield TrainingPanel(self.training_settings, id="training-panel")
                yield BoundaryView(id="boundary")
                yield LossChart(id="loss")
            yield Static(id="status")
        yield Static(id="too-small")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.main_screen.query_one(NetworkView).focus()
        self._refresh_everything()
        self._catch_termination()
        self._offer_recovery(self.recovery.pending())

    def on_resize(self, event: Resize) -> None:
        too_small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        self.main_screen.set_class(too_small, "-too-small")
        if too_small:
            self.main_screen.query_one("#too-small", Static).update(
                f"The window is too small ({event.size.width}×{event.size.height}).\n"
                f"nntui needs at least {MIN_WIDTH}×{MIN_HEIGHT}: make the window larger.\n\n"
                "Your work is safe. q quits, ? shows the help."
            )

    # --- the document ------------------------------------------------------

    @property
    def document_label(self) -> str:
        if self.path is not None:
            return self.path.name
        if self.preset is not None:
            return f"preset {self.preset}"
        return "not saved yet"

    def _refresh_everything(self, selection: Selection | None = None) -> None:
        """Run the forward pass once and update every view in the same frame."""
        self.result = self.network.forward()
        self.main_screen.query_one(NetworkView).show(
            self.network, self.result, selection, self.training_maps()
        )
        self.main_screen.query_one(OutputsPanel).show(self.network, self.result)
        self._refresh_details()
        self.refresh_training_views()

    def _refresh_details(self) -> None:
        self.main_screen.query_one(Inspector).show(self.network, self.result, self.selection)
        modified = " ● modified" if self.document_modified else ""
        self.sub_title = f"{self.network.name} — {self.document_label}{modified}"
        ref = self.selection.ref(self.network)
        status = f"{ref.describe(self.network)} = {format_value(ref.get(self.network)).strip()}"
        status += f"   step {self.main_screen.query_one(NetworkView).step:g} (* / to change)"
        if not self.result.is_finite():
            status += "   ⚠ overflow: some values are not finite; use smaller weights"
        self.main_screen.query_one("#status", Static).update(status)

    @property
    def document_modified(self) -> bool:
        """Unsaved changes, a stretch of training not yet recorded included."""
        return self.history.modified or self._training_start is not None

    @property
    def main_screen(self) -> Screen:
        """The playground itself, under any dialog that may be open."""
        return self.screen_stack[0]

    @property
    def selection(self) -> Selection:
        """The learner's cursor, read from the view when a key needs it.

        Read at the moment of each key, never cached from a message, so keys
        pressed in a quick burst (a held +) each see the previous one's effect.
        """
        return self.main_screen.query_one(NetworkView).selection

    @on(NetworkView.SelectionChanged)
    def _selection_changed(self) -> None:
        if self.screen_stack:  # not while shutting down
            self._refresh_details()

    # --- value edits -----------------------------------------------------------

    def action_nudge(self, direction: int) -> None:
        ref = self.selection.ref(self.network)
        old = ref.get(self.network)
        new = nudge(old, direction * self.main_screen.query_one(NetworkView).step)
        if not math.isfinite(new):
            self.notify("That value would overflow; it was not changed.", severity="warning")
            return
        self.apply_edit(SetValue(ref, old, new))

    def action_prompt_value(self) -> None:
        ref = self.selection.ref(self.network)
        old = ref.get(self.network)

        def typed(value: float | None) -> None:
            # ``ref`` is still valid: edits are blocked while the prompt is open.
            if value is not None and value != old:
                self.apply_edit(SetValue(ref, old, value))

        self.push_screen(ValuePrompt(ref.describe(self.network), old), typed)

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
        self.apply_edit(SetActivation(column - 1, old, next_activation(old)))

    def apply_edit(self, edit: Edit, selection: Selection | None = None) -> None:
        self.flush_training()  # a change by hand ends a stretch of training
        self.history.apply(edit)
        self._changed_by_hand(selection)

    def _changed_by_hand(self, selection: Selection | None = None) -> None:
        if self.training is not None:
            self.training.network_edited(self.network)  # the optimiser starts over
        self._refresh_everything(selection)
        self._document_changed()

    def _selection_for(self, edit: Edit) -> Selection | None:
        if isinstance(edit, SetValue):
            return self.selection.select_ref(self.network, edit.ref)
        return None

    def action_undo(self) -> None:
        self.flush_training()
        edit = self.history.undo()
        if edit is None:
            self.notify("Nothing to undo.")
            return
        self._changed_by_hand(self._selection_for(edit))
        self.notify(f"Undid: {edit.describe(self.network)}", timeout=2)

    def action_redo(self) -> None:
        self.flush_training()
        edit = self.history.redo()
        if edit is None:
            self.notify("Nothing to redo.")
            return
        self._changed_by_hand(self._selection_for(edit))
        self.notify(f"Redid: {edit.describe(self.network)}", timeout=2)

    # --- help and quitting ---------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.key_help()))

    def key_help(self) -> list[tuple[str, str]]:
        """Every key of the playground, from the bindings themselves."""
        rows = []
        for binding in [*NetworkView.BINDINGS, *self.BINDINGS]:
            assert isinstance(binding, Binding)
            keys = [key.strip() for key in binding.key.split(",")]
            shown = " ".join(self.get_key_display(Binding(key, binding.action)) for key in keys)
            rows.append((shown, binding.tooltip or binding.description))
        rows.append(("ctrl+p", "command palette"))
        rows.append(("mouse", "click a neuron or a weight to select it"))
        return rows

    def action_quit_app(self) -> None:
        self.flush_training()
        self.unless_unsaved("quitting", self.quit_cleanly)

    async def action_quit(self) -> None:
        # Textual's own quit (the palette's "Quit") must ask about unsaved work too.
        self.action_quit_app()

    def quit_cleanly(self) -> None:
        """Leave on the learner's request: no recovery copy is kept."""
        self.clean_exit = True
        self.recovery.clear()
        self.exit(0)

    def unless_unsaved(self, before: str, then: Callable[[], None]) -> None:
        """Run ``then`` now, or after asking to save or discard unsaved changes."""
        if not self.history.modified:
            then()
            return

        def decided(choice: QuitChoice | None) -> None:
            if choice == "discard":
                then()
            elif choice == "save":
                self.save_then(then)

        self.push_screen(QuitPrompt(self.document_label, before), decided)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The document stays still while a dialog (help, a prompt, the palette)
        # is open, so a letter pressed there never edits the network behind it.
        if action in DOCUMENT_ACTIONS and len(self.screen_stack) > 1:
            return False
        if action in TRAINING_ONLY and not self.training_mode:
            return False
        return True
