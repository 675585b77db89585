"""Asked before unsaved changes would be lost (quit, open): save, discard or cancel."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from nntui.app.screens.dialog import ChoiceDialog
from nntui.app.text import plain, safe
from nntui.i18n import t

QuitChoice = Literal["save", "discard", "cancel"]


class QuitPrompt(ChoiceDialog[QuitChoice]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "choose('save')", "app.key.save"),
        Binding("d", "choose('discard')", "app.key.discard"),
        Binding("escape,c", "choose('cancel')", "app.key.cancel"),
    ]

    def __init__(self, what: str, before: str | None = None) -> None:
        """``before``: what the changes would be lost by (default: quitting)."""
        super().__init__()
        self.what = what
        self.before = t("app.quit.before_quitting") if before is None else before

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="prompt"):
            yield Label(t("app.quit.title"), classes="prompt-title")
            yield Label(plain(t("app.quit.question", what=safe(self.what), before=self.before)))
            with Horizontal(id="buttons"):
                yield Button(t("app.quit.save_button"), id="save", variant="primary")
                yield Button(t("app.quit.discard_button"), id="discard", variant="error")
                yield Button(t("app.quit.cancel_button"), id="cancel")
