"""The links gap right of a column: its weights as coloured lines, line by line.

The picture (:mod:`links`) is drawn again only when what it shows changed
(weights, rows, width, selection), so moving the cursor elsewhere or a
change in another layer costs nothing here.  Colours: blue positive, orange
negative, brighter for larger |w| (relative to the largest |w| between these
two layers); the selected neuron's links are bold, the selected weight's carries its
value (reversed); where every neuron of the column has a single link (one neuron to
the right), every link carries its value at its start.
"""

from __future__ import annotations

import numpy as np
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from nntui.app import palette
from nntui.app.text import fit
from nntui.app.widgets.graph_layout import VALUE_WIDTH
from nntui.app.widgets.links import RANK_NEURON, RANK_PLAIN, RANK_WEIGHT, LinkPicture, draw_links, nearest_link
from nntui.app.widgets.weight_strip import weight_scale
from nntui.core.network import Network
from nntui.core.numbers import format_value
from nntui.document.selection import Selection
from nntui.i18n import t

LABEL = VALUE_WIDTH  # cells of a weight's value written on its link
BLANK = Style()


class LinkGap:
    """The links from column ``column`` to the next one, in a gap ``width`` cells wide."""

    def __init__(self) -> None:
        self.width = 0
        self._key: tuple[object, ...] | None = None
        self._picture: LinkPicture | None = None
        self._shape: tuple[object, ...] | None = None  # what the picture's characters follow
        self._weights = np.zeros((0, 0))
        self._ranks = np.zeros((0, 0), dtype=np.int64)
        self._sources: tuple[int, ...] = ()
        self._targets: tuple[int, ...] = ()
        self._scale = 1.0
        self._labels: dict[int, list[tuple[int, str, Style]]] = {}
        self._lines: dict[int, list[Segment]] = {}  # each line's segments, once drawn
        self._on_base: dict[int, tuple[palette.OnBase, list[Segment], int]] = {}  # them on a style, and width
        self._line_keys: list[object] = []

    def show(
        self,
        network: Network,
        column: int,
        selection: Selection,
        sources: tuple[int, ...],
        targets: tuple[int, ...],
        width: int,
        lines: int,
    ) -> set[int] | None:
        """Draw the links again if anything they show has changed.

        Returns the lines that look different now (empty: none), or None when
        every line may have (another size): the column repaints only those."""
        weights = network.layers[column].weights
        ranks = _ranks(network, column, selection, weights.shape)
        key = (weights.tobytes(), ranks.tobytes(), sources, targets, width, lines)
        if key == self._key:
            return set()
        resized = (width, lines) != (self.width, len(self._line_keys))
        self._key, self.width = key, width
        self._weights, self._ranks = weights, ranks
        self._sources, self._targets = sources, targets
        self._scale = weight_scale(weights) or 1.0
        # The lines' shape follows only the signs and which link is drawn over which (by rank,
        # then |w|): while training, most frames change the colours alone.
        w = np.nan_to_num(weights, nan=0.0, posinf=1e300, neginf=-1e300)
        order = np.lexsort((np.abs(w).ravel(), ranks.ravel()))
        shape = (np.sign(w).tobytes(), order.tobytes(), sources, targets, width, lines)
        if shape != self._shape or self._picture is None:
            self._shape = shape
            self._picture = draw_links(np.array(sources), np.array(targets), weights, ranks, width, lines)
        self._labels = self._place_labels()
        self._lines.clear()
        self._on_base.clear()
        old, self._line_keys = self._line_keys, self._keys(lines)
        if resized:
            return None
        return {y for y, (before, now) in enumerate(zip(old, self._line_keys)) if before != now}

    def _keys(self, lines: int) -> list[object]:
        """What decides each line's look: its characters, the style of each cell, its labels."""
        picture = self._picture
        assert picture is not None
        w = np.nan_to_num(self._weights.ravel(), nan=np.inf)
        finite = np.isfinite(w)
        level = np.where(finite, np.rint(np.clip(np.abs(w) / self._scale, 0, 1) * 8), 99)
        code = (np.sign(w) * 1000 + level * 2 + (self._ranks.ravel() >= RANK_NEURON)).astype(np.int64)
        codes = np.where(picture.owner >= 0, code[np.maximum(picture.owner, 0)], -1)
        return [(picture.chars[y].tobytes(), codes[y].tobytes(), tuple(self._labels.get(y, ()))) for y in range(lines)]

    def header(self, network: Network, column: int, y: int, style: Style) -> list[Segment]:
        """Line 0: the layer the links lead to; line 1: that this is the links view, and its scale.

        In a narrow gap each says what fits whole (an arrow, the scale), never a cut word."""
        scale = format_value(self._scale, 5).strip().lstrip("+")
        if y == 0:
            choices = [" → " + network.layer_title(column + 1), " →"]
        else:
            choices = [" " + t("app.gap.links", scale=scale), f" |w|≤{scale}", ""]
        text = next((c for c in choices if cell_len(c) < self.width), "")
        return [Segment(fit(text, self.width), style)]

    def line(self, y: int) -> list[Segment]:
        """Body line ``y`` of the gap."""
        cached = self._lines.get(y)
        if cached is None:
            cached = self._lines[y] = self._line(y)
        return cached

    def line_on(self, y: int, on_base: palette.OnBase) -> tuple[list[Segment], int]:
        """Body line ``y`` on a widget's style, and its width; kept until the line is drawn again."""
        kept = self._on_base.get(y)
        if kept is None or kept[0] is not on_base:
            kept = self._on_base[y] = (on_base, *on_base.apply(self.line(y)))
        return kept[1], kept[2]

    def _line(self, y: int) -> list[Segment]:
        picture = self._picture
        if picture is None or y >= picture.chars.shape[0]:
            return [Segment(" " * self.width)]
        labels = self._labels.get(y)
        if not labels:
            return [Segment(text, self._style(link)) for text, link in picture.line(y)]
        chars = list(picture.chars[y])
        styles = [self._style(int(link)) for link in picture.owner[y]]
        for x, text, style in labels:
            for i, char in enumerate(text[: max(0, self.width - x)]):
                chars[x + i], styles[x + i] = char, style
        return _runs(chars, styles)

    def weight_at(self, x: int, y: int) -> tuple[int, int]:
        """The (target, source) of the link nearest cell (x, y) of the gap."""
        return nearest_link(np.array(self._sources), np.array(self._targets), self.width, x, y)

    # --- drawing ---------------------------------------------------------------------

    def _style(self, link: int) -> Style:
        if link < 0:
            return BLANK
        w = float(self._weights.flat[link])
        rank = int(self._ranks.flat[link])
        # Bold (brighter) for the selected neuron's links; the selected weight's also carries
        # its value, reversed. The colour always follows |w|, so sizes compare at a glance.
        return palette.value_style(w, self._scale, bold=rank >= RANK_NEURON)

    def _place_labels(self) -> dict[int, list[tuple[int, str, Style]]]:
        """Values written on links: each link's at its start when each source has one link,
        and the selected weight's (reversed) at its middle otherwise."""
        labels: dict[int, list[tuple[int, str, Style]]] = {}
        n_targets = self._weights.shape[0]
        if self.width < LABEL + 2:
            return labels
        if n_targets == 1:
            for i, y in enumerate(self._sources):
                w = float(self._weights[0, i])
                selected = self._ranks[0, i] == RANK_WEIGHT
                style = palette.value_style(w, self._scale, bold=selected, reverse=selected)
                labels.setdefault(y, []).append((0, format_value(w, LABEL), style))
            return labels
        chosen = np.argwhere(self._ranks == RANK_WEIGHT)
        if len(chosen):
            j, i = (int(n) for n in chosen[0])
            y0, y1 = self._sources[i], self._targets[j]
            x = (self.width - LABEL) // 2
            y = round(y0 + (y1 - y0) * (x + LABEL / 2) / self.width)
            w = float(self._weights[j, i])
            style = palette.value_style(w, self._scale, bold=True, reverse=True)
            labels.setdefault(y, []).append((x, format_value(w, LABEL), style))
        return labels


def _ranks(network: Network, column: int, selection: Selection, shape: tuple[int, ...]) -> np.ndarray:
    """How much each link stands out: the selected weight, the selected neuron's links, the rest."""
    ranks = np.full(shape, RANK_PLAIN, dtype=np.int64)
    if selection.column == column:  # the selected neuron's outgoing links
        ranks[:, selection.neuron] = RANK_NEURON
    elif selection.column == column + 1:  # its incoming links, and the selected weight
        ranks[selection.neuron, :] = RANK_NEURON
        source = selection.weight_source(network)
        if source is not None:
            ranks[selection.neuron, source] = RANK_WEIGHT
    return ranks


def _runs(chars: list[str], styles: list[Style]) -> list[Segment]:
    segments: list[Segment] = []
    start = 0
    for x in range(1, len(chars) + 1):
        if x == len(chars) or styles[x] is not styles[start]:
            segments.append(Segment("".join(chars[start:x]), styles[start]))
            start = x
    return segments
