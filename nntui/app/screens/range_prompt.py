"""A prompt for the low and high input values of the truth table, e.g. ``0 1`` or ``-1, 1``."""

from __future__ import annotations

from nntui.app.screens.text_prompt import TextPrompt
from nntui.core.numbers import parse_finite
from nntui.i18n import t


def parse_range(text: str) -> tuple[float, float]:
    """Two finite numbers, the low one first; ValueError saying what is wrong."""
    parts = text.replace(",", " ").replace(";", " ").split()
    if len(parts) != 2:
        raise ValueError(t("app.truth.range_two_numbers"))
    low, high = (parse_finite(part) for part in parts)
    if not low < high:
        raise ValueError(t("app.truth.range_order"))
    return low, high


class RangePrompt(TextPrompt[tuple[float, float]]):
    """Returns (low, high), or None when cancelled."""

    def __init__(self, low: float, high: float) -> None:
        super().__init__(t("app.truth.range_title"), f"{low:g} {high:g}", hint=t("app.truth.range_hint"))

    def parse(self, text: str) -> tuple[float, float]:
        return parse_range(text)
