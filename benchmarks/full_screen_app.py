"""The second edit-latency reference: a key that rewrites a whole 140×44 screen of numbers.

The minimal app (``minimal_app.py``) shows what one changed label costs;
this one shows what Textual needs to show a screen whose every number
changed: one ``Static`` of 42 lines of 17 numbers (f"{v:+.3f}", 8 columns
each), all different after every "+".  It imports Textual only; run it on
its own with ``python benchmarks/full_screen_app.py``.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Static

LINES = 42
NUMBERS_PER_LINE = 17
STEP = 0.013  # every value moves by this much per key (or wraps): every shown number changes
SPREAD = 0.6180339887  # consecutive numbers far apart, so the screen is not a smooth ramp


def screen_text(count: int) -> str:
    """The screen after ``count`` keys: values in [-1, 1), each a function of its place and the count."""
    lines = []
    for line in range(LINES):
        first = line * NUMBERS_PER_LINE
        values = (((i * SPREAD + count * STEP) % 2.0) - 1.0 for i in range(first, first + NUMBERS_PER_LINE))
        lines.append("".join(f"{v:+8.3f}" for v in values))
    return "\n".join(lines)


class FullScreenApp(App[None]):
    """One Static of 42×17 numbers; "+" changes every one of them."""

    BINDINGS: ClassVar[list[BindingType]] = [("plus", "bump", "change every number")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Static(screen_text(0), markup=False)

    def action_bump(self) -> None:
        self.count += 1
        self.query_one(Static).update(screen_text(self.count))


if __name__ == "__main__":
    FullScreenApp().run()
