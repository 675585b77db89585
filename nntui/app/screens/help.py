"""The help screen: what a neuron is, and every key."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from nntui.app.screens.dialog import Dialog

EXPLANATION = """\
## How a neuron works

Each neuron takes the values of the previous layer, multiplies each value
**xᵢ** by a **weight wᵢ**, adds them up with a **bias b**, and passes the sum
**z = Σ xᵢ·wᵢ + b** through a non-linear **activation function f**:
**y = f(z)**. A large positive weight makes its input push the neuron up, a
negative one pushes it down, a weight near 0 makes the input irrelevant.

## Layers

The **input layer** (left) holds the values you set. Each **hidden layer**
computes new features from the layer before it; the **output layer** (right)
gives the network's answer. Every change recomputes all of them at once.

## Training

Press `ctrl+t` for the training view: every neuron shows a small heatmap of
what it computes over the plane of the two inputs, and the panel below shows
the data, the output over the plane (the decision boundary) and the loss.
`space` trains (or pauses), `s` takes one step, `x` draws new weights. Each
step takes a batch of points, measures how wrong the output is (the loss),
and moves every weight a little in the direction that makes it less wrong
(backpropagation). Pause, change a weight by hand, and watch every heatmap
follow; `u` undoes a whole stretch of training.

## Things to try

- In *potatoes*, turn the saxophone's weight up and down: how much does the
  output care? Then raise the herb smell's weight.
- Select the output neuron and press `a` to try other activations.
- Press `Enter` to type an exact value, `u` to undo it.
- Open the *xor* preset (`nntui --preset xor`) and work out which hidden
  neuron acts as OR and which as NAND.
- In the training view, choose the spiral data, add neurons (`n`) and a
  layer (`N`) until the network can learn it.
"""


class HelpScreen(Dialog[None]):
    """Shows the explanation and a table of every key binding."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close help")]

    def __init__(self, keys: Iterable[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = list(keys)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("nntui help · Escape closes", style="bold"), id="help-title")
            yield Static(self._key_table(), id="help-keys")
            yield Markdown(EXPLANATION)

    def _key_table(self) -> Table:
        table = Table(title="Keys", title_justify="left", show_header=False, box=None, expand=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for key, description in self.keys:
            table.add_row(key, description)
        return table

    def action_close(self) -> None:
        self.answer(None)
