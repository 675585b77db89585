"""Training in a child process, so the playground's screen and its training use two cores.

In one process the screen thread and the training thread share Python's
global lock: while the training view draws, training slows to a third of
``nntui train``'s speed, and while training runs the screen draws half as
often.  The child trains the session's own trainer, handed over pickled
(weights, optimiser state, random state, stop rule: bit for bit the same
steps as in-process), and reports after each chunk of steps with the new
weights; asked to pause, or when the stop rule or a divergence ends the run,
it sends the trainer back.

The orders and the reports go through the child's standard input and output
(``nntui.document.pipes``): pipes that ``subprocess`` makes the same way on
every platform, Windows included.

The child never outlives the playground, however the playground ends (even
SIGKILL), in three ways: it reads its orders from a pipe and leaves as soon
as the pipe closes, which the system does when the parent ends; a thread
watches the parent and ends the child once it is gone (for a pipe some other
process holds open); and on Linux the kernel kills it with its parent
(``PR_SET_PDEATHSIG``), which alone ends a child that was stopped (SIGSTOP,
ctrl+z in a debugger), since a stopped process reads nothing and runs no
thread.  It ignores the terminal's signals (ctrl+c, a hang-up, Ctrl+Break):
the playground decides, and saves first.  On Windows it has no console of its
own (``CREATE_NO_WINDOW``), so the console's ctrl+c never reaches it either.

Run by :class:`TrainingProcess` (``python -c CHILD_MAIN NNTUI_ROOT LANG PARENT_PID``); never by hand.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nntui.core.training import DivergenceError, Trainer
from nntui.core.training.stopping import StoppedEarly, StopRule
from nntui.document.pipes import Inbox, Outbox
from nntui.document.processes import WINDOWS, alive

DISABLE_VARIABLE = "NNTUI_TRAINING_PROCESS"  # "0": train in a thread of the playground's own process
CHUNK_SECONDS = 1 / 50  # how long a chunk of steps takes: between two reports, two looks at the orders
# The child's program; not ``-m``, which would make the reports' class __main__.Report. It runs
# the very nntui this process runs (the folder that holds it comes first, unless already on the
# path), whatever the folder it starts in and whatever else is installed.
CHILD_MAIN = (
    "import sys; root = sys.argv.pop(1); root in sys.path or sys.path.insert(0, root); "
    "from nntui.document.training_process import main; raise SystemExit(main(sys.argv[1:]))"
)
NNTUI_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
START_SECONDS = 10.0  # how long the child may take to import and answer before it counts as failed
PARENT_WATCH_SECONDS = 0.5  # how often the child looks whether its parent is still there
PR_SET_PDEATHSIG = 1  # Linux's prctl option: a signal for this process when its parent ends
NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows: no console of its own (0 elsewhere)

Weights = list[tuple[np.ndarray, np.ndarray]]


class TrainingProcessError(Exception):
    """The child could not start, or ended unexpectedly: training goes on in-process."""


@dataclass(frozen=True)
class Report:
    """Steps taken in the child since its last report, and the weights after them."""

    taken: int
    seconds: float  # how long those steps took
    weights: Weights
    state: bytes | None = None  # the trainer and stop rule, pickled: the run ended and they come back
    stopped: tuple[int, int, float, int] | None = None  # StoppedEarly's fields, in the trainer's steps
    diverged: str | None = None  # the DivergenceError's message (the weights are the last finite ones)
    samples: int = 0  # samples the steps' batches took (for the epoch count)

    @property
    def final(self) -> bool:
        return self.state is not None


def enabled(environ: dict[str, str] | None = None) -> bool:
    """Whether the playground trains in a child process (the default), from the environment."""
    environ = dict(os.environ) if environ is None else environ
    return environ.get(DISABLE_VARIABLE, "1").strip() not in {"0", "no", "false", "off"}


class TrainingProcess:
    """The parent's side: one child, reused from one play to the next."""

    def __init__(self, language: str = "en") -> None:
        """Start the child (TrainingProcessError if it cannot be started)."""
        try:
            self._child = subprocess.Popen(
                [sys.executable, "-c", CHILD_MAIN, NNTUI_ROOT, language, str(os.getpid())],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                creationflags=NO_WINDOW,
            )
        except (OSError, ValueError) as problem:  # no Python to run
            raise TrainingProcessError(str(problem)) from problem
        assert self._child.stdin is not None and self._child.stdout is not None
        # This side's ends of the pipes are never inherited (PEP 446): only this process can
        # write orders, so the child reads the end of them when this process ends.
        self._orders = Outbox(self._child.stdin)
        self._reports = Inbox(self._child.stdout, name="nntui-training-reports")
        self._ready = False

    @property
    def alive(self) -> bool:
        return self._child.poll() is None and not self._orders.closed

    def started(self) -> bool:
        """Whether the child is ready to train (it takes a moment to start); TrainingProcessError
        if it ended, or said something else, before it was."""
        if self._ready:
            return True
        try:
            if self._reports.poll(0):
                if self._reports.recv() != "ready":
                    raise TrainingProcessError("the training process did not start")
                self._ready = True
                return True
        except (EOFError, OSError) as problem:
            raise TrainingProcessError("the training process did not start") from problem
        if self._child.poll() is not None:
            raise TrainingProcessError("the training process did not start")
        return False

    def play(self, state: bytes) -> None:
        """Train the pickled (trainer, stop rule) until told to pause or the run ends."""
        self._ensure_ready()
        self._send(("play", state))

    def pause(self) -> None:
        """End the run after the chunk in progress; its final report brings the trainer back."""
        self._send(("pause",))

    def receive(self, timeout: float) -> Report | None:
        """The next report, or None when none came within ``timeout`` seconds."""
        try:
            if not self._reports.poll(timeout):
                return None
            report = self._reports.recv()
        except (EOFError, OSError) as problem:
            raise TrainingProcessError("the training process ended") from problem
        if not isinstance(report, Report):
            raise TrainingProcessError("the training process sent something else than a report")
        return report

    def close(self) -> None:
        """End the child now (it holds nothing to keep: the trainer came back at the last pause)."""
        self._orders.close()
        if self._child.poll() is None:
            self._child.terminate()  # it would leave at the closed pipe too, after the import it may be in
        try:
            self._child.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self._child.kill()
            self._child.wait()
        self._reports.close()

    def _ensure_ready(self) -> None:
        """Wait for the child's greeting, so a child that cannot run says so."""
        deadline = time.monotonic() + START_SECONDS
        while not self.started():
            if time.monotonic() > deadline:
                self.close()
                raise TrainingProcessError("the training process did not start")
            self._reports.poll(0.05)

    def _send(self, order: tuple[object, ...]) -> None:
        try:
            self._orders.send(order)
        except (OSError, ValueError) as problem:  # a closed pipe, a closed connection
            raise TrainingProcessError("the training process ended") from problem


def next_chunk(chunk: int, seconds: float) -> int:
    """The next chunk's steps, after ``chunk`` steps took ``seconds``: about CHUNK_SECONDS' worth,
    at most twice as many (one quick chunk must not make the next a long one). Here and in the
    in-process worker."""
    return max(1, min(chunk * 2, int(chunk * CHUNK_SECONDS / max(seconds, 1e-6))))


# --- the child -----------------------------------------------------------------------------


def _weights(trainer: Trainer) -> Weights:
    return [(layer.weights, layer.bias) for layer in trainer.network.layers]


def _play(trainer: Trainer, rule: StopRule | None, orders: Inbox, reports: Outbox) -> None:
    """Chunks of steps, each reported, until a pause order, the stop rule or a divergence."""
    chunk = 1
    while True:
        if orders.poll():
            order = orders.recv()  # EOFError when the parent is gone: the child ends
            if order[0] == "pause":  # type: ignore[index]  # why: the parent sends tuples only
                reports.send(Report(0, 0.0, _weights(trainer), pickle.dumps((trainer, rule))))
                return
        before, used, start = trainer.steps_done, trainer.samples_used, time.perf_counter()
        stopped: tuple[int, int, float, int] | None = None
        diverged: str | None = None
        try:
            (rule or trainer).run(chunk)
        except StoppedEarly as stop:
            stopped = (stop.step, stop.best_step, stop.best_loss, stop.patience)
        except DivergenceError as problem:
            diverged = str(problem)
        elapsed = time.perf_counter() - start
        taken, samples = trainer.steps_done - before, trainer.samples_used - used
        if stopped is not None or diverged is not None:
            state = pickle.dumps((trainer, rule))
            reports.send(Report(taken, elapsed, _weights(trainer), state, stopped, diverged, samples=samples))
            return
        reports.send(Report(taken, elapsed, _weights(trainer), samples=samples))
        chunk = next_chunk(chunk, elapsed)


def watch_parent(
    parent: int, on_gone: Callable[[], None] | None = None, every: float = PARENT_WATCH_SECONDS
) -> threading.Thread:
    """A daemon thread that calls ``on_gone`` (by default: ends this process at once) when this
    process's parent is no longer ``parent`` (see :func:`parent_is`)."""

    def watch() -> None:
        while parent_is(parent):
            time.sleep(every)
        (on_gone or _leave_now)()

    thread = threading.Thread(target=watch, name="nntui-parent-watch", daemon=True)
    thread.start()
    return thread


def parent_is(parent: int) -> bool:
    """Whether ``parent`` is still this process's parent. On POSIX: an ended parent's children
    are handed to another. On Windows nobody is (and a virtual environment's python.exe starts
    the interpreter as a child of its own, so the parent id is not the playground's): whether
    the process ``parent`` still runs."""
    return alive(parent) if WINDOWS else os.getppid() == parent


def _leave_now() -> None:
    os._exit(0)  # nothing to keep: the trainer is the parent's, and the parent is gone


def die_with_parent(parent: int) -> None:
    """Never outlive ``parent``: the kernel's SIGKILL on Linux (which ends even a stopped child),
    and the watch everywhere."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            # The signal comes when the *thread* that started this child ends: the playground
            # starts it from its main thread, which lives as long as the playground.
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no libc to ask: the watch and the pipe remain
            pass
    if not parent_is(parent):  # gone before the above was in place: nobody would signal it
        _leave_now()
    watch_parent(parent)


def _serve(orders: Inbox, reports: Outbox) -> None:
    reports.send("ready")
    while True:
        order = orders.recv()  # EOFError when the parent is gone
        if order[0] == "play":  # type: ignore[index]  # why: the parent sends tuples only
            trainer, rule = pickle.loads(order[1])  # type: ignore[index]  # why: as on the line above
            _play(trainer, rule, orders, reports)


def main(argv: list[str]) -> int:
    # The terminal's (those the platform has): the playground decides.
    for name in ("SIGINT", "SIGHUP", "SIGTSTP", "SIGQUIT", "SIGBREAK"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    die_with_parent(int(argv[1]))
    # The reports' pipe is standard output: a copy of it for them, and nothing else may write
    # there (a stray print would break a message), so standard output goes nowhere from now on.
    reports = Outbox(os.fdopen(os.dup(1), "wb"))
    nowhere = os.open(os.devnull, os.O_WRONLY)
    os.dup2(nowhere, 1)
    os.close(nowhere)
    orders = Inbox(sys.stdin.buffer, name="nntui-training-orders")
    from nntui.i18n import set_language

    set_language(argv[0])
    try:
        _serve(orders, reports)
    except (EOFError, BrokenPipeError, OSError):
        pass  # the parent is gone
    return 0
