"""The training session: one copy of the settings, data and trainer made in one place."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nntui.core.datasets import DataFileError, make_dataset
from nntui.core.presets import load_preset
from nntui.core.training import TrainingConfig
from nntui.document.session import (
    CSV_DATASET,
    TrainingSession,
    TrainingSettings,
    new_trainer,
    training_data,
)


def test_a_setting_is_changed_by_name_in_the_settings_or_the_config() -> None:
    settings = TrainingSettings()
    assert settings.with_setting("noise", 0.2).noise == 0.2
    assert settings.with_setting("learning_rate", 0.1).config.learning_rate == 0.1
    assert settings.setting("optimizer") == TrainingConfig().optimizer
    with pytest.raises(KeyError):
        settings.with_setting("colour", "blue")


def test_changing_the_data_starts_the_history_over_and_a_rate_keeps_it() -> None:
    session = TrainingSession(load_preset("xor"))
    session.run(3)
    session.measure()
    assert not session.change_setting("dataset", "xor")  # no change
    assert session.change_setting("learning_rate", 0.1)
    assert session.steps == 3 and session.history and session.trainer is None
    assert session.change_setting("dataset", "circle")
    assert session.steps == 0 and not session.history and session.dataset.name == "circle"


def test_the_data_is_made_once_and_only_when_needed(tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    session = TrainingSession(load_preset("xor"), TrainingSettings(dataset=CSV_DATASET, data_file=str(missing)))
    with pytest.raises(DataFileError):
        session.dataset  # noqa: B018 — reading it makes it
    data = tmp_path / "points.csv"
    data.write_text("a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.5,0.5,1\n", encoding="utf-8")
    session.change(TrainingSettings(dataset=CSV_DATASET, data_file=str(data)))
    assert session.dataset is session.dataset and session.dataset.n_inputs == 2


def test_generated_data_and_the_trainer_are_those_of_nntui_train() -> None:
    settings = TrainingSettings(dataset="spiral", noise=0.1, config=TrainingConfig(seed=4))
    data = training_data(settings)
    expected = make_dataset("spiral", noise=0.1, seed=4)
    assert np.array_equal(data.x_train, expected.x_train)
    network = load_preset("xor")
    twin = network.copy()
    session = TrainingSession(network, settings)
    session.run(40)
    trainer = new_trainer(twin, expected, settings.config)
    trainer.run(40)
    assert all(np.array_equal(a.weights, b.weights) for a, b in zip(network.layers, twin.layers))


def test_the_step_counter_follows_one_rule() -> None:
    """Steps since x last drew the weights, on the data in use: other data starts it at 0;
    edits by hand, shape changes and the other settings keep it (as the README says)."""
    import numpy as np

    from nntui.core import shape
    from nntui.core.edits import ParamRef, Reshape, SetValue
    from nntui.document.document import Document

    doc = Document(shape.fresh_network([2, 3, 3, 1], np.random.default_rng(0)))
    doc.training.change_setting("dataset", "circle")
    session = doc.training
    for change in (
        lambda: doc.apply(SetValue(ParamRef.bias(0, 0), 0.0, 0.5)),  # by hand
        lambda: doc.apply(Reshape.of(doc.network, shape.remove_layer(doc.network, 1, doc.rng), "remove a layer")),
        lambda: session.change_setting("learning_rate", 0.1),
        lambda: session.change_setting("show_test", False),
    ):
        before = session.steps + 4
        session.run(4)
        change()
        assert session.steps == before
    for name, value in (("noise", 0.1), ("ratio", 70), ("data_seed", 5), ("dataset", "xor")):
        session.run(4)
        assert session.change_setting(name, value) and session.steps == 0, name
    session.run(4)
    session.reset()  # what x does after drawing new weights
    assert session.steps == 0


def test_the_epoch_counts_passes_over_the_training_samples_across_trainers() -> None:
    """One pass: every training sample once; a new trainer (a rate changed) goes on counting,
    new data starts over."""
    session = TrainingSession(load_preset("xor"), TrainingSettings(config=TrainingConfig(batch_size=30)))
    n = len(session.dataset.x_train)
    assert session.epoch == 0 and n % 30  # so the pass's last batch is a shorter one
    session.run(1)
    assert (session.samples, session.epoch) == (30, 1)
    session.run(n // 30)  # the rest of the pass, its last batch shorter
    assert (session.samples, session.epoch) == (n, 1)
    session.change_setting("learning_rate", 0.1)  # a fresh trainer: its own shuffles, the count goes on
    session.run(1)
    assert (session.samples, session.epoch) == (n + 30, 2)
    session.change_setting("dataset", "circle")
    assert (session.steps, session.epoch) == (0, 0)
