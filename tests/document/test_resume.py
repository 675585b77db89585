"""A file saved at any moment of training goes on bit for bit: opened again, or with `nntui train`.

The playground's moments are the document's: training in bursts (as the
worker plays), a stretch closed by a save, an undo, a change of shape.
After a change by hand the playground starts the optimiser afresh, and the
file then holds no state: `nntui train` starts afresh too, and says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from nntui.cli.train import run as train
from nntui.core.edits import ParamRef, Reshape, SetValue
from nntui.core.features import available
from nntui.core.fileformat import load_network_file, network_file_from_dict
from nntui.core.network import Network
from nntui.core.presets import load_preset
from nntui.core.shape import toggle_feature
from nntui.document.document import Document
from nntui.document.recovery import RecoveryStore

OPTIMIZERS = ["sgd", "momentum", "adam"]


def _same_weights(a: Network, b: Network) -> bool:
    return all(
        np.array_equal(x.weights, y.weights) and np.array_equal(x.bias, y.bias) for x, y in zip(a.layers, b.layers)
    )


def _document(optimizer: str) -> Document:
    doc = Document(load_preset("xor"), preset="xor")
    for name, value in (("dataset", "circle"), ("batch_size", 10), ("optimizer", optimizer), ("learning_rate", 0.1)):
        doc.training.change_setting(name, value)
    return doc


def _cli(first: Path, steps: int, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Network, str]:
    assert train([str(first), "--steps", str(steps), "-o", str(out)]) == 0
    return load_network_file(out).network, capsys.readouterr().err


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_a_save_between_bursts_goes_on_bit_for_bit(
    optimizer: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's case: play, pause, save; play more, save as a second file."""
    doc = _document(optimizer)
    doc.training.run(17)
    doc.training.run(20)  # in bursts, as the worker plays
    first = doc.save(tmp_path / "first.json")
    doc.training.run(33)
    doc.training.run(22)
    second = doc.save(tmp_path / "second.json")

    trained, note = _cli(first, 55, tmp_path / "out.json", capsys)
    assert _same_weights(trained, load_network_file(second).network) and note == ""
    out = load_network_file(tmp_path / "out.json").training
    assert out is not None and out.steps == 92 and out.state is not None  # and it can go on again

    opened = load_network_file(first)  # opened in the playground: the next steps are the same
    again = Document(opened.network, path=first, training=opened.training)
    again.training.run(55)
    assert _same_weights(again.network, load_network_file(second).network)


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_opened_and_saved_again_without_a_step_keeps_where_training_was(optimizer: str, tmp_path: Path) -> None:
    doc = _document(optimizer)
    doc.training.run(40)
    first = doc.save(tmp_path / "first.json")
    opened = load_network_file(first)
    again = Document(opened.network, path=first, training=opened.training)
    assert (again.training.steps, again.training.epoch) == (doc.training.steps, doc.training.epoch)
    again.training.change_setting("show_test", False)  # how the boundary is drawn: training is not touched
    resaved = again.save(tmp_path / "again.json")
    state = load_network_file(resaved).training.state
    assert state is not None and state.same_as(opened.training.state)


def test_after_an_undo_the_optimiser_starts_afresh_in_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _document("adam")
    doc.training.run(30)
    doc.settle()
    doc.apply(SetValue(ParamRef.bias(0, 0), float(doc.network.layers[0].bias[0]), 0.5))
    doc.undo()  # as the playground: a change by hand, the optimiser starts over
    first = doc.save(tmp_path / "first.json")
    assert load_network_file(first).training.state is None
    doc.training.run(25)
    second = doc.save(tmp_path / "second.json")
    trained, note = _cli(first, 25, tmp_path / "out.json", capsys)
    assert _same_weights(trained, load_network_file(second).network)
    assert "starts afresh" in note and "first.json" in note


def test_after_a_feature_is_turned_on_training_goes_on_from_the_new_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _document("adam")
    doc.training.run(30)
    square = available(2)[2]  # x1²
    after = toggle_feature(doc.network, square, doc.rng)
    doc.apply(Reshape.of(doc.network, after, square.label))
    doc.training.run(12)  # a trainer of the new shape
    first = doc.save(tmp_path / "first.json")
    doc.training.run(40)
    second = doc.save(tmp_path / "second.json")
    trained, note = _cli(first, 40, tmp_path / "out.json", capsys)
    assert _same_weights(trained, load_network_file(second).network) and note == ""


def test_options_that_change_the_settings_start_afresh_and_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _document("adam")
    doc.training.run(30)
    first = doc.save(tmp_path / "first.json")
    assert train([str(first), "--steps", "5", "--lr", "0.3", "-o", str(tmp_path / "out.json")]) == 0
    assert "change the file's training settings" in capsys.readouterr().err


def test_the_recovery_copy_keeps_where_training_was(tmp_path: Path) -> None:
    doc = _document("momentum")
    doc.training.run(44)
    doc.settle()
    store = RecoveryStore(tmp_path, pid=1_000_000)
    store.write(doc.network, None, "xor", doc.training_record(store.own_file))
    # The copy wraps a network file.
    kept = network_file_from_dict(json.loads(store.own_file.read_text())["network"]).training
    assert kept is not None and kept.state is not None and kept.state.same_as(doc.training.trainer_state())


def _record(path: Path) -> tuple[int, object]:
    training = load_network_file(path).training
    assert training is not None
    return training.steps, training.state


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_undoing_a_stretch_of_training_goes_back_to_where_it_began(
    optimizer: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Undo gives back the step count, the epoch, the loss so far and the optimiser with the
    weights: a file saved after the undo is the file saved before the stretch, and goes on as it."""
    doc = _document(optimizer)
    doc.training.run(30)
    before = doc.save(tmp_path / "before.json")
    epoch, losses = doc.training.epoch, [point.step for point in doc.training.history]
    doc.training.run(25)
    after = doc.save(tmp_path / "after.json")

    doc.undo()
    assert (doc.training.steps, doc.training.epoch) == (30, epoch)
    assert [point.step for point in doc.training.history] == losses
    undone = doc.save(tmp_path / "undone.json")
    steps, state = _record(undone)
    same_state = _record(before)[1]
    assert steps == 30 and state is not None and same_state is not None and state.same_as(same_state)
    assert _same_weights(load_network_file(undone).network, load_network_file(before).network)
    trained, note = _cli(undone, 25, tmp_path / "out.json", capsys)  # and it goes on as the stretch did
    assert _same_weights(trained, load_network_file(after).network) and note == ""

    doc.redo()
    assert doc.training.steps == 55 and doc.training.history[-1].step == 55
    redone = doc.save(tmp_path / "redone.json")
    assert _record(redone)[0] == 55 and _same_weights(
        load_network_file(redone).network, load_network_file(after).network
    )
    doc.undo()
    doc.training.run(25)  # in the playground too
    assert _same_weights(doc.network, load_network_file(after).network) and doc.training.steps == 55


def test_undoing_a_stretch_after_the_data_changed_keeps_the_new_datas_count(tmp_path: Path) -> None:
    """Steps count training on the data now chosen: undoing a stretch on the old data gives its
    weights back, and the new data's count (none yet) stays."""
    doc = _document("adam")
    doc.training.run(30)
    doc.settle()
    doc.training.change_setting("dataset", "xor")
    assert doc.training.steps == 0
    doc.undo()
    assert doc.training.steps == 0 and doc.training.history == []
    assert _record(doc.save(tmp_path / "undone.json"))[1] is None


def test_undoing_a_stretch_after_the_rate_changed_starts_the_optimiser_afresh(tmp_path: Path) -> None:
    doc = _document("adam")
    doc.training.run(30)
    doc.settle()
    doc.training.run(10)
    doc.settle()
    doc.training.change_setting("learning_rate", 0.03)
    doc.undo()
    assert doc.training.steps == 30  # the count goes on across trainers
    assert _record(doc.save(tmp_path / "undone.json")) == (30, None)  # the old rate's moments are not this one's
