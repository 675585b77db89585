"""The backward pass of one sample, with real numbers, for the selected neuron.

Beside the forward formula of the inspector, the same neuron seen from the
loss: its error term δ = ∂L/∂z, and for each incoming weight the gradient
∂L/∂w = δ·a as its two factors and their product.  After a gradient step,
the numbers of that step: the gradients it used (at the weights before it),
the move w ← w − η·g of every incoming weight, and the loss before → after.
"""

from __future__ import annotations

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
NAME_WIDTH = 13


def _num(value: float, *, selected: bool = False) -> Text:
    return Text(format_value(value, 6), style=palette.value_style(value, 1.0, bold=selected, reverse=selected))


def _name(text: str, *, selected: bool = False) -> Text:
    return Text(safe(text, NAME_WIDTH).ljust(NAME_WIDTH) + " ", style="bold" if selected else "")


def _loss_words(name: str) -> str:
    key = f"app.loss_name.{name}"
    return t(key) if has(key) else name


class BackwardPanel(Static):
    """δ of the selected neuron and ∂L/∂w = δ·a of each of its weights."""

    _shape: object = None

    def show(self, network: Network, backward: BackwardPass, selection: Selection, learning_rate: float,
             moves: dict[ParamRef, tuple[float, float, float]] | None = None, *,
             loss_after: float | None = None) -> None:
        """``backward`` at ``network``'s weights; or, after a step, the pass the step used with its
        ``moves`` (old, g, new) and the loss at the new weights, ``loss_after``."""
        moves = moves or {}
        k, j = selection.column, selection.neuron
        self.border_title = plain(t("app.backward.title", name=safe(network.neuron_name(k, j))))
        target = " ".join(format_value(float(v), 6).strip() for v in backward.target)
        head = Text.assemble(
            (t("app.backward.loss", loss=_loss_words(backward.loss_name)) + " L = ", "bold"), _num(backward.loss))
        if loss_after is not None:  # the loss the step led to
            head.append_text(Text.assemble(" → ", _num(loss_after)))
        head.append("   " + t("app.backward.target") + f" {target}", "dim")
        if k == 0:
            lines = [head, Text.assemble(t("app.backward.input") + " ∂L/∂x = ",
                                         _num(backward.gradient(ParamRef.input(j)), selected=True)),
                     Text(t("app.backward.input_note"), style="dim")]
        else:
            lines = [head, *self._neuron(network, backward, selection, learning_rate, moves)]
        for line in lines:  # a narrow panel cuts its lines rather than scrambling the columns
            line.no_wrap, line.overflow = True, "ellipsis"
        shape = (k, j, selection.param, bool(moves))
        layout, self._shape = shape != self._shape, shape
        self.update(Group(*lines), layout=layout)

    def _neuron(self, network: Network, backward: BackwardPass, selection: Selection, learning_rate: float,
                moves: dict[ParamRef, tuple[float, float, float]]) -> list[Text]:
        k, j = selection.column, selection.neuron
        layer = k - 1
        n_in = network.layers[layer].n_in
        delta = float(backward.deltas[layer][j])
        stepped = bool(moves)
        lines = [Text.assemble(("δ = ∂L/∂z = ", "bold"), _num(delta, selected=True),
                               ("   η = " + f"{learning_rate:g}", "dim"),
                               ("   " + t("app.backward.before_step") if stepped else "", "dim"))]
        header = "  " + t("app.inspector.from").ljust(NAME_WIDTH + 1) + "     δ" + "        a" + "   ∂L/∂w"
        lines.append(Text(header + ("   w ← w − η·g" if stepped else ""), style="dim"))
        source = selection.weight_source(network)
        focus = source if source is not None else n_in - 1
        first = max(0, min(focus - WINDOW // 2, n_in - WINDOW))
        for i in range(first, min(n_in, first + WINDOW)):
            chosen = i == source
            d, a, g = backward.weight_gradient(layer, j, i)
            line = Text.assemble("▶ " if chosen else "  ", _name(network.neuron_name(k - 1, i), selected=chosen),
                                 _num(d), " × ", _num(a), " = ", _num(g, selected=chosen))
            move = moves.get(ParamRef.weight(layer, j, i))
            if move is not None:
                line.append_text(Text.assemble("   ", _num(move[0]), " → ", _num(move[2])))
            lines.append(line)
        # ∂L/∂b under the weights' ∂L/∂w: the row is no longer than theirs, so never cut before them.
        bias_line = Text.assemble("▶ " if source is None else "  ",
                                  _name(t("app.inspector.bias") + " b", selected=source is None),
                                  " " * 10, "∂L/∂b = ", _num(backward.bias_gradient(layer, j), selected=source is None))
        move = moves.get(ParamRef.bias(layer, j))
        if move is not None:
            bias_line.append_text(Text.assemble("   ", _num(move[0]), " → ", _num(move[2])))
        lines.append(bias_line)
        return lines
