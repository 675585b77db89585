"""Asked before saving over a file that someone else changed since it was opened here."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from nntui.app.screens.dialog import ChoiceDialog
from nntui.app.text import MESSAGE_LIMIT, plain, safe
from nntui.i18n import t

OverwriteChoice = Literal["overwrite", "save_as", "cancel"]


class OverwritePrompt(ChoiceDialog[OverwriteChoice]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "choose('overwrite')", "app.key.overwrite"),
        Binding("a", "choose('save_as')", "app.key.save_as"),
        Binding("escape,c", "choose('cancel')", "app.key.cancel"),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="prompt"):
            yield Label(t("app.overwrite.title"), classes="prompt-title")
            yield Label(plain(t("app.overwrite.question", message=safe(self.message, MESSAGE_LIMIT))))
            with Horizontal(id="buttons"):
                yield Button(t("app.overwrite.save_as_button"), id="save_as", variant="primary")
                yield Button(t("app.overwrite.overwrite_button"), id="overwrite", variant="error")
                yield Button(t("app.quit.cancel_button"), id="cancel")
