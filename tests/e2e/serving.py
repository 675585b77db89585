"""What the ``nntui serve`` tests share: the server in a subprocess, sessions over a
websocket (aiohttp, textual-serve's own dependency), and the processes left behind.

Every server a test starts carries a unique marker in its environment, which
the apps it starts inherit; ``/proc/*/environ`` then finds every process that
belongs to the test, whatever its process group or parent. ``Server.kill``
ends them all, so a failing test leaves nothing running.
"""

from __future__ import annotations

import asyncio
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

try:
    import aiohttp  # textual-serve's own dependency
except ImportError:  # without textual-serve, only the argument errors are tested
    aiohttp = None

MARKER = "NNTUI_SERVE_TEST_MARKER"
GONE_WITHIN = 5.0  # seconds: every nntui process of a stopped server or session ends by then
TITLE = b"Potatoes are baking"  # the default preset's title, drawn once the app is up

# Catch xterm.js's Terminal: textual-serve's page assigns it to `this.terminal`.
CATCH_TERMINAL = """
window.__terminals = [];
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer && value.buffer.active) window.__terminals.push(value);
  },
});
"""
SCREEN_TEXT = """() => {
  const terminal = window.__terminals[0];
  if (!terminal) return "";
  const buffer = terminal.buffer.active, rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environ_of(pid: int) -> dict[str, str]:
    """The environment ``pid`` started with; empty if it is gone (or a zombie)."""
    try:
        with open(f"/proc/{pid}/environ", "rb") as file:
            data = file.read()
    except OSError:
        return {}
    pairs = (entry.decode("utf-8", "replace").partition("=") for entry in data.split(b"\0") if entry)
    return {name: value for name, _, value in pairs}


def marked(marker: str) -> set[int]:
    """Every live process whose environment holds this marker."""
    needle = f"{MARKER}={marker}".encode()
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as file:
                if needle in file.read().split(b"\0"):
                    found.add(int(entry))
        except OSError:
            continue
    return found


def wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(step)


async def await_until(condition: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    """``wait_until`` that lets the event loop (and its websockets) run meanwhile."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return True
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(step)


def describe(pids: set[int]) -> str:
    lines = []
    for pid in sorted(pids):
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            pgid = os.getpgid(pid)
        except OSError:
            continue
        lines.append(f"{pid} (group {pgid}): {args}")
    return "\n".join(lines) or "(none)"


class Server:
    """``nntui serve --port <free port> ARGS`` with a unique marker, in its own process group."""

    def __init__(self, *args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.marker = uuid.uuid4().hex
        # Its temporary folder (the sessions' state folders are made in it) is the test's:
        # nothing is left in /tmp even if the server has to be killed.
        self.temporary = Path(tempfile.mkdtemp(prefix="nntui-serve-test-"))
        environment = {
            **os.environ,
            "LC_ALL": "C.UTF-8",
            "TMPDIR": str(self.temporary),
            **(env or {}),
            MARKER: self.marker,
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "nntui", "serve", "--port", str(self.port), *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
            env=environment,
        )
        ready, _, _ = select.select([self.process.stdout], [], [], 20)
        self.first_line = self.process.stdout.readline() if ready else ""
        self.errors = ""
        if not self.first_line:
            self.kill()
            raise AssertionError(f"nntui serve printed nothing in 20 s: {self.errors}")
        # The line is printed as the server starts; it takes connections a moment later.
        if not wait_until(self._listening, 10):
            self.kill()
            raise AssertionError(f"nntui serve does not listen on {self.url}")

    def _listening(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        except OSError:
            return False
        return True

    def apps(self) -> set[int]:
        """The live processes the server started (its sessions' apps)."""
        return marked(self.marker) - {self.process.pid}

    def sessions(self) -> set[int]:
        """The apps themselves: one per session (a shell running one is not counted)."""
        return {pid for pid in self.apps() if Path(f"/proc/{pid}/comm").read_text().strip() != "sh"}

    def leftovers(self) -> set[int]:
        """Every live process of this server, the server included."""
        return marked(self.marker) if self.process.poll() is None else marked(self.marker) - {self.process.pid}

    def stop(self, sig: int = signal.SIGTERM) -> tuple[float, set[int]]:
        """Send ``sig`` to the server alone; seconds until it and every app ended (or GONE_WITHIN
        and what is left)."""
        start = time.monotonic()
        os.kill(self.process.pid, sig)
        wait_until(lambda: self.process.poll() is not None and not self.leftovers(), GONE_WITHIN)
        return time.monotonic() - start, self.leftovers()

    def kill(self) -> None:
        """End everything this server started, whatever state it is in: SIGTERM to the
        server, as a user would, then SIGKILL to whatever is left."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            wait_until(lambda: self.process.poll() is not None and not self.leftovers(), GONE_WITHIN)
        for _ in range(3):
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            for pid in marked(self.marker):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            if wait_until(lambda: not marked(self.marker), 2):
                break
        try:
            _, self.errors = self.process.communicate(timeout=10)
        except ValueError:  # its output was read already
            self.process.wait(timeout=10)
        shutil.rmtree(self.temporary, ignore_errors=True)


async def read_until(ws: aiohttp.ClientWebSocketResponse, text: bytes, timeout: float = 20) -> bytes:
    """What the app drew until ``text`` appeared; AssertionError if it did not, in time."""
    received = b""
    deadline = time.monotonic() + timeout
    while text not in received:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"{text!r} never came: {received[-500:]!r}")
        try:
            message = await ws.receive(timeout=left)
        except asyncio.TimeoutError:
            continue
        if message.type == aiohttp.WSMsgType.BINARY:
            received += message.data
        elif message.type != aiohttp.WSMsgType.TEXT:
            raise AssertionError(f"the session closed before {text!r}: {message!r} {received[-500:]!r}")
    return received


async def drawn(ws: aiohttp.ClientWebSocketResponse, enough: Callable[[bytes], bool], timeout: float) -> bytes:
    """What the app draws until ``enough`` of it came, ``timeout`` seconds passed or the session closed."""
    received = b""
    deadline = time.monotonic() + timeout
    while not enough(received) and (left := deadline - time.monotonic()) > 0:
        try:
            message = await ws.receive(timeout=left)
        except asyncio.TimeoutError:
            break
        if message.type == aiohttp.WSMsgType.BINARY:
            received += message.data
        elif message.type != aiohttp.WSMsgType.TEXT:
            break
    return received


def start(servers: list[Server], *args: str, **kwargs: object) -> Server:
    """A server, in ``servers`` (the ``servers`` fixture's list) so that it is killed after the test."""
    server = Server(*args, **kwargs)  # type: ignore[arg-type]
    servers.append(server)
    return server


async def flood(ws: aiohttp.ClientWebSocketResponse, keys: int = 5_000, per_message: int = 100) -> None:
    """Send ``keys`` keys at once, which the app queues: busy for many seconds, as each takes
    milliseconds. (Sending as fast as the connection took them for half a second sent 600,000,
    and the sending, not the app, was most of these tests' time.)"""
    message = json.dumps(["stdin", "+" * per_message])
    for _ in range(keys // per_message):
        await ws.send_str(message)


class Served(Protocol):
    """A running ``nntui serve``: a ``Server`` here, or one in a terminal (tests/e2e/test_serve_in_tmux.py)."""

    url: str


async def open_session(
    client: aiohttp.ClientSession, server: Served, *, autoping: bool = True
) -> aiohttp.ClientWebSocketResponse:
    """A session whose app has drawn the playground."""
    ws = await client.ws_connect(f"{server.url}/ws?width=100&height=30", autoping=autoping)
    await read_until(ws, TITLE)
    return ws
