"""A softmax read as an answer: its percentages, its winner and its parts, against NumPy."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nntui.app.probabilities import percent, softmax_parts, winners


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


def test_a_percentage_has_one_decimal_in_six_characters() -> None:
    assert percent(0.8734, 10) == " 87.3%"
    assert percent(0.05, 3) == "  5.0%"
    assert percent(1.0, 1) == "100.0%"  # a softmax of one output is 1
    assert {len(percent(p, 10)) for p in (0.0, 1e-9, 0.5, 0.99999, 1.0)} == {6}


def test_a_softmax_of_several_outputs_is_never_shown_certain() -> None:
    assert percent(0.00001, 10) == " <0.1%"
    assert percent(0.0, 10) == " <0.1%"  # an e^z too small for a float is still more than nothing
    assert percent(0.99999, 2) == ">99.9%"
    assert percent(1.0, 2) == ">99.9%"


def test_a_value_that_is_not_finite_is_a_dash() -> None:
    assert percent(math.nan, 3) == "     —"


def test_the_winner_is_the_largest_and_a_shown_tie_marks_each() -> None:
    assert winners([0.2, 0.7, 0.1], ["20.0%", "70.0%", "10.0%"]) == [1]
    assert winners([0.5, 0.5], ["50.0%", "50.0%"]) == [0, 1]
    # Equal to the first decimal: the learner sees a tie, not a winner chosen by a hidden digit.
    assert winners([0.33334, 0.33333, 0.33333], ["33.3%"] * 3) == [0, 1, 2]


def test_no_winner_without_a_choice_or_a_number() -> None:
    assert winners([1.0], ["100.0%"]) == []
    assert winners([math.nan, math.nan], ["—", "—"]) == []


@pytest.mark.parametrize("j", [0, 3, 9])
def test_the_parts_are_e_to_the_z_and_their_sum(j: int) -> None:
    z = np.random.default_rng(j).normal(0, 3, size=10)
    parts = softmax_parts(z, j)
    assert not parts.shifted and parts.finite
    assert parts.exp == pytest.approx(np.exp(z[j]))
    assert parts.total == pytest.approx(np.exp(z).sum())
    assert parts.y == pytest.approx(_softmax(z)[j])
    assert parts.exp / parts.total == pytest.approx(parts.y)


def test_sums_too_large_for_e_to_the_z_are_shifted_by_the_largest() -> None:
    z = np.array([800.0, 799.0, -5.0])
    with np.errstate(over="ignore"):
        assert not np.isfinite(np.exp(z[0]))  # why the shift
    parts = softmax_parts(z, 1)
    assert parts.shifted and parts.shift == 800.0 and parts.finite
    assert parts.exp == pytest.approx(np.exp(-1.0))
    assert parts.total == pytest.approx(1 + np.exp(-1.0))
    assert parts.y == pytest.approx(_softmax(z)[1])


def test_sums_all_too_small_are_shifted_too() -> None:
    z = np.array([-800.0, -801.0])
    with np.errstate(under="ignore"):
        assert np.exp(z).sum() == 0.0  # 0/0 without the shift
    parts = softmax_parts(z, 0)
    assert parts.shifted and parts.y == pytest.approx(1 / (1 + np.exp(-1.0)))


def test_a_sum_that_is_not_finite_leaves_no_part_finite() -> None:
    parts = softmax_parts(np.array([math.inf, 0.0]), 1)
    assert not parts.finite and math.isnan(parts.y)
