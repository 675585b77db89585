"""``nntui train --stop-after N``: the stop rule from the command line, as in the playground, bit for bit."""

from __future__ import annotations

from pathlib import Path

from nntui.core.fileformat import load_network_file, save_network
from nntui.core.presets import load_preset
from nntui.core.training import TrainingConfig
from nntui.core.training_record import TrainingRecord
from nntui.document.document import Document
from tests.cli.test_cli import assert_usage_error, run_cli


def test_the_playground_and_the_command_line_stop_at_the_same_step(tmp_path: Path) -> None:
    doc = Document(load_preset("xor"), preset="xor")
    for name, value in (("dataset", "circle"), ("noise", 0.1), ("learning_rate", 0.3), ("stop_after", 20)):
        assert doc.training.change_setting(name, value)
    doc.save(tmp_path / "before.json")
    for _ in range(400):  # played and paused in bursts, as the view's worker does
        doc.training.run(7)
        doc.training.measure()
        doc.settle()
        if doc.training.stopped is not None:
            break
    stopped = doc.training.stopped
    assert stopped is not None and doc.training.steps < 2800
    doc.save(tmp_path / "after.json")

    result = run_cli("train", "before.json", "--steps", "5000", "-o", "out.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.json").read_text("utf-8") == (tmp_path / "after.json").read_text("utf-8")
    lines = [line for line in result.stdout.splitlines() if not line.startswith("step ")]  # not the progress
    assert lines[0] == (
        f"stopped at step {stopped.step}: the test loss has not improved for 20 steps "
        f"(best {stopped.best_loss:.4g} at step {stopped.best_step})"
    )
    assert lines[1].startswith(f"trained {stopped.step} steps: ")


def test_the_option_overrides_the_files_rule(tmp_path: Path) -> None:
    record = TrainingRecord(dataset="circle", noise=0.1, config=TrainingConfig(learning_rate=0.3), stop_after=20)
    save_network(load_preset("xor"), tmp_path / "net.json", record)
    result = run_cli("train", "net.json", "--steps", "300", "--stop-after", "0", "-o", "all.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "stopped" not in result.stdout
    out = load_network_file(tmp_path / "all.json").training
    assert out is not None and out.steps == 300 and out.stop_after == 0
    ruled = run_cli("train", "net.json", "--steps", "300", "-o", "ruled.json", cwd=tmp_path)
    assert "\nstopped at step " in ruled.stdout
    kept = load_network_file(tmp_path / "ruled.json").training
    assert kept is not None and kept.stop_after == 20 and kept.steps < 300
    french = run_cli("train", "net.json", "--steps", "300", "--lang", "fr", "-o", "fr.json", cwd=tmp_path)
    assert "\narrêt au pas " in french.stdout


def test_a_bad_stop_after_is_one_line(tmp_path: Path) -> None:
    for value in ("-1", "x", "2.5"):
        message = assert_usage_error(
            run_cli(
                "train",
                "--preset",
                "xor",
                "--dataset",
                "xor",
                "--steps",
                "5",
                "--stop-after",
                value,
                "-o",
                "o.json",
                cwd=tmp_path,
            )
        )
        assert message.startswith("argument --stop-after: ")
    assert not (tmp_path / "o.json").exists()
