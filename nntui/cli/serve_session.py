"""One browser session of ``nntui serve``: its app, in a process group of its own and
with a state folder of its own, and how the session ends.

textual-serve starts each session's app through its ``AppService``.
:class:`SessionService` starts it the same way, with three differences:

* in a new session (``start_new_session``): the app, and anything it starts, is
  one process group, ended as one, and a Ctrl-C on the server's terminal does
  not reach it behind the server's back;
* through ``exec``: no ``sh -c`` stays between the server and the app;
* with ``NNTUI_STATE_DIR`` set to the session's own folder, so one visitor's
  recovery copy is never offered to another. The folder goes with the session
  (the app removes it itself if the server is killed outright: see
  ``nntui.app.lifetime``).

One visitor cannot take the machine: the terminal size the browser asks for,
at the start (the websocket's ``width`` and ``height``) and at every resize, is
clamped to ``MOST_COLUMNS`` × ``MOST_ROWS`` (a 30000 × 30000 terminal took a
core and gigabytes), and the app runs under a memory limit, RLIMIT_DATA of
``memory_limit()`` bytes, set by the shell that starts it (``ulimit -d``, before
``exec``: no ``preexec_fn``, unsafe in a server with threads). RLIMIT_DATA rather
than RLIMIT_AS: what counts is what the app writes to, not what it maps (Python
and numpy map far more than they use). The limit is inherited by the app's
training process. An app that reaches it gets a MemoryError and its session ends.

What the browser sends is written to the app without waiting for it to read
(textual-serve waits): the session keeps up with its websocket, and sees it
close, even when the app is thousands of keys behind. Input that comes while the
app has ``MOST_UNREAD`` bytes still to read is dropped.

:meth:`Session.end` ends it, once, however many ask (the browser leaving, the
server stopping): the app is asked to quit, as textual-serve asks it when its
page closes; if it is still there ``QUIT_GRACE`` seconds later (busy with
thousands of queued keys, say), its group gets SIGTERM (the app leaves tidily),
then SIGKILL. Everything is over within ``ENDS_WITHIN`` seconds.

On Windows, which has neither process groups, signals to them, ``ulimit`` nor
``exec``: the app starts in a new process group (``CREATE_NEW_PROCESS_GROUP``:
the server's ctrl+c does not reach it) under ``cmd /c``, with no memory limit;
what is still there after ``QUIT_GRACE`` is ended, the app and everything it
started, by ``taskkill /T /F`` (no tidy step: a console program has no SIGTERM).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, Literal

from aiohttp import web
from textual_serve.app_service import AppService

from nntui.compat import app_environment, starts_app_with
from nntui.document.recovery import SERVE_FOLDER_VARIABLE

WINDOWS = sys.platform == "win32"

QUIT_GRACE = 1.0  # seconds for the app to leave when asked
TERM_GRACE = 1.0  # seconds for its group to leave after SIGTERM
KILL_GRACE = 1.0  # seconds for the kernel to clear the group after SIGKILL
CLOSE_WAIT = 0.5  # seconds for the browser to answer the websocket's closing, and for the last output
MOST_UNREAD = 256 * 1024  # bytes the app has still to read, beyond which the browser's input is dropped
MOST_COLUMNS, MOST_ROWS = 500, 200  # the largest terminal a visitor gets (a 4K screen in a small font)
DEFAULT_SIZE = (80, 24)  # for a size that is no number (textual-serve's own default)
MIB = 2**20
# A served playground writes to about 200 MB (100 to 300 MB measured, 500 x 200 and training);
# numpy's OpenBLAS starts a thread per core at import, each with about 41 MB of its own.
MEMORY_BASE = 1024 * MIB
MEMORY_PER_CPU = 64 * MIB
ENDS_WITHIN = QUIT_GRACE + TERM_GRACE + KILL_GRACE + 2 * CLOSE_WAIT


def _cells(value: object, most: int, default: int) -> int:
    """A number of cells from what the browser sent (any JSON), between 1 and ``most``."""
    try:
        # call-overload: any JSON value; what int() refuses is caught below.
        number: int = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):  # None, "tall", inf, nan
        return default
    return max(1, min(most, number))


def clamped_size(width: object, height: object) -> tuple[int, int]:
    """The terminal size a visitor gets for the one asked: at most MOST_COLUMNS x MOST_ROWS."""
    return _cells(width, MOST_COLUMNS, DEFAULT_SIZE[0]), _cells(height, MOST_ROWS, DEFAULT_SIZE[1])


def memory_limit(cpus: int | None = None) -> int:
    """The bytes each playground may write to (RLIMIT_DATA), on a machine with ``cpus`` cores."""
    return MEMORY_BASE + MEMORY_PER_CPU * (cpus if cpus is not None else os.cpu_count() or 1)


def limited(command: str, memory: int) -> str:
    """The shell line that runs ``command`` in place of the shell, under the memory limit. A
    shell that cannot set it (or a lower hard limit) leaves the limit as it was. On Windows
    (``cmd``: no ``ulimit``, no ``exec``) the command as it is, without a limit."""
    if WINDOWS:
        return command
    return f"ulimit -d {memory // 1024} 2>/dev/null; exec {command}"


def _new_group() -> dict[str, Any]:
    """How the app starts apart from the server: a new session (POSIX), a new process group
    (Windows); either way the server's ctrl+c does not reach it, and it ends as one."""
    if WINDOWS:
        return {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    return {"start_new_session": True}


async def _open_session_app(service: SessionService, width: int, height: int) -> asyncio.subprocess.Process:
    """The session's app, started as textual-serve starts it, plus the new session, `exec`, the
    state folder and the limits (textual-serve has no public way: see nntui.compat)."""
    width, height = clamped_size(width, height)
    environment = app_environment(service, width, height)
    environment["NNTUI_STATE_DIR"] = str(service.state_dir)
    # The app takes its folder with it if this server is killed outright (it cannot, then).
    environment[SERVE_FOLDER_VARIABLE] = str(service.state_dir.parent)
    service.process = await asyncio.create_subprocess_shell(
        limited(service.command, memory_limit()),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=environment,
        **_new_group(),
    )
    return service.process


@starts_app_with(_open_session_app)
class SessionService(AppService):
    """textual-serve's app service for one session: see the module's notes."""

    def __init__(self, command: str, state_dir: Path, **options: Any) -> None:
        super().__init__(command, **options)
        self.state_dir = state_dir
        self.process: asyncio.subprocess.Process | None = None
        self.passing = True  # the browser's keys and sizes reach the app until the session ends

    async def set_terminal_size(self, width: int, height: int) -> None:
        await super().set_terminal_size(*clamped_size(width, height))  # a resize from the browser

    # What the browser sends (keys, sizes, focus) is written to the app without waiting
    # for it to read: the session keeps up with its websocket, and sees it close, however
    # far behind the app is. While the app has MOST_UNREAD bytes still to read, more is dropped.

    async def send_bytes(self, data: bytes) -> bool:
        return self._write(b"D", data)

    async def send_meta(self, data: dict[str, str | int | bool | None]) -> bool:
        return self._write(b"M", json.dumps(data).encode("utf-8"))

    def _write(self, kind: Literal[b"D", b"M"], payload: bytes) -> bool:
        pipe = self.stdin.transport
        if not self.passing or pipe.is_closing() or pipe.get_write_buffer_size() > MOST_UNREAD:
            return False
        try:
            self.stdin.write(self.encode_packet(kind, payload))
        except RuntimeError:
            return False
        return True

    def ask_to_quit(self) -> None:
        """Ask the app to quit, as textual-serve does when its page closes, without waiting
        for it to read; from now on nothing else is passed on (keys the browser sent in a
        burst stay unsent)."""
        if self.passing and self.process is not None and self.process.returncode is None:
            with suppress(Exception):  # the app has just gone: nothing to ask
                self.stdin.write(self.encode_packet(b"M", b'{"type": "quit"}'))
        self.passing = False


class Session:
    """One browser tab's playground: its websocket, its app and its state folder."""

    def __init__(
        self,
        command: str,
        folder: Path,
        websocket: web.WebSocketResponse,
        on_end: Callable[[Session], None],
        **options: Any,
    ) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="session-", dir=folder))
        self.websocket = websocket
        self.service = SessionService(
            command,
            self.folder,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            **options,
        )
        self._on_end = on_end
        self._starting: asyncio.Future[None] | None = None
        self._ending: asyncio.Future[None] | None = None

    async def start(self, width: int, height: int) -> None:
        self._starting = asyncio.ensure_future(self.service.start(width, height))
        await self._starting

    def end(self) -> asyncio.Future[None]:
        """End the session; done when its app's whole process group has gone."""
        if self._ending is None:
            self._ending = asyncio.ensure_future(self._end())
        return asyncio.shield(self._ending)

    def kill_now(self) -> None:
        """The last resort, when the server leaves: SIGKILL to the app's group, now."""
        if self.service.process is not None:
            _stop_group(self.service.process.pid, last_resort=True)

    async def _end(self) -> None:
        try:
            if self._starting is not None:
                await asyncio.wait([self._starting])  # a session ended while its app starts
            process = self.service.process
            gone = True
            if process is not None:
                self.service.ask_to_quit()
                gone = await _group_gone(process, QUIT_GRACE)
                for last_resort, grace in ((False, TERM_GRACE), (True, KILL_GRACE)):
                    if gone:
                        break
                    _stop_group(process.pid, last_resort)
                    gone = await _group_gone(process, grace)
            with suppress(Exception):
                await self.websocket.close()  # at most CLOSE_WAIT: the websocket's own timeout
            with suppress(Exception):  # textual-serve's own ending: downloads, the app's last output
                await asyncio.wait_for(self.service.stop(), CLOSE_WAIT)
            if gone:
                shutil.rmtree(self.folder, ignore_errors=True)
            # else (a group that outlived SIGKILL) the folder goes with the server's
        finally:
            self._on_end(self)


async def _group_gone(process: asyncio.subprocess.Process, timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for the app (the group's leader) and its whole group to go."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    with suppress(asyncio.TimeoutError):
        await asyncio.wait_for(process.wait(), timeout)
    while process.returncode is None or _group_alive(process.pid):
        if loop.time() >= deadline:
            return False
        await asyncio.sleep(0.02)
    return True


def _group_alive(group: int) -> bool:
    if WINDOWS:  # no group to ask about: taskkill /T ends the whole tree with its leader
        return False
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - a member changed user: still there
        return True
    return True


def _stop_group(group: int, last_resort: bool) -> None:
    """SIGTERM (SIGKILL as the ``last_resort``) to the group; on Windows, ``taskkill /T /F``
    to the tree either way."""
    if WINDOWS:
        with suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                ["taskkill", "/T", "/F", "/PID", str(group)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=KILL_GRACE,
                check=False,
            )
        return
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal.SIGKILL if last_resort else signal.SIGTERM)
