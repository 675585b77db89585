"""The backward pass of one sample, with real numbers, for the selected neuron.

Beside the forward formula of the inspector, the same neuron seen from the
loss: its error term δ = ∂L/∂z, and for each incoming weight the gradient
∂L/∂w = δ·a as its two factors and their product.  After a gradient step,
the numbers of that step: the gradients it used (at the weights before it),
the move w ← w − η·g of every incoming weight, and the loss before → after.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from nntui.app import palette
from nntui.app.text import plain, safe
from nntui.core.backward import BackwardPass
from nntui.core.edits import ParamRef
from nntui.core.network import Network
from nntui.core.numbers import format_value
from nntui.document.selection import Selection
from nntui.i18n import has, t

WINDOW = 5
FRAME = 4  # the border and the padding
NAME_MIN, NAME_MAX = 10, 32  # a row's name takes the room its numbers leave, within these
# A row without its name: "▶ ", a space, "δ × a = g" and, after a step, "   old → new".
ROW = 2 + 1 + 6 + 3 + 6 + 3 + 6
GAP = "  "  # between a gradient and its move
MOVE = len(GAP) + 6 + 3 + 6


def _num(value: float, *, selected: bool = False) -> Text:
    return Text(format_value(value, 6), style=palette.value_style(value, 1.0, bold=selected, reverse=selected))


def _loss_words(name: str) -> str:
    key = f"app.loss_name.{name}"
    return t(key) if has(key) else name


@dataclass(frozen=True)
class ShownPass:
    """What the panel shows: the pass at ``network``'s weights, or the one a step used, with its
    ``moves`` (old, g, new) and the loss at the new weights, ``loss_after``."""

    network: Network
    backward: BackwardPass
    selection: Selection
    learning_rate: float
    moves: dict[ParamRef, tuple[float, float, float]] = field(default_factory=dict)
    loss_after: float | None = None


def needed_width(shown: ShownPass) -> int:
    """The panel's width for every number whole, its names cut to NAME_MIN if they are longer
    (border and padding included)."""
    return FRAME + max(line.cell_len for line in _lines(shown, NAME_MIN, 0) if line.no_wrap)


class BackwardPanel(Static):
    """δ of the selected neuron and ∂L/∂w = δ·a of each of its weights.

    The rows are made when drawn, for the width the panel has: the names take
    the room the numbers leave (whole at 120 columns), never the numbers'.
    """

    _shape: object = None
    _shown: ShownPass | None = None

    def show_pass(self, shown: ShownPass) -> None:
        """Show ``shown``: the pass at the network's weights, or the one a step used."""
        k, j = shown.selection.column, shown.selection.neuron
        self.border_title = plain(t("app.backward.title", name=safe(shown.network.neuron_name(k, j))))
        self.border_subtitle = t("app.backward.before_step") if shown.moves and k > 0 else ""
        self._shown = shown
        shape = (k, j, shown.selection.param, bool(shown.moves))
        layout, self._shape = shape != self._shape, shape
        self.refresh(layout=layout)

    def render(self) -> Group:
        if self._shown is None:
            return Group()
        width = self.content_region.width
        room = width - ROW - (MOVE if self._shown.moves else 0)
        return Group(*_lines(self._shown, max(NAME_MIN, min(NAME_MAX, room)), width))


def _lines(shown: ShownPass, name_width: int, width: int) -> list[Text]:
    """The panel's lines for ``width`` cells, each row's name in at most ``name_width``."""
    network, backward, selection = shown.network, shown.backward, shown.selection
    j = selection.neuron
    target = " ".join(format_value(float(v), 6).strip() for v in backward.target)
    head = Text.assemble(
        (t("app.backward.loss", loss=_loss_words(backward.loss_name)) + " L = ", "bold"), _num(backward.loss)
    )
    if shown.loss_after is not None:  # the loss the step led to
        head.append_text(Text.assemble(" → ", _num(shown.loss_after)))
    wanted = Text(t("app.backward.target") + f" {target}", style="dim")
    fits = head.cell_len + 3 + wanted.cell_len <= width
    heads = [Text.assemble(head, "   ", wanted)] if fits else [head, wanted]  # else the target on a line of its own
    if selection.column == 0:
        lines = [
            *heads,
            Text.assemble(
                t("app.backward.input") + " ∂L/∂x = ", _num(backward.gradient(ParamRef.input(j)), selected=True)
            ),
        ]
    else:
        lines = [*heads, *_neuron(network, backward, selection, shown.learning_rate, shown.moves, name_width)]
    for line in lines:  # a narrow panel cuts its lines rather than scrambling the columns
        line.no_wrap, line.overflow = True, "ellipsis"
    if selection.column == 0:
        lines.append(Text(t("app.backward.input_note"), style="dim"))  # words: they wrap
    return lines


def _neuron(
    network: Network,
    backward: BackwardPass,
    selection: Selection,
    learning_rate: float,
    moves: dict[ParamRef, tuple[float, float, float]],
    width: int,
) -> list[Text]:
    k, j = selection.column, selection.neuron
    layer = k - 1
    n_in = network.layers[layer].n_in
    delta = float(backward.deltas[layer][j])
    stepped = bool(moves)
    names = [network.neuron_name(k - 1, i) for i in range(n_in)] + [t("app.inspector.bias") + " b"]
    width = min(width, max(len(safe(name)) for name in names))  # no wider than the longest name

    def name(text: str, selected: bool) -> Text:
        return Text(safe(text, width).ljust(width) + " ", style="bold" if selected else "")

    lines = [
        Text.assemble(("δ = ∂L/∂z = ", "bold"), _num(delta, selected=True), ("   η = " + f"{learning_rate:g}", "dim"))
    ]
    header = "  " + t("app.inspector.from").ljust(width + 1) + "     δ" + "        a" + "   ∂L/∂w"
    lines.append(Text(header + (GAP + "w ← w − η·g" if stepped else ""), style="dim"))
    source = selection.weight_source(network)
    focus = source if source is not None else n_in - 1
    first = max(0, min(focus - WINDOW // 2, n_in - WINDOW))
    for i in range(first, min(n_in, first + WINDOW)):
        chosen = i == source
        d, a, g = backward.weight_gradient(layer, j, i)
        line = Text.assemble(
            "▶ " if chosen else "  ", name(names[i], chosen), _num(d), " × ", _num(a), " = ", _num(g, selected=chosen)
        )
        move = moves.get(ParamRef.weight(layer, j, i))
        if move is not None:
            line.append_text(Text.assemble(GAP, _num(move[0]), " → ", _num(move[2])))
        lines.append(line)
    # ∂L/∂b under the weights' ∂L/∂w: the row is no longer than theirs, so never cut before them.
    bias_line = Text.assemble(
        "▶ " if source is None else "  ",
        name(names[-1], source is None),
        " " * 10,
        "∂L/∂b = ",
        _num(backward.bias_gradient(layer, j), selected=source is None),
    )
    move = moves.get(ParamRef.bias(layer, j))
    if move is not None:
        bias_line.append_text(Text.assemble(GAP, _num(move[0]), " → ", _num(move[2])))
    lines.append(bias_line)
    return lines
