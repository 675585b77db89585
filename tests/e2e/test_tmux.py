"""End to end: the installed `nntui` command in a real terminal, driven through tmux.

Opens a file, edits two weights (one with +, one typed exactly), saves with
ctrl+s, quits with q, and checks what was written to disk.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from nntui.core.fileformat import load_network, save_network
from nntui.core.presets import load_preset

TMUX = shutil.which("tmux")


def _nntui_command() -> str | None:
    beside_python = Path(sys.executable).parent / "nntui"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("nntui")


NNTUI = _nntui_command()

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(NNTUI is None, reason="the nntui command is not installed"),
]


class Terminal:
    """One tmux session on a private server, so no user session is touched."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, timeout=10)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e").stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        """Type ``keys``, then wait for the screen to settle: keys that follow a prompt's
        opening must reach its field, which has the focus only once it is drawn."""
        before = self.screen()
        self.tmux("send-keys", "-t", "e2e", *(["-l"] if literal else []), "--", *keys)
        self.settle(before)

    def retype(self, text: str) -> None:
        """Replace what the open prompt's field holds with ``text``.

        Waits for the field to be empty before typing: Textual runs ctrl+a/ctrl+k as bindings
        once the key has bubbled up to the app, while printable keys are inserted at once, so
        text typed straight after them can land before the field is cleared (and be cleared).
        """
        self.tmux("send-keys", "-t", "e2e", "C-a", "C-k")
        self._poll(lambda screen: self.field(screen) == "", 10.0, "the field was never cleared")
        self.tmux("send-keys", "-t", "e2e", "-l", "--", text)
        self._poll(lambda screen: self.field(screen) == text, 10.0, f"the field never held {text!r}")

    @staticmethod
    def field(screen: str) -> str | None:
        """The text in the prompt's field (the line between its tall borders), or None."""
        for line in screen.splitlines():
            found = re.search(r"▊(.*)▎", line)
            if found and not set(found.group(1)) <= {"▔", "▁"}:
                return found.group(1).strip()
        return None

    def settle(self, before: str, timeout: float = 3.0) -> str:
        """The screen once it has changed from ``before`` and held still for 100 ms, or held
        still for 200 ms (a key that changes nothing on screen). Polled, never a fixed sleep."""
        deadline = time.monotonic() + timeout
        last, still = before, 0
        while time.monotonic() < deadline:
            time.sleep(0.05)
            screen = self.screen()
            still = still + 1 if screen == last else 0
            if still >= (2 if screen != before else 4):
                return screen
            last = screen
        return last

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """The screen, once ``text`` is on it (polled every 50 ms)."""
        return self._poll(lambda screen: text in screen, timeout, f"{text!r} never appeared on screen")

    def wait_gone(self, text: str, timeout: float = 20.0) -> str:
        """The screen, once ``text`` has left it (a prompt closed)."""
        return self._poll(lambda screen: text not in screen, timeout, f"{text!r} stayed on screen")

    def _poll(self, done: Callable[[str], bool], timeout: float, failure: str) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if done(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{failure}:\n{self.screen()}")

    def start(self, command: str, width: int = 120, height: int = 34) -> None:
        """A new session running ``command``; retried while an old server is still dying."""
        deadline = time.monotonic() + 10
        while True:
            done = self.tmux("new-session", "-d", "-s", "e2e", "-x", str(width), "-y", str(height), command)
            if done.returncode == 0 and self.alive():
                return
            assert time.monotonic() < deadline, f"tmux could not start: {done.stderr}"
            time.sleep(0.05)

    def wait_until_gone(self, timeout: float = 10.0) -> None:
        """Until nntui has quit and its tmux session with it; fails with the screen otherwise."""
        deadline = time.monotonic() + timeout
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not self.alive(), f"nntui did not quit:\n{self.screen()}"

    def alive(self) -> bool:
        return self.tmux("has-session", "-t", "e2e").returncode == 0


def test_open_edit_save_quit_in_a_real_terminal(tmp_path: Path, terminal: Terminal) -> None:
    path = tmp_path / "my xor.json"
    save_network(load_preset("xor"), path)
    command = f"cd {tmp_path} && {NNTUI} 'my xor.json'"
    terminal.start(command, 110, 32)
    terminal.wait_for("XOR by hand")

    terminal.keys("Right")  # the hidden layer: h1's weight from x1 is selected
    terminal.wait_for("weight x1 → h1")
    terminal.keys("+")
    terminal.wait_for("modified")
    terminal.keys("]")  # h1's weight from x2
    terminal.keys("Enter")
    terminal.wait_for("Set weight x2 → h1")
    terminal.retype("-3.25")
    terminal.keys("Enter")
    terminal.wait_for("weight x2 → h1 = -3.25")
    terminal.keys("C-s")
    terminal.wait_for("Saved to")
    terminal.keys("q")

    terminal.wait_until_gone()

    saved = load_network(path)
    assert saved.layers[0].weights.tolist() == [[20.1, -3.25], [-20.0, -20.0]]
    assert [p.name for p in tmp_path.iterdir()] == ["my xor.json"]  # no temp file left behind


def _running(pids: list[str]) -> bool:
    return subprocess.run(["kill", "-0", *pids], capture_output=True).returncode == 0


def test_build_the_layers_network_by_hand_then_reopen_and_eval(
    tmp_path: Path, terminal: Terminal, private_state_dir: Path
) -> None:
    """From potatoes (3-1) to 3-4-4-1 with the keyboard; the reopened file matches eval."""
    env = f"NNTUI_STATE_DIR={private_state_dir}"
    terminal.start(f"cd {tmp_path} && {env} {NNTUI}", 130, 36)
    terminal.wait_for("Potatoes are baking")
    terminal.keys("N")  # a hidden layer of 3 after the inputs
    terminal.wait_for("hidden 1")
    terminal.keys("n")  # its 4th neuron
    terminal.keys("N")  # a second hidden layer, as wide: 4
    terminal.wait_for("hidden 2")
    terminal.keys("C-s")
    terminal.wait_for("Save the network as")
    terminal.retype("built.json")
    terminal.keys("Enter")
    terminal.wait_for("Saved to")
    terminal.keys("q")
    terminal.wait_until_gone()

    built = load_network(tmp_path / "built.json")
    assert built.sizes == [3, 4, 4, 1]
    evaluated = subprocess.run(
        [NNTUI, "eval", str(tmp_path / "built.json")], capture_output=True, text=True, check=True
    )
    output = json.loads(evaluated.stdout)["outputs"][0]

    terminal.start(f"cd {tmp_path} && {env} {NNTUI} built.json", 130, 36)
    terminal.wait_for("built.json")
    terminal.wait_for(f"{output:+.4f}")  # the outputs panel shows 4 decimals
    terminal.keys("q")
    terminal.wait_until_gone()


def test_sigterm_keeps_unsaved_work_and_the_next_start_offers_it(
    tmp_path: Path, terminal: Terminal, private_state_dir: Path
) -> None:
    env = f"NNTUI_STATE_DIR={private_state_dir}"
    terminal.start(f"cd {tmp_path} && {env} {NNTUI} --preset xor; sleep 30", 120, 34)
    terminal.wait_for("XOR by hand")
    terminal.keys("+", "+", "+")
    terminal.wait_for("x1 = +0.300")  # all three taken: the copy must hold them
    pid = terminal.tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}").stdout.strip()
    children = subprocess.run(["pgrep", "-P", pid], capture_output=True, text=True).stdout.split()
    assert children, "nntui is not running"
    subprocess.run(["kill", "-TERM", *children], check=True)
    deadline = time.monotonic() + 10
    while _running(children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(children), "nntui ignored SIGTERM"
    assert "Traceback" not in terminal.screen()
    (copy,) = private_state_dir.glob("recovery-*.json")
    terminal.tmux("kill-server")

    terminal.start(f"cd {tmp_path} && {env} {NNTUI}; sleep 30", 120, 34)  # sleep: keep any error visible
    terminal.wait_for("Unsaved work was found")
    terminal.keys("r")
    terminal.wait_for("XOR by hand")
    terminal.wait_for("x1 = +0.300")
    assert not copy.exists()  # taken back: the running session keeps it now
    terminal.keys("q")
    terminal.wait_for("Unsaved changes")
    terminal.keys("d")
    deadline = time.monotonic() + 10
    while list(private_state_dir.glob("recovery-*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(private_state_dir.glob("recovery-*.json"))
