"""``nntui train FILE`` with the training settings kept in FILE (format version 2).

The playground's experiment, saved, reruns here bit for bit; an option given
overrides one setting; the file written keeps the settings used and the steps.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nntui.app.widgets.training_panel import NUMBER_LISTS, _numbers
from nntui.cli import main
from nntui.core.fileformat import load_network_file, save_network
from nntui.core.presets import load_preset
from nntui.core.training import TrainingConfig
from nntui.core.training_record import TrainingRecord
from nntui.document.document import Document
from nntui.document.experiment import train_command
from nntui.document.session import CSV_DATASET, TrainingSession, TrainingSettings
from tests.cli.test_cli import assert_usage_error, run_cli
from tests.cli.test_train import same_weights

RING = "x1,x2,y\n" + "".join(f"{np.cos(k):.6f},{np.sin(k):.6f},{k % 2}\n" for k in range(60))
RECORD = TrainingRecord(
    dataset="circle", noise=0.1, config=TrainingConfig(learning_rate=0.1, batch_size=10, seed=3), steps=40
)


def _settings_of(record: TrainingRecord | None) -> TrainingRecord:
    """A record written by nntui train, without its trainer state (which it always holds)."""
    assert record is not None and record.state is not None
    return replace(record, state=None)


def _train(*args: str, cwd: Path) -> None:
    result = run_cli("train", *args, cwd=cwd)
    assert result.returncode == 0, result.stderr


def _session(settings: TrainingSettings, steps: int) -> TrainingSession:
    session = TrainingSession(load_preset("xor"), settings)
    session.run(steps)
    return session


def test_the_playgrounds_experiment_reruns_from_the_command_line_bit_for_bit(tmp_path: Path) -> None:
    # The playground: settings chosen in the training view, saved, then trained in three bursts.
    doc = Document(load_preset("xor"), preset="xor")
    for name, value in (
        ("dataset", "spiral"),
        ("noise", 0.2),
        ("learning_rate", 0.3),
        ("batch_size", 5),
        ("optimizer", "momentum"),
        ("regularization", "l2"),
        ("regularization_rate", 0.001),
        ("seed", 4),
        ("ratio", 70),
        ("data_seed", 9),
    ):
        doc.training.change_setting(name, value)
    doc.save(tmp_path / "before.json")
    for burst in (50, 1, 86):  # paused and played again: one trainer all along
        doc.training.run(burst)
        doc.training.measure()
        doc.settle()
    assert doc.steps_since_saved == 137
    command = train_command(Path("before.json"), doc.training.settings, doc.steps_since_saved)
    doc.save(tmp_path / "after.json")

    # The command line, on the file saved before those steps.
    _train("before.json", "--steps", "137", "-o", "out.json", cwd=tmp_path)
    after = (tmp_path / "after.json").read_text("utf-8")
    assert (tmp_path / "out.json").read_text("utf-8") == after  # weights, settings and steps: every byte
    assert not same_weights(
        load_network_file(tmp_path / "before.json").network, load_network_file(tmp_path / "out.json").network
    )

    # The palette's command line does the same.
    assert command[:2] == ["nntui", "train"] and command[-2:] == ["-o", "before-trained.json"]
    _train(*command[2:], cwd=tmp_path)
    assert (tmp_path / "before-trained.json").read_text("utf-8") == after


def test_train_file_takes_its_settings_from_the_file(tmp_path: Path) -> None:
    save_network(load_preset("xor"), tmp_path / "net.json", RECORD)
    _train("net.json", "--steps", "30", "-o", "out.json", cwd=tmp_path)
    out = load_network_file(tmp_path / "out.json")
    settings = TrainingSettings("circle", 0.1, RECORD.config)
    assert same_weights(out.network, _session(settings, 30).network)
    assert _settings_of(out.training) == replace(RECORD, steps=70)  # the file's 40 steps, then 30 more


def test_options_override_the_files_settings_one_by_one(tmp_path: Path) -> None:
    save_network(load_preset("xor"), tmp_path / "net.json", RECORD)
    _train("net.json", "--steps", "30", "--lr", "0.003", "--optimizer", "sgd", "-o", "lr.json", cwd=tmp_path)
    out = load_network_file(tmp_path / "lr.json")
    config = replace(RECORD.config, learning_rate=0.003, optimizer="sgd")
    assert same_weights(out.network, _session(TrainingSettings("circle", 0.1, config), 30).network)
    assert _settings_of(out.training) == replace(RECORD, config=config, steps=70)  # same data: the steps go on

    # Other data: its noise is the file's unless given, and the steps count from 0.
    _train("net.json", "--steps", "30", "--dataset", "spiral", "-o", "spiral.json", cwd=tmp_path)
    out = load_network_file(tmp_path / "spiral.json")
    assert same_weights(out.network, _session(TrainingSettings("spiral", 0.1, RECORD.config), 30).network)
    assert _settings_of(out.training) == replace(RECORD, dataset="spiral", steps=30)
    _train("net.json", "--steps", "30", "--noise", "0", "--seed", "1", "-o", "quiet.json", cwd=tmp_path)
    out = load_network_file(tmp_path / "quiet.json")
    config = replace(RECORD.config, seed=1)
    assert same_weights(out.network, _session(TrainingSettings("circle", 0.0, config), 30).network)
    assert _settings_of(out.training) == replace(RECORD, noise=0.0, config=config, steps=30)


def test_the_files_csv_data_is_found_from_the_files_folder(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "nets").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "data" / "ring.csv").write_text(RING, encoding="utf-8")
    record = TrainingRecord(csv="../data/ring.csv", config=TrainingConfig(learning_rate=0.3, batch_size=8))
    save_network(load_preset("xor"), tmp_path / "nets" / "net.json", record)
    _train("nets/net.json", "--steps", "25", "-o", "out/trained.json", cwd=tmp_path)
    out = load_network_file(tmp_path / "out" / "trained.json")
    settings = TrainingSettings(CSV_DATASET, config=record.config, data_file=str(tmp_path / "data" / "ring.csv"))
    assert same_weights(out.network, _session(settings, 25).network)
    assert _settings_of(out.training) == replace(record, steps=25)  # written from the new file's folder


def test_a_file_without_settings_still_needs_its_data(tmp_path: Path) -> None:
    save_network(load_preset("xor"), tmp_path / "v1.json")
    message = assert_usage_error(run_cli("train", "v1.json", "--steps", "5", "-o", "out.json", cwd=tmp_path))
    assert message.startswith("--dataset NAME or --data FILE.csv is required")
    assert not (tmp_path / "out.json").exists()


def test_mistakes_with_the_files_settings_are_one_line(tmp_path: Path) -> None:
    save_network(load_preset("xor"), tmp_path / "csv.json", TrainingRecord(csv="gone.csv"))
    noisy = assert_usage_error(
        run_cli("train", "csv.json", "--noise", "0.1", "--steps", "5", "-o", "o.json", cwd=tmp_path)
    )
    assert noisy == "--noise applies to --dataset only, not to --data"
    gone = assert_usage_error(run_cli("train", "csv.json", "--steps", "5", "-o", "o.json", cwd=tmp_path))
    assert gone == "gone.csv: no such file"
    text = (tmp_path / "csv.json").read_text("utf-8").replace('"batch_size": 32', '"batch_size": 0')
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")
    bad = assert_usage_error(
        run_cli("train", "bad.json", "--dataset", "xor", "--steps", "5", "-o", "o.json", cwd=tmp_path)
    )
    assert bad == 'bad.json: "training": "batch_size" must be a whole number of at least 1, found the number 0'
    assert not (tmp_path / "o.json").exists()


def test_a_preset_trained_from_the_command_line_opens_with_its_settings(tmp_path: Path) -> None:
    _train("--preset", "xor", "--dataset", "gaussians", "--lr", "0.01", "--steps", "12", "-o", "out.json", cwd=tmp_path)
    opened = load_network_file(tmp_path / "out.json")
    doc = Document(opened.network, path=tmp_path / "out.json", training=opened.training)
    assert doc.training.settings == TrainingSettings("gaussians", 0.0, TrainingConfig(learning_rate=0.01))
    assert doc.training.steps == 12


def test_a_network_of_input_features_reruns_from_the_command_line_bit_for_bit(tmp_path: Path) -> None:
    from nntui.core import shape
    from nntui.core.features import parse

    network = load_preset("xor")
    for feature in ("x1^2", "x2^2", "sin(x1)"):
        network = shape.toggle_feature(network, parse(feature), np.random.default_rng(5))
    doc = Document(network)
    doc.training.change_setting("dataset", "circle")
    doc.save(tmp_path / "before.json")
    doc.training.run(40)
    doc.training.measure()
    doc.settle()
    doc.save(tmp_path / "after.json")
    _train("before.json", "--steps", "40", "-o", "out.json", cwd=tmp_path)
    assert (tmp_path / "out.json").read_text("utf-8") == (tmp_path / "after.json").read_text("utf-8")
    assert '"feature": "sin(x1)"' in (tmp_path / "out.json").read_text("utf-8")


@pytest.mark.parametrize("field", ["batch_size", "steps", "stop_after"])
def test_a_whole_number_too_large_for_any_float_is_one_line(tmp_path: Path, field: str) -> None:
    """10**400 in the file's "training": refused where it is read, in one line (a batch size that
    large ended the playground with OverflowError; steps that large crashed its loss chart)."""
    save_network(load_preset("xor"), tmp_path / "net.json", TrainingRecord())
    document = json.loads((tmp_path / "net.json").read_text("utf-8"))
    document["training"][field] = 10**400
    (tmp_path / "big.json").write_text(json.dumps(document), encoding="utf-8")
    message = assert_usage_error(
        run_cli("train", "big.json", "--dataset", "xor", "--steps", "5", "-o", "o.json", cwd=tmp_path)
    )
    assert message == (
        f'big.json: "training": "{field}" must be at most 9,007,199,254,740,992, found a number of 401 digits'
    )
    assert len(message) < 200


def test_what_nntui_train_writes_the_playground_opens(tmp_path: Path) -> None:
    """--stop-after with 400 zeros is refused by the option, as the file would refuse it: the
    writer never writes what the reader refuses (it used to write a file no one could open)."""
    huge = "1" + "0" * 400
    message = assert_usage_error(
        run_cli(
            "train",
            "--preset",
            "xor",
            "--dataset",
            "xor",
            "--stop-after",
            huge,
            "--steps",
            "5",
            "-o",
            "o.json",
            cwd=tmp_path,
        )
    )
    assert "--stop-after" in message and len(message) < 300
    assert not (tmp_path / "o.json").exists()


_WHOLE_EDGES = [0, 1, 2, 7, 499, 500, 501, 10**6, 2**53 - 1, 2**53, 2**53 + 1, 2**64 - 1, 2**64, 10**30]
_NUMBER_EDGES = ["1e-300", "0.001", "0.3", "10", "1e5", "1e150", "1e308", "-1"]


_OPTIONS = ["--batch", "--seed", "--data-seed", "--stop-after", "--lr", "--regularization-rate", "--noise", "--ratio"]


def _opens_or_is_refused(options: dict[str, str], out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`nntui train` with ``options``: refused in one line with no file, or a file the playground
    opens, every list of the training panel showing its setting."""
    out.unlink(missing_ok=True)
    argv = [
        "train",
        "--preset",
        "xor",
        "--dataset",
        "xor",
        "--steps",
        "1",
        "-o",
        str(out),
        *[part for option, value in options.items() for part in (option, value)],
    ]
    status = main(argv)
    said = capsys.readouterr().err
    if status != 0:
        assert status in (2, 3) and len(said.strip().splitlines()) == 1 and not out.exists(), said  # 3: diverged
        return
    opened = load_network_file(out)  # refuses in one line what the playground would not take
    document = Document(opened.network, path=out, training=opened.training)
    chosen = document.training.settings
    for name, values in NUMBER_LISTS.items():
        current = chosen.setting(name)
        if current is not None:
            assert current in dict(_numbers(values, current)).values()
    assert len(document.training.dataset.x_train) > 0


def test_whatever_nntui_train_writes_the_playground_opens_option_by_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each option at each edge (a batch of 10³⁰ used to be written, and then refused)."""
    for option in _OPTIONS:
        for value in [*map(str, _WHOLE_EDGES), *_NUMBER_EDGES]:
            _opens_or_is_refused({option: value}, tmp_path / "out.json", capsys)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    options=st.dictionaries(
        st.sampled_from(_OPTIONS), st.one_of(st.sampled_from(_WHOLE_EDGES).map(str), st.sampled_from(_NUMBER_EDGES))
    )
)
def test_whatever_nntui_train_writes_the_playground_opens_property(
    options: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Options together: what one accepts, the others do not turn into a file that is refused."""
    _opens_or_is_refused(options, tmp_path / "out.json", capsys)
