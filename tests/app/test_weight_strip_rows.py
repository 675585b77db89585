"""A glyph strip's rows drawn at once (NumPy) look exactly as drawn one by one."""

from __future__ import annotations

import numpy as np
import pytest

from nntui.app.widgets import weight_strip
from nntui.core.network import DenseLayer, Network
from nntui.document.selection import Selection


def _network(weights: np.ndarray) -> Network:
    n_out, n_in = weights.shape
    layer = DenseLayer(weights=weights, bias=np.zeros(n_out), activation="tanh")
    return Network(input_names=[f"x{i + 1}" for i in range(n_in)], input_values=np.zeros(n_in), layers=[layer])


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("targets", [3, 16, 40])
def test_rows_at_once_equal_rows_one_by_one(seed: int, targets: int) -> None:
    rng = np.random.default_rng(seed)
    weights = rng.normal(scale=rng.choice([0.01, 1.0, 100.0]), size=(targets, 30))
    specials = [0.0, -0.0, np.nan, np.inf, -np.inf, 1e-300, -1e300]
    for value in specials:
        weights[rng.integers(targets), rng.integers(30)] = value
    network = _network(weights)
    scale = weight_strip.weight_scale(weights)
    strip = weight_strip.strip_layout(20, targets, target=int(rng.integers(targets)))
    source, target = int(rng.integers(30)), strip.first + int(rng.integers(strip.count))
    selection = Selection(1, target, source)  # the weight source → target
    assert selection.weight_source(network) == source
    rows = range(2, 27)
    at_once = weight_strip.glyph_rows(strip, weights, rows, (source, target), scale)
    for row, line in zip(rows, at_once):
        assert line == weight_strip.cells(strip, network, 0, row, selection, scale), f"row {row}"


@pytest.mark.parametrize(
    ("largest", "scale"),
    [(0.157, 0.2), (0.2, 0.2), (0.21, 0.5), (3.0, 5.0), (1.0, 1.0), (7.2, 10.0), (12.0, 20.0), (1e-5, 1e-5)],
)
def test_a_strips_scale_is_its_largest_weight_rounded_up_to_1_2_or_5(largest: float, scale: float) -> None:
    weights = np.array([[largest / 3, -largest], [0.0, largest / 2]])
    assert weight_strip.strip_scale(weights) == pytest.approx(scale)


def test_a_nudge_of_the_largest_weight_rarely_changes_a_strips_scale() -> None:
    weights = np.array([[0.31, 0.1], [0.05, -0.2]])
    scales = set()
    for _ in range(10):
        weights[0, 0] += 0.01  # 0.32 … 0.41: every nudge changes the largest |w|
        scales.add(weight_strip.strip_scale(weights))
    assert scales == {0.5}
