"""Drawing on an input picture: ink and erase with the keys, strokes of the mouse, a digit from the data.

A network whose inputs are an image (``Network.image_shape``) shows its input
layer as that picture (:mod:`nntui.app.widgets.input_picture`).  Every change
here is one undoable edit (:class:`SetInputs`) and the forward pass follows
at once; a stroke of the mouse, however many pixels it crosses, is one edit.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from textual.screen import Screen

from nntui.app.text import notify
from nntui.core.datasets import DataFileError, make_dataset
from nntui.core.datasets.digits import DIGITS, IMAGE_SHAPE
from nntui.core.edits import SetInputs
from nntui.core.image import FULL_INK
from nntui.document.document import Document
from nntui.document.selection import Selection
from nntui.i18n import t

MOUSE_INK = FULL_INK  # the mouse draws with full ink


class DrawingController:
    """Every change of an input picture made by hand."""

    def __init__(self, screen: Screen[Any], document: Document) -> None:
        self.screen = screen
        self.document = document
        self._stroke: SetInputs | None = None  # the mouse's stroke so far: it grows as one edit

    def allows(self, what: str) -> bool:
        """Whether a drawing key acts now: on an input picture (c renames elsewhere); a digit
        whenever the inputs are a picture."""
        doc = self.document
        return doc.network.image_shape is not None and (what == "digit" or doc.selection.column == 0)

    def draw(self, what: str, value: float) -> None:
        """A drawing key: "ink" (``value`` of it; less than 0 erases), "clear", or "digit" ``value``."""
        if what == "ink":
            self.ink(value)
        elif what == "clear":
            self.clear()
        elif what == "digit":
            self.load_digit(int(value))

    def ink(self, amount: float) -> None:
        """Add ``amount`` of ink to the pixel under the cursor (take it away when negative), within 0…1."""
        doc = self.document
        pixel = doc.selection.neuron
        old = float(doc.network.input_values[pixel])
        new = float(np.clip(old + amount, 0.0, 1.0)) if np.isfinite(old) else (1.0 if amount > 0 else 0.0)
        if new != old:
            what = t("app.picture.inked" if amount > 0 else "app.picture.erased", name=doc.network.input_names[pixel])
            doc.apply(SetInputs.of(doc.network, {pixel: new}, what))

    def clear(self) -> None:
        """No ink anywhere: one edit."""
        doc = self.document
        values = doc.network.input_values
        inked = {i: 0.0 for i in range(len(values)) if values[i] != 0.0}
        if inked:
            doc.apply(SetInputs.of(doc.network, inked, t("app.picture.cleared")))

    def load_digit(self, digit: int) -> None:
        """A random test image of ``digit`` from the handwritten digits, in the picture: one edit."""
        doc = self.document
        if doc.network.image_shape != IMAGE_SHAPE:
            notify(self.screen, t("app.picture.not_digits"), severity="warning")
            return
        data = doc.training.dataset
        try:
            if data.name != DIGITS:
                data = make_dataset(DIGITS)
        except DataFileError as error:
            notify(self.screen, str(error), severity="error")
            return
        rows = np.flatnonzero(data.y_test[:, digit] == 1.0)
        if rows.size == 0:
            notify(self.screen, t("app.picture.no_such_digit", digit=digit), severity="warning")
            return
        image = data.x_test[int(doc.rng.choice(rows))]
        what = t("app.picture.loaded", digit=digit)
        doc.apply(SetInputs.picture(doc.network, image, what))

    def paint(self, pixel: int, *, start: bool) -> None:
        """The mouse over ``pixel`` with its button down: full ink there. ``start``: a new stroke."""
        doc = self.document
        if start:
            self._stroke = None
        values = dict(zip(self._stroke.indices, self._stroke.new)) if self._stroke is not None else {}
        if values.get(pixel) == MOUSE_INK or (not values and doc.network.input_values[pixel] == MOUSE_INK):
            return
        values[pixel] = MOUSE_INK
        old = dict(zip(self._stroke.indices, self._stroke.old)) if self._stroke is not None else {}
        edit = SetInputs.of(doc.network, values, t("app.picture.stroke"))
        # The pixels of the stroke so far keep the ink they had before it began.
        edit = SetInputs(
            edit.indices, tuple(old.get(i, o) for i, o in zip(edit.indices, edit.old)), edit.new, edit.what
        )
        doc.apply(edit, Selection(0, pixel), amends=self._stroke)
        self._stroke = edit
