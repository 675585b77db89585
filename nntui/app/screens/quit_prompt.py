"""Asked before unsaved changes would be lost (quit, open): save, discard or cancel."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from nntui.app.screens.dialog import ChoiceDialog

QuitChoice = Literal["save", "discard", "cancel"]


class QuitPrompt(ChoiceDialog[QuitChoice]):
    BINDINGS = [
        Binding("s", "choose('save')", "Save"),
        Binding("d", "choose('discard')", "Discard"),
        Binding("escape,c", "choose('cancel')", "Cancel"),
    ]

    def __init__(self, what: str, before: str = "quitting") -> None:
        super().__init__()
        self.what = what
        self.before = before

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="prompt"):
            yield Label("Unsaved changes", classes="prompt-title")
            yield Label(f"{self.what} has changes that are not saved. Save them before {self.before}?")
            with Horizontal(id="buttons"):
                yield Button("Save [u]s[/]", id="save", variant="primary")
                yield Button("Discard [u]d[/]", id="discard", variant="error")
                yield Button("Cancel [u]Esc[/]", id="cancel")
