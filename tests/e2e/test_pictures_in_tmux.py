"""End to end: the training view of pictures in a real terminal, as a learner uses it (#25).

`nntui --preset digits`, ctrl+t: the confusion matrix stands where the plane's picture was; space
trains and pauses; the test images read wrong appear, ] and [ page through them, i puts the one
shown into the input layer (the same picture appears in the network's input column), u takes it
back. At 80×24 the matrix reads whole and takes turns with the images.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.test_tmux import NNTUI, TMUX, Terminal

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(NNTUI is None, reason="the nntui command is not installed"),
]

PLACE = re.compile(r"image (\d+) of (\d+)")


def _place(screen: str) -> tuple[int, int]:
    found = PLACE.search(screen)
    assert found is not None, screen
    return int(found.group(1)), int(found.group(2))


def _picture_read_wrong(screen: str) -> list[str]:
    """The eight rows of the image read wrong, as drawn in its box (between its borders)."""
    lines = screen.splitlines()
    top = next(k for k, line in enumerate(lines) if "read wrong" in line)
    start = lines[top].index("╭─ read wrong")
    return [line[start + 1 : start + 21].strip() for line in lines[top + 1 : top + 9]]


def test_the_digits_train_and_their_images_read_wrong_page_and_load(tmp_path: Path, terminal: Terminal) -> None:
    state = tmp_path / "state"
    terminal.start(f"cd {tmp_path} && NNTUI_STATE_DIR={state} LC_ALL=C.UTF-8 {NNTUI} --preset digits", 120, 36)
    terminal.wait_for("a picture to draw")
    terminal.keys("C-t")
    screen = terminal.wait_for("confusion matrix")
    assert "heatmaps need" not in screen and "input features" not in screen
    terminal.keys("Space")
    terminal.wait_for("▶", timeout=10)
    terminal.wait_for("read as", timeout=20)
    terminal.keys("Space")
    screen = terminal.wait_for("❚❚", timeout=10)
    first, total = _place(screen)
    assert first == 1 and total >= 2
    assert re.search(r"test \d+\.\d% right", screen)
    terminal.keys("]")
    assert _place(terminal.wait_for(f"image 2 of {total}")) == (2, total)
    terminal.keys("[", "[")
    screen = terminal.wait_for(f"image {total} of {total}")
    picture = _picture_read_wrong(screen)
    assert any(row.strip("· ") for row in picture)  # ink on it
    terminal.keys("i")
    screen = terminal.settle(screen)
    network = "\n".join(screen.splitlines()[:16])  # the network's canvas: its input column
    assert all(row in network for row in picture), (picture, network)
    terminal.keys("u")
    terminal.keys("q")
    terminal.wait_for("Save")  # trained and edited: it asks
    terminal.keys("d")
    terminal.wait_until_gone()


def test_at_80_by_24_the_matrix_reads_whole_and_takes_turns(tmp_path: Path, terminal: Terminal) -> None:
    state = tmp_path / "state"
    terminal.start(f"cd {tmp_path} && NNTUI_STATE_DIR={state} LC_ALL=C.UTF-8 {NNTUI} --preset digits", 80, 24)
    terminal.wait_for("a picture to draw")
    terminal.keys("C-t")
    terminal.wait_for("confusion matrix")
    terminal.keys("s")
    screen = terminal.wait_for("right")
    rows = [line for line in screen.splitlines() if re.search(r"│ \d(\s+(\d+|·)){10} │", line)]
    assert len(rows) == 10, screen  # every true digit's row, each whole
    terminal.keys("]")
    screen = terminal.wait_for("image 1 of")
    assert "confusion matrix" not in screen
    terminal.keys("[")
    terminal.wait_for("confusion matrix")
