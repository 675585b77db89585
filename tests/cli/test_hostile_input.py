"""Hostile input at the command line: special and huge files, numbers argparse took for options, -0.

Run as real subprocesses, like tests/cli/test_cli.py.  Each answer is one
line and comes at once (the subprocess's timeout would fail the test
otherwise: a FIFO that is opened blocks forever).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_usage_error, network_doc, run_cli, write_json

QUICK = 15  # seconds: far more than an answer "at once" takes


def run_quick(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nntui", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=QUICK,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


_TRAIN = ["train", "--preset", "xor", "--steps", "10", "-o"]


def test_eval_dev_zero_is_one_line() -> None:
    message = assert_usage_error(run_quick("eval", "/dev/zero"))
    assert message == "/dev/zero: is a device, not a network file"


def test_train_on_dev_zero_data_is_one_line(tmp_path: Path) -> None:
    message = assert_usage_error(run_quick(*_TRAIN, str(tmp_path / "x.json"), "--data", "/dev/zero"))
    assert message == "/dev/zero: is a device, not a CSV file"
    assert not (tmp_path / "x.json").exists()


def test_a_fifo_answers_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "f"
    os.mkfifo(fifo)
    message = assert_usage_error(run_quick("eval", str(fifo)))
    assert message == f"{fifo}: is a named pipe (FIFO), not a network file"
    message = assert_usage_error(
        run_quick("train", str(fifo), "--dataset", "xor", "--steps", "10", "-o", str(tmp_path / "x.json"))
    )
    assert message.startswith(f"{fifo}: is a named pipe (FIFO)")
    message = assert_usage_error(run_quick(*_TRAIN, str(tmp_path / "x.json"), "--data", str(fifo)))
    assert message == f"{fifo}: is a named pipe (FIFO), not a CSV file"


def test_a_128_mb_file_answers_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as file:
        file.truncate(128_000_000)
    message = assert_usage_error(run_quick("eval", str(big)))
    assert message == f"{big}: is 128 MB, more than the 100 MB a network file may have"


@pytest.mark.parametrize(
    ("option", "value", "needle"),
    [
        ("--lr", "-inf", '"-inf" is too large'),
        ("--lr", "-Infinity", "infinity"),
        ("--lr", "-nan", "NaN"),
        ("--lr", "-1e5", "greater than 0"),
        ("--lr", "-.5", "greater than 0"),
        ("--regularization-rate", "-inf", "infinity"),
        ("--noise", "-1e-3", "0 to 0.5"),
        ("--seed", "-1e3", "whole number"),
        ("--batch", "-inf", "whole number"),
    ],
)
def test_negative_looking_numbers_are_read_as_numbers(tmp_path: Path, option: str, value: str, needle: str) -> None:
    message = assert_usage_error(run_cli(*_TRAIN, str(tmp_path / "x.json"), "--dataset", "xor", option, value))
    assert message.startswith(f"argument {option}: "), message
    assert needle in message
    assert "expected one argument" not in message


def test_a_one_output_softmax_is_refused_before_training(tmp_path: Path) -> None:
    """Softmax over one output is always 1: its loss is 0 (once shown as "-0") while the weights
    drift, so it cannot learn anything; nntui train says so instead of "training" it."""
    net = write_json(
        tmp_path / "one.json",
        network_doc([("x1", 0.0), ("x2", 0.0)], [{"activation": "softmax", "weights": [[1.0, 1.0]], "bias": [0.0]}]),
    )
    result = run_cli("train", str(net), "--dataset", "xor", "--steps", "20", "-o", str(tmp_path / "out.json"))
    message = assert_usage_error(result)
    assert "softmax over a single output" in message and "-0" not in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_a_loss_is_never_shown_as_minus_0() -> None:
    from nntui.cli.progress import loss_text

    assert loss_text(-0.0) == "0" and loss_text(0.25) == "0.25"


def test_a_long_activation_name_is_shortened(tmp_path: Path) -> None:
    net = write_json(
        tmp_path / "long.json", network_doc([("x1", 0.0)], [{"activation": "x" * 100_000, "weights": [[1.0]]}])
    )
    message = assert_usage_error(run_cli("eval", str(net)))
    assert len(message) < 300
    assert '"xxxxxxxx' in message and '…"' in message


def test_the_refusals_are_in_french_too(tmp_path: Path) -> None:
    result = run_quick("--lang", "fr", "eval", "/dev/zero")
    assert result.returncode == 2
    assert result.stderr == "nntui : erreur : /dev/zero : est un périphérique, pas un fichier de réseau\n"
    big = tmp_path / "big.csv"
    with big.open("wb") as file:
        file.truncate(101_000_000)
    result = run_quick("--lang", "fr", *_TRAIN, str(tmp_path / "x.json"), "--data", str(big))
    assert result.stderr == f"nntui : erreur : {big} : fait 101 Mo, plus que les 100 Mo permis pour un fichier CSV\n"


@pytest.mark.parametrize("csv", ["a\x00b.csv", "\ud800.csv", "n" * 300 + ".csv"], ids=["nul", "surrogate", "long"])
def test_a_network_file_naming_a_csv_path_no_system_can_take_is_one_line(tmp_path: Path, csv: str) -> None:
    """``training.data.csv`` with a NUL, a lone surrogate or an over-long name: `nntui train`
    says so in one line (it ended in a traceback from os.stat, or a UnicodeEncodeError)."""
    (tmp_path / "d.csv").write_text("x1,x2,y\n" + "".join(f"{i / 10},{-i / 10},{i % 2}\n" for i in range(20)))
    assert (
        run_quick(
            "train", "--preset", "xor", "--data", "d.csv", "--steps", "1", "-o", "f.json", cwd=tmp_path
        ).returncode
        == 0
    )
    document = json.loads((tmp_path / "f.json").read_text())
    document["training"]["data"]["csv"] = csv
    (tmp_path / "f.json").write_text(json.dumps(document))  # \u0000 and \ud800 escaped: valid JSON
    message = assert_usage_error(run_quick("train", "f.json", "--steps", "1", "-o", "g.json", cwd=tmp_path))
    assert "path" in message or "name" in message, message


_LONG_NAME = "n" * 300 + ".json"  # a name over 255 bytes
_LONG_PATH = "d/" * 2100 + "x.json"  # a path over 4,096 bytes, of short names


@pytest.mark.parametrize("path", [_LONG_NAME, _LONG_PATH], ids=["long-name", "long-path"])
@pytest.mark.parametrize(
    "argv",
    [
        ["{}"],
        ["--data", "{}"],
        ["serve", "--port", "1", "{}"],
        ["eval", "{}"],
        ["train", "{}", "--dataset", "xor", "--steps", "1", "-o", "o.json"],
        ["train", "--preset", "xor", "--data", "{}", "--steps", "1", "-o", "o.json"],
        ["train", "--preset", "xor", "--dataset", "xor", "--steps", "1", "-o", "{}"],
    ],
    ids=["playground", "playground-data", "serve", "eval", "train", "train-data", "train-output"],
)
def test_a_path_no_system_can_take_on_the_command_line_is_refused_as_it_enters(
    tmp_path: Path, argv: list[str], path: str
) -> None:
    """Every path of the command line follows the rule of nntui.core.paths before any system
    call: `nntui NAME` and `nntui serve NAME` with a name over 255 bytes said "cannot write
    the output: File name too long" (status 1, from the first look at the disk), as did
    `nntui train -o NAME`; `nntui eval NAME` said why. Now all say why, the same way."""
    result = run_quick(*[part.format(path) for part in argv], cwd=tmp_path)
    message = assert_usage_error(result)
    limit = "more than 255" if path == _LONG_NAME else "more than 4096"
    assert limit in message and len(message) < 300, message
    assert os.listdir(tmp_path) == []


LONG_POINT = 1_000_000  # the sweep's point: a million zeros, a valid 5 MB file (#22 fall 3)
LONG_POINT_REFUSED = '"point" has 1,000,000 numbers: at most 9 (features read coordinates x1 to x9)'


def write_long_point_file(path: Path) -> Path:
    """The xor preset as a version-2 file whose inputs are the features x1 and x2 of a point of
    a million zeros, with training settings of its own (so `nntui train F` needs no data)."""
    from nntui.core.fileformat import network_to_dict
    from nntui.core.presets import load_preset

    document = network_to_dict(load_preset("xor"))
    for item, feature in zip(document["inputs"], ("x1", "x2"), strict=True):
        item["feature"] = feature
    document.update(version=2, point=[0.0] * LONG_POINT, training={"data": {"dataset": "xor"}})
    return write_json(path, document)


@pytest.mark.parametrize(
    "argv", [["eval", "long.json"], ["train", "long.json", "--steps", "1", "-o", "out.json"]], ids=["eval", "train"]
)
def test_a_point_of_a_million_numbers_is_refused_in_one_line(tmp_path: Path, argv: list[str]) -> None:
    """`nntui eval F` took 1.6 s and answered as if the point were fine; `nntui train F` said the
    data had 2 inputs "but the network has 1000000". Both now refuse the file as it is read, as
    `nntui F` does (tests/e2e/test_features_in_tmux.py)."""
    write_long_point_file(tmp_path / "long.json")
    message = assert_usage_error(run_quick(*argv, cwd=tmp_path))
    assert message == f"long.json: {LONG_POINT_REFUSED}"
    assert sorted(os.listdir(tmp_path)) == ["long.json"]  # nothing written
