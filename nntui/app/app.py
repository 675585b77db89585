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
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets import Footer, Header, Static

from nntui.app.bindings import translate_bindings, translated_list
from nntui.app.commands import NetworkCommands
from nntui.app.files import DocumentFiles
from nntui.app.screens.help import HelpScreen
from nntui.app.screens.quit_prompt import QuitChoice, QuitPrompt
from nntui.app.screens.value_prompt import ValuePrompt
from nntui.document.selection import Selection
from nntui.app.shape_actions import ShapeActions
from nntui.app.tour import GuidedTour, TourPanel
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
from nntui.i18n import language, t
from nntui.document.recovery import RecoveryStore

MIN_WIDTH, MIN_HEIGHT = 60, 16

# Textual's own palette commands (theme, quit, keys…): their words → message keys.
SYSTEM_COMMAND_WORDS = {
    "Theme": "app.system.theme",
    "Change the current theme": "app.system.theme.help",
    "Quit": "app.system.quit",
    "Quit the application as soon as possible": "app.system.quit.help",
    "Keys": "app.system.keys",
    "Show help for the focused widget and a summary of available keys": "app.system.keys.show",
    "Hide the keys and widget help panel": "app.system.keys.hide",
    "Minimize": "app.system.minimize",
    "Minimize the widget and restore to normal size": "app.system.minimize.help",
    "Maximize": "app.system.maximize",
    "Maximize the focused widget": "app.system.maximize.help",
    "Screenshot": "app.system.screenshot",
    "Save an SVG 'screenshot' of the current screen": "app.system.screenshot.help",
}


def _system_words(text: str) -> str:
    return t(SYSTEM_COMMAND_WORDS[text]) if text in SYSTEM_COMMAND_WORDS else text


# Actions that change or replace the document: never while a dialog is open.
DOCUMENT_ACTIONS = frozenset({
    "nudge", "prompt_value", "cycle_activation", "undo", "redo", "save", "save_as", "open",
    "export", "add_neuron", "remove_neuron", "insert_layer", "remove_layer", "rename_neuron", "rename_layer", "randomize", "zero",
    "choose_activation", "open_preset", "toggle_training", "tour", *TRAINING_ONLY,
})


class NNTuiApp(DocumentFiles, ShapeActions, TrainingMode, GuidedTour, App[int]):
    """A terminal playground for a small feed-forward network."""

    CSS_PATH = "app.tcss"
    TITLE = "nntui"

    # Descriptions and tooltips are message keys, translated per instance
    # (nntui.app.bindings); the footer shows the descriptions, help the tooltips.
    BINDINGS = [
        Binding("plus,equals_sign", "nudge(1)", "app.key.change", key_display="+/-",
                tooltip="app.key.change.help"),
        Binding("minus", "nudge(-1)", "app.key.minus", key_display="-", show=False,
                tooltip="app.key.minus.help"),
        Binding("enter,e", "prompt_value", "app.key.type", key_display="⏎",
                tooltip="app.key.type.help"),
        Binding("a", "cycle_activation", "app.key.activation",
                tooltip="app.key.activation.help"),
        Binding("question_mark,f1", "help", "app.key.help", key_display="?", tooltip="app.key.help.help"),
        Binding("u,ctrl+z", "undo", "app.key.undo", key_display="u", tooltip="app.key.undo.help"),
        Binding(
            "ctrl+r,ctrl+y", "redo", "app.key.redo", key_display="^r", show=False,
            tooltip="app.key.redo.help",
        ),
        Binding(
            "ctrl+s", "save", "app.key.save", key_display="^s",
            tooltip="app.key.save.help",
        ),
        Binding(
            "q,ctrl+q", "quit_app", "app.key.quit", key_display="q",
            tooltip="app.key.quit.help",
        ),
        Binding("n", "add_neuron", "app.key.add", show=False, tooltip="app.key.add.help"),
        Binding("d,delete", "remove_neuron", "app.key.remove", key_display="d", show=False,
                tooltip="app.key.remove.help"),
        Binding("N", "insert_layer", "app.key.add_layer", show=False,
                tooltip="app.key.add_layer.help"),
        Binding("D", "remove_layer", "app.key.remove_layer", show=False,
                tooltip="app.key.remove_layer.help"),
        Binding("c,f2", "rename_neuron", "app.key.rename", show=False,
                tooltip="app.key.rename.help"),
        Binding("C", "rename_layer", "app.key.rename_layer", show=False,
                tooltip="app.key.rename_layer.help"),
        Binding("r", "randomize(False)", "app.key.randomize_neuron", show=False,
                tooltip="app.key.randomize_neuron.help"),
        Binding("R", "randomize(True)", "app.key.randomize_layer", show=False,
                tooltip="app.key.randomize_layer.help"),
        Binding("z", "zero(False)", "app.key.zero_neuron", show=False,
                tooltip="app.key.zero_neuron.help"),
        Binding("Z", "zero(True)", "app.key.zero_layer", show=False,
                tooltip="app.key.zero_layer.help"),
        Binding("f", "choose_activation", "app.key.choose_activation", show=False,
                tooltip="app.key.choose_activation.help"),
        Binding("ctrl+o", "open", "app.key.open", show=False, tooltip="app.key.open.help"),
        Binding("f12,ctrl+shift+s", "save_as", "app.key.save_as", key_display="F12", show=False,
                tooltip="app.key.save_as.help"),
        Binding("ctrl+e", "export", "app.key.export", show=False,
                tooltip="app.key.export.help"),
    ]

    BINDINGS += TRAINING_BINDINGS
    BINDINGS += [Binding("t", "tour", "app.key.tour", show=False, tooltip="app.key.tour.help")]

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
        translate_bindings(self)
        self.add_class(f"-lang-{language()}")  # app.tcss makes room for longer words

    # --- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="◉")
        with Vertical(id="main"):
            yield TourPanel(id="tour")
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
                t("app.too_small", width=event.size.width, height=event.size.height,
                  min_width=MIN_WIDTH, min_height=MIN_HEIGHT)
            )

    # --- the document ------------------------------------------------------

    @property
    def document_label(self) -> str:
        if self.path is not None:
            return self.path.name
        if self.preset is not None:
            return t("app.document.preset", name=self.preset)
        return t("app.document.unsaved")

    def _refresh_everything(self, selection: Selection | None = None) -> None:
        """Run the forward pass once and update every view in the same frame."""
        self.result = self.network.forward()
        self.main_screen.query_one(NetworkView).show(
            self.network, self.result, selection, self.training_maps()
        )
        if not self.training_mode:  # hidden behind the training panel otherwise
            self.main_screen.query_one(OutputsPanel).show(self.network, self.result)
        self._refresh_details()
        self.refresh_training_views()

    def _refresh_details(self) -> None:
        if not self.training_mode:  # hidden behind the training panel otherwise
            self.main_screen.query_one(Inspector).show(self.network, self.result, self.selection)
        modified = " " + t("app.document.modified") if self.document_modified else ""
        self.sub_title = f"{self.network.name} — {self.document_label}{modified}"
        ref = self.selection.ref(self.network)
        status = f"{ref.describe(self.network)} = {format_value(ref.get(self.network)).strip()}"
        status += "   " + t("app.status.step", step=f"{self.main_screen.query_one(NetworkView).step:g}")
        if not self.result.is_finite():
            status += "   " + t("app.status.overflow")
        self.main_screen.query_one("#status", Static).update(status, layout=False)  # one line, always
        self.check_tour()

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
            self.notify(t("app.edit.would_overflow"), severity="warning")
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
            self.notify(t("app.edit.input_has_no_activation"), title=t("app.edit.no_activation_title"))
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
            self.notify(t("app.edit.nothing_to_undo"))
            return
        self._changed_by_hand(self._selection_for(edit))
        self.notify(t("app.edit.undid", what=edit.describe(self.network)), timeout=2)

    def action_redo(self) -> None:
        self.flush_training()
        edit = self.history.redo()
        if edit is None:
            self.notify(t("app.edit.nothing_to_redo"))
            return
        self._changed_by_hand(self._selection_for(edit))
        self.notify(t("app.edit.redid", what=edit.describe(self.network)), timeout=2)

    # --- help and quitting ---------------------------------------------------

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.key_help()))

    def key_help(self) -> list[tuple[str, str]]:
        """Every key of the playground, from the bindings themselves."""
        rows = []
        for binding in translated_list([*NetworkView.BINDINGS, *self.BINDINGS]):
            keys = [key.strip() for key in binding.key.split(",")]
            shown = " ".join(self.get_key_display(Binding(key, binding.action)) for key in keys)
            rows.append((shown, binding.tooltip or binding.description))
        rows.append(("ctrl+p", t("app.help.palette")))
        rows.append((t("app.help.mouse_key"), t("app.help.mouse")))
        return rows

    def action_quit_app(self) -> None:
        self.flush_training()
        self.unless_unsaved(t("app.quit.before_quitting"), self.quit_cleanly)

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

    # --- the command palette, in the current language ---------------------------

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(id="--command-palette", placeholder=t("app.palette.placeholder"))
            )

    def search_themes(self) -> None:
        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=t("app.palette.themes")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            yield command._replace(title=_system_words(command.title), help=_system_words(command.help))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The document stays still while a dialog (help, a prompt, the palette)
        # is open, so a letter pressed there never edits the network behind it.
        if action in DOCUMENT_ACTIONS and len(self.screen_stack) > 1:
            return False
        if action in TRAINING_ONLY and not self.training_mode:
            return False
        return True
