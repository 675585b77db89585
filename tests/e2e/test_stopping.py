"""End to end: nntui ends on a closed terminal or a signal, and keeps the trained work.

Each case starts ten real `nntui --preset xor` processes in tmux, plays
training, then stops them all in the same way: the terminal is closed
(tmux kill-session, so nntui gets SIGHUP while its terminal is gone) or a
signal is sent.  Every process must end, the child process each one trains
in too, with the exit status a shell expects, and leave a recovery copy
holding trained weights.  On a quiet 2-core machine all ten are gone within
about 1 s; the deadline, GONE_WITHIN, is far above that because the rest of
the suite runs beside these tests on the same cores (four busy workers made
ten playgrounds take over 3 s).  A process that hangs never ends, so the
deadline still catches it.
Processes are found by a unique NNTUI_STATE_DIR in /proc/*/environ, so a
leftover is seen even after tmux is gone.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import numpy as np
import pytest

from nntui.core.presets import load_preset

TMUX = shutil.which("tmux")
NNTUI = Path(sys.executable).parent / "nntui"
RUNS = 10
CHILD = "nntui.document.training_process"  # each playing nntui trains in a child process
GONE_WITHIN = 20.0  # seconds; see the module's docstring

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not NNTUI.exists(), reason="the nntui command is not installed"),
    pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc"),
    pytest.mark.skipif(sys.platform == "win32", reason="tmux, SIGHUP and a terminal's hang-up are POSIX's"),
]


def _processes_with(marker: str) -> list[int]:
    """Pids of the processes whose environment holds ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                environ = (entry / "environ").read_bytes()
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # gone meanwhile, or not ours to read
            if marker.encode() in environ and ") Z " not in stat:  # a zombie has ended
                found.append(int(entry.name))
    return found


class Fleet:
    """``RUNS`` sessions of nntui on a private tmux server, each with its own state folder."""

    def __init__(self, base: Path, shell: str = "", linger: int = 60) -> None:
        """``shell``: what the terminal's shell runs first; ``linger``: seconds it stays after nntui."""
        self.socket = f"nntui-stop-{uuid.uuid4().hex[:8]}"
        self.marker = f"nntui-e2e-{uuid.uuid4().hex}"
        self.base = base
        self.shell = shell
        self.linger = linger

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=10)

    def state(self, i: int) -> Path:
        return self.base / f"{self.marker}-{i}"

    def status(self, i: int) -> Path:
        return self.base / f"status-{i}"

    def start(self) -> None:
        for i in range(RUNS):
            command = (
                f"{self.shell}NNTUI_STATE_DIR={self.state(i)} LC_ALL=C.UTF-8 {NNTUI} --preset xor; "
                f"echo $? > {self.status(i)}; sleep {self.linger}"
            )
            done = self.tmux("new-session", "-d", "-s", f"s{i}", "-x", "120", "-y", "36", command)
            assert done.returncode == 0, done.stderr

    def wait_for_all(self, text: str, timeout: float = 60.0) -> None:
        """Until every session's screen shows ``text`` (a regular expression)."""
        deadline = time.monotonic() + timeout
        for i in range(RUNS):
            while not re.search(text, self.tmux("capture-pane", "-p", "-t", f"s{i}").stdout):
                assert time.monotonic() < deadline, f"session {i} never showed {text!r}"
                time.sleep(0.2)

    def keys(self, *keys: str) -> None:
        for i in range(RUNS):
            self.tmux("send-keys", "-t", f"s{i}", *keys)

    def train(self) -> None:
        self.wait_for_all("XOR by hand")
        self.keys("C-t")
        self.wait_for_all("paused")
        self.keys("Space")
        # Trained weights have reached the playground (a step counted), so its copy holds them.
        self.wait_for_all(r"training · step [1-9]")

    def _nntui(self) -> dict[int, str]:
        found = {}
        for pid in _processes_with(self.marker):
            try:
                command = Path(f"/proc/{pid}/cmdline").read_text()
            except OSError:
                continue
            if "nntui" in command and "sleep" not in command:
                found[pid] = command
        return found

    def pids(self) -> list[int]:
        """The playgrounds."""
        return [pid for pid, command in self._nntui().items() if CHILD not in command]

    def children(self) -> list[int]:
        """The processes that train for them (nntui.document.training_process)."""
        return [pid for pid, command in self._nntui().items() if CHILD in command]

    def wait_until_gone(self, timeout: float) -> list[int]:
        """Every nntui process, playgrounds and their children: those still there after ``timeout``."""
        deadline = time.monotonic() + timeout
        while (left := list(self._nntui())) and time.monotonic() < deadline:
            time.sleep(0.1)
        return left

    def close(self) -> None:
        self.tmux("kill-server")
        for pid in _processes_with(self.marker):  # never leave one behind, even when failing
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def assert_trained_copies(self) -> None:
        preset = load_preset("xor").layers[0].weights
        for i in range(RUNS):
            copies = list(self.state(i).glob("recovery-*.json"))
            assert len(copies) == 1, f"session {i}: {copies}"
            saved = json.loads(copies[0].read_text())["network"]["layers"][0]["weights"]
            assert not np.array_equal(np.array(saved), preset), f"session {i}: the copy is untrained"


@pytest.fixture
def fleet(tmp_path: Path):
    fleet = Fleet(tmp_path)
    fleet.start()
    try:
        yield fleet
    finally:
        fleet.close()


def test_closing_the_terminal_while_training_ends_every_nntui(fleet: Fleet) -> None:
    fleet.train()
    assert len(fleet.pids()) == RUNS
    assert len(fleet.children()) == RUNS  # which must end too
    for i in range(RUNS):
        fleet.tmux("kill-session", "-t", f"s{i}")  # the terminal goes; nntui gets SIGHUP
    assert fleet.wait_until_gone(GONE_WITHIN) == []
    fleet.assert_trained_copies()


# By name: the module is collected on Windows too, which has no SIGHUP (and skips it).
@pytest.mark.parametrize(("name", "status"), [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)])
def test_a_signal_while_training_ends_nntui_with_its_status(fleet: Fleet, name: str, status: int) -> None:
    sig = getattr(signal, name)
    fleet.train()
    pids = fleet.pids()
    assert len(pids) == RUNS and len(fleet.children()) == RUNS
    for pid in pids:
        os.kill(pid, sig)
    assert fleet.wait_until_gone(GONE_WITHIN) == []
    deadline = time.monotonic() + GONE_WITHIN
    while not all(fleet.status(i).exists() for i in range(RUNS)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [fleet.status(i).read_text().strip() for i in range(RUNS)] == [str(status)] * RUNS
    fleet.assert_trained_copies()


def test_closing_the_terminal_of_an_idle_playground_ends_it(fleet: Fleet) -> None:
    fleet.wait_for_all("XOR by hand")
    assert len(fleet.pids()) == RUNS
    for i in range(RUNS):
        fleet.tmux("kill-session", "-t", f"s{i}")
    assert fleet.wait_until_gone(GONE_WITHIN) == []
    assert not [copy for i in range(RUNS) for copy in fleet.state(i).glob("recovery-*.json")]  # nothing unsaved


def test_closing_the_terminal_ends_nntui_even_when_no_sighup_reaches_it(tmp_path: Path) -> None:
    """A shell that ignores SIGHUP outlives its terminal and passes no SIGHUP on. nntui must
    see by itself that its terminal hung up; it used to read end-of-file for ever, at half a CPU."""
    fleet = Fleet(tmp_path, shell="trap '' HUP; ", linger=1)
    fleet.start()
    try:
        fleet.train()
        assert len(fleet.pids()) == RUNS and len(fleet.children()) == RUNS
        for i in range(RUNS):
            fleet.tmux("kill-session", "-t", f"s{i}")  # the terminal goes; its shell stays
        assert fleet.wait_until_gone(GONE_WITHIN) == []
        deadline = time.monotonic() + GONE_WITHIN
        while not all(fleet.status(i).exists() for i in range(RUNS)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [fleet.status(i).read_text().strip() for i in range(RUNS)] == ["129"] * RUNS  # a hang-up
        fleet.assert_trained_copies()
    finally:
        fleet.close()
