"""The counts of a file's training (its steps, the state's step and epoch) at their bounds (#22 fall 2).

A file may hold counts up to 2**53. What nntui writes after training on from such a file
must open again (the writers never write what the readers refuse), and a count that is
read must not cost unbounded time: the state's epoch is replayed, shuffle by shuffle, to
find the place in the batches.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from nntui.cli.train import run as train
from nntui.core.fileformat import load_network_file
from nntui.core.presets import load_preset
from nntui.core.training_record import MAX_WHOLE
from nntui.document.document import Document


def _trained_file(path: Path, **state: int) -> Path:
    """xor trained a few steps on circle data and saved, then its counts set to ``state``'s
    (``steps`` the file's own, the others the state's)."""
    doc = Document(load_preset("xor"), preset="xor")
    doc.training.change_setting("dataset", "circle")
    doc.training.run(5)
    doc.save(path)
    document = json.loads(path.read_text("utf-8"))
    training = document["training"]
    for key, value in state.items():
        (training if key == "steps" else training["state"])[key] = value
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _opened(path: Path) -> Document:
    opened = load_network_file(path)
    return Document(opened.network, path=path, training=opened.training)


def test_training_on_from_the_largest_count_writes_a_file_that_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file at 2**53 steps (and its state's step): three more steps wrote 2**53 + 3, which
    nntui train, nntui eval and the playground then refused ("must be at most ...")."""
    first = _trained_file(tmp_path / "first.json", steps=MAX_WHOLE, step=MAX_WHOLE)
    assert train([str(first), "--steps", "3", "-o", str(tmp_path / "out.json")]) == 0
    capsys.readouterr()
    written = load_network_file(tmp_path / "out.json").training  # refused before
    assert written is not None and written.steps == MAX_WHOLE
    assert written.state is not None and written.state.step == MAX_WHOLE

    doc = _opened(first)  # the playground: a step, then ctrl+s
    doc.training.run(1)
    saved = load_network_file(doc.save(tmp_path / "saved.json")).training
    assert saved is not None and saved.steps == MAX_WHOLE


def test_a_state_too_long_to_replay_starts_afresh_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """ "epoch": 10**12 (a count a file may hold): nntui train, and the playground's first step,
    replayed 10**12 shuffles (weeks). A state that would take more than about a second to
    replay is not used: training starts afresh, and nntui train says why."""
    first = _trained_file(tmp_path / "first.json", epoch=10**12)
    start = time.monotonic()
    assert train([str(first), "--steps", "1", "-o", str(tmp_path / "out.json")]) == 0
    said = capsys.readouterr().err
    assert "starts afresh" in said and "replay" in said, said
    doc = _opened(first)
    assert doc.training.pending_state is not None and doc.training.pending_state.epoch == 10**12
    doc.training.run(1)
    trainer = doc.training.trainer
    assert trainer is not None and trainer.epochs == 1  # afresh: the first shuffle of the batches' order
    assert time.monotonic() - start < 30  # seconds; it never ended before
