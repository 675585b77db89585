"""The training diagnosis: what stops a network from learning, found in its numbers and said in words."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nntui.core import shape
from nntui.core.datasets import Dataset, make_dataset
from nntui.core.network import Network
from nntui.core.presets import load_preset
from nntui.core.training import Trainer, TrainingConfig
from nntui.core.training.diagnosis import (
    FLAT_STEPS,
    Finding,
    diagnose,
    fitting_output,
    reachable,
)
from nntui.i18n import set_language


def _kinds(findings: list[Finding]) -> list[str]:
    return [finding.kind for finding in findings]


def _fresh(data: Dataset, output: str, seed: int = 1, hidden: str = "tanh") -> Network:
    """A new 2-4-4-1 network for ``data``'s two inputs and one output."""
    assert (data.n_inputs, data.n_outputs) == (2, 1)
    return shape.fresh_network([2, 4, 4, 1], np.random.default_rng(seed), activation=hidden, output_activation=output)


def _regression(low: float, high: float) -> Dataset:
    """Two inputs in [-1, 1], one target spread evenly over [low, high]."""
    x = np.random.default_rng(0).uniform(-1, 1, (40, 2))
    y = np.linspace(low, high, 40)[:, None]
    return Dataset("made", "regression", x[:30], y[:30], x[30:], y[30:], ("x1", "x2"), ("y",))


# --- the output cannot reach the targets ------------------------------------------------


def test_a_sigmoid_output_cannot_reach_the_plane_targets_below_zero() -> None:
    """Why 2: the xor preset on the plane data plateaus at 0.07, for its sigmoid output never goes below 0."""
    data = make_dataset("plane")
    findings = diagnose(load_preset("xor"), data, [])
    assert "output_range" in _kinds(findings)
    text = next(f.text for f in findings if f.kind == "output_range")
    assert "sigmoid" in text and "−0.94" in text and "0.98" in text and "x" in text and "tanh" in text


@pytest.mark.parametrize(
    ("output", "low", "high", "cannot"),
    [
        ("sigmoid", -0.5, 0.5, True),
        ("sigmoid", 0.0, 1.0, False),
        ("relu", -0.5, 0.5, True),
        ("relu", 0.0, 7.0, False),
        ("tanh", -1.0, 1.0, False),
        ("tanh", -0.5, 2.0, True),
        ("linear", -40.0, 40.0, False),
        ("leaky_relu", -3.0, 3.0, False),
    ],
)
def test_the_output_range_is_checked_against_the_targets(output: str, low: float, high: float, cannot: bool) -> None:
    data = _regression(low, high)
    findings = diagnose(_fresh(data, output), data, [])
    assert ("output_range" in _kinds(findings)) is cannot


def test_the_output_that_fits_is_tanh_within_minus_one_one_else_linear() -> None:
    assert fitting_output(make_dataset("plane")) == "tanh"
    assert fitting_output(_regression(-1.0, 1.0)) == "tanh"
    assert fitting_output(_regression(-0.5, 2.0)) == "linear"
    assert fitting_output(make_dataset("xor")) == "sigmoid"
    x = np.random.default_rng(0).uniform(-1, 1, (6, 2))
    one_hot = np.eye(3)[[0, 1, 2, 0, 1, 2]]
    classes = Dataset("three", "classification", x[:4], one_hot[:4], x[4:], one_hot[4:], ("x1", "x2"), ("a", "b", "c"))
    assert fitting_output(classes) == "softmax"
    tags = one_hot.copy()
    tags[0, 1] = 1.0  # a sample in two classes: independent yes/no outputs
    labels = Dataset("tags", "classification", x[:4], tags[:4], x[4:], tags[4:], ("x1", "x2"), ("a", "b", "c"))
    assert fitting_output(labels) == "sigmoid"
    assert reachable("sigmoid") == (0.0, 1.0) and reachable("linear") == (-math.inf, math.inf)
    assert reachable("relu") == (0.0, math.inf) and reachable("tanh") == (-1.0, 1.0)


def test_the_fitting_output_learns_the_plane_past_the_plateau() -> None:
    data = make_dataset("plane")
    net = load_preset("xor")
    net.layers[-1].activation = fitting_output(data)
    net = shape.randomize_all(net, np.random.default_rng(0))
    Trainer(net, data.x_train, data.y_train, TrainingConfig(loss="mse")).run(2000)
    assert "output_range" not in _kinds(diagnose(net, data, []))
    assert float(np.mean((net.forward(data.x_train).outputs - data.y_train) ** 2)) < 0.01


# --- saturated units --------------------------------------------------------------------


def test_the_xor_presets_hand_weights_saturate_every_sigmoid_on_the_xor_data() -> None:
    """Why 3: ±20 weights on inputs in [-1, 1]: every sigmoid sits on a flat part, so training stalls."""
    findings = diagnose(load_preset("xor"), make_dataset("xor"), [])
    assert "saturated" in _kinds(findings)
    text = next(f.text for f in findings if f.kind == "saturated")
    assert "2 of 2" in text and "|z| > 5" in text and "x" in text


def test_small_fresh_weights_are_not_saturated() -> None:
    data = make_dataset("xor")
    assert "saturated" not in _kinds(diagnose(_fresh(data, "sigmoid"), data, []))


def test_saturated_units_are_not_a_problem_once_everything_is_learned() -> None:
    # The xor preset on its own truth table: ±20 weights, every sample right.
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]] * 5)
    y = np.array([[0.0], [1.0], [1.0], [0.0]] * 5)
    data = Dataset("table", "classification", x, y, x, y, ("x1", "x2"), ("y",))
    assert diagnose(load_preset("xor"), data, []) == []


# --- dead ReLUs -------------------------------------------------------------------------


def test_a_relu_that_is_zero_on_every_sample_is_dead() -> None:
    data = make_dataset("xor")
    net = shape.fresh_network([2, 4, 1], np.random.default_rng(1), activation="relu")
    assert "dead_relu" not in _kinds(diagnose(net, data, []))
    net.layers[0].bias[:] = [-10.0, -10.0, 0.0, 0.0]  # two first units never above 0 on inputs in [-1, 1]
    findings = diagnose(net, data, [])
    assert "dead_relu" in _kinds(findings)
    assert "2 ReLU units" in next(f.text for f in findings if f.kind == "dead_relu")


# --- the loss over time -----------------------------------------------------------------


def _history(losses: list[float], every: int = 100) -> list[tuple[int, float]]:
    return [(i * every, loss) for i, loss in enumerate(losses)]


def _loss_kinds(history: list[tuple[int, float]]) -> list[str]:
    data = make_dataset("xor")
    return [k for k in _kinds(diagnose(_fresh(data, "sigmoid"), data, history)) if k in ("exploding", "flat")]


def test_a_loss_that_is_not_finite_is_exploding() -> None:
    assert _loss_kinds(_history([0.7, 0.6, math.inf])) == ["exploding"]
    assert _loss_kinds(_history([0.7, math.nan])) == ["exploding"]


def test_a_loss_growing_step_after_step_is_exploding() -> None:
    assert _loss_kinds(_history([0.7, 0.5, 0.4, 0.9, 3.0, 40.0, 900.0])) == ["exploding"]


def test_one_jump_from_a_change_by_hand_is_not_exploding() -> None:
    # A hand edit replaces the last point: one jump, not a climb.
    assert _loss_kinds(_history([0.7, 0.5, 0.3, 0.2, 0.1, 0.05, 9.0])) == []


def test_a_loss_swinging_far_above_where_it_started_is_exploding() -> None:
    swings = [0.69, 4.2, 4.6, 11.3, 8.8, 1.2, 8.6, 8.3, 4.3, 10.6, 6.7, 7.2, 9.9]
    assert _loss_kinds(_history(swings)) == ["exploding"]


def test_a_loss_falling_from_a_bad_start_is_not_exploding() -> None:
    # Above what a constant guess gives (0.69 on xor), but falling: training is working.
    falling = [3.0, 2.7, 2.5, 2.2, 2.0, 1.9, 1.7, 1.6, 1.55, 1.5, 1.45, 1.42]
    assert _loss_kinds(_history(falling)) == []


def test_a_loss_that_stopped_moving_above_zero_is_flat() -> None:
    stalled = _history([0.69, 0.4] + [0.077] * 30, every=FLAT_STEPS // 10)
    assert _loss_kinds(stalled) == ["flat"]
    findings = diagnose(_fresh(make_dataset("xor"), "sigmoid"), make_dataset("xor"), stalled)
    assert "1,000" in next(f.text for f in findings if f.kind == "flat")


def test_a_loss_still_falling_or_at_zero_or_too_short_is_not_flat() -> None:
    falling = [0.69 * 0.97**i for i in range(40)]
    assert _loss_kinds(_history(falling, every=FLAT_STEPS // 10)) == []
    assert _loss_kinds(_history([0.69] + [0.001] * 30, every=FLAT_STEPS // 10)) == []
    assert _loss_kinds(_history([0.69] + [0.077] * 5, every=FLAT_STEPS // 10)) == []  # 500 steps only


def test_a_cause_found_makes_flat_needless() -> None:
    """The plane on a sigmoid output: the range says why it is flat, so flat is not said twice."""
    data = make_dataset("plane")
    stalled = _history([0.2] + [0.077] * 30, every=FLAT_STEPS // 10)
    kinds = _kinds(diagnose(load_preset("xor"), data, stalled))
    assert kinds[0] == "output_range" and "flat" not in kinds


# --- words ------------------------------------------------------------------------------


def test_the_diagnosis_speaks_french() -> None:
    set_language("fr")
    data = make_dataset("plane")
    texts = [f.text for f in diagnose(load_preset("xor"), data, [])]
    assert any("−0,94" in text and "cibles" in text for text in texts)
    texts = [f.text for f in diagnose(load_preset("xor"), make_dataset("xor"), [])]
    assert any("saturé" in text for text in texts)


def test_a_network_that_does_not_fit_the_data_has_no_diagnosis() -> None:
    data = make_dataset("xor")
    net = shape.fresh_network([3, 1], np.random.default_rng(0))
    assert diagnose(net, data, _history([0.7, math.inf])) == []


def test_a_network_with_inf_weights_is_diagnosed_without_warnings() -> None:
    data = make_dataset("xor")
    net = _fresh(data, "sigmoid")
    net.layers[0].weights[0, 0] = math.inf
    with np.errstate(all="raise"):
        diagnose(net, data, _history([0.7, 0.6]))


def test_the_diagnosis_never_changes_the_network() -> None:
    data = make_dataset("xor")
    net = load_preset("xor")
    before = [layer.weights.copy() for layer in net.layers]
    diagnose(net, data, _history([0.7, 0.6]))
    assert all(np.array_equal(a, layer.weights) for a, layer in zip(before, net.layers))
