"""The document without Textual: edits, history, files, cursor, and the training rule."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nntui.core.edits import ParamRef, SetValue
from nntui.core.fileformat import load_network, save_network
from nntui.core.presets import load_preset
from nntui.document.document import DEFAULT_STEP, STEPS, Change, Document
from nntui.document.selection import Selection


def _document(name: str = "potatoes") -> tuple[Document, list[Change]]:
    doc = Document(load_preset(name), preset=name)
    told: list[Change] = []
    doc.add_listener(told.append)
    return doc, told


def _set_weight(doc: Document, value: float) -> SetValue:
    ref = ParamRef.weight(0, 0, 2)
    return SetValue(ref, ref.get(doc.network), value)


def test_an_edit_recomputes_and_tells_and_undo_goes_back_to_what_changed() -> None:
    doc, told = _document()
    before = float(doc.result.outputs[0])
    doc.apply(_set_weight(doc, 5.0))
    assert doc.modified and told == [Change.EDITED]
    assert float(doc.result.outputs[0]) > before  # the saxophone counts now
    doc.select(Selection(0, 1, 0))
    assert doc.undo() is not None
    assert doc.selection == Selection(1, 0, 2)  # the cursor goes to the number that changed
    assert float(doc.result.outputs[0]) == before and not doc.modified
    assert doc.redo() is not None and doc.network.layers[0].weights[0, 2] == 5.0
    assert doc.undo() is not None and doc.undo() is None  # nothing more to undo


def test_the_selection_and_step_change_without_an_undo_step() -> None:
    doc, told = _document()
    doc.select(Selection(5, 9, 9))
    assert doc.selection == Selection(1, 0, 3)  # clamped: the bias of the only neuron
    for _ in range(10):
        doc.change_step(1)
    assert doc.step == STEPS[-1]
    for _ in range(10):
        doc.change_step(-1)
    assert doc.step == STEPS[0] and DEFAULT_STEP in STEPS
    assert set(told) == {Change.MOVED} and not doc.history.can_undo


def test_every_change_save_and_export_runs_the_hooks_first(tmp_path: Path) -> None:
    doc, _ = _document()
    calls: list[str] = []
    doc.add_before_change(lambda: calls.append("hook"))
    doc.apply(_set_weight(doc, 1.0))
    doc.undo()
    doc.redo()
    doc.save(tmp_path / "a.json")
    doc.export(tmp_path / "a.npz")
    doc.replace(load_preset("xor"), preset="xor")
    assert calls == ["hook"] * 6


def test_a_stretch_of_training_is_closed_as_one_undo_step_before_a_change() -> None:
    doc, told = _document("xor")
    start = [layer.weights.copy() for layer in doc.network.layers]
    doc.training.run(25)
    assert doc.modified and not doc.history.can_undo  # the stretch is still open
    doc.select(Selection(1, 0, 0))  # moving the cursor is no change
    assert doc.training.in_stretch
    typed = SetValue(ParamRef.input(0), float(doc.network.input_values[0]), 0.5)
    doc.apply(typed)
    assert not doc.training.in_stretch
    assert doc.undo() is typed
    stretch = doc.undo()
    assert stretch is not None and "25" in stretch.describe(doc.network)
    assert all(np.array_equal(a, layer.weights) for a, layer in zip(start, doc.network.layers))
    assert Change.EDITED in told


def test_a_stretch_without_steps_leaves_no_undo_step() -> None:
    doc, _ = _document("xor")
    doc.training.begin_stretch()
    assert doc.modified
    doc.settle()
    assert not doc.modified and not doc.history.can_undo


def test_saving_makes_the_file_the_document_and_a_failed_save_changes_nothing(tmp_path: Path) -> None:
    doc, told = _document()
    doc.apply(_set_weight(doc, 2.0))
    with pytest.raises(OSError):
        doc.save(tmp_path / "no such folder" / "x.json")
    assert doc.path is None and doc.preset == "potatoes" and doc.modified
    target = doc.save(tmp_path / "mine.json")
    assert target == doc.path and doc.preset is None and not doc.modified
    assert doc.label == "mine.json" and told[-1] is Change.SAVED
    assert load_network(target).layers[0].weights[0, 2] == 2.0
    doc.apply(_set_weight(doc, 3.0))
    doc.save()  # to the same file
    assert load_network(target).layers[0].weights[0, 2] == 3.0


def test_opening_replaces_everything_and_a_bad_file_changes_nothing(tmp_path: Path) -> None:
    doc, told = _document()
    doc.apply(_set_weight(doc, 2.0))
    doc.select(Selection(1, 0, 1))
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError):
        doc.open(bad)
    assert doc.preset == "potatoes" and doc.network.layers[0].weights[0, 2] == 2.0
    good = tmp_path / "xor.json"
    save_network(load_preset("xor"), good)
    doc.open(good)
    assert doc.path == good and doc.preset is None and not doc.modified
    assert doc.selection == Selection() and not doc.history.can_undo
    assert doc.training.network is doc.network and told[-1] is Change.REPLACED


def test_a_restored_network_counts_as_unsaved() -> None:
    doc, _ = _document()
    doc.replace(load_preset("and"), preset="and", modified=True)
    assert doc.modified and doc.label == "preset and"


def test_a_hook_that_changes_the_document_does_not_loop() -> None:
    doc, _ = _document()
    doc.add_before_change(lambda: doc.settle())
    doc.apply(_set_weight(doc, 1.5))
    assert doc.network.layers[0].weights[0, 2] == 1.5
