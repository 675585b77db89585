"""A prompt for the path to save a network to."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


def check_save_path(text: str, cwd: Path) -> Path:
    """The path to save to, or ValueError saying plainly what is wrong with it."""
    text = text.strip()
    if not text:
        raise ValueError("type a file name, for example my-network.json")
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = cwd / path
    if path.is_dir():
        raise ValueError(f"{text} is a folder: add a file name, for example {text.rstrip('/')}/net.json")
    if not path.suffix:
        path = path.with_suffix(".json")
    if not path.parent.is_dir():
        raise ValueError(f"the folder {path.parent} does not exist")
    return path


class SavePathPrompt(ModalScreen[Path | None]):
    """Returns the chosen path, or None when cancelled.

    An existing file is only overwritten after a second Enter.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, suggestion: str = "network.json", cwd: Path | None = None) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.cwd = cwd or Path.cwd()
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="prompt"):
            yield Label("Save the network as", classes="prompt-title")
            yield Label(f"in {self.cwd}", classes="prompt-hint")
            yield Input(value=self.suggestion, id="path")
            yield Static("", id="error", classes="prompt-error")
            yield Label("Enter save · Escape cancel", classes="prompt-keys")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one("#error", Static)
        try:
            path = check_save_path(event.value, self.cwd)
        except ValueError as problem:
            error.update(f"✗ {problem}")
            self.add_class("-invalid")
            return
        if path.exists() and path != self._confirm_overwrite:
            self._confirm_overwrite = path
            error.update(f"! {path.name} exists: press Enter again to replace it")
            self.add_class("-invalid")
            return
        self.dismiss(path)

    @on(Input.Changed)
    def _clear_error(self) -> None:
        self._confirm_overwrite = None
        if self.has_class("-invalid"):
            self.remove_class("-invalid")
            self.query_one("#error", Static).update("")

    def action_cancel(self) -> None:
        self.dismiss(None)
