"""End to end: a learner turns an input feature on in a real terminal, saves, and nntui eval reads it.

ctrl+t opens the training view; Tab reaches the input features; → → and Enter turn x1² on (a new
input in the network's first column); ctrl+s saves to a typed name; `nntui eval --input` then
takes the point's two coordinates and computes x1² itself. And a file whose point is far longer
than any feature reads is refused by `nntui F` in one line.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_hostile_input import LONG_POINT_REFUSED, write_long_point_file
from tests.e2e.test_tmux import NNTUI, TMUX, Terminal

pytestmark = [
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


def test_a_point_of_a_million_numbers_is_refused_by_the_playground_in_one_line(
    tmp_path: Path, terminal: Terminal
) -> None:
    """`nntui F` on the sweep's file (#22 fall 3: a point of a million zeros, a valid 5 MB file)
    took ~30 s to draw its first screen, then ~25 s a key. It now says why in one line and ends
    with status 2, before the playground starts; `nntui eval` and `nntui train` refuse the same
    file (tests/cli/test_hostile_input.py)."""
    write_long_point_file(tmp_path / "long.json")
    terminal.start(f"cd {tmp_path} && LC_ALL=C.UTF-8 {NNTUI} long.json; echo nntui ended with $?; sleep 30", 160, 30)
    screen = terminal.wait_for("nntui ended with", timeout=15)
    assert [line for line in screen.splitlines() if line.strip()] == [
        f"nntui: error: long.json: {LONG_POINT_REFUSED}",
        "nntui ended with 2",
    ], screen
