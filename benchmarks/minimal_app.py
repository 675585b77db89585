"""The reference for the Textual measurements: the smallest app that updates one label per key.

Run on its own (``python benchmarks/minimal_app.py``) for the start-up
comparison; imported by the edit-latency benchmark.  It imports Textual only.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Label


class MinimalApp(App[None]):
    """One label; "+" adds one to the number it shows."""

    BINDINGS: ClassVar[list[BindingType]] = [("plus", "bump", "add one")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Label("count 0")

    def action_bump(self) -> None:
        self.count += 1
        self.query_one(Label).update(f"count {self.count}")


if __name__ == "__main__":
    MinimalApp().run()
