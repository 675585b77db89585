"""Truth tables: the rows, their order, the targets and what counts as right; separable()."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.network import DenseLayer, Network
from nntui.core.presets import load_preset
from nntui.core.truth import (
    MAX_TRUTH_INPUTS,
    TruthRow,
    TruthTableError,
    input_combinations,
    rows_right,
    separable,
    truth_table,
)
from nntui.i18n import set_language
from tests.factory import random_network


def _neuron(weights: list[float], bias: float, activation: str = "sigmoid") -> Network:
    inputs = [chr(ord("a") + i) for i in range(len(weights))]
    return Network(inputs, np.zeros(len(weights)), [DenseLayer([weights], [bias], activation)])


def _and(bits: tuple[bool, ...]) -> tuple[float, ...]:
    return (float(all(bits)),)


# --- the rows --------------------------------------------------------------------------------


def test_rows_count_in_binary_first_input_most_significant() -> None:
    rows = truth_table(random_network([3, 2, 1]))
    assert [row.inputs for row in rows] == [
        (0.0, 0.0, 0.0),
        (0.0, 0.0, 1.0),
        (0.0, 1.0, 0.0),
        (0.0, 1.0, 1.0),
        (1.0, 0.0, 0.0),
        (1.0, 0.0, 1.0),
        (1.0, 1.0, 0.0),
        (1.0, 1.0, 1.0),
    ]
    assert all(row.target is None and row.ok is None for row in rows)


def test_low_and_high_are_the_values_given() -> None:
    rows = truth_table(random_network([2, 1]), low=-1.0, high=2.5)
    assert [row.inputs for row in rows] == [(-1.0, -1.0), (-1.0, 2.5), (2.5, -1.0), (2.5, 2.5)]


@settings(max_examples=40, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 3), min_size=2, max_size=4).filter(lambda s: s[0] <= MAX_TRUTH_INPUTS),
    seed=st.integers(0, 1000),
    activation=st.sampled_from(ACTIVATION_NAMES),
)
def test_outputs_are_the_forward_pass_of_each_row(sizes: list[int], seed: int, activation: str) -> None:
    network = random_network(sizes, activation=activation, seed=seed)
    rows = truth_table(network)
    assert len(rows) == 2 ** sizes[0]
    for row in rows:
        expected = network.forward(np.array(row.inputs)).outputs
        assert np.allclose(row.outputs, expected, rtol=1e-12, atol=1e-12, equal_nan=True)


def test_input_combinations_are_itertools_product() -> None:
    assert input_combinations(3) == list(itertools.product((False, True), repeat=3))
    assert input_combinations(0) == [()]


def test_too_many_inputs_is_refused_in_words() -> None:
    network = random_network([MAX_TRUTH_INPUTS + 1, 1])
    with pytest.raises(TruthTableError, match="4 inputs at most: this network has 5"):
        truth_table(network)
    set_language("fr")
    with pytest.raises(TruthTableError, match="4 entrées au plus : ce réseau en a 5"):
        truth_table(network)
    assert len(truth_table(random_network([MAX_TRUTH_INPUTS, 1]))) == 16


def test_targets_of_the_wrong_length_are_refused() -> None:
    with pytest.raises(TruthTableError, match="2 target values for 1 outputs"):
        truth_table(random_network([2, 1]), targets=lambda bits: (0.0, 1.0))


def test_the_network_is_not_changed() -> None:
    network = load_preset("xor")
    before = [(layer.weights.copy(), layer.bias.copy()) for layer in network.layers]
    values = network.input_values.copy()
    truth_table(network, targets=lambda bits: (float(bits[0] != bits[1]),))
    assert np.array_equal(network.input_values, values)
    for layer, (w, b) in zip(network.layers, before):
        assert np.array_equal(layer.weights, w) and np.array_equal(layer.bias, b)


# --- right or wrong ------------------------------------------------------------------------


def test_a_deciding_output_is_judged_by_its_side_of_one_half() -> None:
    rows = truth_table(_neuron([1.0, 1.0], -1.5, "sigmoid"), targets=_and)
    assert [row.target for row in rows] == [(0.0,), (0.0,), (0.0,), (1.0,)]
    assert all(row.ok for row in rows)  # 0.18, 0.38, 0.38, 0.62: far from 0 and 1, but right
    assert rows_right(rows) == 4


def test_exactly_one_half_has_not_decided() -> None:
    rows = truth_table(_neuron([0.0, 0.0], 0.0, "sigmoid"), targets=_and)
    assert [row.outputs for row in rows] == [(0.5,)] * 4
    assert not any(row.ok for row in rows)


@pytest.mark.parametrize("activation", ["step", "softmax"])
def test_step_and_softmax_outputs_decide_too(activation: str) -> None:
    rows = truth_table(_neuron([1.0, 1.0], -1.5, activation), targets=_and)
    if activation == "step":
        assert all(row.ok for row in rows)
    else:  # one softmax output is always 1
        assert [row.ok for row in rows] == [False, False, False, True]


def test_other_outputs_must_be_within_the_tolerance() -> None:
    network = _neuron([1.0, 1.0], -1.0, "relu")  # 0, 0, 0, 1: AND exactly
    assert all(row.ok for row in truth_table(network, targets=_and))
    network.layers[0].bias[0] = -0.85  # 0, 0.15, 0.15, 1.15
    rows = truth_table(network, targets=_and)
    assert [row.ok for row in rows] == [True, False, False, False]
    assert all(row.ok for row in truth_table(network, targets=_and, tolerance=0.2))


def test_a_sigmoid_with_targets_other_than_0_and_1_uses_the_tolerance() -> None:
    rows = truth_table(_neuron([0.0], 0.0), targets=lambda bits: (0.55,))
    assert all(row.ok for row in rows)
    assert not any(row.ok for row in truth_table(_neuron([0.0], 0.0), targets=lambda bits: (0.7,)))


def test_every_output_must_be_right() -> None:
    network = Network(["a"], [0.0], [DenseLayer([[10.0], [-10.0]], [-5.0, 5.0], "sigmoid")])
    rows = truth_table(network, targets=lambda bits: (float(bits[0]), float(bits[0])))
    assert [row.ok for row in rows] == [False, False]  # the second output is always the opposite
    rows = truth_table(network, targets=lambda bits: (float(bits[0]), float(not bits[0])))
    assert [row.ok for row in rows] == [True, True]


def test_nan_outputs_are_never_right() -> None:
    network = _neuron([np.inf, -np.inf], 0.0)
    rows = truth_table(network, targets=_and)
    assert rows[3].outputs[0] != rows[3].outputs[0]  # inf - inf: NaN
    assert rows[3].ok is False


# --- separable ------------------------------------------------------------------------------


def _rows(targets: list[int], n: int = 2) -> list[TruthRow]:
    return [
        TruthRow(tuple(float(b) for b in bits), (0.0,), (float(v),), None)
        for bits, v in zip(input_combinations(n), targets)
    ]


def test_and_or_nand_are_separable_and_xor_is_not() -> None:
    assert separable(_rows([0, 0, 0, 1]))
    assert separable(_rows([0, 1, 1, 1]))
    assert separable(_rows([1, 1, 1, 0]))
    assert not separable(_rows([0, 1, 1, 0]))
    assert not separable(_rows([1, 0, 0, 1]))


@pytest.mark.parametrize(("n", "count"), [(1, 4), (2, 14), (3, 104)])
def test_the_number_of_separable_functions_is_the_known_one(n: int, count: int) -> None:
    """1, 2, 3 inputs: 4, 14 and 104 threshold functions (OEIS A000609)."""
    found = sum(separable(_rows(list(table), n)) for table in itertools.product((0, 1), repeat=2**n))
    assert found == count


def test_four_inputs_have_the_known_1882_threshold_functions() -> None:
    from nntui.core.truth import _threshold_functions

    assert len(_threshold_functions(4)) == 1882  # OEIS A000609, the weights bound of Muroga


@settings(max_examples=60, deadline=None)
@given(
    weights=st.lists(st.floats(-5, 5, allow_nan=False), min_size=1, max_size=4),
    bias=st.floats(-5, 5, allow_nan=False),
)
def test_what_one_neuron_computes_is_separable(weights: list[float], bias: float) -> None:
    network = _neuron(weights, bias, "step")
    rows = truth_table(network)
    answers = [TruthRow(row.inputs, row.outputs, row.outputs, None) for row in rows]
    assert separable(answers)


def test_separable_on_some_rows_low_and_high_other_than_0_and_1() -> None:
    rows = [TruthRow((-1.0, 3.0), (0.0,), (1.0,), None), TruthRow((3.0, -1.0), (0.0,), (1.0,), None)]
    assert separable(rows)
    rows += [TruthRow((-1.0, -1.0), (0.0,), (0.0,), None), TruthRow((3.0, 3.0), (0.0,), (0.0,), None)]
    assert not separable(rows)
    assert separable([])


def test_separable_refuses_what_is_not_a_binary_table() -> None:
    with pytest.raises(TruthTableError):
        separable([TruthRow((0.0,), (0.0,), (0.5,), None)])
    with pytest.raises(TruthTableError):
        separable([TruthRow((0.0,), (0.0,), None, None)])
    three_values = [TruthRow((float(v),), (0.0,), (1.0,), None) for v in range(3)]
    with pytest.raises(TruthTableError):
        separable(three_values)


def test_separable_takes_the_rows_of_a_truth_table() -> None:
    rows = truth_table(_neuron([0.0, 0.0], 0.0), targets=lambda bits: (float(bits[0] != bits[1]),))
    assert not separable(rows)
    assert separable(truth_table(_neuron([0.0, 0.0], 0.0), targets=_and))
