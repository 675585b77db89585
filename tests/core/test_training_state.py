"""A trainer's state: another trainer restored from it goes on bit for bit, and the file keeps it."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nntui.core.datasets import make_dataset
from nntui.core.fileformat import dumps_network, loads_network_file
from nntui.core.jsonfields import Problem
from nntui.core.network import Network
from nntui.core.presets import load_preset
from nntui.core.training import Trainer, TrainingConfig, TrainingError
from nntui.core.training_record import TrainingRecord, training_from_dict, training_to_dict

OPTIMIZERS = ["sgd", "momentum", "adam"]


def _same_weights(a: Network, b: Network) -> bool:
    return all(
        np.array_equal(x.weights, y.weights) and np.array_equal(x.bias, y.bias) for x, y in zip(a.layers, b.layers)
    )


def _trainer(network: Network, optimizer: str, batch: int = 7, seed: int = 3) -> Trainer:
    data = make_dataset("circle", seed=0)
    return Trainer(
        network, data.x_train, data.y_train, TrainingConfig(optimizer=optimizer, batch_size=batch, seed=seed)
    )


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
@pytest.mark.parametrize("before", [0, 1, 28, 29, 53, 200], ids=lambda n: f"after-{n}")
def test_a_restored_trainer_goes_on_bit_for_bit(optimizer: str, before: int) -> None:
    """From any step: the first, an epoch's last batch (200 samples, batches of 7: 29 a epoch), mid-epoch."""
    going = load_preset("xor")
    trainer = _trainer(going, optimizer)
    trainer.run(before)
    state = trainer.state()
    resumed = going.copy()
    other = _trainer(resumed, optimizer)
    other.restore(state)
    assert other.state().same_as(state)
    trainer.run(61)
    other.run(61)
    assert _same_weights(going, resumed)
    assert trainer.state().same_as(other.state()) and other.state().step == before + 61


def test_without_the_state_adam_goes_another_way() -> None:
    """What the file used to lose: the same weights with a fresh optimiser end elsewhere."""
    going = load_preset("xor")
    trainer = _trainer(going, "adam")
    trainer.run(40)
    fresh = going.copy()
    _trainer(fresh, "adam").run(40)
    trainer.run(40)
    assert not _same_weights(going, fresh)


def test_a_state_of_another_optimiser_or_data_is_refused() -> None:
    state = _trainer(load_preset("xor"), "adam").state()
    with pytest.raises(TrainingError):
        _trainer(load_preset("xor"), "sgd").restore(state)
    data = make_dataset("circle", seed=0, test_fraction=0.2)
    other = Trainer(load_preset("xor"), data.x_train, data.y_train, TrainingConfig())
    with pytest.raises(TrainingError):
        other.restore(state)


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_the_file_keeps_the_state_bit_for_bit(optimizer: str) -> None:
    network = load_preset("xor")
    trainer = _trainer(network, optimizer)
    trainer.run(45)
    record = TrainingRecord(dataset="circle", config=trainer.config, steps=45, state=trainer.state())
    opened = loads_network_file(dumps_network(network, record))
    assert opened.training is not None and opened.training.state is not None
    assert opened.training.state.same_as(trainer.state())
    assert _same_weights(opened.network, network)
    written = json.loads(dumps_network(network, record))["training"]["state"]
    assert (
        set(written)
        == {"step", "epoch", "position", "samples"}
        | {"sgd": set(), "momentum": {"first_moment"}, "adam": {"first_moment", "second_moment"}}[optimizer]
    )


def _state_dict(optimizer: str = "adam") -> dict:
    trainer = _trainer(load_preset("xor"), optimizer)
    trainer.run(5)
    return training_to_dict(TrainingRecord(config=trainer.config, state=trainer.state()))


SHAPES = [(2, 2), (1, 2)]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda s: s.pop("epoch"), '"epoch" is missing'),
        (lambda s: s.update(position=10_000), '"position" (10000) is beyond'),
        (lambda s: s.update(step=-1), '"step" must be a whole number'),
        (lambda s: s.pop("second_moment"), '"second_moment"'),
        (lambda s: s["first_moment"].pop(), "must be a list of 2 layers"),
        (lambda s: s["first_moment"][0]["weights"][0].append(1.0), '"weights" must be 2 rows of 2 numbers'),
        (lambda s: s["first_moment"][1]["bias"].__setitem__(0, "x"), "number"),
        (lambda s: s.update(extra=1), "extra"),
    ],
)
def test_a_bad_state_says_where(change, words: str) -> None:
    item = _state_dict()
    change(item["state"])
    with pytest.raises(Problem, match=None) as raised:
        training_from_dict(item, SHAPES)
    assert words in str(raised.value) and '"state"' in str(raised.value), str(raised.value)


def test_a_moment_written_for_sgd_is_refused() -> None:
    item = _state_dict("adam")
    item["optimizer"] = "sgd"
    with pytest.raises(Problem, match="first_moment"):
        training_from_dict(item, SHAPES)


def test_a_file_without_state_still_opens() -> None:
    record = training_from_dict({"steps": 500, "optimizer": "adam"}, SHAPES)
    assert record.state is None and record.steps == 500
