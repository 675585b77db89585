"""The frames/s reference of the training view: a whole screen of half-block cells, redrawn non-stop.

Every cell of the screen is "▀" with its own colour and background (the
top and bottom pixels), picked from 32 shades so that no two neighbouring
cells share a style: nothing can be merged, every cell is its own segment.
As soon as a frame has been drawn (``call_after_refresh``) the picture
moves by one shade everywhere and is redrawn: the app draws as fast as
Textual can draw this picture (at most Textual's own frame rate, the
``TEXTUAL_FPS`` of its screen-update timer, 60 by default).  It imports
Textual only; run it on its own with ``python benchmarks/picture_app.py``.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widget import Widget

SHADES = 32
UPPER_HALF = "▀"


def _shade(level: int) -> str:
    """Dark blue to light orange in SHADES steps."""
    weight = level / (SHADES - 1)
    r, g, b = (round(low + (high - low) * weight) for low, high in zip((20, 40, 120), (250, 190, 90)))
    return f"#{r:02x}{g:02x}{b:02x}"


# Every (top, bottom) pair of shades as a ready style, as a real heatmap widget would cache them.
STYLES = [[Style(color=_shade(top), bgcolor=_shade(bottom)) for bottom in range(SHADES)] for top in range(SHADES)]


class Picture(Widget):
    """The whole widget in half-block cells; ``advance`` changes every cell."""

    DEFAULT_CSS = "Picture { width: 1fr; height: 1fr; }"

    def __init__(self) -> None:
        super().__init__()
        self.phase = 0

    def advance(self) -> None:
        self.phase += 1
        self.refresh()

    def render_line(self, y: int) -> Strip:
        # Pixel (x, row) has shade (x + 3·row + phase) mod 32: the top and bottom of a cell differ,
        # and so do two cells side by side; each frame every pixel moves to the next shade.
        width, phase = self.size.width, self.phase
        top, bottom = 6 * y + phase, 6 * y + 3 + phase
        segments = [Segment(UPPER_HALF, STYLES[(x + top) % SHADES][(x + bottom) % SHADES]) for x in range(width)]
        return Strip(segments, width)


class PictureApp(App[None]):
    """One Picture filling the screen, redrawn after every frame."""

    def __init__(self) -> None:
        super().__init__()
        self.frames = 0  # pictures asked for

    def compose(self) -> ComposeResult:
        yield Picture()

    def on_mount(self) -> None:
        self.call_after_refresh(self.next_picture)

    def next_picture(self) -> None:
        self.frames += 1
        self.query_one(Picture).advance()
        self.call_after_refresh(self.next_picture)


if __name__ == "__main__":
    PictureApp().run()
