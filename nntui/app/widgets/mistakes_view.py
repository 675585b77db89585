"""One test image the network reads wrong, in a training view of pictures: which it is, and what the network says.

The controller (``nntui.app.controllers.image_results``) hands it the
image it shows among the misclassified test images; it draws the picture
as the input layer draws one (the shade glyphs of :mod:`input_picture`, two
cells a pixel, readable without colour), then "7 read as 1", "image 3 of
12" and the keys: `[` `]` page, `i` puts the image into the input layer.
A click on the picture asks the same (:class:`MistakesView.Chosen`, up to
the screen, which makes the edit).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from nntui.app.borders import set_border
from nntui.app.text import fit
from nntui.app.widgets.graph_layout import PIXEL
from nntui.app.widgets.input_picture import pixel_cells, shade
from nntui.i18n import t, whole_number

WIDTH = 18  # cells of its lines: a picture of 8 pixels and a space each side, "image 103 sur 899"
FRAME = 4  # the border and the padding (DEFAULT_CSS)
READ_STYLE = Style(bold=True)
HINT_STYLE = Style(dim=True)


@dataclass(frozen=True, eq=False)
class Mistake:
    """A test image the network reads wrong, as shown: one of ``total``, at ``position`` (from 1)."""

    sample: int  # its index among the test images
    pixels: np.ndarray  # its ink, row by row
    shape: tuple[int, int]  # (rows, columns)
    label: str  # the class it is
    answer: str  # the class the network reads
    position: int
    total: int

    def key(self) -> tuple[object, ...]:
        return (self.sample, self.pixels.tobytes(), self.shape, self.label, self.answer, self.position, self.total)


class MistakesView(Widget):
    """The misclassified test image shown, with its label and the network's answer."""

    DEFAULT_CSS = f"""
    MistakesView {{
        width: {WIDTH + FRAME};
        height: 100%;
        border: round $panel-lighten-2;
        border-title-color: $text;
        padding: 0 1;
    }}
    """

    class Chosen(Message):
        """The learner clicked the picture: test image ``sample`` into the input layer."""

        def __init__(self, sample: int) -> None:
            super().__init__()
            self.sample = sample

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.mistake: Mistake | None = None
        self._message = ""
        self._key: tuple[object, ...] | None = None

    def show(self, mistake: Mistake | None, message: str = "") -> None:
        """Show ``mistake``, or ``message`` (none is wrong, nothing measured) when it is None."""
        set_border(self, title=t("app.images.mistakes"))
        key = (mistake.key() if mistake is not None else None, message)
        if key == self._key:  # shown at every frame of numbers while training: only changes are drawn
            return
        self._key, self.mistake, self._message = key, mistake, message
        self.refresh()

    def text_lines(self) -> list[tuple[str, Style]]:
        """Every line but the picture's: the words under it, or the message alone."""
        mistake = self.mistake
        if mistake is None:
            return [(line, HINT_STYLE) for line in textwrap.wrap(self._message, WIDTH)]
        read = t("app.images.read_as", label=mistake.label, answer=mistake.answer)
        place = t("app.images.place", position=whole_number(mistake.position), total=whole_number(mistake.total))
        keys = [(t("app.images.keys_page"), HINT_STYLE), (t("app.images.keys_load"), HINT_STYLE)]
        return [(read, READ_STYLE), (place, HINT_STYLE), *keys]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        mistake = self.mistake
        rows = mistake.shape[0] if mistake is not None else 0
        if mistake is not None and y < rows:
            columns = mistake.shape[1]
            left = max(0, (width - PIXEL * columns) // 2)
            segments = [Segment(" " * left)]
            for ink in mistake.pixels[y * columns : (y + 1) * columns].tolist():
                glyph, style = pixel_cells(shade(ink))
                segments.append(Segment(glyph, style))
            segments.append(Segment(" " * max(0, width - left - PIXEL * columns)))
            return Strip(segments).apply_style(self.rich_style)
        texts = self.text_lines()
        index = y - rows if mistake is not None else y
        text, style = texts[index] if 0 <= index < len(texts) else ("", Style())
        return Strip([Segment(fit(text, width), self.rich_style + style)])

    def on_click(self, event: events.Click) -> None:
        mistake = self.mistake
        if mistake is not None and 0 <= event.y < mistake.shape[0]:
            self.post_message(self.Chosen(mistake.sample))
