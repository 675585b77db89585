"""Offered at start when an earlier session left unsaved work behind."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from nntui.app.screens.dialog import ChoiceDialog

from nntui.recovery import Recovery

RecoveryChoice = Literal["restore", "discard", "later"]


class RecoveryOffer(ChoiceDialog[RecoveryChoice]):
    BINDINGS = [
        Binding("r", "choose('restore')", "Restore"),
        Binding("d", "choose('discard')", "Discard"),
        Binding("escape,l", "choose('later')", "Later"),
    ]

    def __init__(self, recovery: Recovery, others: int = 0) -> None:
        super().__init__()
        self.recovery = recovery
        self.others = others

    def compose(self) -> ComposeResult:
        recovery = self.recovery
        network = recovery.network
        when = recovery.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        shape = "-".join(str(n) for n in network.sizes)
        with Vertical(id="dialog", classes="prompt"):
            yield Label("Unsaved work was found", classes="prompt-title")
            yield Label(
                f"nntui stopped unexpectedly on {when} with unsaved changes to "
                f'"{network.name}" ({shape}, from {recovery.source}).'
            )
            yield Label("Restore it now? Discard deletes it; Later asks again next time.")
            if self.others:
                yield Label(f"({self.others} older copies will be offered after this one.)",
                            classes="prompt-hint")
            with Horizontal(id="buttons"):
                yield Button("Restore [u]r[/]", id="restore", variant="primary")
                yield Button("Discard [u]d[/]", id="discard", variant="error")
                yield Button("Later [u]Esc[/]", id="later")
