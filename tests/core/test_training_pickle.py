"""A trainer sent to another process and back trains on as if it had never left.

The playground trains in a child process (nntui.document.training_process):
the trainer is pickled there and back at every play and pause, so its
optimiser state, random state and stop rule must survive a pickle exactly.
"""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from nntui.core.datasets import make_dataset
from nntui.core.training import Trainer, TrainingConfig
from nntui.core.training.stopping import StoppedEarly, StopRule
from tests.factory import random_network


def _weights(trainer: Trainer) -> list[bytes]:
    return [a.tobytes() for layer in trainer.network.layers for a in (layer.weights, layer.bias)]


def _trainer(optimizer: str, batch: int = 10) -> Trainer:
    data = make_dataset("spiral", seed=0)
    network = random_network([2, 6, 5, 1], activation="tanh", output_activation="sigmoid", seed=1)
    config = TrainingConfig(
        optimizer=optimizer, batch_size=batch, learning_rate=0.03, regularization="l2", regularization_rate=0.001
    )
    return Trainer(network, data.x_train, data.y_train, config)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_a_pickled_trainer_goes_on_bit_for_bit(optimizer: str) -> None:
    stayed, travelled = _trainer(optimizer), _trainer(optimizer)
    stayed.run(37)  # part of an epoch: the shuffle's place must travel too
    travelled.run(37)
    for _ in range(3):  # there and back, three times, each with steps on the way
        travelled = pickle.loads(pickle.dumps(travelled))
        travelled.run(23)
        stayed.run(23)
    assert travelled.steps_done == stayed.steps_done == 37 + 3 * 23
    assert _weights(travelled) == _weights(stayed)


def test_the_unpickled_workspace_shares_its_views_with_its_flat_arrays() -> None:
    # The bug this guards: views unpickle as copies, so the optimiser wrote to an array no layer read.
    trainer = pickle.loads(pickle.dumps(_trainer("adam")))
    work = trainer._work
    for parameters in (work.current, work.next):
        for weights in parameters.weights:
            assert np.shares_memory(weights, parameters.flat)


def test_a_pickled_stop_rule_keeps_its_trainer_and_stops_where_it_would_have() -> None:
    def rule_for(trainer: Trainer) -> StopRule:
        data = make_dataset("spiral", seed=0)
        return StopRule(trainer, 5, data.x_test, data.y_test)

    stayed = rule_for(_trainer("sgd", batch=1))
    stayed.trainer.config = TrainingConfig(optimizer="sgd", batch_size=1, learning_rate=3.0).validated()
    travelled = pickle.loads(pickle.dumps(stayed))
    assert travelled.trainer.network is not stayed.trainer.network
    stops = []
    for rule in (stayed, travelled):
        with pytest.raises(StoppedEarly) as stop:
            rule.run(10_000)
        stops.append((stop.value.step, stop.value.best_step, stop.value.best_loss))
    assert stops[0] == stops[1]
    assert _weights(travelled.trainer) == _weights(stayed.trainer)
