"""The nntui playground: the network as columns, an inspector and the outputs.

The app owns the document (the network, its undo history and its file) and
is the only place that changes it.  Widgets ask for changes with messages;
after each change the app runs the forward pass once through the core and
sends the new state down to every widget, so all numbers update together.
"""

from __future__ import annotations

import asyncio
import math
import signal
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
from nntui.app.screens.activation_chooser import ActivationChooser
from nntui.app.screens.help import HelpScreen
from nntui.app.screens.name_prompt import NamePrompt
from nntui.app.screens.path_prompt import OpenPathPrompt, SavePathPrompt
from nntui.app.screens.quit_prompt import QuitChoice, QuitPrompt
from nntui.app.screens.recovery_offer import RecoveryChoice, RecoveryOffer
from nntui.app.screens.value_prompt import ValuePrompt
from nntui.app.selection import Selection
from nntui.app.training_mode import TRAINING_BINDINGS, TRAINING_ONLY, TrainingMode
from nntui.app.widgets.boundary_view import BoundaryView
from nntui.app.widgets.loss_chart import LossChart
from nntui.app.widgets.training_panel import TrainingPanel
from nntui.app.widgets.inspector import Inspector
from nntui.app.widgets.network_view import NetworkView
from nntui.app.widgets.outputs import OutputsPanel
from nntui.core import shape
from nntui.core.edits import Edit, History, Reshape, SetActivation, SetValue
from nntui.core.export import export_npz, export_torch
from nntui.core.fileformat import save_network
from nntui.core.network import Network
from nntui.core.activations import next_activation
from nntui.core.numbers import format_value, nudge
from nntui.core.presets import load_preset
from nntui.recovery import Recovery, RecoveryStore

MIN_WIDTH, MIN_HEIGHT = 60, 16
RECOVERY_DELAY = 1.0  # seconds of quiet before the recovery copy is refreshed

# Actions that change or replace the document: never while a dialog is open.
DOCUMENT_ACTIONS = frozenset({
    "nudge", "prompt_value", "cycle_activation", "undo", "redo", "save", "save_as", "open",
    "export", "add_neuron", "remove_neuron", "insert_layer", "remove_layer", "rename_neuron", "rename_layer", "randomize", "zero",
    "choose_activation", "open_preset", "toggle_training", *TRAINING_ONLY,
})


class NNTuiApp(TrainingMode, App[int]):
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
        self._init_training()

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

    # --- files ---------------------------------------------------------------

    def action_save(self) -> None:
        self.save_then()

    def save_then(self, after=None) -> None:  # after: Callable[[], None] | None
        """Save to the opened file, or ask for a path; then run ``after`` on success."""
        self.flush_training()
        if self.path is not None:
            if self._write(self.path) and after is not None:
                after()
            return

        def chosen(path: Path | None) -> None:
            if path is not None and self._write(path) and after is not None:
                after()

        suggestion = f"{self.preset or 'network'}.json"
        self.push_screen(SavePathPrompt(suggestion), chosen)

    def _write(self, path: Path) -> bool:
        try:
            save_network(self.network, path)
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            self.notify(
                f"Could not save to {path}: {reason}. Your changes are still here.",
                title="Not saved",
                severity="error",
                timeout=8,
            )
            return False
        self.path = path
        self.preset = None
        self.history.mark_saved()
        self._document_changed()
        self._refresh_details()
        self.notify(f"Saved to {path}", timeout=3)
        return True

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

    # --- shape ---------------------------------------------------------------

    def reshape(
        self,
        change: Callable[[Network], Network],
        description: str,
        selection: Selection | None = None,
    ) -> bool:
        """Apply a shape change from ``nntui.core.shape``; say why when it is refused."""
        try:
            after = change(self.network)
        except shape.ShapeError as refusal:
            self.notify(f"{str(refusal)[:1].upper()}{str(refusal)[1:]}.", title="Not possible",
                        severity="warning")
            return False
        self.apply_edit(Reshape.of(self.network, after, description), selection)
        return True

    def action_add_neuron(self) -> None:
        sel = self.selection
        at = sel.neuron + 1
        what = "input" if sel.is_input else f"neuron in {self.network.layer_title(sel.column)}"
        self.reshape(
            lambda net: shape.add_neuron(net, sel.column, at, self.rng),
            f"add an {what}" if sel.is_input else f"add a {what}",
            Selection(sel.column, at, 0),
        )

    def action_remove_neuron(self) -> None:
        sel = self.selection
        name = self.network.neuron_name(sel.column, sel.neuron)
        self.reshape(
            lambda net: shape.remove_neuron(net, sel.column, sel.neuron),
            f"remove {name}",
            Selection(sel.column, max(0, sel.neuron - 1) if sel.neuron else 0, 0),
        )

    def action_insert_layer(self) -> None:
        selected = self.selection.column
        column = min(selected, len(self.network.layers) - 1)
        if self.reshape(
            lambda net: shape.insert_layer(net, column, self.rng),
            f"insert a hidden layer after {self.network.layer_title(column)}",
            Selection(column + 1, 0, 0),
        ) and selected > column:
            self.notify("The output layer stays last: the new layer went just before it.")

    def action_remove_layer(self) -> None:
        column = self.selection.column
        title = self.network.layer_title(column)
        keeps = 0 < column < len(self.network.layers) and shape.remove_layer_keeps_weights(
            self.network, column
        )
        if self.reshape(
            lambda net: shape.remove_layer(net, column, self.rng),
            f"remove the layer {title}",
            Selection(column, 0, 0),
        ) and not keeps:
            self.notify(
                "The next layer now has different inputs: its weights were drawn afresh "
                "(u brings everything back).",
                title="Layer removed",
            )

    def action_rename_neuron(self) -> None:
        sel = self.selection
        current = self.network.neuron_name(sel.column, sel.neuron)
        kind = "input" if sel.is_input else "neuron"

        def rename(name: str) -> Network:
            return shape.rename_neuron(self.network, sel.column, sel.neuron, name)

        def renamed(network: Network | None) -> None:
            if network is not None:
                self.apply_edit(Reshape.of(self.network, network, f"rename {current}"))

        self.push_screen(NamePrompt(f"Rename the {kind} {current}", current, rename), renamed)

    def action_rename_layer(self) -> None:
        column = self.selection.column
        if column == 0:
            self.notify("The input layer is always called input; press c to rename an input.",
                        title="Not possible", severity="warning")
            return
        current = self.network.layer_title(column)

        def renamed(network: Network | None) -> None:
            if network is not None:
                self.apply_edit(Reshape.of(self.network, network, f"rename {current}"))

        rename = lambda name: shape.rename_layer(self.network, column, name)  # noqa: E731
        self.push_screen(NamePrompt(f"Rename the layer {current}", current, rename), renamed)

    def action_randomize(self, whole_layer: bool) -> None:
        sel = self.selection
        neuron = None if whole_layer else sel.neuron
        self.reshape(
            lambda net: shape.randomize(net, sel.column, self.rng, neuron),
            f"new random weights for {self._target_words(whole_layer)}",
        )

    def action_zero(self, whole_layer: bool) -> None:
        sel = self.selection
        neuron = None if whole_layer else sel.neuron
        self.reshape(
            lambda net: shape.zero(net, sel.column, neuron),
            f"zero the weights of {self._target_words(whole_layer)}",
        )

    def _target_words(self, whole_layer: bool) -> str:
        sel = self.selection
        if whole_layer:
            return self.network.layer_title(sel.column)
        return self.network.neuron_name(sel.column, sel.neuron)

    def action_choose_activation(self) -> None:
        column = self.selection.column
        if column == 0:
            self.notify("Input neurons have no activation: select a hidden or output neuron.",
                        title="No activation here")
            return
        old = self.network.layers[column - 1].activation

        def chosen(name: str | None) -> None:
            if name is not None and name != old:
                self.apply_edit(SetActivation(column - 1, old, name))

        self.push_screen(ActivationChooser(self.network.layer_title(column), old), chosen)

    # --- opening, saving as, exporting ----------------------------------------

    def action_open(self) -> None:
        def chosen(opened: tuple[Path, Network] | None) -> None:
            if opened is not None:
                self.open_document(opened[1], path=opened[0])

        self.unless_unsaved(
            "opening another network", lambda: self.push_screen(OpenPathPrompt(), chosen)
        )

    def action_open_preset(self, name: str) -> None:
        self.unless_unsaved(
            "opening another network",
            lambda: self.open_document(load_preset(name), preset=name),
        )

    def open_document(
        self, network: Network, *, path: Path | None = None, preset: str | None = None,
        modified: bool = False,
    ) -> None:
        """Replace the whole document; the previous one was saved or let go."""
        self.flush_training()
        self.network = network
        self.path = path
        self.preset = preset
        self.history = History(network)
        if modified:
            self.history.mark_unsaved()
        if self.training is not None:
            self.training.network_edited(network)
            self.training.reset()
        self._refresh_everything(Selection())
        self._document_changed()
        self.notify(f"Opened {self.document_label}", timeout=3)

    def action_save_as(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self._write(path)

        suggestion = self.path.name if self.path else f"{self.preset or 'network'}.json"
        self.push_screen(SavePathPrompt(suggestion), chosen)

    def action_export(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is None:
                return
            try:
                (export_torch if path.suffix == ".py" else export_npz)(self.network, path)
            except (OSError, ValueError) as error:
                reason = getattr(error, "strerror", None) or str(error)
                self.notify(f"Could not export to {path}: {reason}", title="Not exported",
                            severity="error", timeout=8)
                return
            self.notify(f"Exported to {path}", timeout=3)

        stem = self.path.stem if self.path else self.preset or "network"
        self.push_screen(
            SavePathPrompt(f"{stem}.npz", title="Export as NumPy .npz, or PyTorch script .py",
                           suffix=".npz"),
            chosen,
        )

    # --- recovery of unsaved work ------------------------------------------------

    def _document_changed(self) -> None:
        """Keep the recovery copy in step with unsaved work, a moment after edits settle."""
        if self._recovery_timer is not None:
            self._recovery_timer.stop()
        self._recovery_timer = self.set_timer(RECOVERY_DELAY, self.write_recovery)

    def write_recovery(self) -> None:
        """Write (or remove) the recovery copy now; never lets an error through."""
        try:
            if self.history.modified:
                self.recovery.write(self.network, self.path, self.preset)
            else:
                self.recovery.clear()
        except OSError as error:
            self.log.warning(f"recovery copy not written: {error}")

    def _catch_termination(self) -> None:
        # SIGTERM or a closed terminal: keep the unsaved work, then leave tidily.
        def terminate() -> None:
            self.write_recovery()
            self.exit(143)

        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, terminate)
        except (NotImplementedError, RuntimeError, AttributeError, ValueError):
            pass  # not in the main thread (tests) or not supported here

    def _offer_recovery(self, found: list[Recovery]) -> None:
        if not found:
            return
        recovery, rest = found[0], found[1:]

        def decided(choice: RecoveryChoice | None) -> None:
            if choice == "restore":
                self.open_document(recovery.network, path=recovery.source_path,
                                   preset=recovery.preset, modified=True)
                self.recovery.discard(recovery)
            elif choice == "discard":
                self.recovery.discard(recovery)
            if choice != "later":
                self._offer_recovery(rest)

        self.push_screen(RecoveryOffer(recovery, len(rest)), decided)
