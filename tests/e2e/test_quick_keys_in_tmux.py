"""End to end: keys typed faster than the screen draws still end nntui cleanly."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_tmux import NNTUI, Terminal, pytestmark  # noqa: F401 - its marks (tmux)


def test_ctrl_t_then_q_at_once_quits_without_a_traceback(tmp_path: Path, terminal: Terminal) -> None:
    """With the training view built at its first opening, quitting while it was being built
    ended in a traceback and status 1."""
    terminal.start(f"cd {tmp_path} && LC_ALL=C.UTF-8 {NNTUI} --preset xor; echo nntui ended with $?; sleep 30")
    terminal.wait_for("XOR by hand")
    terminal.tmux("send-keys", "-t", "e2e", "C-t", "q")  # in one write, as a fast typist's keys arrive
    screen = terminal.wait_for("nntui ended with")
    assert "nntui ended with 0" in screen and "Traceback" not in screen, screen
