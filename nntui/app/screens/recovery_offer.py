"""Offered at start when an earlier session left unsaved work behind."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from nntui.app.screens.dialog import ChoiceDialog
from nntui.app.text import plain, safe
from nntui.core.plural import counted
from nntui.document.recovery import Recovery
from nntui.i18n import t

RecoveryChoice = Literal["restore", "discard", "later"]


class RecoveryOffer(ChoiceDialog[RecoveryChoice]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('restore')", "app.key.restore"),
        Binding("d", "choose('discard')", "app.key.discard_recovery"),
        Binding("escape,l", "choose('later')", "app.key.later"),
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
            yield Label(t("app.recovery.title"), classes="prompt-title")
            yield Label(
                plain(
                    t(
                        "app.recovery.found",
                        when=when,
                        name=safe(network.name),
                        shape=shape,
                        source=safe(recovery.source),
                    )
                )
            )
            yield Label(t("app.recovery.question"))
            if self.others:
                yield Label(counted("app.recovery.others", self.others), classes="prompt-hint")
            with Horizontal(id="buttons"):
                yield Button(t("app.recovery.restore_button"), id="restore", variant="primary")
                yield Button(t("app.recovery.discard_button"), id="discard", variant="error")
                yield Button(t("app.recovery.later_button"), id="later")
