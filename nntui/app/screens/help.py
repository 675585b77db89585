"""The help screen: what a neuron is, and every key."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from nntui.app.screens.dialog import Dialog
from nntui.i18n import t


class HelpScreen(Dialog[None]):
    """Shows a table of every key binding and the explanation (message ``app.help.explanation``)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark,f1", "close", "app.key.close_help")]

    def __init__(self, keys: Iterable[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = list(keys)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text(t("app.help.title"), style="bold"), id="help-title")
            yield Static(self._key_table(), id="help-keys")
            yield Markdown(t("app.help.explanation"))

    def _key_table(self) -> Table:
        table = Table(title=t("app.help.keys"), title_justify="left", show_header=False, box=None, expand=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, description in self.keys:
            table.add_row(Text(key), Text(description))  # as written, never as markup
        return table

    def action_close(self) -> None:
        self.answer(None)
