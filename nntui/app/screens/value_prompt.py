"""A prompt to type the exact value of the selected input, weight or bias."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from nntui.core.numbers import NumberError, parse_finite


class ValuePrompt(ModalScreen[float | None]):
    """Returns the typed number, or None when cancelled.

    Text that is not a finite number keeps the prompt open with a message;
    nothing changes until a valid number is applied.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, what: str, current: float) -> None:
        super().__init__()
        self.what = what
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="prompt"):
            yield Label(f"Set {self.what}", classes="prompt-title")
            yield Label(f"current value: {self.current!r}", classes="prompt-hint")
            yield Input(value=repr(self.current), select_on_focus=True, id="value")
            yield Static("", id="error", classes="prompt-error")
            yield Label("Enter apply · Escape cancel", classes="prompt-keys")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            value = parse_finite(event.value)
        except NumberError as error:
            self.query_one("#error", Static).update(f"✗ {error}. Nothing was changed.")
            self.add_class("-invalid")
            return
        self.dismiss(value)

    @on(Input.Changed)
    def _clear_error(self) -> None:
        if self.has_class("-invalid"):
            self.remove_class("-invalid")
            self.query_one("#error", Static).update("")

    def action_cancel(self) -> None:
        self.dismiss(None)
