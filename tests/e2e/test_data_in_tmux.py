"""End to end: `nntui --data FILE.csv` opens the playground on the training view, on that data."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from tests.e2e.test_tmux import NNTUI, Terminal, pytestmark  # noqa: F401 - its marks (tmux)


def test_data_on_the_command_line_opens_the_training_view_on_it(tmp_path: Path, terminal: Terminal) -> None:
    """It opened the potatoes network with no sign that the data was loaded."""
    ring = tmp_path / "ring.csv"
    ring.write_text("x1,x2,y\n" + "".join(f"{np.cos(k):.3f},{np.sin(k):.3f},{k % 2}\n" for k in range(40)))
    terminal.start(f"cd {tmp_path} && LC_ALL=C.UTF-8 {NNTUI} --data ring.csv")
    screen = terminal.wait_for("x builds")  # potatoes has three inputs, the data two
    assert "ring.csv" in screen and "paused" in screen
    terminal.keys("x")
    terminal.wait_gone("x builds")
    terminal.keys("q")
    terminal.wait_for("Unsaved")
    terminal.keys("d")
    terminal.wait_until_gone()


def test_the_terminal_size_wins_over_exported_columns_and_lines(tmp_path: Path, terminal: Terminal) -> None:
    """A shell that exports COLUMNS=80 and LINES=24 (its size when it set them) kept nntui at
    80×24 in a 120×36 window, and after every resize."""
    terminal.start(f"cd {tmp_path} && COLUMNS=80 LINES=24 LC_ALL=C.UTF-8 {NNTUI}", 120, 36)
    terminal.wait_for("─" * 110)  # the network's box spans the 120 columns
    terminal.tmux("resize-window", "-t", "e2e", "-x", "100", "-y", "30")
    terminal.wait_gone("─" * 100)  # and follows the window
    terminal.keys("q")
    terminal.wait_until_gone()


def test_a_file_naming_a_csv_path_no_system_can_take_opens_on_the_default_data(
    tmp_path: Path, terminal: Terminal
) -> None:
    """`nntui net.json` whose training.data.csv holds a NUL (#22 fall 1): it ended in a traceback
    (ValueError: embedded null byte, from os.stat). The network opens on the default data, and
    the notice says why; the file is left as it was."""
    from nntui.core.fileformat import save_network
    from nntui.core.presets import load_preset

    net = tmp_path / "net.json"
    save_network(load_preset("xor"), net)
    document = json.loads(net.read_text("utf-8"))
    document.update(version=2, training={"data": {"csv": "a\x00b.csv"}})
    net.write_text(json.dumps(document), encoding="utf-8")  # \u0000 in the JSON: a valid file
    before = net.read_bytes()
    terminal.start(f"cd {tmp_path} && LC_ALL=C.UTF-8 {NNTUI} net.json")
    screen = terminal.wait_for("cannot hold a NUL")
    assert "net.json" in screen and "Traceback" not in screen
    terminal.keys("q")
    terminal.wait_until_gone()
    assert net.read_bytes() == before
