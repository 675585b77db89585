"""What the canvas's columns share: the styles they draw with, and what a cell of one holds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.style import Style

NO_STYLE = Style()


@dataclass(frozen=True)
class ColumnStyles:
    """The styles a column draws with, from the canvas's component classes (they change with the theme)."""

    title: Style = NO_STYLE
    title_selected: Style = NO_STYLE
    subtitle: Style = NO_STYLE
    strip_title: Style = NO_STYLE
    cursor: Style = NO_STYLE
    source: Style = NO_STYLE
    scrollbar_track: Style = NO_STYLE
    scrollbar_thumb: Style = NO_STYLE
    more: Style = NO_STYLE  # the canvas's own: how many layers a deep network leaves out

    @classmethod
    def of(cls, prefix: str, style: Callable[[str], Style]) -> ColumnStyles:
        """Each style from the component class ``prefix`` + its name, dashed (``title-selected``)."""
        return cls(**{name: style(prefix + name.replace("_", "-")) for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Hit:
    """What a cell of a column holds: a neuron, a weight (into ``column``), or the scrollbar."""

    kind: str  # "neuron", "weight", "scrollbar" or "pixel" (of an input picture)
    column: int = 0
    neuron: int = 0
    source: int = 0
