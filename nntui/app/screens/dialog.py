"""The base of every nntui dialog: it answers once, however fast keys arrive."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.screen import ModalScreen
from textual.widgets import Button

from nntui.app.bindings import translate_bindings

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """A modal screen whose answer is given at most once.

    Two Enters in one burst would otherwise dismiss twice, popping the
    playground itself off the screen stack.  Its key bindings speak the
    current language (their descriptions are message keys).
    """

    _answered = False

    def __init__(self, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        translate_bindings(self)

    def answer(self, result: ResultType) -> None:
        if self._answered:
            return
        self._answered = True
        self.dismiss(result)


class ChoiceDialog(Dialog[ResultType]):
    """A question answered with buttons whose ids are the answers.

    Subclasses bind keys to ``choose('<id>')``; the first button has focus.
    """

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.answer(event.button.id)  # type: ignore[arg-type]

    def action_choose(self, choice: ResultType) -> None:
        self.answer(choice)
