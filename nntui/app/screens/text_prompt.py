"""A one-line dialog that turns typed text into a value, or says why it cannot.

Subclasses say what the text means in :meth:`TextPrompt.parse`; a
``ValueError`` there keeps the dialog open with its message, so nothing is
changed and nothing typed is lost until the text makes sense.

Every text is shown as it is, never as markup, with its control characters
made visible (nntui.app.text): the initial text too, and when it is applied
unchanged, it stands for the initial text as it was.
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from nntui.app.screens.dialog import Dialog
from nntui.app.text import MESSAGE_LIMIT, plain, safe
from nntui.core.text import visible
from nntui.i18n import t

T = TypeVar("T")


class PlainInput(Input):
    """An Input whose text holds no control character: a pasted one is shown visibly, as it will be read."""

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(visible(text), start, end)


class TextPrompt(Dialog[T | None], Generic[T]):
    """Returns the parsed value, or None when cancelled.

    ``keys`` is the line saying which keys do what (default: Enter applies).
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "app.key.cancel")]
    AUTO_FOCUS = "#text"  # not in on_mount: a prompt answered before it mounts has no Input

    def __init__(
        self,
        title: str,
        initial: str = "",
        *,
        hint: str = "",
        keys: str | None = None,
        select_on_focus: bool = True,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial
        self.shown_initial = safe(initial)  # what the Input starts with
        self.hint = hint
        self.keys = t("app.prompt.keys.apply") if keys is None else keys
        self.select_on_focus = select_on_focus
        self._confirmed: T | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="prompt"):
            yield Label(plain(self.title_text), classes="prompt-title")
            if self.hint:
                yield Label(plain(self.hint), classes="prompt-hint")
            yield PlainInput(value=self.shown_initial, select_on_focus=self.select_on_focus, id="text")
            yield Static("", id="error", classes="prompt-error")
            yield Label(plain(self.keys), classes="prompt-keys")

    # --- what subclasses say -------------------------------------------------

    def parse(self, text: str) -> T:
        """The value the text stands for; ValueError(message) when it stands for none."""
        raise NotImplementedError

    def error_text(self, message: str) -> str:
        return f"✗ {message}"

    def needs_confirmation(self, value: T) -> str | None:
        """A warning that makes the learner press Enter a second time, or None."""
        return None

    # --- behaviour -----------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        # The initial text, shown with its control characters made visible: as it was.
        text = self.initial if event.value == self.shown_initial else event.value
        try:
            value = self.parse(text)
        except ValueError as problem:
            self.show_error(self.error_text(safe(problem, MESSAGE_LIMIT)))
            return
        warning = self.needs_confirmation(value)
        if warning is not None and value != self._confirmed:
            self._confirmed = value
            self.show_error(warning)
            return
        self.answer(value)

    def show_error(self, text: str) -> None:
        self.query_one("#error", Static).update(plain(text))
        self.add_class("-invalid")

    @on(Input.Changed)
    def _clear_error(self) -> None:
        self._confirmed = None
        if self.has_class("-invalid"):
            self.remove_class("-invalid")
            self.query_one("#error", Static).update("")

    def action_cancel(self) -> None:
        self.answer(None)
