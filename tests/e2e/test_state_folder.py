"""End to end: a state folder nntui cannot write to, or holding things it should not read.

The real command runs in tmux (a private server) under ``sh``, which writes
nntui's pid before ``exec`` and its exit status after it ends.  A state
folder that is a regular file (or lies under one) cannot be written even by
root, so these hold whoever runs them.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

import nntui

TMUX = shutil.which("tmux")
SOURCE = Path(nntui.__file__).resolve().parents[1]  # the code under test, not an installed copy
DEADLINE = 30.0  # seconds; far above what a quiet machine needs, for a busy one

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(sys.platform == "win32", reason="tmux and signals of POSIX"),
]


class Run:
    """``nntui ARGS`` in a tmux session of its own; its pid and exit status in files."""

    def __init__(self, base: Path, state: Path, *args: str) -> None:
        self.socket = f"nntui-state-{uuid.uuid4().hex[:8]}"
        self.pid_file, self.status_file = base / "pid", base / "status"
        inner = (
            f"echo $$ > {shlex.quote(str(self.pid_file))}; "
            f"exec {shlex.quote(sys.executable)} -m nntui {' '.join(map(shlex.quote, args))}"
        )
        command = (
            f"NNTUI_STATE_DIR={shlex.quote(str(state))} PYTHONPATH={shlex.quote(str(SOURCE))} "
            f"LC_ALL=C.UTF-8 sh -c {shlex.quote(inner)}; echo $? > {shlex.quote(str(self.status_file))}; "
            "sleep 60"
        )
        done = self.tmux("new-session", "-d", "-s", "s", "-x", "120", "-y", "36", "sh", "-c", command)
        assert done.returncode == 0, done.stderr

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=10)

    def screen(self) -> str:
        """The pane, and what scrolled out of it; a line the terminal wrapped is joined (-J)."""
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "s").stdout

    def wait(self, done: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + DEADLINE
        while not done():
            assert time.monotonic() < deadline, f"{what} never happened:\n{self.screen()}"
            time.sleep(0.05)

    def wait_for(self, text: str) -> None:
        self.wait(lambda: text in self.screen(), f"{text!r} on screen")

    def pid(self) -> int:
        self.wait(lambda: self.pid_file.exists() and self.pid_file.read_text().strip().isdigit(), "the pid")
        return int(self.pid_file.read_text())

    def status(self) -> int:
        self.wait(lambda: self.status_file.exists() and self.status_file.read_text().strip() != "", "the exit")
        return int(self.status_file.read_text())

    def close(self) -> None:
        if self.pid_file.exists() and not self.status_file.exists():
            try:
                os.kill(int(self.pid_file.read_text()), signal.SIGKILL)  # never left behind, even failing
            except (ProcessLookupError, ValueError):
                pass
        self.tmux("kill-server")


@pytest.fixture
def run(tmp_path: Path):
    runs: list[Run] = []

    def start(state: Path, *args: str) -> Run:
        runs.append(Run(tmp_path, state, *args))
        return runs[-1]

    yield start
    for started in runs:
        started.close()


def _lines(screen: str) -> list[str]:
    return [line for line in screen.splitlines() if line.strip()]


@pytest.mark.parametrize("where", ["a regular file", "under a regular file"])
def test_sigterm_with_an_unwritable_state_folder_ends_with_143_and_one_line(
    tmp_path: Path, run: Callable[..., Run], where: str
) -> None:
    """It used to end with 1 and NoActiveAppError's traceback, from the recovery copy written
    after the app had gone (#22, fall 7)."""
    blocker = tmp_path / "state"
    blocker.write_text("not a folder\n")
    state = blocker if where == "a regular file" else blocker / "nntui"
    nntui_run = run(state, "--preset", "xor")
    nntui_run.wait_for("XOR by hand")
    nntui_run.tmux("send-keys", "-t", "s", "+")
    nntui_run.wait_for("modified")
    os.kill(nntui_run.pid(), signal.SIGTERM)
    assert nntui_run.status() == 143  # as with a folder that is fine (tests/e2e/test_stopping.py)
    screen = nntui_run.screen()
    assert "Traceback" not in screen
    lines = _lines(screen)
    assert len(lines) == 1, screen
    line = lines[0]
    assert "recovery copy" in line and str(state) in line, line
    assert blocker.read_text() == "not a folder\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_nntui_starts_beside_a_fifo_and_a_deep_copy_in_the_state_folder(
    tmp_path: Path, run: Callable[..., Run], gone_pids: Callable[[int], list[int]]
) -> None:
    """A FIFO named like a copy used to leave a blank screen for ever; 100,000 ``[`` a
    RecursionError at every start (#22, fall 8). Both are said, left, and nntui starts."""
    state = tmp_path / "state"
    state.mkdir()
    fifo_pid, deep_pid = gone_pids(2)
    fifo = state / f"recovery-{fifo_pid}.json"
    os.mkfifo(fifo)
    (state / f"recovery-{deep_pid}.json").write_text("[" * 100_000)
    try:
        nntui_run = run(state, "--preset", "xor")
        nntui_run.wait_for("XOR by hand")
        nntui_run.wait_for("2 recovery copies cannot be read")
        nntui_run.tmux("send-keys", "-t", "s", "q")
        assert nntui_run.status() == 0
        assert "Traceback" not in nntui_run.screen()
        assert fifo.is_fifo() and (state / f"recovery-{deep_pid}.json").stat().st_size == 100_000
    finally:
        try:  # should nntui wait on the FIFO, a writer that comes and goes frees it
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
