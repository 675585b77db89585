"""Which columns of the network the canvas draws: every one, or a window of a very deep network.

Pure Python (no Textual): a :class:`ColumnWindow` keeps a
:class:`NetworkColumn` per column in the window, moves the window when the
selection nears its edge, and remembers what each column needs across
frames (which target a matrix strip follows, the longest name).
"""

from __future__ import annotations

from rich.cells import cell_len

from nntui.app.widgets.graph_layout import NAME_CAP
from nntui.app.widgets.network_column import NetworkColumn
from nntui.core.network import Network
from nntui.core.text import visible
from nntui.document.selection import Selection

# Columns drawn at once.  A deeper network shows this many around the
# selection (the window moves with it) and says how many are left out.
MAX_DRAWN_COLUMNS = 32


class ColumnWindow:
    """The columns drawn now, leftmost first, and how many layers are left out on each side."""

    def __init__(self, layers: int) -> None:
        self.columns: list[NetworkColumn] = []
        self.first = 0  # the column of the first NetworkColumn
        self.hidden = (0, 0)  # layers left out on each side of the window
        # For each strip, the target neuron it last followed: kept when the
        # cursor leaves so the window does not jump around.
        self.strip_targets: list[int] = [0] * layers
        # Per column, the names last measured and their longest (see longest_name).
        self._names: dict[int, tuple[tuple[object, ...], int]] = {}

    def column(self, k: int) -> NetworkColumn:
        """What draws column ``k``; IndexError if it is not in the window."""
        index = k - self.first
        if not 0 <= index < len(self.columns):
            raise IndexError(k)
        return self.columns[index]

    def sync(self, network: Network, selection: Selection) -> bool:
        """A NetworkColumn per column of the window, after a shape change or a move. True if it moved."""
        columns = len(network.layers) + 1
        self.strip_targets = (self.strip_targets + [0] * columns)[: columns - 1]
        count = min(columns, MAX_DRAWN_COLUMNS)
        del self.columns[count:]
        self.columns += [NetworkColumn(k) for k in range(len(self.columns), count)]
        first = self._start(columns, count, selection)
        moved = first != self.first
        self.first = first
        for k, view in enumerate(self.columns, start=first):
            if view.column != k:
                view.column = k
                view.top = 0
        self.hidden = (first, columns - first - count)
        if selection.column > 0:
            self.strip_targets[selection.column - 1] = selection.neuron
        return moved

    def _start(self, columns: int, count: int, selection: Selection) -> int:
        """The first column to draw: the window moves only when the selection nears its edge."""
        if count == columns:
            return 0
        column = min(selection.column, columns - 1)
        first = min(self.first, columns - count)
        low = first + (1 if first > 0 else 0)  # a column left of the selection stays in view
        high = first + count - (2 if first + count < columns else 1)
        if low <= column <= high:
            return first
        return max(0, min(column - count // 2, columns - count))

    def x_of(self, target: NetworkColumn, start: int) -> int:
        """Where column ``target`` starts, the first column starting at ``start``."""
        for view in self.columns:
            if view is target:
                return start
            start += view.width
        raise ValueError(target)

    def at(self, x: int, start: int) -> tuple[NetworkColumn, int] | None:
        """The column over cell ``x`` and the cell within it (the first column at ``start``)."""
        for view in self.columns:
            if start <= x < start + view.width:
                return view, x - start
            start += view.width
        return None

    @staticmethod
    def follow(view: NetworkColumn, network: Network, selection: Selection) -> None:
        """Keep the selected neuron, and the source of the selected weight, in sight down a list."""
        if view.column == selection.column:
            view.scroll_to_row(selection.neuron)
        source = selection.weight_source(network)
        if source is not None and view.column == selection.column - 1:
            view.scroll_to_row(source)

    def strip_target(self, k: int) -> int:
        """The target neuron the matrix strip right of column ``k`` follows."""
        return self.strip_targets[k] if k < len(self.strip_targets) else 0

    def longest_name(self, network: Network, k: int, size: int) -> int:
        """Cells of the longest name in column ``k`` (the first 2,000 names: a list scrolls anyway).

        Remembered while the column's names stay the same (edits of values keep them)."""
        count = min(size, 2000)
        names = network.input_names if k == 0 else network.layers[k - 1].neuron_names
        key = (None if names is None else tuple(names[:count]), count, len(network.layers))
        cached = self._names.get(k)
        if cached is not None and cached[0] == key:
            return cached[1]
        shown = (network.neuron_name(k, j) for j in range(count))
        longest = max((cell_len(visible(name[: 2 * NAME_CAP])) for name in shown), default=1)
        self._names[k] = (key, longest)
        return longest
