"""Leaving on a signal: keep the unsaved work, then end, even when the terminal is gone.

A closed terminal (SIGHUP), ``kill`` (SIGTERM) or SIGINT must end nntui
within a few seconds with a recovery copy of any unsaved work, and the exit
status a shell expects (128 + the signal's number).  Textual's shutdown
writes to the terminal and can block for ever when nobody reads it any more
(its output queue is full); while it blocks, the event loop runs nothing,
so a handler that only schedules work on the loop would never run again.

So the handlers are plain ``signal.signal`` handlers, which Python runs in
the main thread even while it waits on a lock.  The first signal asks the
event loop to save the work and exit, and arms a watchdog thread: if the
process is still there after a grace period, the watchdog saves the work
itself (when the loop could not) and ends the process at once.

A closed terminal does not always send SIGHUP: a shell that ignores it
outlives its terminal and passes nothing on.  Textual then reads end-of-file
for ever, at half a CPU.  So a thread also watches the terminal, and a
terminal that has hung up counts as SIGHUP.

Under ``nntui serve`` the app has no terminal: it reads the browser's keys
from a pipe its server writes (textual-serve's web driver).  A server killed
outright (SIGKILL) cannot end its sessions, and Textual reads end-of-file
without leaving; so a thread watches that pipe too, and a pipe that has
closed counts as SIGHUP as well.  Such an app is *orphaned*: nobody will come
back to its work, so instead of a recovery copy it calls ``forget`` (the app
removes the state folder the server made for its session).

Per platform (nothing POSIX-only is imported where it is missing): the signals
handled are those the platform has, in ``HANDLED``.  On Windows Textual's own
driver reads ctrl+c from the console as a key (the playground's quit asks about
unsaved work), and there is no SIGHUP: SIGBREAK (Ctrl+Break; the C runtime
passes a closing console window on as SIGBREAK too) is handled instead, though
Windows ends the process as soon as that event has been passed on, so after a
closed console the recovery copy may not be written in time.  The terminal's
watch needs ``termios`` and the served pipe's watch ``select.poll``: neither
runs on Windows.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import select
import signal
import sys
import threading
import warnings
from collections.abc import Callable
from types import FrameType

try:
    import termios  # POSIX only: the terminal's watch
except ImportError:  # Windows
    termios = None  # type: ignore[assignment]  # why: no terminal to watch; hung_up() says so

from nntui.compat import LATE_KEY_TASK, LATE_KEY_WARNING

GRACE_SECONDS = 1.5  # for a tidy exit, before the watchdog ends the process
# The signals that end nntui, those the platform has: a hang-up (SIGHUP; SIGBREAK on Windows),
# ``kill`` (SIGTERM) and SIGINT.
HANDLED = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGBREAK", "SIGTERM", "SIGINT") if hasattr(signal, name))
# What a hang-up counts as (the terminal's or the server's pipe's): SIGHUP, or where there is none
# (Windows) its number on POSIX, for the same exit status, 129.
HANG_UP = getattr(signal, "SIGHUP", 1)
WATCH_SECONDS = 0.25  # how often the terminal is looked at
# Textual's input thread hands each key to the event loop as a coroutine. A key that
# comes while the loop closes is never run, and Python warns about it on stderr, which
# ``nntui serve`` forwards to its own output. Such a key has nothing left to do. The same
# key made into a task as the loop closes: asyncio logs the task, destroyed pending. Both
# name a private method of Textual: LATE_KEY_WARNING and LATE_KEY_TASK are in nntui.compat.


class _LateKeyTasks(logging.Filter):
    """Drops asyncio's report of a late key's task; every other report passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not all(part in message for part in LATE_KEY_TASK)


def ignore_late_keys() -> None:
    """Say nothing of keys that reach the app while it closes (see LATE_KEY_WARNING)."""
    warnings.filterwarnings("ignore", message=LATE_KEY_WARNING, category=RuntimeWarning)
    asyncio_log = logging.getLogger("asyncio")
    if not any(isinstance(f, _LateKeyTasks) for f in asyncio_log.filters):
        asyncio_log.addFilter(_LateKeyTasks())


def hung_up(fd: int) -> bool:
    """True once the terminal on ``fd`` has hung up: every request to it then fails with EIO.
    Always False without ``termios`` (Windows)."""
    if termios is None:
        return False
    try:
        termios.tcgetattr(fd)
    except termios.error as error:
        return bool(error.args) and error.args[0] == errno.EIO
    return False


def terminal_fd() -> int | None:
    """The terminal Textual reads keys from (its standard input), or None when it is not one."""
    stream = sys.__stdin__
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        return None
    return fd if fd >= 0 and os.isatty(fd) else None


def served_pipe() -> int | None:
    """The pipe from ``nntui serve``'s server that the app reads (its standard input, under
    textual-serve's web driver), or None: a terminal, or nowhere to watch it (no poll: Windows)."""
    if "TEXTUAL_DRIVER" not in os.environ or not hasattr(select, "poll"):
        return None
    stream = sys.__stdin__
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        return None
    return fd if fd >= 0 and not os.isatty(fd) else None


def pipe_closed(fd: int) -> bool:
    """True once nobody can write to the pipe (or socket) on ``fd`` any more: its writer is gone.
    Nothing is read: the keys waiting in it stay Textual's."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)  # the hang-up is reported whatever is asked
    return any(events & (select.POLLHUP | select.POLLERR) for _, events in poller.poll(0))


def exit_status(signum: int) -> int:
    """What a shell expects of a process ended by ``signum``: 129, 130, 143…"""
    return 128 + signum


def _quiet_wakeup() -> None:
    """A signal's byte to the loop's wakeup socket is dropped without a word when it is full.

    A served app's driver asks asyncio for SIGINT and SIGTERM, which points Python's signal
    wakeup at the loop's socket. Thousands of keys queued from the reader's thread while the
    loop is busy fill that socket; a signal then made Python write "Exception ignored when
    trying to write to the signal wakeup fd" to the terminal of ``nntui serve``. The handlers
    here need no byte: they hand the loop their work themselves.
    """
    fd = signal.set_wakeup_fd(-1)
    if fd != -1:
        signal.set_wakeup_fd(fd, warn_on_full_buffer=False)


class Lifetime:
    """Signal handlers and the watchdog of one running app.

    ``save`` keeps the unsaved work (a recovery copy) and ``leave`` asks the
    app to exit with a status; both run on the event loop when it answers.
    ``rescue`` keeps the work from the watchdog's thread, touching no widget,
    and runs only if the loop never saved it.  ``forget`` replaces both once
    the app is orphaned (its server gone), and runs again just before the
    watchdog ends the process.
    """

    def __init__(
        self,
        save: Callable[[], object],
        leave: Callable[[int], None],
        rescue: Callable[[], object],
        grace: float = GRACE_SECONDS,
        forget: Callable[[], object] | None = None,
    ) -> None:
        self._save = save
        self._leave = leave
        self._rescue = rescue
        self._forget = forget
        self._orphaned = False
        self._grace = grace
        self._saved = False
        self._saving = threading.Lock()  # the loop and the watchdog may both try
        self._status: int | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._previous: dict[int, object] = {}
        self._leaving = threading.RLock()  # a signal and the terminal's watch may come together
        self._watching = threading.Event()  # set: stop watching the terminal

    @property
    def status(self) -> int | None:
        """The exit status a signal asked for, or None."""
        return self._status

    @property
    def orphaned(self) -> bool:
        """Whether the app is leaving because the server it was served by has gone."""
        return self._orphaned

    def install(self) -> bool:
        """Catch the signals; False where that is impossible (not the main thread)."""
        if threading.current_thread() is not threading.main_thread():
            return False  # tests run the app in a worker thread's loop
        self._loop = asyncio.get_running_loop()
        for signum in HANDLED:
            self._previous[signum] = signal.signal(signum, self._caught)
        _quiet_wakeup()
        fd = terminal_fd() if termios is not None else None
        if fd is not None:
            threading.Thread(target=self._watch, args=(fd,), name="nntui-terminal-watch", daemon=True).start()
        elif (pipe := served_pipe()) is not None:
            threading.Thread(target=self._watch_pipe, args=(pipe,), name="nntui-pipe-watch", daemon=True).start()
        return True

    def _watch(self, fd: int) -> None:
        while not self._watching.wait(WATCH_SECONDS):
            if hung_up(fd):
                self._caught(HANG_UP, None)
                return

    def _watch_pipe(self, fd: int) -> None:
        while not self._watching.wait(WATCH_SECONDS):
            if pipe_closed(fd):
                self.orphan()
                return

    def orphan(self) -> None:
        """The server has gone: leave as on SIGHUP, forgetting the work instead of keeping it."""
        with self._leaving:
            if self._status is None:
                self._orphaned = True
        self._caught(HANG_UP, None)

    def uninstall(self) -> None:
        self._watching.set()
        for signum, previous in self._previous.items():
            # arg-type: kept as objects, they are the handlers signal.signal gave back on install.
            signal.signal(signum, previous)  # type: ignore[arg-type]
        self._previous.clear()

    def _caught(self, signum: int, frame: FrameType | None) -> None:
        with self._leaving:
            if self._status is not None:
                return  # already leaving; the watchdog is armed
            self._status = exit_status(signum)
        threading.Thread(target=self._watchdog, name="nntui-watchdog", daemon=True).start()
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._tidy_exit)

    def _save_once(self, save: Callable[[], object]) -> None:
        with self._saving:
            if self._saved:
                return
            self._saved = True
            try:
                (self._forget if self._orphaned and self._forget is not None else save)()
            except Exception:  # noqa: BLE001 — leaving must not fail; the work was already at risk
                pass

    def _tidy_exit(self) -> None:
        self._save_once(self._save)
        assert self._status is not None
        self._leave(self._status)

    def _watchdog(self) -> None:
        threading.Event().wait(self._grace)
        self._save_once(self._rescue)  # only if the loop never got to it
        if self._orphaned and self._forget is not None:
            try:
                self._forget()  # again: a recovery copy may have been written since
            except Exception:  # noqa: BLE001 — leaving must not fail
                pass
        os._exit(self._status or 1)
