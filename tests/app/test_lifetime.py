"""The app's process ends quietly: keys that reach Textual while it closes say nothing on stderr.

``nntui serve`` forwards an app's stderr to its own output, so a warning there
reaches the server's log (seen in CI: a session flooded with keys, then ended).
"""

from __future__ import annotations

import os
import select
import subprocess
import sys

import pytest

from nntui.app.lifetime import hung_up, pipe_closed

# A key handed to the event loop as it closes: the coroutine is made, never run.
LATE_KEY = """
import gc
from textual.app import App
from textual.events import Key
{quiet}
app = App()
coroutine = app._post_message(Key("a", "a"))
del coroutine
gc.collect()
"""


def _stderr_of(script: str, quiet: bool) -> str:
    """What ``script`` writes on stderr, with nntui's ``ignore_late_keys`` (quiet) or Textual alone."""
    setup = "from nntui.app.lifetime import ignore_late_keys\nignore_late_keys()" if quiet else ""
    done = subprocess.run(
        [sys.executable, "-c", script.format(quiet=setup)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


@pytest.mark.parametrize("quiet", [False, True], ids=["textual alone", "nntui"])
def test_a_key_that_arrives_while_the_app_closes_writes_nothing_to_stderr(quiet: bool) -> None:
    stderr = _stderr_of(LATE_KEY, quiet)
    if quiet:
        assert stderr == ""
    else:  # the warning this guards against, so the test can fail
        assert "was never awaited" in stderr


# A key whose task was made as the loop closed: the task is destroyed pending, and asyncio logs it.
LATE_KEY_TASK = """
import asyncio, gc
from textual.app import App
from textual.events import Key
{quiet}
app = App()
loop = asyncio.new_event_loop()
task = loop.create_task(app._post_message(Key("a", "a")))  # made, never run
other = loop.create_task(asyncio.sleep(1))  # any other task destroyed pending is still told
loop.close()
del task, other
gc.collect()
"""


@pytest.mark.parametrize("quiet", [False, True], ids=["textual alone", "nntui"])
def test_a_key_task_destroyed_as_the_app_closes_writes_nothing_to_stderr(quiet: bool) -> None:
    stderr = _stderr_of(LATE_KEY_TASK, quiet)
    reports = stderr.count("Task was destroyed but it is pending!")
    assert "sleep" in stderr  # the other task: asyncio still says so
    if quiet:
        assert reports == 1 and "_post_message" not in stderr
    else:  # what this guards against (seen in CI: a flooded session, then the server stopped)
        assert reports == 2 and "MessagePump._post_message" in stderr


# --- a terminal that hangs up ----------------------------------------------------------

# A Lifetime reading keys from a terminal (a pty on its standard input): it leaves as on SIGHUP
# when the terminal goes, even though no signal comes (a shell that ignores SIGHUP outlives it).
WATCHED = """
import asyncio, sys
from nntui.app.lifetime import Lifetime

async def main():
    left = asyncio.get_running_loop().create_future()
    lifetime = Lifetime(save=lambda: print("saved", flush=True), leave=left.set_result,
                        rescue=lambda: print("rescued", flush=True), grace=10)
    assert lifetime.install()
    print("ready", flush=True)
    status = await left
    lifetime.uninstall()
    sys.exit(status)

asyncio.run(main())
"""

needs_pty = pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminal (Windows): no terminal watch")


@needs_pty
def test_a_terminal_is_seen_to_hang_up_and_a_pipe_never_is() -> None:
    master, terminal = os.openpty()
    read_end, write_end = os.pipe()
    try:
        assert not hung_up(terminal)
        assert not hung_up(read_end)  # not a terminal at all: nothing to watch
        os.close(master)
        assert hung_up(terminal)
    finally:
        for fd in (terminal, read_end, write_end):
            os.close(fd)


@needs_pty
def test_the_terminal_hanging_up_without_a_signal_leaves_as_sighup_with_the_work_saved() -> None:
    master, terminal = os.openpty()
    process = subprocess.Popen([sys.executable, "-c", WATCHED], stdin=terminal, stdout=subprocess.PIPE, text=True)
    os.close(terminal)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        os.close(master)  # the terminal goes; no SIGHUP is sent
        assert process.wait(timeout=20) == 129  # at once on a quiet machine; the margin is for a loaded one
        assert process.stdout.read().split() == ["saved"]  # on the loop, not by the watchdog
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_standard_input_that_is_not_a_terminal_is_not_watched() -> None:
    probe = "from nntui.app.lifetime import terminal_fd; print(terminal_fd())"
    done = subprocess.run(
        [sys.executable, "-c", probe], stdin=subprocess.PIPE, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "None"


# --- the pipe from nntui serve's server (#22, fall 10) ------------------------------------------

# A served app (textual-serve's web driver reads its standard input): the server killed outright
# closes the pipe; the app leaves as on SIGHUP, and forgets its work instead of keeping it.
SERVED = WATCHED.replace(
    'rescue=lambda: print("rescued", flush=True), grace=10)',
    'rescue=lambda: print("rescued", flush=True), grace=10,\n'
    '                        forget=lambda: print("forgot", flush=True))',
)
needs_poll = pytest.mark.skipif(not hasattr(select, "poll"), reason="no poll() to watch a pipe with")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # this checkout's nntui


@needs_poll
def test_a_pipe_is_seen_to_close_once_its_writer_is_gone_even_with_keys_unread() -> None:
    read_end, write_end = os.pipe()
    try:
        assert not pipe_closed(read_end)
        os.write(write_end, b"keys")
        assert not pipe_closed(read_end)
        os.close(write_end)
        write_end = -1
        assert pipe_closed(read_end)
        assert os.read(read_end, 10) == b"keys"  # nothing was read by looking
    finally:
        for fd in (read_end, write_end):
            if fd >= 0:
                os.close(fd)


@needs_poll
def test_a_served_app_whose_server_goes_leaves_as_sighup_and_forgets_its_work() -> None:
    assert "forgot" in SERVED
    environment = {**os.environ, "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}
    process = subprocess.Popen(
        [sys.executable, "-c", SERVED],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None and process.stdin is not None
        assert process.stdout.readline().strip() == "ready"
        process.stdin.close()  # the server is gone
        assert process.wait(timeout=20) == 129  # at once on a quiet machine; the margin is for a loaded one
        assert process.stdout.read().split() == ["forgot"]  # not saved: nobody comes back to it
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@needs_poll
def test_without_the_web_driver_a_piped_standard_input_is_not_watched() -> None:
    environment = {name: value for name, value in os.environ.items() if name != "TEXTUAL_DRIVER"}
    probe = "from nntui.app.lifetime import served_pipe; print(served_pipe())"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        stdin=subprocess.PIPE,
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        cwd=ROOT,
    )
    assert done.stdout.strip() == "None"


# --- a signal while the loop is busy ------------------------------------------------------------

# A served app's driver (Textual's WebDriver) asks asyncio for SIGINT and SIGTERM, which points
# Python's signal wakeup at the loop's socket; then thousands of keys queued from the reader's
# thread while the loop is busy fill that socket. A signal then must still end the app quietly.
BUSY = """
import asyncio, os, signal, sys, threading
from nntui.app.lifetime import Lifetime

async def main():
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, lambda: None)
    left = loop.create_future()
    lifetime = Lifetime(save=lambda: None, leave=left.set_result, rescue=lambda: None, grace=10)
    assert lifetime.install()
    keys = threading.Thread(target=lambda: [loop.call_soon_threadsafe(int) for _ in range(100_000)])
    keys.start()
    keys.join()  # the loop waits meanwhile: busy, it reads nothing of its socket
    os.kill(os.getpid(), signal.SIGTERM)
    status = await left
    lifetime.uninstall()
    sys.exit(status)

asyncio.run(main())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="asyncio's signal handlers are POSIX's")
def test_a_signal_while_the_loop_is_busy_with_queued_keys_ends_the_app_without_a_word() -> None:
    done = subprocess.run([sys.executable, "-c", BUSY], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert (done.returncode, done.stdout, done.stderr) == (143, "", "")
