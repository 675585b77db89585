"""Training while the view plays: in a child process, else in a thread of this one.

In one process the screen thread and a training thread share Python's
global lock: training ran at about a quarter of ``nntui train``'s speed
while the view drew, and the view drew less often.  So the session's trainer is
handed to a child process (``nntui.document.training_process``), and a
worker thread here takes its reports, a chunk of steps at a time, under a
lock that :meth:`TrainingWorker.stop` takes too.  (The frames read the
weights without it: one drawn while a report is copied in is redrawn at the
next tick.)  Until
the child has started (a moment, at the first play), where it cannot run,
or with NNTUI_TRAINING_PROCESS=0, the worker thread trains in-process, in
chunks of about the same length under the same lock.

Either way, :meth:`TrainingWorker.stop` returns once no step is being
taken and the session holds the trainer again, as of the last step.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from nntui.core.training import DivergenceError
from nntui.document import training_process
from nntui.document.document import Document
from nntui.document.session import TrainingSession
from nntui.document.training_process import TrainingProcess, TrainingProcessError, next_chunk
from nntui.i18n import language

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

REPORT_WAIT = 0.05  # how long the thread waits for a report before looking at the flag again
STOP_PATIENCE = 5.0  # how long stop() waits for the thread, then again after ending a silent child

Ended = Callable[[str | None, bool], None]  # (a divergence's message, stopped by the stop rule)


class TrainingWorker:
    """Plays and pauses the training of one document's session."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.playing = False
        self._lock = threading.Lock()
        self._idle = threading.Event()  # clear while a thread trains: stop() waits for it to be set
        self._idle.set()
        self._process: TrainingProcess | None = None  # the child that trains, from the first play on
        self._process_failed = not training_process.enabled()

    @property
    def session(self) -> TrainingSession:
        return self.document.training

    @property
    def process(self) -> TrainingProcess | None:
        """The child process that trains, once a play started it (None: training in-process)."""
        return self._process

    def start(self, screen: Screen[object], ended: Ended) -> None:
        """Train until :meth:`stop`; ``ended`` is called on the screen's thread if training ends by itself."""
        process = self._training_process()
        self.playing = True
        screen.run_worker(lambda: self._run(process, screen.app, ended), thread=True, exclusive=True, group="training")

    def stop(self) -> None:
        """Stop after the chunk in progress, and wait until the session holds the trainer again."""
        if not self.playing and self._idle.is_set():
            return
        with self._lock:
            self.playing = False
        # The thread ends after the chunk in progress (and the child's last report).
        if not self._idle.wait(STOP_PATIENCE) and self._process is not None:
            self._process.close()  # a child that does not answer: its end ends the thread's wait
            self._process = None
            self._idle.wait(STOP_PATIENCE)

    def close(self) -> None:
        """The app is leaving: training stops, the child ends."""
        self.stop()
        if self._process is not None:
            self._process.close()
            self._process = None

    def _training_process(self) -> TrainingProcess | None:
        """The child that trains, started at the first play; None where it cannot run."""
        if self._process is not None and not self._process.alive:
            self._process.close()
            self._process = None
        if self._process is None and not self._process_failed:
            try:
                self._process = TrainingProcess(language())
            except TrainingProcessError:
                self._process_failed = True  # in-process from now on
        return self._process

    def _run(self, process: TrainingProcess | None, app: App[object], ended: Ended) -> None:
        with self._lock:
            if not self.playing:  # stopped before this thread began (or never to begin: stop() does not wait)
                return
            self._idle.clear()
        try:
            # Here until the child has started (a moment, at the first play), then there.
            problem, stopped = self._train_here(until_started=process)
            if process is not None and self.playing and problem is None and not stopped:
                try:
                    problem, stopped = self._train_elsewhere(process)
                except TrainingProcessError:
                    # The child is gone: the weights are those of its last report; go on here.
                    self._process_failed = True
                    problem, stopped = self._train_here()
        finally:
            self._idle.set()  # before telling the screen thread: it may be waiting in stop()
        if problem is not None or stopped:
            app.call_from_thread(ended, problem, stopped)

    def _train_elsewhere(self, process: TrainingProcess) -> tuple[str | None, bool]:
        """Hand the trainer to the child, take its reports until the run ends: (divergence, stopped)."""
        worker = get_current_worker()
        with self._lock:
            if not self.playing:
                return None, False
            state = self.session.hand_over()
        process.play(state)
        pausing = False
        while True:
            if not pausing and (not self.playing or worker.is_cancelled):
                process.pause()
                pausing = True
            report = process.receive(REPORT_WAIT)
            if report is None:
                continue
            with self._lock:
                self.session.take_report(report)
                if report.final:
                    self.playing = False
                    return report.diverged, report.stopped is not None

    def _train_here(self, until_started: TrainingProcess | None = None) -> tuple[str | None, bool]:
        """Train in this thread, a chunk at a time: (divergence, stopped by the stop rule).

        With ``until_started``, only until that child is ready to take over.
        """
        worker = get_current_worker()
        chunk = 1
        while self.playing and not worker.is_cancelled:
            if until_started is not None and self._started(until_started):
                return None, False
            start = time.perf_counter()
            problem = None
            with self._lock:
                if not self.playing:
                    return None, False
                try:
                    self.session.run(chunk)
                except DivergenceError as error:
                    self.playing = False
                    problem = str(error)
                stopped = self.session.stopped is not None  # by the stop rule
                if stopped:
                    self.playing = False
            if problem is not None or stopped:
                return problem, stopped
            elapsed = time.perf_counter() - start
            chunk = next_chunk(chunk, elapsed)
            time.sleep(0.001)  # let the screen thread in
        return None, False

    def _started(self, process: TrainingProcess) -> bool:
        if self._process_failed:
            return False
        try:
            return process.started()
        except TrainingProcessError:
            self._process_failed = True
            return False
