"""``nntui train --ratio P --data-seed S``: the split and the points, as the playground uses them."""

from __future__ import annotations

from pathlib import Path

import pytest

from nntui.core.fileformat import load_network_file, save_network
from nntui.core.presets import load_preset
from nntui.core.training import TrainingConfig
from nntui.core.training_record import TrainingRecord
from nntui.document.session import TrainingSession, TrainingSettings
from tests.cli.test_cli import assert_usage_error, run_cli
from tests.cli.test_train import same_weights


def _trained(settings: TrainingSettings, steps: int) -> TrainingSession:
    session = TrainingSession(load_preset("xor"), settings)
    session.run(steps)
    return session


def test_ratio_and_data_seed_train_as_the_playground_does(tmp_path: Path) -> None:
    result = run_cli(
        "train",
        "--preset",
        "xor",
        "--dataset",
        "circle",
        "--ratio",
        "70",
        "--data-seed",
        "5",
        "--seed",
        "2",
        "--steps",
        "20",
        "-o",
        "out.json",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    out = load_network_file(tmp_path / "out.json")
    settings = TrainingSettings("circle", config=TrainingConfig(seed=2), ratio=70, data_seed=5)
    assert same_weights(out.network, _trained(settings, 20).network)
    assert out.training is not None and (out.training.ratio, out.training.data_seed) == (70, 5)


def test_without_them_the_file_gives_them_else_the_data_and_seed_do(tmp_path: Path) -> None:
    record = TrainingRecord(dataset="gaussians", config=TrainingConfig(seed=1), ratio=30, data_seed=8)
    save_network(load_preset("xor"), tmp_path / "net.json", record)
    assert run_cli("train", "net.json", "--steps", "5", "--seed", "4", "-o", "a.json", cwd=tmp_path).returncode == 0
    a = load_network_file(tmp_path / "a.json").training
    assert a is not None and (a.ratio, a.data_seed, a.config.seed) == (30, 8, 4)  # --seed: the batches only
    assert (
        run_cli(
            "train", "--preset", "xor", "--dataset", "xor", "--seed", "4", "--steps", "5", "-o", "b.json", cwd=tmp_path
        ).returncode
        == 0
    )
    b = load_network_file(tmp_path / "b.json").training
    assert b is not None and (b.ratio, b.data_seed) == (None, None)  # the data's own split, and --seed
    same = _trained(TrainingSettings("xor", config=TrainingConfig(seed=4), ratio=50, data_seed=4), 5)
    assert same_weights(load_network_file(tmp_path / "b.json").network, same.network)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--ratio", "95"), "95"),
        (("--ratio", "5"), "5"),
        (("--ratio", "half"), "half"),
        (("--data-seed", "-1"), "-1"),
    ],
)
def test_a_bad_ratio_or_data_seed_is_one_clear_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = run_cli(
        "train", "--preset", "xor", "--dataset", "xor", *args, "--steps", "1", "-o", "o.json", cwd=tmp_path
    )
    text = assert_usage_error(result)
    assert message in text and ("--ratio" in text or "--data-seed" in text)
