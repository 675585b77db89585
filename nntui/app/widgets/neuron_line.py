"""One line of one neuron in a column of the network view: the marker, its heatmap, its name,
its value and its bar, as Rich segments (the column, :mod:`network_column`, draws them)."""

from __future__ import annotations

import numpy as np
from rich.segment import Segment
from rich.style import Style

from nntui.app import heatmap, palette
from nntui.app.text import fit
from nntui.app.widgets.graph_layout import BAR_WIDTH, MAP_COLUMNS, VALUE_WIDTH, Parts
from nntui.core.network import ForwardResult, Network
from nntui.core.numbers import format_value
from nntui.document.selection import Selection

NO_STYLE = Style()


def segments(
    network: Network,
    result: ForwardResult,
    k: int,
    row: int,
    line: int,
    parts: Parts,
    selection: Selection,
    maps: np.ndarray | None,
    scale: float,
    styles: tuple[Style, Style],
) -> list[Segment]:
    """Line ``line`` of neuron ``row`` of column ``k``: marker, [heatmap], [name], [value], [bar].

    ``styles``: the selected neuron's and the selected weight's source neuron's.
    """
    cursor, source = styles
    if selection.column == k and selection.neuron == row:
        row_style, marker = cursor, "▶"
    elif selection.column == k + 1 and selection.weight_source(network) == row:
        row_style, marker = source, "›"
    else:
        row_style, marker = NO_STYLE, " "
    found = [Segment(marker if line == 0 else " ", row_style)]
    if maps is not None and row < len(maps):
        found.extend(heatmap.picture_line(maps[row], line))
        found.append(Segment(" ", row_style))
    rest = parts.width - 1 - (MAP_COLUMNS + 1 if parts.map else 0)
    if line > 0:  # the lines below a heatmap's first carry only the heatmap
        return [*found, Segment(" " * rest, row_style)]
    value = float(result.activations[k][row])
    colour = row_style + palette.value_style(value, scale)
    if parts.name:
        found.append(Segment(fit(network.neuron_name(k, row), parts.name) + " ", row_style))
    if parts.value:
        found += [Segment(format_value(value, VALUE_WIDTH), colour), Segment(" ", row_style)]
    if parts.bar:
        found += [Segment(palette.bar(value, scale, BAR_WIDTH), colour), Segment(" ", row_style)]
    return found


def key(
    network: Network,
    result: ForwardResult,
    k: int,
    row: int,
    selection: Selection,
    source: int | None,
    cells: object,
    maps: np.ndarray | None,
    scale: float,
) -> tuple[object, ...]:
    """What neuron ``row``'s line shows (``cells``: its weights in a matrix beside it), to tell
    whether it changed since it was drawn."""
    value = float(result.activations[k][row])
    return (
        selection.column == k and selection.neuron == row,
        source == row,
        network.neuron_name(k, row),
        format_value(value, VALUE_WIDTH),
        palette.bar(value, scale, BAR_WIDTH),
        palette.value_style(value, scale),
        cells,
        maps[row].tobytes() if maps is not None and row < len(maps) else None,
    )
