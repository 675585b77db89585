"""``nntui serve`` in a terminal that closes, or killed outright: no playground outlives it (#22, fall 10).

As the fall was seen: the installed command in a tmux session of its own, two browser
sessions over a websocket, then ``tmux kill-session`` (the terminal closes) or ``kill -9``
of the server. Before the fix (b1b2007, eb07b69) both playgrounds ran on, adopted by
init, and the server's ``nntui-serve-*`` folder stayed. tests/e2e/test_serve_server_gone.py
sends the signals to a subprocess; this is the same through a real terminal.

The server and its apps carry a unique marker in their environment (tests/e2e/serving.py),
found in ``/proc/*/environ`` whatever their parent or group; whatever a failing test
leaves is killed by it.
"""

from __future__ import annotations

import os
import shlex
import signal
import socket
import sys
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.serving import (
    GONE_WITHIN,
    MARKER,
    await_until,
    describe,
    free_port,
    marked,
    open_session,
    wait_until,
)
from tests.e2e.test_tmux import NNTUI, TMUX, Terminal

aiohttp = pytest.importorskip("aiohttp")  # textual-serve's own dependency

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(NNTUI is None, reason="the nntui command is not installed"),
    pytest.mark.skipif(sys.platform == "win32" or not os.path.exists("/proc/self/environ"), reason="needs /proc"),
]


@dataclass
class ServedInTmux:
    """``nntui serve --port PORT`` as the only program of the tmux session ``e2e``."""

    url: str
    marker: str
    temporary: Path  # its TMPDIR: the server makes its nntui-serve-* folder in it
    pid: int  # the pane's process: the server itself (exec)

    def apps(self) -> set[int]:
        """The live processes the server started (its sessions' apps)."""
        return marked(self.marker) - {self.pid}

    def sessions(self) -> set[int]:
        """The apps themselves, one per session (a shell running one is not counted)."""
        return {pid for pid in self.apps() if Path(f"/proc/{pid}/comm").read_text().strip() != "sh"}

    def folders(self) -> list[Path]:
        return sorted(self.temporary.glob("nntui-serve-*"))


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
async def served(tmp_path: Path, terminal: Terminal) -> AsyncIterator[ServedInTmux]:
    """The server, up and listening; afterwards every process it left is killed."""
    port, marker = free_port(), uuid.uuid4().hex
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {"LC_ALL": "C.UTF-8", "TMPDIR": str(temporary), MARKER: marker}
    assignments = " ".join(f"{name}={shlex.quote(value)}" for name, value in environment.items())
    # exec: the pane's process is the server, which the closing terminal hangs up and kill -9 reaches
    terminal.start(f"cd {shlex.quote(str(tmp_path))} && exec env {assignments} {NNTUI} serve --port {port}", 120, 30)
    try:
        terminal.wait_for(f"http://127.0.0.1:{port}")
        assert wait_until(lambda: _listening(port), 10), f"nntui serve does not listen:\n{terminal.screen()}"
        pid = int(terminal.tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}").stdout)
        assert pid in marked(marker), "the pane's process is not the server"
        yield ServedInTmux(f"http://127.0.0.1:{port}", marker, temporary, pid)
    finally:
        for _ in range(3):
            for pid in marked(marker):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            if wait_until(lambda: not marked(marker), 2):
                break


@pytest.mark.parametrize("end", ["kill-session", "kill -9"])
async def test_no_playground_outlives_a_server_whose_terminal_closes_or_that_is_killed(
    served: ServedInTmux, terminal: Terminal, end: str
) -> None:
    """`tmux kill-session` hangs the server up: it ends its sessions as on SIGTERM (b1b2007).
    `kill -9` leaves it no say: each playground sees its pipe from the server close and leaves,
    taking its folder (eb07b69). Checked against each commit's parent: both playgrounds ran on."""
    async with aiohttp.ClientSession() as client:
        browsers = [await open_session(client, served) for _ in range(2)]  # open until the end
        assert len(served.sessions()) == len(browsers) == 2
        assert len(served.folders()) == 1  # the server's, which holds the sessions' folders
        if end == "kill-session":
            assert terminal.tmux("kill-session", "-t", "e2e").returncode == 0
        else:
            os.kill(served.pid, signal.SIGKILL)
        gone = await await_until(lambda: not marked(served.marker), GONE_WITHIN)
        assert gone, f"left after {end} of the server:\n{describe(marked(served.marker))}"
    assert await await_until(lambda: not served.folders(), GONE_WITHIN), [
        str(path) for path in served.temporary.rglob("*")
    ]
