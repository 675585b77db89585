"""How numbers look: a diverging colour scale, bars and glyphs.

Sign and magnitude are never shown by colour alone: numbers carry their
sign, bars their length and weight glyphs a +/− and a block height, so the
screen reads the same on a monochrome terminal or to a colour-blind eye.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

# Blue for positive, orange for negative: a pair that stays distinct for the
# common forms of colour blindness.
POSITIVE = (76, 154, 255)
NEGATIVE = (255, 140, 50)
NEUTRAL = (128, 128, 128)
OVERFLOW = (255, 60, 60)

LEVELS = 8
_BAR_EIGHTHS = " ▏▎▍▌▋▊▉█"
HEIGHTS = " ▁▂▃▄▅▆▇█"


def magnitude(value: float, scale: float) -> float:
    """|value| relative to ``scale``, in [0, 1]."""
    if not math.isfinite(value):
        return 1.0
    if scale <= 0:
        return 0.0
    return min(abs(value) / scale, 1.0)


def _blend(weight: float, colour: tuple[int, int, int]) -> str:
    r, g, b = (round(n + (c - n) * weight) for n, c in zip(NEUTRAL, colour))
    return f"#{r:02x}{g:02x}{b:02x}"


@lru_cache(maxsize=64)
def _style(sign: int, level: int, bold: bool, reverse: bool) -> Style:
    if sign == 0:
        colour = _blend(1.0, OVERFLOW)
    else:
        weight = 0.35 + 0.65 * level / LEVELS
        colour = _blend(weight, POSITIVE if sign > 0 else NEGATIVE)
    return Style(color=colour, bold=bold, reverse=reverse)


def level_style(sign: int, level: int, *, bold: bool = False, reverse: bool = False) -> Style:
    """The style :func:`value_style` gives a value of this sign (0: not finite) and level (0…8)."""
    return _style(sign, level, bold or sign == 0, reverse)


def value_style(value: float, scale: float, *, bold: bool = False, reverse: bool = False) -> Style:
    """Colour for ``value``: hue by sign, intensity by magnitude; red when not finite."""
    if not math.isfinite(value):
        return _style(0, 0, True, reverse)
    level = round(magnitude(value, scale) * LEVELS)
    return _style(1 if value >= 0 else -1, level, bold, reverse)


def bar(value: float, scale: float, width: int) -> str:
    """A left-aligned bar of ``width`` cells whose length is |value|/scale (none for NaN: no length)."""
    if math.isnan(value):
        return " " * width
    eighths = round(magnitude(value, scale) * width * 8)
    full, rest = divmod(eighths, 8)
    text = "█" * full + (_BAR_EIGHTHS[rest] if rest else "")
    return text.ljust(width)[:width]


def weight_glyph(value: float, scale: float) -> str:
    """Two cells for a weight: its sign, then a block as tall as its magnitude."""
    if not math.isfinite(value):
        return "!!"
    sign = "-" if value < 0 else "+"
    level = math.ceil(magnitude(value, scale) * LEVELS) if value else 0
    return sign + HEIGHTS[level]


class OnBase:
    """Segments put on a widget's style ``base``, as Segment.apply_style does, each sum of two
    styles kept: a frame of the training view draws a hundred lines of a dozen segments each,
    from a few styles.  Neighbours that come out in the same style are one segment: the terminal
    is sent the style once (a neuron's marker and name on the canvas's style, say)."""

    def __init__(self, base: Style) -> None:
        self.base = base
        self._sums: dict[Style | None, Style] = {}

    def apply(self, segments: list[Segment]) -> tuple[list[Segment], int]:
        """``segments`` on the base style, and their width in cells."""
        sums, base = self._sums, self.base
        on_base: list[tuple[str, Style | None]] = []
        width = 0
        for text, style, _control in segments:
            summed = sums.get(style)
            if summed is None:
                summed = sums[style] = base + style
            width += cell_len(text)
            on_base.append((text, summed))
        return runs(on_base), width  # neighbours in one style as one segment


def joined(segments: list[Segment]) -> list[Segment]:
    """``segments`` with neighbours in the same style as one segment, so the terminal is sent the
    style once: the styles of :meth:`OnBase.apply` are summed once each, so one style is one object."""
    return runs((text, style) for text, style, _control in segments)


def runs(cells: Iterable[tuple[str, Style | None]]) -> list[Segment]:
    """Text in styles as segments, one per run of the same style (the same object: styles built
    once each compare by identity, the cheapest test on a hot path)."""
    segments: list[Segment] = []
    run_text, run_style = "", None
    for text, style in cells:
        if style is run_style:
            run_text += text
            continue
        if run_text:
            segments.append(Segment(run_text, run_style))
        run_text, run_style = text, style
    if run_text:
        segments.append(Segment(run_text, run_style))
    return segments
