"""The base of every nntui dialog: it answers once, however fast keys arrive."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.screen import ModalScreen
from textual.widgets import Button

from nntui.app.keys import in_language

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """A modal screen whose answer is given at most once.

    Two Enters in one burst would otherwise dismiss twice, popping the
    playground itself off the screen stack.  Its key bindings speak the
    current language (their descriptions are message keys).
    """

    _answered = False

    def __new__(cls, *args: object, **kwargs: object) -> Dialog[ResultType]:
        # Made as the subclass whose bindings speak the current language.
        return super().__new__(in_language(cls))

    def answer(self, result: ResultType) -> None:
        if self._answered:
            return
        self._answered = True
        self.dismiss(result)


class ChoiceDialog(Dialog[ResultType]):
    """A question answered with buttons whose ids are the answers.

    Subclasses bind keys to ``choose('<id>')``; the first button has focus.
    """

    AUTO_FOCUS = "Button"  # the first; a query in on_mount fails for a dialog answered before it mounts

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        # arg-type: a button's id (str | None) is the answer; the subclass's buttons are its answers.
        self.answer(event.button.id)  # type: ignore[arg-type]

    def action_choose(self, choice: ResultType) -> None:
        self.answer(choice)
