"""The metrics (confusion matrix, R², squared error) against naive loops, and the stop rule step by step."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nntui.core.datasets import make_dataset
from nntui.core.presets import load_preset
from nntui.core.training import Trainer, TrainingConfig, evaluate
from nntui.core.training.metrics import (
    assess,
    classes,
    confusion_matrix,
    mean_squared_error,
    metrics,
    r_squared,
    row_rates,
)
from nntui.core.training.stopping import StoppedEarly, StopRule
from tests.factory import random_network


def _naive_class(row: np.ndarray) -> int:
    if len(row) == 1:
        return 1 if row[0] >= 0.5 else 0
    best = 0
    for j in range(len(row)):
        if row[j] > row[best]:
            best = j
    return best


def _naive_confusion(outputs: np.ndarray, targets: np.ndarray) -> list[list[int]]:
    n = 2 if targets.shape[1] == 1 else targets.shape[1]
    counts = [[0] * n for _ in range(n)]
    for output, target in zip(outputs, targets):
        counts[_naive_class(target)][_naive_class(output)] += 1
    return counts


def _one_hot(labels: np.ndarray, n: int) -> np.ndarray:
    return np.eye(n)[labels] if n > 1 else labels[:, None].astype(np.float64)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10**6), samples=st.integers(0, 40), n=st.sampled_from([1, 3, 5]))
def test_the_confusion_matrix_counts_as_a_loop_does(seed: int, samples: int, n: int) -> None:
    rng = np.random.default_rng(seed)
    outputs = rng.random((samples, n))
    targets = _one_hot(rng.integers(0, max(n, 2), samples), n)
    counts = confusion_matrix(outputs, targets)
    assert counts.tolist() == _naive_confusion(outputs, targets)
    assert counts.sum() == samples
    found = metrics(outputs, targets, classification=True)
    right = sum(_naive_class(o) == _naive_class(t) for o, t in zip(outputs, targets))
    assert found.accuracy == (right / samples if samples else None)
    # Each sample's answer is kept: the class a loop reads from its outputs.
    assert found.answers is not None and found.answers.tolist() == [_naive_class(o) for o in outputs]
    regression = metrics(outputs, targets, classification=False)
    assert regression.answers is None


def test_a_binary_matrix_reads_rows_as_targets_and_columns_as_answers() -> None:
    outputs = np.array([[0.9], [0.2], [0.7], [0.5], [0.1]])
    targets = np.array([[1.0], [1.0], [0.0], [0.0], [0.0]])
    # class 0: one answered 0 (0.1), two answered 1 (0.7, and 0.5 counts as 1); class 1: one of each
    assert confusion_matrix(outputs, targets).tolist() == [[1, 2], [1, 1]]
    assert classes(outputs).tolist() == [1, 0, 1, 1, 0]
    rates = row_rates(np.array([[1, 3], [0, 0]]))
    assert rates[0].tolist() == [0.25, 0.75] and np.isnan(rates[1]).all()  # a class without samples


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10**6), samples=st.integers(2, 30), n=st.sampled_from([1, 2]))
def test_r_squared_and_squared_error_are_those_of_a_loop(seed: int, samples: int, n: int) -> None:
    rng = np.random.default_rng(seed)
    outputs, targets = rng.normal(size=(samples, n)), rng.normal(size=(samples, n))
    squared = 0.0
    for o_row, t_row in zip(outputs, targets):
        for o, t in zip(o_row, t_row):
            squared += (o - t) ** 2
    assert mean_squared_error(outputs, targets) == pytest.approx(squared / outputs.size, rel=1e-12)
    per_column = []
    for j in range(n):
        mean = sum(targets[:, j]) / samples
        residual = sum((targets[i, j] - outputs[i, j]) ** 2 for i in range(samples))
        total = sum((targets[i, j] - mean) ** 2 for i in range(samples))
        per_column.append(1 - residual / total)
    assert r_squared(outputs, targets) == pytest.approx(sum(per_column) / n, rel=1e-9, abs=1e-12)


def test_r_squared_is_one_for_a_perfect_fit_zero_for_the_mean_and_none_when_meaningless() -> None:
    targets = np.array([[1.0], [2.0], [4.0]])
    assert r_squared(targets, targets) == 1.0
    assert r_squared(np.full((3, 1), 7 / 3), targets) == pytest.approx(0.0, abs=1e-15)
    assert r_squared(-targets, targets) < 0  # worse than answering the mean
    assert r_squared(targets, np.ones((3, 1))) is None  # every target the same: no variance to explain
    assert r_squared(np.empty((0, 1)), np.empty((0, 1))) is None
    assert mean_squared_error(np.empty((0, 1)), np.empty((0, 1))) is None
    found = metrics(targets + 1, targets, classification=False)
    assert found.confusion is None and found.accuracy is None and found.mse == 1.0


@pytest.mark.parametrize(("preset", "dataset"), [("xor", "xor"), ("xor", "circle"), ("potatoes", "plane")])
def test_assess_gives_evaluates_numbers_exactly(preset: str, dataset: str) -> None:
    network = load_preset(preset)
    data = make_dataset(dataset, noise=0.1, seed=2)
    if network.n_inputs != data.n_inputs:
        network = random_network((2, 4, 1), activation="tanh", output_activation="linear", seed=3)
    classification = data.kind == "classification"
    for x, y in ((data.x_train, data.y_train), (data.x_test, data.y_test)):
        evaluation, found = assess(network, x, y, None, classification)
        assert evaluation == evaluate(network, x, y, None, classification)  # bit for bit
        if classification:
            assert found.confusion is not None and found.confusion.sum() == len(x)
        else:
            assert found.mse == pytest.approx(evaluation.loss, rel=1e-12)  # the loss is the squared error


def test_a_softmax_networks_matrix_has_a_row_per_class() -> None:
    network = random_network((2, 5, 3), activation="tanh", output_activation="softmax", seed=4)
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(50, 2)), np.eye(3)[rng.integers(0, 3, 50)]
    evaluation, found = assess(network, x, y, None, True)
    assert found.confusion is not None and found.confusion.shape == (3, 3)
    assert found.confusion.tolist() == _naive_confusion(network.forward(x).outputs, y)
    assert found.accuracy == evaluation.accuracy == evaluate(network, x, y).accuracy


# --- the stop rule ------------------------------------------------------------------------------


def _naive_stop(patience: int, steps: int, lr: float) -> tuple[int, int, float]:
    """Step by step with the trainer and evaluate: (steps taken, best step, best loss)."""
    network = load_preset("xor")
    data = make_dataset("circle", noise=0.1)
    trainer = Trainer(network, data.x_train, data.y_train, TrainingConfig(learning_rate=lr))
    best = evaluate(network, data.x_test, data.y_test, trainer.loss, False).loss
    best_step = 0
    for step in range(1, steps + 1):
        trainer.step()
        loss = evaluate(network, data.x_test, data.y_test, trainer.loss, False).loss
        if loss < best:
            best, best_step = loss, step
        elif step - best_step >= patience:
            return step, best_step, best
    return steps, best_step, best


@pytest.mark.parametrize(("patience", "lr"), [(5, 0.3), (20, 0.3), (40, 1.0)])
def test_the_stop_rule_stops_where_a_loop_over_the_steps_does(patience: int, lr: float) -> None:
    taken, best_step, best = _naive_stop(patience, 3000, lr)
    assert taken < 3000  # it does stop
    network = load_preset("xor")
    data = make_dataset("circle", noise=0.1)
    trainer = Trainer(network, data.x_train, data.y_train, TrainingConfig(learning_rate=lr))
    rule = StopRule(trainer, patience, data.x_test, data.y_test)
    with pytest.raises(StoppedEarly) as stopped:
        for chunk in (1, 7, 100, 3000):  # however the steps are asked for
            rule.run(chunk)
    assert trainer.steps_done == stopped.value.step == taken
    assert (stopped.value.best_step, stopped.value.best_loss, stopped.value.patience) == (best_step, best, patience)
    # The weights are those of that many plain steps.
    plain = load_preset("xor")
    Trainer(plain, data.x_train, data.y_train, TrainingConfig(learning_rate=lr)).run(taken)
    for a, b in zip(network.layers, plain.layers):
        assert np.array_equal(a.weights, b.weights) and np.array_equal(a.bias, b.bias)


def test_a_loss_still_falling_never_stops_and_no_test_data_never_stops() -> None:
    network = load_preset("xor")
    data = make_dataset("xor")
    trainer = Trainer(network, data.x_train, data.y_train, TrainingConfig(learning_rate=0.01))
    StopRule(trainer, 1000, data.x_test, data.y_test).run(50)
    assert trainer.steps_done == 50
    rule = StopRule(trainer, 1, np.empty((0, 2)), np.empty((0, 1)))
    assert math.isnan(rule.test_loss())
    rule.run(20)
    assert trainer.steps_done == 70
    with pytest.raises(ValueError):
        StopRule(trainer, 0, data.x_test, data.y_test)
