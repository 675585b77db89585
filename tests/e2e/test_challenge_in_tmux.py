"""End to end: a newcomer solves the AND challenge in a real terminal by typing weights.

g opens the challenges, the third is AND with a step neuron; the weights
1, 1 and the bias -1.5 are typed with Enter; the challenge is marked solved
on screen and kept, so `nntui challenges` shows its ✓ afterwards.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_tmux import NNTUI, TMUX, Terminal

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(NNTUI is None, reason="the nntui command is not installed"),
]


def test_the_and_challenge_is_solved_by_typing_weights(tmp_path: Path, terminal: Terminal) -> None:
    state = tmp_path / "state"
    terminal.start(f"cd {tmp_path} && NNTUI_STATE_DIR={state} LC_ALL=C.UTF-8 {NNTUI}", 120, 36)
    terminal.wait_for("Potatoes are baking")
    terminal.keys("g")
    terminal.wait_for("AND with a step neuron")
    terminal.keys("Down", "Down", "Enter")
    terminal.wait_for("Challenge 3/12")
    terminal.wait_for("1 of 4 rows right")  # a step neuron of zero weights says 1 everywhere
    terminal.keys("Right")
    for value in ("1", "1", "-1.5"):
        terminal.keys("Enter")
        terminal.wait_for("Set ")  # the prompt is open: what follows is typed into it
        terminal.retype(value)
        terminal.keys("Enter")
        terminal.wait_gone("Set ")
        terminal.keys("]")
    screen = terminal.wait_for("✓ solved")
    assert "4/4 right" in screen
    terminal.keys("q")
    terminal.wait_for("Discard")
    terminal.keys("d")
    terminal.wait_until_gone()
    listing = subprocess.run(
        [NNTUI, "challenges"],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "NNTUI_STATE_DIR": str(state), "LC_ALL": "C.UTF-8"},
    )
    line = next(line for line in listing.stdout.splitlines() if "and_step" in line)
    assert "✓" in line
