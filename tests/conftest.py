"""Settings every test shares."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Compile nntui's bytecode once, before any worker or nntui process starts.

    The suite starts hundreds of nntui processes (the command line, tmux, ``nntui serve``'s
    sessions, the processes that train). Where ``PYTHONDONTWRITEBYTECODE`` is set (as on the
    CI machine) or in a fresh clone, no ``__pycache__`` exists and none is ever written, so
    each of them compiled every module of nntui again: 0.2 s of CPU a process, a third of
    its start. Reading bytecode is still allowed there; compileall writes it (gitignored,
    and left out of the wheel). Up-to-date files are skipped, so this costs nothing twice.
    """
    if hasattr(config, "workerinput"):  # the controller did it before starting this worker
        return
    import compileall

    import nntui

    compileall.compile_dir(Path(nntui.__file__).parent, quiet=2)  # a folder not ours to write: no harm


def pytest_collection_finish(session: pytest.Session) -> None:
    """Collect garbage less often in a test process: Textual apps started one after another
    make garbage fast, and the collector was an eighth of a Pilot test's CPU.

    What is alive once collected (modules, the tests) is frozen, so no full collection walks
    it again; young objects are collected every 3,000 allocations instead of 700. Measured on
    187 Pilot tests in one process: 51.5 s of CPU → 44.0 s, at 680 MB at most instead of 380.
    The nntui processes the tests start keep Python's defaults.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(3_000, 10, 10)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Workers for ``-n auto`` (pyproject's default): two per core.

    Most of a Pilot test's time is spent waiting, not computing (Pilot sleeps until the app
    is idle after every key), so a second worker per core fills those waits: on 2 cores the
    quick tier took 561 s with 2 workers and 380 s with 4. ``PYTEST_XDIST_AUTO_NUM_WORKERS``
    (read by pytest-xdist before this hook) or ``-n N`` chooses another number.
    """
    return 2 * (os.cpu_count() or 1)


@pytest.hookimpl(trylast=True)  # after tests/app/conftest.py has marked the tiers
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist, deal the slow tests out so that each worker starts with its share.

    Work stealing hands each worker a contiguous slice of the collection at first. In
    collection order the slow tests (one to four minutes each: random walks, properties over
    every screen) came last, so the suite waited on them after everything else had finished.

    The end-to-end tests (four minutes in all) start the first worker's slice, instead of its
    share of the slow ones: one after the other on one worker as before (ten nntui processes
    training at once in one, deadlines of seconds in another: they seldom run side by side,
    only once other workers run out of tests and take some), but early. Last, they were the
    suite's tail: two tours of 20 s each, one after the other on one worker, while the others
    had finished. The slow ones among them too: dealt out, the wheel's tests built and
    installed the wheel once per worker.
    The order within the other tests, and every test's own work, stay as they were.
    """
    workers = getattr(config, "workerinput", {}).get("workercount")
    if not workers or workers < 2:
        return
    e2e = [item for item in items if item.get_closest_marker("e2e")]
    slow = [item for item in items if item.get_closest_marker("slow") and not item.get_closest_marker("e2e")]
    rest = e2e + [item for item in items if not item.get_closest_marker("slow") and not item.get_closest_marker("e2e")]
    dealers = list(range(1 if e2e else 0, workers))
    shares: list[list[pytest.Item]] = [[] for _ in range(workers)]
    for i, item in enumerate(slow):
        shares[dealers[i % len(dealers)]].append(item)
    dealt: list[pytest.Item] = []
    remaining = len(items)
    for worker in range(workers):  # the slices' sizes, as pytest-xdist's scheduler cuts them
        size = remaining // (workers - worker)
        remaining -= size
        share = shares[worker]
        taken = max(0, size - len(share))
        dealt += share + rest[:taken]
        del rest[:taken]
    dealt += rest
    items[:] = dealt


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch):
    """Tests read English unless they ask for French, whatever the machine's locale."""
    from nntui.i18n import set_language

    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # for the nntui processes tests start
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def private_state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recovery copies go to a fresh folder per test, never to the real home."""
    directory = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("NNTUI_STATE_DIR", str(directory))
    return directory


@pytest.fixture(scope="session")
def gone_pids() -> Callable[[int], list[int]]:
    """``gone_pids(n)``: the pids of ``n`` processes this test started and reaped.

    A test that needs a process known not to run (the writer of a recovery copy left by a
    crash) takes one of these, never a fixed number: any fixed pid may be alive on some
    machine (PID 111 was a kernel thread on one). They ran at the same time, so they differ,
    and the kernel hands a pid out again only after cycling through all the others.
    """

    def start_and_reap(count: int) -> list[int]:
        children = [subprocess.Popen([sys.executable, "-I", "-S", "-c", ""]) for _ in range(count)]
        for child in children:
            child.wait()
        return [child.pid for child in children]

    return start_and_reap
