"""How the challenges build their start networks and judge a network.

Every check takes any network (the learner may have reshaped it) and
returns a Verdict; it never raises and never changes the network.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import cache

import numpy as np

from nntui.core.challenges.model import Verdict
from nntui.core.datasets import Dataset, make_dataset
from nntui.core.network import DenseLayer, Network
from nntui.core.numbers import format_number
from nntui.core.plural import counted
from nntui.core.presets import load_preset
from nntui.core.training import data_mismatch, evaluate
from nntui.core.truth import Targets, rows_right, truth_table
from nntui.i18n import language, t

Check = Callable[[Network], Verdict]

SAXOPHONE = 2  # the potatoes preset's third input
SAXOPHONE_START_WEIGHT = 3.0  # strong enough that a saxophone alone says "potatoes"
SAXOPHONE_TOLERANCE = 0.05  # how much the saxophone may still move the output
SPIRAL_ACCURACY = 0.95
SPIRAL_HIDDEN_LIMIT = 12


def decimal(value: float, digits: int) -> str:
    """``value`` with ``digits`` decimals, with a decimal comma in French."""
    text = format_number(value, f".{digits}f")
    return text.replace(".", ",") if language() == "fr" else text


# --- start networks ----------------------------------------------------------------------


def logic_start(name_key: str, output_key: str, sizes: list[int], activation: str) -> Callable[[], Network]:
    """A maker of networks of ``sizes`` with inputs a, b…, all weights and biases 0.

    The network is named ``t(name_key)`` and its output ``t(output_key)``,
    when it is made: in the language of the moment.
    """

    def start() -> Network:
        layers = [
            DenseLayer(np.zeros((n_out, n_in)), np.zeros(n_out), activation)
            for n_in, n_out in itertools.pairwise(sizes)
        ]
        layers[-1].neuron_names = [t(output_key)]
        inputs = [chr(ord("a") + i) for i in range(sizes[0])]
        return Network(inputs, np.zeros(sizes[0]), layers, t(name_key))

    return start


def loud_saxophone() -> Network:
    """The potatoes preset, where the saxophone's weight was raised: it alone says "potatoes"."""
    network = load_preset("potatoes")
    network.layers[0].weights[0, SAXOPHONE] = SAXOPHONE_START_WEIGHT
    return network


def potatoes() -> Network:
    return load_preset("potatoes")


def spiral_start() -> Network:
    """A small 2-3-1 network for the spiral: too small, on purpose."""
    rng = np.random.default_rng(0)
    data = spiral_data()
    layers = [
        DenseLayer(rng.uniform(-1.0, 1.0, (3, 2)) / np.sqrt(2), np.zeros(3), "tanh"),
        DenseLayer(
            rng.uniform(-1.0, 1.0, (1, 3)) / np.sqrt(3),
            np.zeros(1),
            "sigmoid",
            neuron_names=[t("core.challenge.spiral.output")],
        ),
    ]
    return Network(list(data.input_names), np.zeros(2), layers, t("core.challenge.spiral.title"))


@cache
def spiral_data() -> Dataset:
    """The spiral the training challenge is judged on (read-only arrays: safe to share)."""
    return make_dataset("spiral", seed=0)


# --- checks -----------------------------------------------------------------------------


def shape_problem(network: Network, sizes: list[int], activation: str | None = None) -> str | None:
    """Why ``network`` is not the shape (or the output activation) a challenge is about, or None."""
    if network.sizes != sizes:
        expected, actual = ("-".join(str(n) for n in s) for s in (sizes, network.sizes))
        return t("core.challenge.verdict.shape", expected=expected, actual=actual)
    if activation is not None and network.layers[-1].activation != activation:
        return t("core.challenge.verdict.activation", activation=activation)
    return None


def rows_verdict(network: Network, targets: Targets) -> Verdict:
    """Solved when every row of the truth table is right; the detail counts the right rows."""
    rows = truth_table(network, targets=targets)
    right = rows_right(rows)
    if right == len(rows):
        return Verdict(True, t("core.challenge.verdict.all_rows", total=len(rows)))
    return Verdict(False, counted("core.challenge.verdict.rows", right, total=len(rows)))


def truth_check(targets: Targets, sizes: list[int], activation: str | None = None) -> Check:
    """A check that the network has ``sizes`` (and that output activation) and every row right."""

    def check(network: Network) -> Verdict:
        problem = shape_problem(network, sizes, activation)
        if problem is not None:
            return Verdict(False, problem)
        return rows_verdict(network, targets)

    return check


def never_check(targets: Targets, sizes: list[int]) -> Check:
    """The check of an impossible challenge: it counts the right rows and never passes.

    With ``sizes`` a single neuron, every activation nntui has is monotone, so
    it can only split the rows along a line: see :func:`nntui.core.truth.separable`.
    """

    def check(network: Network) -> Verdict:
        problem = shape_problem(network, sizes)
        if problem is not None:
            return Verdict(False, problem)
        rows = truth_table(network, targets=targets)
        return Verdict(False, counted("core.challenge.verdict.rows", rows_right(rows), total=len(rows)))

    return check


def saxophone_check(network: Network) -> Verdict:
    """Solved when the saxophone moves the output by less than 0.05 in every row, and the
    output still says yes (> 0.5) with herbs and peelings and no (< 0.5) with neither,
    saxophone or not.

    The 8 rows of the truth table, indexed [herbs, peelings, saxophone].
    """
    problem = shape_problem(network, [3, 1])
    if problem is not None:
        return Verdict(False, problem)
    out = np.array([row.outputs[0] for row in truth_table(network)]).reshape(2, 2, 2)
    with np.errstate(invalid="ignore"):
        change = float(np.max(np.abs(out[:, :, 1] - out[:, :, 0])))
    if not change < SAXOPHONE_TOLERANCE:  # NaN too
        return Verdict(False, t("core.challenge.verdict.saxophone_moves", change=decimal(change, 2)))
    if not (np.all(out[1, 1, :] > 0.5) and np.all(out[0, 0, :] < 0.5)):
        return Verdict(False, t("core.challenge.verdict.clues"))
    return Verdict(True, t("core.challenge.verdict.saxophone_ignored", change=decimal(change, 3)))


def hidden_neurons(network: Network) -> int:
    """How many neurons all the hidden layers have together."""
    return sum(layer.n_out for layer in network.layers[:-1])


def accuracy_on_test(network: Network, data: Dataset) -> float | str:
    """The share of ``data``'s test samples ``network`` classifies right (0 when it gives no
    answer), or why it cannot read them: what every training challenge is judged on."""
    mismatch = data_mismatch(network, data)
    if mismatch is not None:
        return mismatch
    return evaluate(network, network.inputs_for(data.x_test), data.y_test).accuracy or 0.0


def spiral_check(network: Network) -> Verdict:
    """Solved at 95% test accuracy on the spiral with 12 hidden neurons at most."""
    accuracy = accuracy_on_test(network, spiral_data())
    if isinstance(accuracy, str):
        return Verdict(False, accuracy)
    hidden = hidden_neurons(network)
    detail = counted(
        "core.challenge.verdict.spiral",
        hidden,
        accuracy=decimal(100 * accuracy, 1),
        goal=decimal(100 * SPIRAL_ACCURACY, 0),
        limit=SPIRAL_HIDDEN_LIMIT,
    )
    return Verdict(accuracy >= SPIRAL_ACCURACY and hidden <= SPIRAL_HIDDEN_LIMIT, detail)
