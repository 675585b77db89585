"""Choose a challenge from the list, with its goal, and ✓ for those already solved."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from nntui.app.screens.dialog import Dialog
from nntui.core.challenges import CHALLENGES
from nntui.i18n import t


class ChallengeChooser(Dialog[str | None]):
    """Returns the chosen challenge's id, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "app.key.cancel")]

    def __init__(self, solved: set[str], current: str | None = None) -> None:
        super().__init__()
        self.solved = solved
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="prompt chooser"):
            yield Label(t("app.challenge.choose_title"), classes="prompt-title")
            yield OptionList(
                *(Option(self._label(n, c.id, c.title), id=c.id) for n, c in enumerate(CHALLENGES, 1)), id="challenges"
            )
            yield Static(id="challenge-goal")
            yield Label(t("app.challenge.choose_keys"), classes="prompt-keys")

    def _label(self, number: int, id: str, title: str) -> Text:
        text = Text(f"{number:>2}. ")
        text.append(t(title))
        if id in self.solved:
            text.append("  ✓ " + t("app.challenge.solved_mark"), style="bold green")
        return text

    def on_mount(self) -> None:
        ids = [c.id for c in CHALLENGES]
        for options in self.query(OptionList):  # none when answered before it mounted
            options.highlighted = ids.index(self.current) if self.current in ids else 0
            options.focus()

    @on(OptionList.OptionHighlighted)
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        chosen = next(c for c in CHALLENGES if c.id == event.option.id)
        self.query_one("#challenge-goal", Static).update(Text(t(chosen.goal)))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.answer(event.option.id)

    def action_cancel(self) -> None:
        self.answer(None)
