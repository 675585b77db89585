"""Training in a child process: the same steps as in-process, and a child that never outlives its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from nntui.core.fileformat import dumps_network
from nntui.core.training import TrainingConfig
from nntui.document.processes import alive
from nntui.document.session import TrainingSession, TrainingSettings
from nntui.document.training_process import Report, TrainingProcess, enabled, watch_parent
from tests.factory import random_network


def _session(stop_after: int = 0) -> TrainingSession:
    network = random_network([2, 6, 1], activation="tanh", output_activation="sigmoid", seed=3)
    config = TrainingConfig(optimizer="adam", batch_size=10, learning_rate=0.03)
    return TrainingSession(network, TrainingSettings(dataset="spiral", config=config, stop_after=stop_after))


def _play(session: TrainingSession, process: TrainingProcess, at_least: int) -> Report:
    """Play until ``at_least`` steps were reported, then pause: the final report."""
    process.play(session.hand_over())
    deadline = time.monotonic() + 30
    paused = False
    while True:
        assert time.monotonic() < deadline, "no final report"
        report = process.receive(0.1)
        if report is None:
            continue
        session.take_report(report)
        if report.final:
            return report
        if session.steps >= at_least and not paused:
            process.pause()
            paused = True


def _child_gone(pid: int, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        if hasattr(os, "WNOHANG"):  # POSIX: our own child lingers as a zombie until reaped
            try:
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    return True
            except ChildProcessError:
                pass
        time.sleep(0.05)
    return False


def test_steps_in_the_child_are_those_taken_here_bit_for_bit() -> None:
    elsewhere, here = _session(), _session()
    here.run(4)
    elsewhere.run(4)  # a trainer made here first, with state, then handed over
    process = TrainingProcess()
    try:
        for at_least in (50, 120):  # two plays: the trainer goes there and back twice
            _play(elsewhere, process, at_least)
            here.run(elsewhere.steps - here.steps)
            assert dumps_network(elsewhere.network) == dumps_network(here.network)
        elsewhere.run(3)  # the trainer that came back goes on here
        here.run(3)
        assert dumps_network(elsewhere.network) == dumps_network(here.network)
        assert elsewhere.steps_per_second > 0
        assert (elsewhere.samples, elsewhere.epoch) == (here.samples, here.epoch)  # the child's count too
        assert here.epoch == -(-here.steps * 10 // len(here.dataset.x_train))  # batches of 10: no short one yet
    finally:
        process.close()


def test_the_stop_rule_stops_the_child_where_it_stops_here() -> None:
    elsewhere, here = _session(stop_after=20), _session(stop_after=20)
    process = TrainingProcess()
    try:
        report = _play(elsewhere, process, at_least=10**9)  # never paused: only the rule ends it
    finally:
        process.close()
    assert report.stopped is not None and elsewhere.stopped is not None
    while here.stopped is None:
        here.run(1000)
    assert (elsewhere.stopped.step, elsewhere.stopped.best_step) == (here.stopped.step, here.stopped.best_step)
    assert elsewhere.steps == here.steps
    assert dumps_network(elsewhere.network) == dumps_network(here.network)


def test_closing_ends_the_child() -> None:
    process = TrainingProcess()
    pid = process._child.pid
    process.play(_session().hand_over())
    process.close()
    assert _child_gone(pid)
    assert not process.alive


PARENT = textwrap.dedent("""
    import sys, time
    from nntui.document.session import TrainingSession, TrainingSettings
    from nntui.document.training_process import TrainingProcess
    from tests.factory import random_network
    session = TrainingSession(random_network([2, 8, 1], seed=0), TrainingSettings(dataset="spiral"))
    process = TrainingProcess()
    process.play(session.hand_over())
    print(process._child.pid, flush=True)
    while True:  # taking reports, as the playground's worker does, until killed
        report = process.receive(0.1)
        if report is not None:
            session.take_report(report)
""")


@pytest.mark.slow
@pytest.mark.parametrize("how", ["kill", "terminate"])  # SIGKILL, SIGTERM (on Windows, both TerminateProcess)
def test_the_child_ends_when_its_parent_is_killed(how: str) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT],
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
    )
    try:
        line = parent.stdout.readline() if parent.stdout else ""
        child = int(line)
        time.sleep(0.5)  # training, reporting
        assert alive(child)  # alive while its parent is
        getattr(parent, how)()
        parent.wait(timeout=10)
        assert _child_gone(child), "the child outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


def _gone(pid: int) -> bool:
    """Whether ``pid`` (not our child) has ended: no such process, or a zombie nobody reaped yet."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as file:
            return file.read().rpartition(")")[2].split()[0] in {"Z", "X"}
    except FileNotFoundError:
        return True


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's; elsewhere the watch is best effort")
def test_a_stopped_child_dies_with_its_parent_however_it_dies() -> None:
    # A stopped child reads no EOF and runs no thread: only the kernel can end it (#22, fall 6).
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT],
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
    )
    child = 0
    try:
        child = int(parent.stdout.readline() if parent.stdout else "")
        assert not _gone(child)
        os.kill(child, signal.SIGSTOP)
        parent.kill()
        parent.wait(timeout=10)
        deadline = time.monotonic() + 5
        while not _gone(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(child), "the stopped child outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if child and not _gone(child):
            os.kill(child, signal.SIGKILL)


@pytest.mark.parametrize("training", [False, True], ids=["idle", "training"])
def test_the_child_ends_when_its_orders_pipe_closes(training: bool) -> None:
    process = TrainingProcess()
    pid = process._child.pid
    try:
        if training:
            process.play(_session().hand_over())
            assert process.receive(10) is not None
        else:
            process._ensure_ready()
        process._orders.close()  # what the kernel does to the pipe when the parent ends
        assert _child_gone(pid), "the child did not leave at the end of its orders"
    finally:
        process.close()


def test_the_watch_calls_out_once_the_parent_is_gone() -> None:
    gone = threading.Event()
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    # A process that has ended (and is not our parent): seen from here, "the parent" has gone.
    watch_parent(ended.pid, on_gone=gone.set, every=0.01)
    assert gone.wait(5)
    still = threading.Event()
    watch_parent(os.getppid(), on_gone=still.set, every=0.01)
    assert not still.wait(0.2)  # twenty looks: the real parent is still there


@pytest.mark.skipif(
    sys.platform == "win32",
    reason="os.kill(pid, SIGINT) ends a process on Windows; there the child has no console for a ctrl+c to reach",
)
def test_the_child_ignores_the_terminals_ctrl_c() -> None:
    # ctrl+c goes to the whole foreground group: the playground decides, the child trains on.
    process = TrainingProcess()
    try:
        session = _session()
        process.play(session.hand_over())
        assert process.receive(10) is not None
        os.kill(process._child.pid, signal.SIGINT)
        time.sleep(0.2)
        assert process.alive
        assert process.receive(10) is not None
    finally:
        process.close()


def test_the_environment_can_keep_training_in_process() -> None:
    assert enabled({})
    assert enabled({"NNTUI_TRAINING_PROCESS": "1"})
    assert not enabled({"NNTUI_TRAINING_PROCESS": "0"})
    assert not enabled({"NNTUI_TRAINING_PROCESS": "off"})
