"""Asked on quit when there are unsaved changes: save, discard or cancel."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

QuitChoice = Literal["save", "discard", "cancel"]


class QuitPrompt(ModalScreen[QuitChoice]):
    BINDINGS = [
        Binding("s", "choose('save')", "Save"),
        Binding("d", "choose('discard')", "Discard"),
        Binding("escape,c", "choose('cancel')", "Cancel"),
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="prompt"):
            yield Label("Unsaved changes", classes="prompt-title")
            yield Label(f"{self.what} has changes that are not saved. Save them before quitting?")
            with Horizontal(id="buttons"):
                yield Button("Save [u]s[/]", id="save", variant="primary")
                yield Button("Discard [u]d[/]", id="discard", variant="error")
                yield Button("Cancel [u]Esc[/]", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)  # type: ignore[arg-type]

    def action_choose(self, choice: QuitChoice) -> None:
        self.dismiss(choice)
