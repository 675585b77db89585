"""The challenges: each unsolved at start, solved by a known network, in both languages."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.challenges import CHALLENGES, Challenge, Verdict, challenge, separable
from nntui.core.challenges.checks import hidden_neurons, spiral_data
from nntui.core.challenges.digits import FOOL_DIGIT, digits_data, one_pixel_changes
from nntui.core.network import DenseLayer, Network
from nntui.core.presets import load_preset
from nntui.core.shape import add_neuron, check_name, fresh_network, insert_layer
from nntui.core.training import Trainer, TrainingConfig, evaluate
from nntui.core.truth import truth_table
from nntui.i18n import has, set_language, t

IDS = [entry.id for entry in CHALLENGES]


def _set(network: Network, layers: list[tuple[list[list[float]], list[float]]]) -> Network:
    """A copy of ``network`` with the given (weights, bias) in each layer."""
    new = network.copy()
    for layer, (weights, bias) in zip(new.layers, layers):
        layer.weights = np.array(weights, dtype=np.float64)
        layer.bias = np.array(bias, dtype=np.float64)
    return new


def _xor_by_hand(start: Network) -> Network:
    """OR and AND in the hidden layer, then "OR but not AND"."""
    return _set(start, [([[20.0, 20.0], [20.0, 20.0]], [-10.0, -30.0]), ([[20.0, -20.0]], [-10.0])])


def _solution(entry: Challenge) -> Network:
    """A network that solves ``entry``, from its start network (the spiral is trained: see below)."""
    start = entry.start()
    if entry.id == "potatoes_saxophone":
        solved = start.copy()
        solved.layers[0].weights[0, 2] = 0.0
        return solved
    if entry.id == "potatoes_both":
        return _set(start, [([[1.0, 1.0, 0.0]], [-1.5])])
    if entry.id in ("and_step", "and_sigmoid"):
        return _set(start, [([[1.0, 1.0]], [-1.5])])
    if entry.id == "or":
        return _set(start, [([[1.0, 1.0]], [-0.5])])
    if entry.id == "nand":
        return _set(start, [([[-1.0, -1.0]], [1.5])])
    if entry.id == "xor_hidden":
        return _xor_by_hand(start)
    if entry.id == "nonlinearity":
        solved = _set(start, [([[1.0, 1.0], [1.0, 1.0]], [0.0, -1.0]), ([[1.0, -2.0]], [0.0])])
        solved.layers[0].activation = "relu"
        return solved
    if entry.id == "digits_teach":
        data = digits_data()
        Trainer(start, data.x_train, data.y_train, TrainingConfig()).run(300)
        return start
    if entry.id == "digits_one_pixel":
        pictures, _ = one_pixel_changes(start.input_values)
        fooled = np.argmax(start.forward(pictures).outputs, axis=1) != FOOL_DIGIT
        start.input_values = pictures[int(np.argmax(fooled))]
        return start
    raise AssertionError(f"no known solution for {entry.id}")


# --- the list -------------------------------------------------------------------------------


def test_the_challenges_come_in_teaching_order() -> None:
    assert IDS == [
        "potatoes_saxophone",
        "potatoes_both",
        "and_step",
        "and_sigmoid",
        "or",
        "nand",
        "xor_one_neuron",
        "xor_hidden",
        "nonlinearity",
        "spiral",
        "digits_teach",
        "digits_one_pixel",
    ]
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("entry", CHALLENGES, ids=IDS)
def test_every_text_is_a_catalogue_key_in_both_languages(entry: Challenge) -> None:
    keys = [entry.title, entry.goal, entry.hint] + ([entry.why_impossible] if entry.why_impossible else [])
    for key in keys:
        assert has(key), key
        english = t(key)
        set_language("fr")
        french = t(key)
        set_language("en")
        assert english and french and english != french, key


@pytest.mark.parametrize("entry", CHALLENGES, ids=IDS)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_start_networks_have_meaningful_valid_names(entry: Challenge, language: str) -> None:
    set_language(language)
    network = entry.start()
    assert network.name
    for column in range(len(network.sizes)):
        names = [network.neuron_name(column, j) for j in range(network.sizes[column])]
        assert all(check_name(name) == name for name in names)
        assert len(set(names)) == len(names)
    if entry.id == "spiral":  # the data's coordinates
        assert network.input_names == list(spiral_data().input_names)
    elif entry.id.startswith("digits"):  # the pixels
        assert network.input_names == list(digits_data().input_names) and network.image_shape == (8, 8)
    else:  # not the x1, x2 of a fresh network
        assert not any(name[0] == "x" and name[1:].isdigit() for name in network.input_names)
    assert network.layers[-1].neuron_names is not None


@pytest.mark.parametrize("entry", CHALLENGES, ids=IDS)
def test_every_challenge_is_unsolved_at_start(entry: Challenge) -> None:
    verdict = entry.check(entry.start())
    assert isinstance(verdict, Verdict)
    assert verdict.solved is False
    assert verdict.detail


@pytest.mark.parametrize(
    "entry",
    [e for e in CHALLENGES if e.id not in ("xor_one_neuron", "spiral")],
    ids=[i for i in IDS if i not in ("xor_one_neuron", "spiral")],
)
def test_a_known_solution_solves_it(entry: Challenge) -> None:
    start = entry.start()
    solution = _solution(entry)
    before = [(layer.weights.copy(), layer.bias.copy()) for layer in solution.layers]
    verdict = entry.check(solution)
    assert verdict.solved, verdict.detail
    for layer, (w, b) in zip(solution.layers, before):  # the check changes nothing
        assert np.array_equal(layer.weights, w) and np.array_equal(layer.bias, b)
    assert solution.sizes == start.sizes
    if entry.targets is not None:
        assert all(row.ok for row in truth_table(solution, targets=entry.targets))


def test_start_networks_are_fresh_each_time() -> None:
    for entry in CHALLENGES:
        one, two = entry.start(), entry.start()
        assert one is not two and one.layers[0].weights is not two.layers[0].weights


def test_challenge_finds_by_id_and_lists_the_ids_otherwise() -> None:
    assert challenge("and_step") is CHALLENGES[2]
    with pytest.raises(ValueError, match='unknown challenge "nope" \\(valid: potatoes_saxophone, '):
        challenge("nope")
    set_language("fr")
    with pytest.raises(ValueError, match='défi inconnu "nope" \\(valides : potatoes_saxophone, '):
        challenge("nope")


# --- the potatoes ----------------------------------------------------------------------------


def test_the_saxophone_challenge_starts_loud_and_the_preset_ignores_it_already() -> None:
    entry = challenge("potatoes_saxophone")
    start = entry.start()
    assert start.input_names == load_preset("potatoes").input_names
    assert start.forward([0.0, 0.0, 1.0]).outputs[0] > 0.5  # a saxophone alone says "potatoes"
    assert "the saxophone still moves the output by up to 0.61" in entry.check(start).detail
    assert entry.check(load_preset("potatoes")).solved  # its weight of 0.1 moves it by 0.02 at most


@pytest.mark.parametrize(
    ("weights", "bias", "solved", "detail"),
    [
        ([3.0, 2.5, 0.0], -2.0, True, "the saxophone moves the output by 0.000 at most"),
        ([3.0, 2.5, 0.2], -2.0, True, "0.046 at most"),  # σ' ≤ 1/4: 0.2 moves it by 0.05 at most
        ([3.0, 2.5, 0.3], -2.0, False, "still moves the output by up to 0.07"),
        ([0.0, 0.0, 0.0], 0.0, False, "must still say yes with herbs and peelings"),  # 0.5: no answer
        ([0.0, 0.0, 0.0], -5.0, False, "must still say yes with herbs and peelings"),  # always no
        ([3.0, 2.5, 0.0], 1.0, False, "and no with neither"),  # always yes
    ],
)
def test_the_saxophone_check(weights: list[float], bias: float, solved: bool, detail: str) -> None:
    network = _set(load_preset("potatoes"), [([weights], [bias])])
    verdict = challenge("potatoes_saxophone").check(network)
    assert verdict.solved is solved
    assert detail in verdict.detail


def test_the_both_clues_challenge_ignores_the_saxophone_in_its_targets() -> None:
    entry = challenge("potatoes_both")
    assert entry.targets is not None
    assert [entry.targets(bits)[0] for bits in itertools.product((False, True), repeat=3)] == [
        0,
        0,
        0,
        0,
        0,
        0,
        1,
        1,
    ]
    assert entry.check(entry.start()).detail == "4 of 8 rows right"
    loud = _set(entry.start(), [([[1.0, 1.0, 5.0]], [-1.5])])
    assert not entry.check(loud).solved


# --- logic ----------------------------------------------------------------------------------


def test_the_and_challenge_uses_the_step_activation() -> None:
    assert "step" in ACTIVATION_NAMES
    entry = challenge("and_step")
    start = entry.start()
    assert start.sizes == [2, 1] and start.input_names == ["a", "b"]
    assert start.layers[0].activation == "step"
    assert not start.layers[0].weights.any() and not start.layers[0].bias.any()
    assert start.layers[0].neuron_names == ["a AND b"]
    assert entry.check(start).detail == "1 of 4 rows right"  # step(0) = 1 in every row


def test_the_activation_of_the_and_challenges_must_stay() -> None:
    solution = _solution(challenge("and_step"))
    solution.layers[0].activation = "sigmoid"
    verdict = challenge("and_step").check(solution)
    assert not verdict.solved and "keep the step activation" in verdict.detail
    solution.layers[0].activation = "step"
    assert not challenge("and_sigmoid").check(solution).solved


def test_a_reshaped_network_is_told_the_shape_wanted() -> None:
    entry = challenge("xor_hidden")
    bigger = add_neuron(_xor_by_hand(entry.start()), 1, 2, np.random.default_rng(0))
    verdict = entry.check(bigger)
    assert not verdict.solved
    assert verdict.detail == "this challenge is about a 2-2-1 network, and this one is 2-3-1"
    five_inputs = Network(list("abcde"), np.zeros(5), [DenseLayer(np.ones((1, 5)), [0.0])])
    for each in CHALLENGES:  # no check raises, whatever the network
        assert not each.check(five_inputs).solved


def test_french_verdicts() -> None:
    set_language("fr")
    assert challenge("and_step").check(challenge("and_step").start()).detail == "1 ligne juste sur 4"
    assert challenge("or").check(challenge("or").start()).detail == "0 ligne juste sur 4"
    assert challenge("or").check(_solution(challenge("or"))).detail == "les 4 lignes sont justes"
    assert challenge("and_step").start().layers[0].neuron_names == ["a ET b"]


# --- XOR --------------------------------------------------------------------------------------


def test_xor_with_one_neuron_is_never_solved() -> None:
    entry = challenge("xor_one_neuron")
    assert entry.why_impossible is not None and has(entry.why_impossible)
    assert entry.targets is not None
    assert not separable(truth_table(entry.start(), targets=entry.targets))
    grid = [-4.0, -1.0, -0.5, 0.0, 0.5, 1.0, 4.0]
    best = 0
    for activation in ACTIVATION_NAMES:
        start = entry.start()
        start.layers[0].activation = activation
        for w1, w2, b in itertools.product(grid, repeat=3):
            network = _set(start, [([[w1, w2]], [b])])
            verdict = entry.check(network)
            assert not verdict.solved
            best = max(best, sum(row.ok for row in truth_table(network, targets=entry.targets)))
    assert best == 3  # three rows, never four
    assert not entry.check(_xor_by_hand(challenge("xor_hidden").start())).solved  # not one neuron


def test_xor_with_a_linear_hidden_layer_cannot_be_solved_by_weights() -> None:
    entry = challenge("nonlinearity")
    start = entry.start()
    assert [layer.activation for layer in start.layers] == ["linear", "linear"]
    rng = np.random.default_rng(0)
    for _ in range(300):
        network = _set(
            start, [(rng.normal(0, 3, (2, 2)), rng.normal(0, 3, 2)), (rng.normal(0, 3, (1, 2)), rng.normal(0, 3, 1))]
        )
        assert not entry.check(network).solved
    assert not entry.check(_set(start, [([[1.0, 1.0], [1.0, 1.0]], [0.0, -1.0]), ([[1.0, -2.0]], [0.0])])).solved


# --- the spiral --------------------------------------------------------------------------------


def _trained_spiral(steps_limit: int = 40_000) -> Network:
    """Two hidden layers of 6 tanh neurons, trained with the core Trainer until 95% (a few seconds)."""
    data = spiral_data()
    network = fresh_network([2, 6, 6, 1], np.random.default_rng(0), input_names=list(data.input_names))
    trainer = Trainer(network, data.x_train, data.y_train, TrainingConfig(learning_rate=0.01, batch_size=16))
    for _ in range(steps_limit // 1000):
        trainer.run(1000)
        if evaluate(network, data.x_test, data.y_test).accuracy >= 0.95:  # type: ignore[operator]
            break
    return network


def test_the_spiral_is_solved_by_a_trained_network_of_12_hidden_neurons() -> None:
    entry = challenge("spiral")
    assert entry.dataset == "spiral" and entry.targets is None
    network = _trained_spiral()
    assert hidden_neurons(network) == 12
    verdict = entry.check(network)
    assert verdict.solved, verdict.detail
    assert "hidden neurons (at most 12)" in verdict.detail
    bigger = add_neuron(network, 1, 0, np.random.default_rng(0))  # 13 hidden neurons
    verdict = entry.check(bigger)
    assert not verdict.solved and "13 hidden neurons" in verdict.detail


def test_the_spiral_verdict_gives_accuracy_and_neurons() -> None:
    entry = challenge("spiral")
    start = entry.start()
    accuracy = evaluate(start, spiral_data().x_test, spiral_data().y_test).accuracy
    assert entry.check(start).detail == (
        f"{100 * accuracy:.1f}% of the test points right (95% wanted), 3 hidden neurons (at most 12)"
    )
    set_language("fr")
    assert entry.check(start).detail.endswith(
        "% des points de test justes (95 % voulus), 3 neurones cachés (au plus 12)"
    )
    deeper = insert_layer(start, 1, np.random.default_rng(0))
    assert hidden_neurons(deeper) == 6
    three_inputs = load_preset("potatoes")
    assert not entry.check(three_inputs).solved


def test_checks_are_plain_functions_of_the_network() -> None:
    check: Callable[[Network], Verdict] = challenge("or").check
    solution = _solution(challenge("or"))
    assert check(solution) == check(solution.copy())


@settings(max_examples=60, deadline=None)
@given(
    pick=st.integers(0, len(CHALLENGES) - 1),
    activations=st.lists(st.sampled_from(ACTIVATION_NAMES), min_size=3, max_size=3),
    scale=st.sampled_from([0.0, 1.0, 50.0, 1e300, float("inf"), float("nan")]),
    seed=st.integers(0, 1000),
)
def test_a_check_never_raises_whatever_the_numbers(pick: int, activations: list[str], scale: float, seed: int) -> None:
    entry = CHALLENGES[pick]
    network = entry.start()
    rng = np.random.default_rng(seed)
    for layer, activation in zip(network.layers, activations):
        layer.activation = activation
        with np.errstate(invalid="ignore", over="ignore"):
            layer.weights = rng.normal(0.0, 1.0, layer.weights.shape) * scale
    verdict = entry.check(network)
    assert isinstance(verdict.solved, bool) and verdict.detail
    if entry.why_impossible is not None:
        assert not verdict.solved
