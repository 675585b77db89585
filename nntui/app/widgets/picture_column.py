"""The input column of a network whose inputs are an image: the picture, and what the next layer looks for.

Not a widget: :class:`NetworkColumn` hands its lines to a :class:`PictureColumn`
when its plan says the column is a picture (:mod:`graph_layout`).  On the
left the picture the learner draws on (:mod:`input_picture`); on the right,
when there is room, the first hidden layer's weights as pictures
(:mod:`weight_gallery`), which stand in for the links: 64 × 16 lines would
read as nothing.
"""

from __future__ import annotations

from rich.segment import Segment

from nntui.app.text import fit
from nntui.app.widgets.column_styles import ColumnStyles, Hit
from nntui.app.widgets.graph_layout import ColumnPlan, picture_width
from nntui.app.widgets.input_picture import InputPicture
from nntui.app.widgets.weight_gallery import WeightGallery
from nntui.core.network import ForwardResult, Network
from nntui.core.numbers import format_value
from nntui.document.selection import Selection
from nntui.i18n import t


class PictureColumn:
    """Column 0 drawn as a picture of ``shape`` (rows, columns), and its gallery."""

    def __init__(self, shape: tuple[int, int]) -> None:
        self.shape = shape
        self.picture = InputPicture(shape)
        self.gallery = WeightGallery(shape)
        self._picture_width = picture_width(shape)
        self._gallery_shown = False
        self._scale = ""

    @property
    def width(self) -> int:
        return self._picture_width + (self.gallery.width if self._gallery_shown else 0)

    def show(
        self, network: Network, result: ForwardResult, selection: Selection, plan: ColumnPlan, lines: int
    ) -> set[int] | None:
        """Take this state; returns the body lines that look different, or None when any may."""
        changed = self.picture.show(network, result, selection, lines, self._picture_width)
        shown = plan.gallery > 0 and bool(network.layers)
        gallery: set[int] | None = set()
        if shown:
            gallery = self.gallery.show(network, selection, plan.gallery, lines)
            self._scale = format_value(self.gallery.scale, 5).strip().lstrip("+")
        was, self._gallery_shown = self._gallery_shown, shown
        if changed is None or gallery is None or was != shown:
            return None
        return changed | gallery

    def header(self, network: Network, y: int, styles: ColumnStyles, selected: bool) -> list[Segment]:
        """Header line ``y`` (0 or 1): the layer's title and what it is, then the gallery's."""
        if y == 0:
            count = f" ({len(network.input_names)})"
            title = fit(" " + network.layer_title(0) + count, self._picture_width)
            segments = [Segment(title, styles.title_selected if selected else styles.title)]
        else:
            segments = [Segment(fit(" " + t("app.picture.subtitle"), self._picture_width), styles.subtitle)]
        if self._gallery_shown:
            title = network.layer_title(1)
            words = t("app.gallery.title", layer=title) if y == 0 else t("app.gallery.scale", scale=self._scale)
            segments.append(Segment(fit(words, self.gallery.width), styles.strip_title))
        return segments

    def line(self, body: int, styles: ColumnStyles) -> list[Segment]:
        """Body line ``body``: the picture's part, then the gallery's."""
        segments = self.picture.line(body, self._picture_width, styles.cursor)
        if self._gallery_shown:
            segments += self.gallery.line(body, styles.strip_title, styles.title_selected)
        return segments

    def hit(self, x: int, body: int) -> Hit | None:
        """A pixel of the picture, or a first-layer neuron whose thumbnail is there."""
        if x < self._picture_width:
            pixel = self.picture.pixel_at(x, body)
            return None if pixel is None else Hit("pixel", 0, pixel)
        neuron = self.gallery.neuron_at(x - self._picture_width, body) if self._gallery_shown else None
        return None if neuron is None else Hit("neuron", 1, neuron)
