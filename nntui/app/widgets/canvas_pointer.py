"""What the mouse does on the network canvas: clicks, strokes on an input picture, a list's scrollbar.

Not a widget: the canvas (:mod:`network_canvas`) hands its mouse events to its
:class:`CanvasPointer`, which finds what is under the pointer (``canvas.hit``)
and posts the canvas's messages up, or scrolls a list and has the canvas
redraw.  The canvas never changes the network: a stroke is a message, which
the screen turns into edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from textual import events
from textual.message import Message

from nntui.app.widgets.column_styles import Hit
from nntui.app.widgets.network_column import HEADER_LINES, NetworkColumn

WHEEL_LINES = 2  # body lines a list scrolls per turn of the mouse wheel


# The canvas's messages (``NetworkCanvas.NeuronClicked`` and so on: its handlers are
# ``on_network_canvas_…``), here so that the pointer posts them without importing the canvas.
@dataclass
class NeuronClicked(Message, namespace="network_canvas"):
    """The learner clicked a neuron."""

    column: int
    neuron: int


@dataclass
class WeightClicked(Message, namespace="network_canvas"):
    """The learner clicked a weight: a cell of the matrix, or a link."""

    column: int  # the column the weight leads into
    neuron: int
    source: int


@dataclass
class PixelPainted(Message, namespace="network_canvas"):
    """The learner pressed or dragged the mouse over a pixel of an input picture."""

    pixel: int
    start: bool  # the button went down here: a new stroke


class Canvas(Protocol):
    """What the pointer needs of the canvas it serves."""

    def hit(self, event: events.MouseEvent) -> tuple[NetworkColumn, Hit | None, int] | None: ...
    def post_message(self, message: Message) -> bool: ...
    def capture_mouse(self, capture: bool = True) -> None: ...
    def release_mouse(self) -> None: ...
    def captured_y(self, event: events.MouseEvent) -> int: ...
    def redraw(self) -> None: ...


class CanvasPointer:
    """The mouse over one canvas, and what its held button is doing."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self._dragging: NetworkColumn | None = None  # a list whose scrollbar is held
        self._painting: int | None = None  # the pixel of an input picture the held button is over

    def click(self, event: events.Click) -> None:
        """A neuron or a weight clicked: posted up, for the screen to select it."""
        canvas = self.canvas
        found = canvas.hit(event)
        hit = found[1] if found is not None else None
        if hit is None or hit.kind not in ("neuron", "weight"):
            return
        event.stop()
        if hit.kind == "weight":
            canvas.post_message(WeightClicked(hit.column, hit.neuron, hit.source))
        else:
            canvas.post_message(NeuronClicked(hit.column, hit.neuron))

    def down(self, event: events.MouseDown) -> None:
        """A pixel of an input picture starts a stroke; a list's scrollbar is held to drag it."""
        canvas = self.canvas
        found = canvas.hit(event)
        if found is None:
            return
        view, hit, y = found
        if hit is None or hit.kind not in ("pixel", "scrollbar"):
            return
        event.stop()
        canvas.capture_mouse()
        if hit.kind == "pixel":
            self._painting = hit.neuron
            canvas.post_message(PixelPainted(hit.neuron, True))
        else:
            self._dragging = view
            if view.scroll_to_fraction(y - HEADER_LINES):
                canvas.redraw()

    def move(self, event: events.MouseMove) -> None:
        """The held button moved: the stroke goes on to the pixel under it, or the list follows."""
        canvas = self.canvas
        if self._painting is not None:
            found = canvas.hit(event)
            hit = found[1] if found is not None else None
            if hit is not None and hit.kind == "pixel" and hit.neuron != self._painting:
                self._painting = hit.neuron
                canvas.post_message(PixelPainted(hit.neuron, False))
        view = self._dragging
        if view is not None and view.scroll_to_fraction(canvas.captured_y(event) - HEADER_LINES):
            canvas.redraw()

    def up(self) -> None:
        if self._dragging is not None or self._painting is not None:
            self._dragging = self._painting = None
            self.canvas.release_mouse()

    def wheel(self, event: events.MouseEvent, lines: int) -> None:
        """The wheel over a list scrolls that list; over anything else it does nothing here."""
        found = self.canvas.hit(event)
        if found is not None and not found[0].plan.spread:
            view = found[0]
            event.stop()
            event.prevent_default()
            if view.scroll_to(view.top + lines):
                self.canvas.redraw()  # the list's lines, drawn again
