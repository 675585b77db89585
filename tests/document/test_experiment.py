"""The experiment kept with the network, without Textual: the document saves its training
settings and steps, opens them again, and makes the ``nntui train`` line that reruns them."""

from __future__ import annotations

import json
import shlex
import subprocess
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from nntui.core.fileformat import load_network_file, save_network
from nntui.core.presets import load_preset
from nntui.core.text import visible
from nntui.core.training import TrainingConfig
from nntui.core.training_record import TrainingRecord
from nntui.document.document import Document
from nntui.document.experiment import (
    DEFAULT_COMMAND_STEPS,
    command_line,
    record_from_settings,
    restore,
    same_data,
    settings_from_record,
    train_command,
)
from nntui.document.session import CSV_DATASET, TrainingSession, TrainingSettings

RING = "x1,x2,y\n" + "".join(f"{np.cos(k)},{np.sin(k)},{k % 2}\n" for k in range(40))


def _changed(doc: Document) -> None:
    """Settings off the defaults, as a learner would choose them in the training view."""
    for name, value in (
        ("dataset", "circle"),
        ("noise", 0.1),
        ("learning_rate", 0.1),
        ("batch_size", 10),
        ("optimizer", "momentum"),
        ("regularization", "l2"),
        ("regularization_rate", 0.001),
    ):
        assert doc.training.change_setting(name, value)


def test_saving_writes_the_training_settings_and_the_steps(tmp_path: Path) -> None:
    doc = Document(load_preset("xor"), preset="xor")
    _changed(doc)
    doc.training.run(25)
    doc.save(tmp_path / "net.json")
    opened = load_network_file(tmp_path / "net.json")
    assert opened.training is not None and opened.training.state is not None  # where training is, too
    assert replace(opened.training, state=None) == TrainingRecord(
        dataset="circle",
        noise=0.1,
        config=TrainingConfig(
            learning_rate=0.1, batch_size=10, optimizer="momentum", regularization="l2", regularization_rate=0.001
        ),
        steps=25,
    )
    assert json.loads((tmp_path / "net.json").read_text("utf-8"))["version"] == 2


def test_opening_brings_the_settings_and_steps_back(tmp_path: Path) -> None:
    saved = Document(load_preset("xor"), preset="xor")
    _changed(saved)
    saved.training.run(25)
    saved.save(tmp_path / "net.json")

    for doc in (Document(load_preset("and"), preset="and"), None):
        if doc is None:  # opened at start, as `nntui net.json` does
            opened = load_network_file(tmp_path / "net.json")
            doc = Document(opened.network, path=tmp_path / "net.json", training=opened.training)
        else:
            doc.open(tmp_path / "net.json")
        assert doc.training.settings == saved.training.settings
        assert doc.training.steps == 25 and doc.steps_since_saved == 0
        assert doc.training.history == [] and not doc.modified
        assert doc.data_problem is None


def test_opening_a_file_without_training_settings_keeps_those_in_use(tmp_path: Path) -> None:
    save_network(load_preset("or"), tmp_path / "v1.json")
    doc = Document(load_preset("xor"), preset="xor")
    _changed(doc)
    before = doc.training.settings
    doc.open(tmp_path / "v1.json")
    assert doc.training.settings == before and doc.training.steps == 0


def test_a_csv_path_is_kept_relative_to_the_network_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "ring.csv").write_text(RING, encoding="utf-8")
    (tmp_path / "nets").mkdir()
    monkeypatch.chdir(tmp_path)
    settings = TrainingSettings(dataset=CSV_DATASET, data_file="data/ring.csv")
    doc = Document(load_preset("xor"), preset="xor", settings=settings)
    doc.save(Path("nets/net.json"))
    record = load_network_file("nets/net.json").training
    assert record is not None and record.csv == "../data/ring.csv"
    samples = doc.training.dataset.x_train

    monkeypatch.chdir(tmp_path / "data")  # somewhere else: the path is found from the file
    again = Document(load_preset("and"), preset="and")
    again.open(Path("../nets/net.json"))
    assert again.data_problem is None
    assert Path(again.training.settings.data_file or "").resolve() == (tmp_path / "data" / "ring.csv")
    np.testing.assert_array_equal(again.training.dataset.x_train, samples)


def test_a_csv_file_that_moved_is_said_and_the_default_data_used(tmp_path: Path) -> None:
    network = load_preset("xor")
    record = TrainingRecord(csv="gone.csv", config=TrainingConfig(learning_rate=0.3), steps=40)
    save_network(network, tmp_path / "net.json", record)
    doc = Document(load_preset("and"), preset="and")
    doc.open(tmp_path / "net.json")
    assert doc.data_problem is not None and "gone.csv" in doc.data_problem and "no such file" in doc.data_problem
    settings = doc.training.settings
    assert settings.dataset == TrainingSettings().dataset and settings.data_file is None
    assert settings.config.learning_rate == 0.3  # the file's other settings are kept
    assert doc.training.steps == 0
    assert doc.training.dataset.n_inputs == 2  # the session can train


def test_data_chosen_at_start_replaces_the_files_and_keeps_its_other_settings(tmp_path: Path) -> None:
    (tmp_path / "ring.csv").write_text(RING, encoding="utf-8")
    record = TrainingRecord(dataset="spiral", config=TrainingConfig(batch_size=5), steps=99)
    data = TrainingSettings(dataset=CSV_DATASET, data_file=str(tmp_path / "ring.csv"))
    doc = Document(load_preset("xor"), path=tmp_path / "net.json", settings=data, training=record)
    assert doc.training.settings.data_file == str(tmp_path / "ring.csv")
    assert doc.training.settings.config.batch_size == 5
    assert doc.training.steps == 0  # other data: the steps count from 0


def test_settings_and_records_convert_both_ways(tmp_path: Path) -> None:
    settings = TrainingSettings("gaussians", 0.2, TrainingConfig(seed=4, loss="mse", momentum=0.7))
    record = record_from_settings(settings, 12, tmp_path / "a.json")
    assert record == TrainingRecord("gaussians", 0.2, None, settings.config, 12)
    assert settings_from_record(record, tmp_path / "a.json") == settings
    # A CSV file the settings do not use is not written.
    unused = TrainingSettings("xor", 0.0, TrainingConfig(), data_file="ring.csv")
    assert record_from_settings(unused, 0, tmp_path / "a.json").csv is None


def test_same_data_means_same_samples() -> None:
    base = TrainingSettings("circle", 0.1, TrainingConfig(seed=1))
    assert same_data(base, TrainingSettings("circle", 0.1, TrainingConfig(seed=1, learning_rate=3.0)))
    assert not same_data(base, TrainingSettings("circle", 0.2, TrainingConfig(seed=1)))
    assert not same_data(base, TrainingSettings("circle", 0.1, TrainingConfig(seed=2)))
    csv = TrainingSettings(CSV_DATASET, config=TrainingConfig(seed=1), data_file="a.csv")
    assert same_data(csv, TrainingSettings(CSV_DATASET, config=TrainingConfig(seed=1), data_file="./a.csv"))
    assert not same_data(csv, base)


def test_restore_counts_from_the_files_steps() -> None:
    session = TrainingSession(load_preset("xor"))
    session.run(3)
    session.measure()
    assert restore(session, TrainingRecord(dataset="spiral", steps=500), Path("net.json")) is None
    assert session.steps == 500 and session.history == [] and session.trainer is None
    assert session.settings.dataset == "spiral"


# --- the training command ----------------------------------------------------------------------


def test_the_command_writes_out_every_setting_exactly() -> None:
    settings = TrainingSettings(
        "spiral",
        0.15,
        TrainingConfig(
            learning_rate=1e-05, batch_size=5, optimizer="sgd", regularization="l1", regularization_rate=0.003, seed=9
        ),
    )
    args = train_command(Path("my nets/net.json"), settings, 250)
    assert args == [
        "nntui",
        "train",
        "my nets/net.json",
        "--dataset",
        "spiral",
        "--noise",
        "0.15",
        "--lr",
        "1e-05",
        "--batch",
        "5",
        "--optimizer",
        "sgd",
        "--regularization",
        "l1",
        "--regularization-rate",
        "0.003",
        "--seed",
        "9",
        "--stop-after",
        "0",
        "--steps",
        "250",
        "-o",
        "my nets/net-trained.json",
    ]
    line = command_line(args)
    assert shlex.split(line) == args
    assert line.startswith("nntui train 'my nets/net.json' --dataset spiral")


def test_the_command_names_a_csv_file_and_keeps_dashes_from_reading_as_options() -> None:
    settings = TrainingSettings(CSV_DATASET, config=TrainingConfig(), data_file="-ring.csv")
    args = train_command(Path("-net.json"), settings, 1)
    assert args[2] == "./-net.json" and args[3:5] == ["--data", "./-ring.csv"]
    assert "--noise" not in args and args[-1] == "./-net-trained.json"


def test_steps_since_saved_follow_training_saving_and_resets(tmp_path: Path) -> None:
    doc = Document(load_preset("xor"), preset="xor")
    assert doc.steps_since_saved == 0
    doc.training.run(30)
    doc.settle()
    assert doc.steps_since_saved == 30
    doc.save(tmp_path / "net.json")
    assert doc.steps_since_saved == 0
    doc.training.run(5)
    doc.training.run(7)
    assert doc.steps_since_saved == 12
    doc.training.reset()  # new weights: every step since counts
    doc.training.run(4)
    assert doc.steps_since_saved == 4
    assert DEFAULT_COMMAND_STEPS > 0


@pytest.mark.parametrize(
    "name",
    [
        "d\x1b]0;PWN\x07\x1b[2Jx.csv",  # the sweep's: set the title, clear the screen
        "a\nb.csv",
        "tab\there.csv",
        "rlo\u202etxt.csv",
        "quote's \\ back.csv",
        "del\x7f.csv",
    ],
)
def test_a_path_with_control_characters_is_quoted_in_visible_characters_the_shell_reads_back(name: str) -> None:
    """Text is text: the line that is shown and copied holds no control character, yet a shell
    (bash here; $'…' is POSIX since 2024) reads each argument back exactly."""
    args = ["nntui", "train", f"nets/{name}", "--data", name]
    line = command_line(args)
    assert visible(line) == line and "\x1b" not in line and "\n" not in line
    echoed = subprocess.run(["bash", "-c", f"printf '%s\\0' {line}"], capture_output=True, check=True).stdout
    assert echoed.decode("utf-8", "surrogateescape").split("\0")[:-1] == args
