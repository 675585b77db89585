"""End to end: a learner turns an input feature on in a real terminal, saves, and nntui eval reads it.

ctrl+t opens the training view; Tab reaches the input features; → → and Enter turn x1² on (a new
input in the network's first column); ctrl+s saves to a typed name; `nntui eval --input` then
takes the point's two coordinates and computes x1² itself.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_tmux import NNTUI, TMUX, Terminal

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(NNTUI is None, reason="the nntui command is not installed"),
]


def test_a_feature_turned_on_with_the_keys_is_saved_and_computed_by_eval(tmp_path: Path, terminal: Terminal) -> None:
    state = tmp_path / "state"
    terminal.start(f"cd {tmp_path} && NNTUI_STATE_DIR={state} LC_ALL=C.UTF-8 {NNTUI} --preset xor", 120, 36)
    terminal.wait_for("XOR by hand")
    terminal.keys("C-t")
    terminal.wait_for("train ratio")
    terminal.keys(*["Tab"] * 5)  # data, ratio, noise, data seed, then the features (scrolled into sight)
    terminal.wait_for("□ x1²")
    terminal.keys("Right", "Right", "Enter")
    screen = terminal.wait_for("features of a point")
    assert "x1²" in screen and "■ x1²" in screen
    terminal.keys("Escape", "C-s")
    terminal.wait_for("Save the network as")
    terminal.retype("squares.json")
    terminal.keys("Enter")
    terminal.wait_for("squares.json")
    terminal.keys("q")
    terminal.wait_until_gone()
    saved = json.loads((tmp_path / "squares.json").read_text("utf-8"))
    assert [item["feature"] for item in saved["inputs"]] == ["x1", "x2", "x1^2"]
    result = subprocess.run(
        [NNTUI, "eval", "squares.json", "--input", "0.5,-1"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stderr
    hidden = json.loads(result.stdout)["layers"][0]
    weights = saved["layers"][0]["weights"]
    bias = saved["layers"][0]["bias"]
    expected = [w[0] * 0.5 + w[1] * -1 + w[2] * 0.25 + b for w, b in zip(weights, bias)]
    assert hidden["z"] == pytest.approx(expected)
