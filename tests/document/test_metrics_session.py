"""The session's metrics and stop rule, without Textual, and the stop rule kept in the network file."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from nntui.core.fileformat import dumps_network, load_network_file, loads_network_file, network_to_dict
from nntui.core.presets import load_preset
from nntui.core.training import TrainingConfig
from nntui.core.training.metrics import assess
from nntui.core.training_record import TrainingRecord
from nntui.document.document import Document
from nntui.document.experiment import record_from_settings, settings_from_record, train_command
from nntui.document.session import TrainingSession, TrainingSettings

FLAT = TrainingSettings("circle", 0.1, TrainingConfig(learning_rate=0.3), stop_after=20)  # stops within 200 steps


def _until_stopped(session: TrainingSession, burst: int, limit: int = 5000) -> int:
    """Run in bursts of ``burst`` until the rule stops it; the bursts it took."""
    for bursts in range(1, limit // burst + 1):
        session.run(burst)
        if session.stopped is not None:
            return bursts
    raise AssertionError("the stop rule never stopped training")


def test_measure_keeps_the_metrics_of_its_point() -> None:
    session = TrainingSession(load_preset("xor"), TrainingSettings("circle"))
    assert session.metrics is None
    session.run(30)
    point = session.measure()
    data = session.dataset
    train, train_metrics = assess(session.network, data.x_train, data.y_train, None, True)
    assert point.train == train and session.metrics is not None
    assert session.metrics[0].confusion.tolist() == train_metrics.confusion.tolist()  # type: ignore[union-attr]
    assert session.metrics[1].samples == len(data.x_test)
    assert session.metrics[0].accuracy == point.train.accuracy and session.metrics[1].accuracy == point.test.accuracy
    session.change_setting("learning_rate", 0.1)  # the same data: the numbers stay
    assert session.metrics is not None
    session.change_setting("dataset", "spiral")  # other data: no numbers until measured on it
    assert session.metrics is None and session.history == []
    session.measure()
    session.reset()
    assert session.metrics is None


def test_a_regression_session_measures_r_squared_and_squared_error() -> None:
    session = TrainingSession(load_preset("xor"), TrainingSettings("plane"))
    session.measure()
    assert session.metrics is not None
    train, test = session.metrics
    assert train.confusion is None and train.r2 is not None and test.r2 is not None
    assert train.mse == pytest.approx(session.history[-1].train.loss, rel=1e-12)


@pytest.mark.parametrize("burst", [1, 13, 5000])
def test_the_stop_rule_stops_at_the_same_step_in_any_bursts(burst: int) -> None:
    once = TrainingSession(load_preset("xor"), FLAT)
    once.run(5000)
    assert once.stopped is not None and once.steps == once.stopped.step < 5000
    assert once.steps - once.stopped.best_step == 20
    session = TrainingSession(load_preset("xor"), FLAT)
    _until_stopped(session, burst)
    assert session.stopped is not None and session.steps == once.steps
    stops = [(s.step, s.best_step, s.best_loss, s.patience) for s in (session.stopped, once.stopped)]
    assert stops[0] == stops[1]
    assert dumps_network(session.network) == dumps_network(once.network)


def test_after_a_stop_playing_again_gives_n_more_steps_at_least() -> None:
    session = TrainingSession(load_preset("xor"), FLAT)
    session.run(5000)
    stopped_at = session.steps
    session.run(5)  # a fresh rule: 5 steps are fewer than 20
    assert session.stopped is None and session.steps == stopped_at + 5
    session.run(5000)
    assert session.stopped is not None and session.steps >= stopped_at + 20
    session.network_edited(session.network)  # a change by hand: nothing to say any more
    assert session.stopped is None


def test_without_the_rule_the_same_steps_give_the_same_weights() -> None:
    ruled = TrainingSession(load_preset("xor"), replace(FLAT, stop_after=5000))
    plain = TrainingSession(load_preset("xor"), replace(FLAT, stop_after=0))
    ruled.run(150)
    plain.run(150)
    assert ruled.stopped is None and dumps_network(ruled.network) == dumps_network(plain.network)


# --- in the file ---------------------------------------------------------------------------------


def test_the_stop_rule_is_written_when_on_and_read_back(tmp_path: Path) -> None:
    record = TrainingRecord(dataset="circle", stop_after=150)
    text = dumps_network(load_preset("xor"), record)
    assert json.loads(text)["training"]["stop_after"] == 150
    assert loads_network_file(text).training == record
    off = dumps_network(load_preset("xor"), TrainingRecord(dataset="circle"))
    assert "stop_after" not in json.loads(off)["training"]  # off: as files were before the rule
    assert loads_network_file(off).training == TrainingRecord(dataset="circle")
    settings = settings_from_record(record, tmp_path / "net.json")
    assert settings.stop_after == 150
    assert record_from_settings(settings, 0, tmp_path / "net.json") == record
    assert train_command(Path("net.json"), settings, 10)[-6:-4] == ["--stop-after", "150"]


@pytest.mark.parametrize(
    ("value", "found"), [(-1, "the number -1"), (2.5, "the number 2.5"), ("10", 'the text "10"'), (True, "true")]
)
def test_a_bad_stop_rule_in_a_file_says_where_and_what(value: object, found: str) -> None:
    doc = network_to_dict(load_preset("xor"), TrainingRecord())
    doc["training"]["stop_after"] = value
    with pytest.raises(ValueError) as error:
        loads_network_file(json.dumps(doc))
    assert '"training": "stop_after" must be a whole number of at least 0' in str(error.value)
    assert found in str(error.value)


def test_the_document_saves_and_reopens_the_rule(tmp_path: Path) -> None:
    doc = Document(load_preset("xor"), preset="xor")
    assert doc.training.change_setting("stop_after", 200)
    assert not doc.training.change_setting("stop_after", 200)
    doc.save(tmp_path / "net.json")
    opened = load_network_file(tmp_path / "net.json")
    assert opened.training is not None and opened.training.stop_after == 200
    again = Document(opened.network, path=tmp_path / "net.json", training=opened.training)
    assert again.training.settings.stop_after == 200
    assert np.array_equal(again.network.layers[0].weights, doc.network.layers[0].weights)
