"""Tests of ``nntui train``, run as real subprocesses like tests/cli/test_cli.py."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from nntui.core.datasets import DATASET_NAMES, DataFileError, load_csv, make_dataset
from nntui.core.fileformat import dumps_network, load_network, save_network
from nntui.core.network import Network
from nntui.core.presets import load_preset
from nntui.core.training import Trainer, TrainingConfig
from nntui.core.training_record import TrainingRecord
from nntui.document.session import TrainingSession, TrainingSettings
from tests.cli.test_cli import (
    ERROR_PREFIX,
    TIMEOUT,
    assert_usage_error,
    network_doc,
    probe,
    run_cli,
    write_json,
)
from tests.factory import random_network

PROGRESS = re.compile(r"step (\d+)/(\d+) loss (\S+) test (\S+)( test_accuracy (\d\.\d{3}))?")
SUMMARY = re.compile(
    r"trained (\d+) steps?: loss (\S+) test (\S+)"
    r"( accuracy (\d\.\d{3}) test_accuracy (\d\.\d{3}))?; saved (.+)"
)
BAR = re.compile(r"step (\d+)/(\d+) \[([#.]{20})\] (\d+)% loss \S+ test \S+ acc \d+\.\d%")


def train_ok(*args: str, cwd: Path) -> tuple[list[str], re.Match[str]]:
    """Run ``nntui train ARGS`` piped; check success; return the progress lines and the summary."""
    result = run_cli("train", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    *progress, last = result.stdout.splitlines()
    summary = SUMMARY.fullmatch(last)
    assert summary, last
    return progress, summary


def trained_in_process(
    network: Network, dataset_name: str, steps: int, noise: float = 0.0, **config: object
) -> Network:
    """``network`` trained with Trainer directly, as the CLI should do it."""
    return trainer_in_process(network, dataset_name, steps, noise, **config).network


def trainer_in_process(
    network: Network, dataset_name: str, steps: int, noise: float = 0.0, **config: object
) -> Trainer:
    """The Trainer that trained ``network`` directly, as the CLI should do it."""
    cfg = TrainingConfig(**config)  # type: ignore[arg-type]
    dataset = make_dataset(dataset_name, noise=noise, seed=cfg.seed)
    trainer = Trainer(network, dataset.x_train, dataset.y_train, cfg)
    trainer.run(steps)
    return trainer


def same_weights(a: Network, b: Network) -> bool:
    """Every weight and bias equal bit for bit."""
    return all(
        np.array_equal(x.weights, y.weights) and np.array_equal(x.bias, y.bias)
        for x, y in zip(a.layers, b.layers, strict=True)
    )


# --- training that works -----------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "config"),
    [
        pytest.param([], {}, id="defaults"),
        pytest.param(
            [
                "--lr",
                "0.1",
                "--batch",
                "10",
                "--optimizer",
                "momentum",
                "--regularization",
                "l2",
                "--regularization-rate",
                "0.001",
                "--seed",
                "3",
                "--noise",
                "0.2",
            ],
            {
                "learning_rate": 0.1,
                "batch_size": 10,
                "optimizer": "momentum",
                "regularization": "l2",
                "regularization_rate": 0.001,
                "seed": 3,
            },
            id="every-option",
        ),
    ],
)
def test_preset_training_equals_in_process_run(tmp_path: Path, options: list[str], config: dict[str, object]) -> None:
    """The saved network is trained, equals Trainer.run bit for bit, and is reproducible."""
    argv = ["--preset", "xor", "--dataset", "circle", "--steps", "250", *options]
    train_ok(*argv, "-o", "first.json", cwd=tmp_path)
    train_ok(*argv, "-o", "second.json", cwd=tmp_path)
    first = (tmp_path / "first.json").read_bytes()
    assert first == (tmp_path / "second.json").read_bytes()

    saved = load_network(tmp_path / "first.json")
    assert not same_weights(saved, load_preset("xor"))
    noise = 0.2 if "--noise" in options else 0.0
    trainer = trainer_in_process(load_preset("xor"), "circle", 250, noise, **config)
    expected = trainer.network
    assert same_weights(saved, expected)
    # The file holds the settings used, the steps done (format version 2), and where training is.
    record = TrainingRecord(
        dataset="circle",
        noise=noise,
        config=TrainingConfig(**config),
        steps=250,  # type: ignore[arg-type]
        state=trainer.state(),
    )
    assert first.decode("utf-8") == dumps_network(expected, record)


def test_regression_trains_like_the_playground(tmp_path: Path) -> None:
    """On regression data the CLI uses mse, exactly as the playground's TrainingSession."""
    train_ok("--preset", "xor", "--dataset", "plane", "--steps", "120", "--seed", "2", "-o", "out.json", cwd=tmp_path)
    session = TrainingSession(load_preset("xor"), TrainingSettings("plane", 0.0, TrainingConfig(seed=2)))
    session.run(120)
    saved = load_network(tmp_path / "out.json")
    assert same_weights(saved, session.network)
    # Control: with the sigmoid output's default loss (cross-entropy) the weights differ.
    assert not same_weights(saved, trained_in_process(load_preset("xor"), "plane", 120, seed=2))
    dataset = make_dataset("plane", seed=2)
    with_mse = load_preset("xor")
    Trainer(with_mse, dataset.x_train, dataset.y_train, replace(TrainingConfig(seed=2), loss="mse")).run(120)
    assert same_weights(saved, with_mse)


@pytest.mark.parametrize(("steps", "expected_steps"), [(1000, list(range(100, 1001, 100))), (3, [1, 2, 3])])
def test_piped_progress_lines(tmp_path: Path, steps: int, expected_steps: list[int]) -> None:
    """Piped, progress is plain lines on stdout every 10%, ending with the last step."""
    progress, summary = train_ok(
        "--preset", "xor", "--dataset", "spiral", "--steps", str(steps), "-o", "out.json", cwd=tmp_path
    )
    matches = [PROGRESS.fullmatch(line) for line in progress]
    assert all(matches), progress
    assert [int(m[1]) for m in matches] == expected_steps  # type: ignore[index]
    assert {int(m[2]) for m in matches} == {steps}  # type: ignore[index]
    for match in matches:
        assert match[5] is not None  # classification: the test accuracy is shown
        assert np.isfinite([float(match[3]), float(match[4]), float(match[6])]).all()
    assert int(summary[1]) == steps
    assert summary[7] == "out.json"
    assert summary[4] is not None


def test_regression_progress_has_no_accuracy(tmp_path: Path) -> None:
    """Regression data has no accuracy: the lines show the losses only."""
    progress, summary = train_ok(
        "--preset", "and", "--dataset", "plane", "--steps", "20", "-o", "out.json", cwd=tmp_path
    )
    assert len(progress) == 10
    assert all(PROGRESS.fullmatch(line)[5] is None for line in progress)  # type: ignore[index]
    assert summary[4] is None


def test_terminal_progress_bar_is_redrawn_in_place(tmp_path: Path) -> None:
    """With stderr on a terminal: one bar line redrawn with \\r, at most ~10 times a second."""
    pty = pytest.importorskip("pty")
    controller, terminal = pty.openpty()
    start = time.monotonic()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nntui",
            "train",
            "--preset",
            "xor",
            "--dataset",
            "spiral",
            "--steps",
            "15000",
            "-o",
            "out.json",
        ],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=terminal,
    )
    os.close(terminal)
    stdout, _ = process.communicate(timeout=TIMEOUT)
    elapsed = time.monotonic() - start
    screen = read_terminal(controller).decode("utf-8")
    assert process.returncode == 0, screen
    assert SUMMARY.fullmatch(stdout.decode("utf-8").rstrip("\n"))
    assert len(stdout.decode("utf-8").splitlines()) == 1  # the bar is not on stdout
    draws = [part.strip() for part in screen.replace("\r\n", "\n").split("\r") if part.strip()]
    assert all(BAR.fullmatch(draw) for draw in draws), draws
    assert BAR.fullmatch(draws[-1])[4] == "100"  # type: ignore[index]
    assert draws[-1].startswith("step 15000/15000 [####################] ")
    assert screen.endswith("\n")
    assert 2 <= len(draws) <= 10 * elapsed + 2


def read_terminal(controller: int) -> bytes:
    """Everything written to a pseudo-terminal whose other end is closed."""
    data = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the writer is gone
            break
        if not chunk:
            break
        data += chunk
    os.close(controller)
    return data


def test_csv_data(tmp_path: Path) -> None:
    """--data trains on a CSV file, split with the seed as load_csv splits it."""
    rng = np.random.default_rng(1)
    rows = ["a,b,y"] + [f"{x1},{x2},{int(x1 + x2 > 0)}" for x1, x2 in rng.uniform(-1, 1, (40, 2))]
    (tmp_path / "data.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    progress, summary = train_ok(
        "--preset",
        "and",
        "--data",
        "data.csv",
        "--steps",
        "200",
        "--seed",
        "4",
        "-o",
        "out.json",
        cwd=tmp_path,
    )
    assert len(progress) == 10
    assert summary[4] is not None  # 0/1 outputs: classification
    dataset = load_csv(tmp_path / "data.csv", seed=4)
    expected = load_preset("and")
    Trainer(expected, dataset.x_train, dataset.y_train, TrainingConfig(seed=4)).run(200)
    assert same_weights(load_network(tmp_path / "out.json"), expected)


def test_fresh_network_learns_circle(tmp_path: Path) -> None:
    """A random 2-8-8-1 tanh network learns the circle: test accuracy > 0.95."""
    network = random_network([2, 8, 8, 1], activation="tanh", output_activation="sigmoid", seed=5)
    save_network(network, tmp_path / "fresh.json")
    _, summary = train_ok(
        "fresh.json", "--dataset", "circle", "--noise", "0.1", "--steps", "600", "-o", "fresh.json", cwd=tmp_path
    )
    assert float(summary[6]) > 0.95
    assert float(summary[5]) > 0.95
    assert not same_weights(load_network(tmp_path / "fresh.json"), network)


def test_train_does_not_import_textual(tmp_path: Path) -> None:
    """Like eval, train never loads Textual."""
    out = tmp_path / "out.json"
    report = probe(["train", "--preset", "xor", "--dataset", "xor", "--steps", "5", "-o", str(out)])
    assert report["code"] == 0
    assert report["textual"] is False
    assert out.is_file()


def test_help_lists_every_option() -> None:
    """``train --help`` documents the options; the main help mentions train."""
    result = run_cli("train", "--help")
    assert result.returncode == 0
    for option in (
        "--preset",
        "--dataset",
        "--noise",
        "--data",
        "--steps",
        "--lr",
        "--batch",
        "--optimizer",
        "--regularization",
        "--regularization-rate",
        "--seed",
        "-o OUT.json",
    ):
        assert option in result.stdout
    assert "nntui train" in run_cli("--help").stdout


# --- mistakes ------------------------------------------------------------------------


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder with a broken network file, a 2-2 network, and broken CSV files."""
    (tmp_path / "adir").mkdir()
    (tmp_path / "bad.json").write_text('{"format": "nntui-network", ', encoding="utf-8")
    write_json(
        tmp_path / "two_out.json",
        network_doc(
            [("x1", 0.0), ("x2", 0.0)],
            [{"activation": "sigmoid", "weights": [[1.0, 0.0], [0.0, 1.0]], "bias": [0.0, 0.0]}],
        ),
    )
    (tmp_path / "words.csv").write_text("x1,x2,y\n1,2,0\n3,oops,1\n", encoding="utf-8")
    (tmp_path / "noy.csv").write_text("a,b\n1,2\n3,4\n", encoding="utf-8")
    (tmp_path / "three.csv").write_text("a,b,c,y\n1,2,3,0\n3,4,5,1\n", encoding="utf-8")
    return tmp_path


_OK = ["--preset", "xor", "--dataset", "circle", "--steps", "10"]
_NO_DATA = ["--preset", "xor", "--steps", "10", "-o", "out.json"]
_NO_STEPS = ["--preset", "xor", "--dataset", "circle", "-o", "out.json"]
_FULL = [*_OK, "-o", "out.json"]  # a valid command, to add one bad option to
_DATA_ONLY = ["--dataset", "xor", "--steps", "5", "-o", "out.json"]  # after FILE

TRAIN_ERRORS: list[tuple[str, list[str], list[str]]] = [
    # (id, argv after "train", substrings the message must contain)
    ("no-output", _OK, ["-o"]),
    ("output-empty", [*_OK, "-o", ""], ["empty"]),
    ("output-directory", [*_OK, "-o", "adir"], ["adir", "is a directory"]),
    ("output-folder-missing", [*_OK, "-o", "nowhere/out.json"], ["nowhere", "does not exist"]),
    ("no-steps", _NO_STEPS, ["--steps"]),
    ("steps-zero", [*_NO_STEPS, "--steps", "0"], ["--steps", "from 1"]),
    ("steps-negative", [*_NO_STEPS, "--steps=-5"], ["--steps", "-5"]),
    ("steps-fraction", [*_NO_STEPS, "--steps", "1.5"], ["--steps", '"1.5"', "whole number"]),
    ("steps-word", [*_NO_STEPS, "--steps", "many"], ["--steps", '"many"']),
    ("steps-too-many", [*_NO_STEPS, "--steps", "10000001"], ["--steps", "10,000,000"]),
    ("lr-zero", [*_FULL, "--lr", "0"], ["--lr", "greater than 0"]),
    ("lr-negative", [*_FULL, "--lr=-0.1"], ["--lr", "greater than 0"]),
    ("lr-nan", [*_FULL, "--lr", "nan"], ["--lr", "NaN"]),
    ("lr-inf", [*_FULL, "--lr", "inf"], ["--lr", "infinity"]),
    ("lr-word", [*_FULL, "--lr", "fast"], ["--lr", '"fast"']),
    ("rate-negative", [*_FULL, "--regularization-rate=-1"], ["--regularization-rate"]),
    ("rate-inf", [*_FULL, "--regularization-rate", "1e999"], ["--regularization-rate", "infinity"]),
    ("batch-zero", [*_FULL, "--batch", "0"], ["--batch", "from 1 to 9,007,199,254,740,992", "not 0"]),
    ("batch-fraction", [*_FULL, "--batch", "2.5"], ["--batch", "whole number"]),
    ("seed-negative", [*_FULL, "--seed=-1"], ["--seed", "from 0 to"]),
    ("noise-too-big", [*_FULL, "--noise", "0.6"], ["--noise", "0 to 0.5"]),
    ("optimizer-unknown", [*_FULL, "--optimizer", "rmsprop"], ["--optimizer", "rmsprop"]),
    ("regularization-unknown", [*_FULL, "--regularization", "l3"], ["--regularization", "l3"]),
    ("dataset-unknown", [*_NO_DATA, "--dataset", "moons"], ['"moons"', "available: " + ", ".join(DATASET_NAMES)]),
    ("dataset-and-data", [*_NO_DATA, "--dataset", "circle", "--data", "three.csv"], ["--data", "--dataset"]),
    ("neither-dataset-nor-data", _NO_DATA, ["--dataset", "--data", "required"]),
    ("noise-with-data", [*_NO_DATA, "--data", "three.csv", "--noise", "0.1"], ["--noise", "--data"]),
    (
        "inputs-mismatch",
        [*_NO_DATA, "--preset", "layers", "--dataset", "spiral"],
        ["the spiral data has 2 inputs but the network has 3"],
    ),
    ("outputs-mismatch", ["two_out.json", *_DATA_ONLY], ["the xor data has 1 output but the network has 2"]),
    (
        "csv-inputs-mismatch",
        [*_NO_DATA, "--data", "three.csv"],
        ["the three.csv data has 3 inputs but the network has 2"],
    ),
    ("network-bad-json", ["bad.json", *_DATA_ONLY], ["bad.json", "not valid JSON"]),
    ("network-missing", ["gone.json", *_DATA_ONLY], ["gone.json", "no such file"]),
    ("network-directory", ["adir", *_DATA_ONLY], ["adir", "is a directory"]),
    ("preset-unknown", [*_NO_DATA, "--preset", "nope", "--dataset", "xor"], ['"nope"']),
    ("file-and-preset", ["bad.json", *_NO_DATA, "--dataset", "xor"], ["not both"]),
    ("no-network", _DATA_ONLY, ["FILE", "--preset"]),
    ("unknown-option", [*_FULL, "--epochs", "3"], ["--epochs"]),
]


@pytest.mark.parametrize(("argv", "needles"), [pytest.param(a, n, id=i) for i, a, n in TRAIN_ERRORS])
def test_mistakes_are_one_line_with_status_2(workdir: Path, argv: list[str], needles: list[str]) -> None:
    """Every mistake: status 2, one 'nntui: error:' line, empty stdout, nothing written."""
    before = sorted(workdir.rglob("*"))
    message = assert_usage_error(run_cli("train", *argv, cwd=workdir))
    for needle in needles:
        assert needle in message
    assert sorted(workdir.rglob("*")) == before


@pytest.mark.parametrize("name", ["words.csv", "noy.csv", "missing.csv", "adir"])
def test_csv_errors_are_the_loaders_message(workdir: Path, name: str) -> None:
    """A bad --data file gives exactly load_csv's one-line message."""
    with pytest.raises(DataFileError) as raised:
        load_csv(workdir / name)
    expected = str(raised.value).replace(str(workdir / name), name)
    message = assert_usage_error(run_cli("train", *_NO_DATA, "--data", name, cwd=workdir))
    assert message == expected
    assert not (workdir / "out.json").exists()


# --- divergence and Ctrl-C -----------------------------------------------------------------


def test_divergence_exits_3_without_writing(tmp_path: Path) -> None:
    """A loss that overflows: status 3, one error line, and OUT is not written."""
    write_json(
        tmp_path / "linear.json",
        network_doc([("x1", 0.0), ("x2", 0.0)], [{"activation": "linear", "weights": [[1.0, 1.0]]}]),
    )
    result = run_cli(
        "train",
        "linear.json",
        "--dataset",
        "plane",
        "--optimizer",
        "sgd",
        "--lr",
        "1e200",
        "--steps",
        "1000",
        "-o",
        "out.json",
        cwd=tmp_path,
    )
    message = assert_usage_error(result, status=3)
    assert "diverged" in message and "out.json was not written" in message
    assert not (tmp_path / "out.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["linear.json"]  # no temporary file either


def test_ctrl_c_stops_without_writing(tmp_path: Path) -> None:
    """SIGINT while training: status 130, one error line after the bar, OUT not written."""
    pty = pytest.importorskip("pty")
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nntui",
            "train",
            "--preset",
            "xor",
            "--dataset",
            "circle",
            "--steps",
            "10000000",
            "-o",
            "out.json",
        ],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=terminal,
        # As in a terminal's foreground: a test run started in the background (`cmd &`)
        # passes SIGINT on ignored, and Python then never raises KeyboardInterrupt.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    os.close(terminal)
    try:
        seen = b""
        deadline = time.monotonic() + TIMEOUT
        while b"step " not in seen:  # training has started: the first bar is drawn
            assert time.monotonic() < deadline, seen
            ready, _, _ = select.select([controller], [], [], 1.0)
            if ready:
                seen += os.read(controller, 65536)
        process.send_signal(signal.SIGINT)
        stdout, _ = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:  # never left training for ever
            process.kill()
            process.wait()
    screen = (seen + read_terminal(controller)).decode("utf-8")
    assert process.returncode == 130, screen
    assert stdout == b""
    last = screen.replace("\r\n", "\n").rstrip("\n").split("\n")[-1]
    assert last.startswith(ERROR_PREFIX + "interrupted at step ")
    assert last.endswith("of 10000000 (out.json was not written)")
    assert "Traceback" not in screen
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_an_output_that_is_not_a_regular_file_is_refused_before_training(tmp_path: Path, kind: str) -> None:
    if kind == "device":
        target = Path("/dev/null")
        if not target.is_char_device():
            pytest.skip("no /dev/null here")
    else:
        target = tmp_path / "pipe.json"
        os.mkfifo(target)
    result = run_cli("train", "--preset", "xor", "--dataset", "xor", "--steps", "5", "-o", str(target), cwd=tmp_path)
    assert "not a regular file" in assert_usage_error(result)
    assert target.is_char_device() if kind == "device" else target.is_fifo()


def test_a_column_of_labels_trains_as_classes_and_the_note_says_so(tmp_path: Path) -> None:
    """y of 0, 1, 2: three classes (a 2-4-3 softmax network trains on them); stderr says how the
    column was read and how to keep numbers instead."""
    rng = np.random.default_rng(0)
    rows = [f"{a:.3f},{b:.3f},{k}" for k in range(3) for a, b in rng.normal(k - 1, 0.2, (20, 2))]
    (tmp_path / "labels.csv").write_text("x1,x2,y\n" + "\n".join(rows) + "\n")
    save_network(random_network((2, 4, 3), output_activation="softmax", seed=0), tmp_path / "net.json")
    result = run_cli("train", "net.json", "--data", "labels.csv", "--steps", "20", "-o", "out.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert 'nntui: note: "y" read as 3 classes (0, 1, 2)' in result.stderr and "(2.0)" in result.stderr
    assert "accuracy" in result.stdout  # judged as classes
