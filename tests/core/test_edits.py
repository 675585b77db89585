"""Parameter references, undoable edits and the undo/redo history."""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import pytest

from nntui.core.activations import ACTIVATION_NAMES
from nntui.core.edits import Edit, History, ParamRef, SetActivation, SetValue
from nntui.core.network import Network
from nntui.core.presets import load_preset
from tests.factory import random_network

# --- ParamRef ---------------------------------------------------------------------


def test_param_ref_get_reads_potatoes_values() -> None:
    """get() returns the preset's input value, weight and bias."""
    net = load_preset("potatoes")
    assert ParamRef.input(0).get(net) == 1.0
    assert ParamRef.input(1).get(net) == 0.0
    assert ParamRef.weight(0, 0, 0).get(net) == 3.0
    assert ParamRef.weight(0, 0, 1).get(net) == 2.5
    assert ParamRef.weight(0, 0, 2).get(net) == 0.1
    assert ParamRef.bias(0, 0).get(net) == -2.0
    assert all(type(r.get(net)) is float for r in (ParamRef.input(0), ParamRef.bias(0, 0)))


def test_param_ref_get_uses_row_and_col_of_weights() -> None:
    """weight(layer, j, i) is weights[j, i]: from source i to target j."""
    net = random_network([3, 4, 2], seed=4)
    for k, layer in enumerate(net.layers):
        for j in range(layer.n_out):
            assert ParamRef.bias(k, j).get(net) == layer.bias[j]
            for i in range(layer.n_in):
                assert ParamRef.weight(k, j, i).get(net) == layer.weights[j, i]


def test_param_ref_set_changes_only_its_number() -> None:
    """set() writes one number into the network and leaves all others alone."""
    net = random_network([3, 4, 2], seed=4)
    for ref in [ParamRef.input(2), ParamRef.weight(1, 1, 3), ParamRef.bias(0, 2)]:
        before = _snapshot(net)
        ref.set(net, -7.5)
        assert ref.get(net) == -7.5
        after = _snapshot(net)
        changed = [
            (name, index)
            for (name, a), (_, b) in zip(_flat(before), _flat(after))
            for index in zip(*np.nonzero(a != b))
        ]
        assert len(changed) == 1, (ref, changed)


def test_param_ref_set_is_seen_by_forward() -> None:
    """Setting the saxophone weight changes the potatoes output as the formula says."""
    net = load_preset("potatoes")
    ParamRef.weight(0, 0, 2).set(net, 5.0)
    ParamRef.bias(0, 0).set(net, -1.0)
    ParamRef.input(1).set(net, 1.0)
    z = float(net.forward().pre_activations[0][0])
    assert z == pytest.approx(1.0 * 3.0 + 1.0 * 2.5 + 1.0 * 5.0 - 1.0)


def test_param_ref_describe_with_potatoes_names() -> None:
    """describe() uses the input and neuron names of the preset."""
    net = load_preset("potatoes")
    assert ParamRef.input(0).describe(net) == "input herb smell"
    assert ParamRef.input(2).describe(net) == "input saxophone in the street"
    assert ParamRef.weight(0, 0, 0).describe(net) == "weight herb smell → potatoes baking"
    assert ParamRef.weight(0, 0, 1).describe(net) == "weight peelings seen → potatoes baking"
    assert ParamRef.bias(0, 0).describe(net) == "bias of potatoes baking"


def test_param_ref_describe_between_hidden_layers() -> None:
    """A weight between two dense layers names both neurons (layers preset)."""
    net = load_preset("layers")
    assert ParamRef.weight(1, 2, 3).describe(net) == "weight a4 → b3"
    assert ParamRef.weight(2, 0, 0).describe(net) == "weight b1 → y"
    assert ParamRef.bias(1, 0).describe(net) == "bias of b1"


def test_edit_descriptions() -> None:
    """SetValue says what gets which value; SetActivation names the layer."""
    net = load_preset("potatoes")
    edit = SetValue(ParamRef.weight(0, 0, 0), 3.0, 1.5)
    assert edit.describe(net) == "weight herb smell → potatoes baking = 1.5"
    assert SetValue(ParamRef.input(1), 0.0, -2.0).describe(net) == "input peelings seen = -2"
    assert SetActivation(0, "sigmoid", "tanh").describe(net) == "activation of output = tanh"


# --- History basics ---------------------------------------------------------------


def test_set_value_apply_undo_redo_restores_exact_values() -> None:
    """Undo puts back the exact old bits, redo the exact new ones."""
    net = load_preset("potatoes")
    history = History(net)
    ref = ParamRef.weight(0, 0, 2)
    old = ref.get(net)
    new = 0.1 + 0.2  # not exactly 0.3: checks no rounding happens on the way
    history.apply(SetValue(ref, old, new))
    assert ref.get(net) == new
    undone = history.undo()
    assert isinstance(undone, SetValue) and undone.new == new
    assert ref.get(net) == old
    redone = history.redo()
    assert redone is undone
    assert ref.get(net) == new


def test_set_activation_apply_undo_redo() -> None:
    """Changing an activation is undone and redone, and forward follows it."""
    net = load_preset("xor")
    history = History(net)
    before = net.forward().outputs.copy()
    history.apply(SetActivation(1, "sigmoid", "linear"))
    assert net.layers[1].activation == "linear"
    assert not np.array_equal(net.forward().outputs, before)
    history.undo()
    assert net.layers[1].activation == "sigmoid"
    np.testing.assert_array_equal(net.forward().outputs, before)
    history.redo()
    assert net.layers[1].activation == "linear"
    assert net.layers[0].activation == "sigmoid"


def test_empty_history() -> None:
    """A new history has nothing to undo or redo, and undo/redo return None."""
    history = History(load_preset("and"))
    assert not history.can_undo
    assert not history.can_redo
    assert not history.modified
    assert history.undo() is None
    assert history.redo() is None
    assert not history.modified


def test_can_undo_and_can_redo_follow_the_stacks() -> None:
    """can_undo/can_redo track how many edits are done and undone."""
    net = load_preset("and")
    history = History(net)
    ref = ParamRef.bias(0, 0)
    history.apply(SetValue(ref, -30.0, -25.0))
    history.apply(SetValue(ref, -25.0, -20.0))
    assert history.can_undo and not history.can_redo
    history.undo()
    assert history.can_undo and history.can_redo
    history.undo()
    assert not history.can_undo and history.can_redo
    assert ref.get(net) == -30.0
    history.redo()
    history.redo()
    assert history.can_undo and not history.can_redo
    assert ref.get(net) == -20.0


def test_new_apply_clears_redo() -> None:
    """After an undo, applying a new edit discards the undone one."""
    net = load_preset("and")
    history = History(net)
    ref = ParamRef.input(0)
    history.apply(SetValue(ref, 1.0, 2.0))
    history.undo()
    assert history.can_redo
    history.apply(SetValue(ref, 1.0, 3.0))
    assert not history.can_redo
    assert history.redo() is None
    assert ref.get(net) == 3.0
    history.undo()
    assert ref.get(net) == 1.0
    assert not history.can_undo


def test_modified_follows_mark_saved() -> None:
    """modified is False at the saved point (also reached by undo/redo), True elsewhere."""
    net = load_preset("or")
    history = History(net)
    ref = ParamRef.weight(0, 0, 1)
    history.apply(SetValue(ref, 20.0, 10.0))
    assert history.modified
    history.mark_saved()
    assert not history.modified
    history.apply(SetValue(ref, 10.0, 5.0))
    assert history.modified
    history.undo()  # back to the saved point
    assert not history.modified
    history.undo()  # before the saved point
    assert history.modified
    history.redo()
    assert not history.modified
    history.redo()
    assert history.modified


def test_undo_to_unsaved_start_then_save() -> None:
    """Saving with everything undone makes the start the saved point."""
    net = load_preset("or")
    history = History(net)
    history.apply(SetActivation(0, "sigmoid", "step"))
    history.undo()
    assert not history.modified  # the loaded state again
    history.mark_saved()
    assert not history.modified
    history.redo()
    assert history.modified
    history.undo()
    assert not history.modified


def test_branching_away_from_saved_point_stays_modified() -> None:
    """Undo past the save and apply something else: the saved state is gone for good."""
    net = load_preset("or")
    history = History(net)
    ref = ParamRef.bias(0, 0)
    history.apply(SetValue(ref, -10.0, -5.0))
    history.mark_saved()
    history.undo()
    history.apply(SetValue(ref, -10.0, -5.0))  # same value, but a different edit
    assert history.modified
    history.undo()
    assert history.modified
    assert not history.can_undo
    history.redo()
    assert history.modified
    assert not history.can_redo


# --- random walk against a reference model ------------------------------------------


@dataclass(frozen=True)
class _State:
    inputs: np.ndarray
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    activations: tuple[str, ...]


def _snapshot(net: Network) -> _State:
    return _State(
        net.input_values.copy(),
        tuple(layer.weights.copy() for layer in net.layers),
        tuple(layer.bias.copy() for layer in net.layers),
        tuple(layer.activation for layer in net.layers),
    )


def _flat(state: _State) -> list[tuple[str, np.ndarray]]:
    return (
        [("inputs", state.inputs)]
        + [(f"w{k}", w) for k, w in enumerate(state.weights)]
        + [(f"b{k}", b) for k, b in enumerate(state.biases)]
    )


def _same(a: _State, b: _State) -> bool:
    """Bit-for-bit equality (so -0.0 and 0.0 differ) of every number and activation."""
    return a.activations == b.activations and all(
        x.tobytes() == y.tobytes() for (_, x), (_, y) in zip(_flat(a), _flat(b))
    )


def _random_ref(rng: random.Random, net: Network) -> ParamRef:
    kind = rng.choice(["input", "weight", "bias"])
    if kind == "input":
        return ParamRef.input(rng.randrange(net.n_inputs))
    k = rng.randrange(len(net.layers))
    layer = net.layers[k]
    if kind == "bias":
        return ParamRef.bias(k, rng.randrange(layer.n_out))
    return ParamRef.weight(k, rng.randrange(layer.n_out), rng.randrange(layer.n_in))


def _random_edit(rng: random.Random, net: Network) -> Edit:
    if rng.random() < 0.2:
        k = rng.randrange(len(net.layers))
        return SetActivation(k, net.layers[k].activation, rng.choice(ACTIVATION_NAMES))
    ref = _random_ref(rng, net)
    new = rng.choice([rng.uniform(-10.0, 10.0), 0.0, -0.0, ref.get(net), 1e-300])
    return SetValue(ref, ref.get(net), new)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_walk_matches_list_of_states(seed: int) -> None:
    """2000 random applies, undos, redos and saves agree with a list-of-states model."""
    rng = random.Random(seed)
    net = random_network([3, 4, 3, 2], seed=seed)
    history = History(net)

    # The model: the states along the current branch, each with a unique id,
    # the index of the current one, and the id of the state last saved.
    states = [_snapshot(net)]
    ids = [0]
    position = 0
    next_id = 1
    saved_id = 0
    applied: list[Edit] = []  # applied[i] leads from states[i] to states[i + 1]

    for step in range(2000):
        action = rng.choices(["apply", "undo", "redo", "save"], weights=[5, 3, 2, 1])[0]
        if action == "apply":
            edit = _random_edit(rng, net)
            history.apply(edit)
            del states[position + 1 :], ids[position + 1 :], applied[position:]
            states.append(_snapshot(net))
            ids.append(next_id)
            applied.append(edit)
            next_id += 1
            position += 1
        elif action == "undo":
            got = history.undo()
            if position == 0:
                assert got is None, step
            else:
                assert got is applied[position - 1], step
                position -= 1
        elif action == "redo":
            got = history.redo()
            if position == len(states) - 1:
                assert got is None, step
            else:
                assert got is applied[position], step
                position += 1
        else:
            history.mark_saved()
            saved_id = ids[position]

        assert _same(_snapshot(net), states[position]), (step, action)
        assert history.can_undo == (position > 0), step
        assert history.can_redo == (position < len(states) - 1), step
        assert history.modified == (ids[position] != saved_id), step

    # unwind everything: the network is back to where it started
    while history.undo() is not None:
        pass
    assert _same(_snapshot(net), states[0])
