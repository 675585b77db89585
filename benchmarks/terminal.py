"""A program in a pseudo-terminal, read as a terminal would read it: the bytes and when they came.

The end-to-end benchmarks (``latency_e2e.py``, ``frames_e2e.py``) run the
real ``nntui`` and the reference apps here, each in its own process, at the
same size and with the same terminal settings.  POSIX only (``pty``,
``select``): a benchmark, not a feature.

The terminal answers one question Textual asks at start-up: whether it
supports synchronized output (``CSI ? 2026 $ p``).  It says yes, as kitty,
WezTerm, foot, Ghostty or iTerm2 do; Textual then wraps every screen update
in ``CSI ? 2026 h`` … ``CSI ? 2026 l``, so counting the second marker counts
the screen updates exactly (``frames_ended``), and a burst of output is
known to be complete when no update is left open.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREE_VARIABLE = "NNTUI_BENCH_TREE"  # another checkout whose nntui the programs run (before/after in one sitting)
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"  # DECRPM: mode 2026 known, currently reset (it can be set)
SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"
CSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
READ_SIZE = 1 << 16


class Exited(RuntimeError):
    """The program ended (or closed the terminal) while it was being read."""


class Terminal:
    """``argv`` in a new pseudo-terminal of ``size`` (columns, rows), in its own session."""

    def __init__(self, argv: list[str], size: tuple[int, int], env: dict[str, str] | None = None) -> None:
        self.argv = argv
        self.size = size
        master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=terminal_environment(env, _tree(argv)),
            cwd=_tree(argv),  # `python -m` puts the working folder first on the path
            start_new_session=True,  # its own process group: close() ends it and its children
            close_fds=True,
        )
        os.close(slave)
        self.fd = master
        self.bytes_read = 0
        self.frames_started = 0
        self.frames_ended = 0
        self.sync_answered = False
        self._tail = b""  # the last bytes of the previous read: a marker may be split between reads

    # --- reading -------------------------------------------------------------------

    def read(self, timeout: float) -> tuple[float, bytes] | None:
        """The next chunk of output and the time it was read, or None after ``timeout`` seconds of nothing."""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not ready:
            return None
        try:
            data = os.read(self.fd, READ_SIZE)
        except OSError as error:  # EIO: the program closed its side
            raise Exited(f"{self.argv}: the terminal closed ({error})") from None
        now = time.perf_counter()
        if not data:
            raise Exited(f"{self.argv}: the terminal closed")
        self._scan(data)
        return now, data

    def _scan(self, data: bytes) -> None:
        window = self._tail + data
        if not self.sync_answered and SYNC_QUERY in window:
            os.write(self.fd, SYNC_REPLY)
            self.sync_answered = True
        # A marker wholly inside the tail was counted with the previous read: the tail is shorter than one.
        self.frames_started += window.count(SYNC_START)
        self.frames_ended += window.count(SYNC_END)
        self.bytes_read += len(data)
        self._tail = window[-(len(SYNC_END) - 1) :]

    @property
    def frame_open(self) -> bool:
        """An update has begun and not yet ended: more of it is on its way."""
        return self.frames_started > self.frames_ended

    def until_quiet(self, quiet: float, limit: float, at_least: int = 0) -> tuple[float | None, int, list[bytes]]:
        """Read until at least ``at_least`` bytes came and then nothing for ``quiet`` seconds
        (with no update left open), or until ``limit`` seconds passed.

        Returns the time of the last byte (None if nothing came), the bytes read and the chunks."""
        deadline = time.perf_counter() + limit
        last: float | None = None
        count, chunks = 0, list[bytes]()
        while True:
            now = time.perf_counter()
            if now >= deadline:
                return last, count, chunks
            waiting_for_more = last is None or count < at_least or self.frame_open
            chunk = self.read(deadline - now if waiting_for_more else quiet)
            if chunk is None:
                if not waiting_for_more:
                    return last, count, chunks
                continue
            last, data = chunk
            count += len(data)
            chunks.append(data)

    def first_screen(self, quiet: float = 0.3, limit: float = 60.0) -> float:
        """Wait for the first whole screen (at least one byte per cell, then quiet): its time."""
        columns, rows = self.size
        last, count, _ = self.until_quiet(quiet, limit, at_least=columns * rows)
        if last is None or count < columns * rows:
            raise RuntimeError(f"{self.argv}: no first screen within {limit:g} s ({count} bytes)")
        return last

    def read_for(self, seconds: float, until_bytes: int | None = None) -> None:
        """Read whatever comes for ``seconds`` (or until ``until_bytes`` were read in all)."""
        end = time.perf_counter() + seconds
        while (now := time.perf_counter()) < end:
            if until_bytes is not None and self.bytes_read >= until_bytes:
                return
            self.read(end - now)
        if until_bytes is not None and self.bytes_read < until_bytes:
            raise RuntimeError(f"{self.argv}: fewer than {until_bytes} bytes within {seconds:g} s")

    def drain(self, quiet: float, limit: float = 5.0) -> int:
        """Read until nothing comes for ``quiet`` seconds: the bytes read (an idle app writes none)."""
        deadline = time.perf_counter() + limit
        count = 0
        while (chunk := self.read(quiet)) is not None:
            count += len(chunk[1])
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{self.argv}: the output never goes quiet for {quiet * 1e3:g} ms")
        return count

    # --- writing, ending ----------------------------------------------------------

    def write(self, data: bytes) -> float:
        """Write keys to the program; the time right before the write."""
        start = time.perf_counter()
        os.write(self.fd, data)
        return start

    def close(self) -> None:
        """End the program and its children (its process group, by id), then close the terminal."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        os.close(self.fd)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def nntui_tree() -> Path:
    """The checkout whose ``nntui`` the end-to-end benchmarks run: this one, or $NNTUI_BENCH_TREE."""
    return Path(os.environ.get(TREE_VARIABLE) or ROOT).resolve()


def _tree(argv: list[str]) -> Path:
    return nntui_tree() if argv[1:3] == ["-m", "nntui"] else ROOT


def terminal_environment(extra: dict[str, str] | None = None, tree: Path = ROOT) -> dict[str, str]:
    """This environment as a 256-colour, true-colour xterm would give it, with ``tree`` first on the
    path (``python -m nntui`` and ``python -m benchmarks.…`` run that checkout's code); settings
    that change what Textual or nntui draw (NO_COLOR, TEXTUAL_*) are left out."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("TEXTUAL") and key not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")
    }
    env.update(TERM="xterm-256color", COLORTERM="truecolor", PYTHONUNBUFFERED="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tree), os.environ.get("PYTHONPATH")]))
    env.update(extra or {})
    return env


def python_module(module: str, *args: str) -> list[str]:
    """``python -m module args`` with this Python."""
    return [sys.executable, "-m", module, *args]


def tree_description() -> dict[str, str | None]:
    """Which nntui the programs ran: the checkout's folder and its commit (None outside git)."""
    tree = nntui_tree()
    try:
        commit = subprocess.run(
            ["git", "-C", str(tree), "describe", "--always", "--dirty"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = None
    return {"folder": str(tree), "commit": commit}


def visible_text(chunks: list[bytes]) -> str:
    """The characters of some output with the escape sequences taken out (lines run together)."""
    return CSI.sub(b"", b"".join(chunks)).decode("utf-8", errors="replace")
