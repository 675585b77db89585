"""The nntui playground: the network as columns, an inspector and the outputs.

The app owns the document (the network, its undo history and its file) and
is the only place that changes it.  Widgets ask for changes with messages;
after each change the app runs the forward pass once through the core and
sends the new state down to every widget, so all numbers update together.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Footer, Header, Static

from nntui.app.screens.help import HelpScreen
from nntui.app.screens.path_prompt import SavePathPrompt
from nntui.app.screens.quit_prompt import QuitChoice, QuitPrompt
from nntui.app.selection import Selection
from nntui.app.widgets.inspector import Inspector
from nntui.app.widgets.network_view import NetworkView
from nntui.app.widgets.outputs import OutputsPanel
from nntui.core.edits import Edit, History, SetValue
from nntui.core.fileformat import save_network
from nntui.core.network import Network
from nntui.core.numbers import format_value

MIN_WIDTH, MIN_HEIGHT = 60, 16


class NNTuiApp(App[int]):
    """A terminal playground for a small feed-forward network."""

    CSS_PATH = "app.tcss"
    TITLE = "nntui"

    BINDINGS = [
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
    ]

    def __init__(self, network: Network, path: Path | None = None, preset: str | None = None) -> None:
        super().__init__()
        self.network = network
        self.path = path
        self.preset = preset
        self.history = History(network)
        self.result = network.forward()
        self._selection = Selection()
        self._step = 0.1

    # --- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="◉")
        with Vertical(id="main"):
            yield NetworkView(self.network, self.result, id="network")
            with Horizontal(id="panels"):
                yield OutputsPanel(id="outputs")
                yield Inspector(id="inspector")
            yield Static(id="status")
        yield Static(id="too-small")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(NetworkView).focus()
        self._refresh_everything()

    def on_resize(self, event: Resize) -> None:
        too_small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        self.screen.set_class(too_small, "-too-small")
        if too_small:
            self.query_one("#too-small", Static).update(
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
        self.query_one(NetworkView).show(self.network, self.result, selection)
        self.query_one(OutputsPanel).show(self.network, self.result)
        self._refresh_details()

    def _refresh_details(self) -> None:
        self.query_one(Inspector).show(self.network, self.result, self._selection)
        modified = " ● modified" if self.history.modified else ""
        self.sub_title = f"{self.network.name} — {self.document_label}{modified}"
        ref = self._selection.ref(self.network)
        status = f"{ref.describe(self.network)} = {format_value(ref.get(self.network)).strip()}"
        status += f"   step {self._step:g} (* / to change)"
        if not self.result.is_finite():
            status += "   ⚠ overflow: some values are not finite; use smaller weights"
        self.query_one("#status", Static).update(status)

    @on(NetworkView.SelectionChanged)
    def _selection_changed(self, message: NetworkView.SelectionChanged) -> None:
        self._selection = message.selection
        self._step = message.step
        self._refresh_details()

    @on(NetworkView.EditRequested)
    def _edit_requested(self, message: NetworkView.EditRequested) -> None:
        self.apply_edit(message.edit)

    def apply_edit(self, edit: Edit) -> None:
        self.history.apply(edit)
        self._refresh_everything()

    def _selection_for(self, edit: Edit) -> Selection | None:
        if isinstance(edit, SetValue):
            return self._selection.select_ref(self.network, edit.ref)
        return None

    def action_undo(self) -> None:
        edit = self.history.undo()
        if edit is None:
            self.notify("Nothing to undo.")
            return
        self._refresh_everything(self._selection_for(edit))
        self.notify(f"Undid: {edit.describe(self.network)}", timeout=2)

    def action_redo(self) -> None:
        edit = self.history.redo()
        if edit is None:
            self.notify("Nothing to redo.")
            return
        self._refresh_everything(self._selection_for(edit))
        self.notify(f"Redid: {edit.describe(self.network)}", timeout=2)

    # --- files ---------------------------------------------------------------

    def action_save(self) -> None:
        self.save_then()

    def save_then(self, after=None) -> None:  # after: Callable[[], None] | None
        """Save to the opened file, or ask for a path; then run ``after`` on success."""
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
        self.history.mark_saved()
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
        if not self.history.modified:
            self.exit(0)
            return

        def decided(choice: QuitChoice | None) -> None:
            if choice == "discard":
                self.exit(0)
            elif choice == "save":
                self.save_then(lambda: self.exit(0))

        self.push_screen(QuitPrompt(self.document_label), decided)
