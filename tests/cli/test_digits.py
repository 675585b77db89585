"""The digits from the command line, by the real command: the preset, the data set, training and
reading digits drawn here by hand."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.cli.test_cli import assert_usage_error, run_cli
from tests.cli.test_train import train_ok

# Digits drawn by hand for this test, 8 × 8 pixels, "#" full ink: not from the data set.
DRAWN = {
    0: "..####.. .##..##. .#....#. ##....## ##....## .#....#. .##..##. ..####..",
    1: "....##.. ...###.. ..####.. ....##.. ....##.. ....##.. ....##.. ..######",
    2: "..####.. .##..##. .....##. ....##.. ...##... ..##.... .##..... .######.",
    3: ".#####.. .....##. .....##. ..####.. .....##. .....##. .....##. .#####..",
    4: "....##.. ...###.. ..#.##.. .#..##.. .######. ....##.. ....##.. ....##..",
    5: ".######. .##..... .##..... .#####.. .....##. .....##. .##..##. ..####..",
    6: "....##.. ...##... ..##.... ..#####. .##...## .##...## ..##.##. ...###..",
    7: ".######. .....##. ....##.. ..#####. ...##... ..##.... ..##.... ..##....",
    8: "..####.. .##..##. .##..##. ..####.. ..####.. .##..##. .##..##. ..####..",
    9: "..####.. .##..##. .##..##. ..#####. .....##. .....##. ....##.. ..###...",
}


def _ink(drawing: str) -> str:
    """The 64 ink values of a drawing, row by row, as ``--input`` takes them."""
    rows = drawing.split()
    assert len(rows) == 8 and all(len(row) == 8 for row in rows)
    return ",".join("1" if pixel == "#" else "0" for row in rows for pixel in row)


def _eval(*args: str, cwd: Path) -> dict[str, list[float]]:
    result = run_cli("eval", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    evaluated: dict[str, list[float]] = json.loads(result.stdout)
    return evaluated


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """The preset trained as the issue asks: 3,000 steps on the digits; the file and its test accuracy."""
    folder = tmp_path_factory.mktemp("digits")
    _, summary = train_ok("--preset", "digits", "--dataset", "digits", "--steps", "3000", "-o", "out.json", cwd=folder)
    assert summary.group(1) == "3000"
    return folder / "out.json", float(summary.group(6))


def test_training_on_the_digits_prints_the_test_accuracy(trained: tuple[Path, float]) -> None:
    out, accuracy = trained
    assert accuracy >= 0.9
    doc = json.loads(out.read_text("utf-8"))
    assert doc["version"] == 2 and doc["image"] == {"rows": 8, "columns": 8}
    assert doc["training"]["data"] == {"dataset": "digits", "noise": 0.0}
    assert [entry["name"] for entry in doc["inputs"][:9]] == [*(f"r0c{c}" for c in range(8)), "r1c0"]


def test_the_trained_network_reads_digits_drawn_by_hand(trained: tuple[Path, float]) -> None:
    out, _ = trained
    read = {
        digit: int(np.argmax(_eval(str(out), "--input", _ink(drawing), cwd=out.parent)["outputs"]))
        for digit, drawing in DRAWN.items()
    }
    right = [digit for digit, answer in read.items() if digit == answer]
    assert len(right) >= 8, read  # most of them: 10 of 10 when this was written


def test_training_goes_on_from_the_file_on_the_digits(trained: tuple[Path, float]) -> None:
    out, _ = trained
    _, summary = train_ok(str(out), "--steps", "10", "-o", "more.json", cwd=out.parent)
    assert summary.group(6) is not None  # the file's data, the digits: an accuracy again
    assert json.loads((out.parent / "more.json").read_text("utf-8"))["training"]["steps"] == 3010


def test_eval_takes_the_64_ink_values_row_by_row(tmp_path: Path) -> None:
    result = _eval("--preset", "digits", "--input", _ink(DRAWN[7]), cwd=tmp_path)
    assert len(result["outputs"]) == 10 and sum(result["outputs"]) == pytest.approx(1.0)
    blank = _eval("--preset", "digits", "--input", ",".join(["0"] * 64), cwd=tmp_path)
    assert blank["outputs"] != result["outputs"]
    message = assert_usage_error(run_cli("eval", "--preset", "digits", "--input", "1,0", cwd=tmp_path))
    assert message == "--input has 2 values but the network has 64 inputs"


def test_noise_and_ratio_apply_to_the_digits(tmp_path: Path) -> None:
    args = ("--preset", "digits", "--dataset", "digits", "--noise", "0.2", "--ratio", "80", "--steps", "20")
    train_ok(*args, "-o", "noisy.json", cwd=tmp_path)
    data = json.loads((tmp_path / "noisy.json").read_text("utf-8"))["training"]["data"]
    assert data == {"dataset": "digits", "noise": 0.2, "ratio": 80}


def test_a_network_that_cannot_read_the_digits_is_told_why(tmp_path: Path) -> None:
    result = run_cli("train", "--preset", "xor", "--dataset", "digits", "--steps", "5", "-o", "x.json", cwd=tmp_path)
    assert assert_usage_error(result) == "the digits data has 64 inputs but the network has 2"
    assert not (tmp_path / "x.json").exists()


def test_presets_and_help_name_the_digits_and_their_source(tmp_path: Path) -> None:
    listed = run_cli("presets", cwd=tmp_path).stdout.splitlines()
    assert listed[-1].split() == ["digits", "64-16-10", "Handwritten", "digits"]
    help_text = " ".join(run_cli("train", "--help", cwd=tmp_path).stdout.split())
    assert "multi_gaussian; or digits, 1,797 handwritten digits of 8 × 8 pixels" in help_text
    assert "E. Alpaydin and C. Kaynak, CC BY 4.0" in help_text
