"""The split, the data seed and the view options of the training settings (issue 15).

The ratio (percent trained on) and the data seed choose the samples, as the
playground and ``nntui train`` build them (``training_data``); without them
the data is what it was before they existed; the view options never touch
the trainer; the file's ``training`` object keeps the split and the seed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from nntui.core.datasets import load_csv, make_dataset
from nntui.core.jsonfields import Problem
from nntui.core.presets import load_preset
from nntui.core.training import TrainingConfig
from nntui.core.training_record import training_from_dict, training_to_dict
from nntui.document.experiment import record_from_settings, same_data, settings_from_record, train_command
from nntui.document.session import CSV_DATASET, TrainingSession, TrainingSettings, training_data

CSV = "x1,x2,y\n" + "".join(f"{k / 10},{-k / 10},{k % 2}\n" for k in range(20))


def _csv(tmp_path: Path) -> str:
    path = tmp_path / "points.csv"
    path.write_text(CSV)
    return str(path)


def test_without_a_ratio_or_data_seed_the_data_is_as_before_they_existed(tmp_path: Path) -> None:
    settings = TrainingSettings("spiral", 0.1, TrainingConfig(seed=3))
    assert (settings.effective_ratio, settings.effective_data_seed) == (50, 3)
    before = make_dataset("spiral", noise=0.1, seed=3)  # what training_data gave: seed 3, half tested
    np.testing.assert_array_equal(training_data(settings).x_test, before.x_test)
    csv = TrainingSettings(CSV_DATASET, config=TrainingConfig(seed=2), data_file=_csv(tmp_path))
    assert csv.effective_ratio == 80  # load_csv's own split
    np.testing.assert_array_equal(training_data(csv).x_train, load_csv(csv.data_file, seed=2).x_train)


@pytest.mark.parametrize("ratio", [10, 30, 70, 90])
def test_the_ratio_is_the_percent_of_samples_trained_on(ratio: int, tmp_path: Path) -> None:
    data = training_data(TrainingSettings("circle", ratio=ratio))
    assert len(data.x_train) == 400 * ratio // 100 and len(data.x_test) == 400 - 400 * ratio // 100
    csv = training_data(TrainingSettings(CSV_DATASET, data_file=_csv(tmp_path), ratio=ratio))
    assert len(csv.x_train) == 20 * ratio // 100


def test_the_data_seed_draws_the_points_and_the_training_seed_does_not() -> None:
    base = TrainingSettings("xor", data_seed=0)
    same = training_data(replace(base, config=TrainingConfig(seed=9)))
    np.testing.assert_array_equal(same.x_train, training_data(base).x_train)
    other = training_data(replace(base, data_seed=1))
    assert not np.array_equal(other.x_train, training_data(base).x_train)


def test_a_new_split_or_data_seed_is_new_data_and_a_view_option_keeps_the_trainer() -> None:
    session = TrainingSession(load_preset("xor"))
    session.run(3)
    session.measure()
    trainer = session.trainer
    assert session.change_setting("show_test", False) and session.change_setting("discretize", True)
    assert session.trainer is trainer and session.steps == 3 and session.history  # nothing to redo
    assert not session.change_setting("ratio", 50)  # the split already used
    assert session.change_setting("ratio", 70)
    assert session.steps == 0 and not session.history and len(session.dataset.x_train) == 280
    assert session.change_setting("data_seed", 1) and session.settings.setting("data_seed") == 1


def test_the_files_training_object_keeps_the_split_and_the_data_seed(tmp_path: Path) -> None:
    settings = TrainingSettings("gaussians", 0.2, TrainingConfig(seed=4), ratio=30, data_seed=7)
    record = record_from_settings(settings, 12, tmp_path / "net.json")
    written = training_to_dict(record)
    assert written["data"] == {"dataset": "gaussians", "noise": 0.2, "ratio": 30, "seed": 7}
    read = training_from_dict(written)
    assert read == record and same_data(settings_from_record(read, tmp_path / "net.json"), settings)
    # Not chosen, not written: the file means what it meant before they existed.
    assert training_to_dict(record_from_settings(TrainingSettings(), 0, tmp_path / "n.json"))["data"] == {
        "dataset": "xor",
        "noise": 0.0,
    }


def test_a_file_without_them_reads_as_before(tmp_path: Path) -> None:
    record = training_from_dict({"data": {"csv": "points.csv"}, "seed": 5})
    assert (record.ratio, record.data_seed) == (None, None)
    settings = settings_from_record(record, tmp_path / "net.json")
    assert (settings.effective_ratio, settings.effective_data_seed) == (80, 5)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"ratio": 95}, '"training", "data": "ratio" must be a whole number from 10 to 90, found the number 95'),
        ({"ratio": 50.0}, '"ratio" must be a whole number from 10 to 90, found the number 50.0'),
        ({"ratio": True}, '"ratio" must be a whole number from 10 to 90, found true'),
        ({"ratio": None}, '"ratio" must be a whole number from 10 to 90, found null'),
        ({"seed": -1}, '"seed" must be a whole number of at least 0, found the number -1'),
        ({"seed": "1"}, '"seed" must be a whole number of at least 0, found the text'),
    ],
)
def test_a_bad_ratio_or_data_seed_in_a_file_says_where(data: dict[str, object], message: str) -> None:
    with pytest.raises(Problem) as error:
        training_from_dict({"data": data})
    assert message in str(error.value)


def test_not_the_same_data_when_the_split_or_the_data_seed_differ(tmp_path: Path) -> None:
    a = TrainingSettings("circle")
    assert same_data(a, replace(a, ratio=50, data_seed=0))  # the same as used
    assert not same_data(a, replace(a, ratio=60))
    assert not same_data(a, replace(a, data_seed=1))
    csv = TrainingSettings(CSV_DATASET, data_file=_csv(tmp_path))
    assert same_data(csv, replace(csv, ratio=80)) and not same_data(csv, replace(csv, ratio=50))


def test_the_training_command_writes_the_split_and_the_data_seed() -> None:
    args = train_command(Path("net.json"), TrainingSettings("spiral", ratio=70, data_seed=3), 10)
    assert args[args.index("--ratio") + 1] == "70" and args[args.index("--data-seed") + 1] == "3"
    assert "--ratio" not in train_command(Path("net.json"), TrainingSettings("spiral"), 10)
