"""``nntui serve`` bounds what one visitor can take: the terminal size a browser asks for,
and each playground's memory (#22, fall 11). The real server is in tests/e2e/test_serve_limits.py."""

from __future__ import annotations

import os
import subprocess

import pytest

pytest.importorskip("textual_serve")

from nntui.cli import serve_session
from nntui.cli.serve_session import (
    MEMORY_BASE,
    MEMORY_PER_CPU,
    MOST_COLUMNS,
    MOST_ROWS,
    _group_alive,
    _new_group,
    _stop_group,
    clamped_size,
    limited,
    memory_limit,
)


@pytest.mark.parametrize(
    ("asked", "given"),
    [
        ((80, 24), (80, 24)),
        ((30000, 30000), (MOST_COLUMNS, MOST_ROWS)),  # 98% of a core and growing gigabytes, unclamped
        ((1, 100000), (1, MOST_ROWS)),  # half a gigabyte, unclamped
        ((0, -5), (1, 1)),
        ((10**100, 2**64), (MOST_COLUMNS, MOST_ROWS)),
        (("120", "40"), (120, 40)),  # a resize message's numbers are whatever JSON the browser sent
        ((120.7, 40.2), (120, 40)),
        ((None, "tall"), (80, 24)),
        ((float("inf"), float("nan")), (80, 24)),
    ],
)
def test_a_visitors_terminal_size_is_clamped(asked: tuple[object, object], given: tuple[int, int]) -> None:
    assert clamped_size(*asked) == given


def test_the_limits_are_sensible() -> None:
    assert (MOST_COLUMNS, MOST_ROWS) == (500, 200)
    assert memory_limit(2) == MEMORY_BASE + 2 * MEMORY_PER_CPU == 1152 * 2**20
    assert memory_limit(64) > memory_limit(2)  # OpenBLAS starts a thread, with its buffer, per core


def test_the_app_starts_under_its_memory_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_session, "WINDOWS", False)  # POSIX's line, on any machine
    assert _new_group() == {"start_new_session": True}
    line = limited("python -m nntui", 1152 * 2**20)
    assert line == "ulimit -d 1179648 2>/dev/null; exec python -m nntui"  # kibibytes; a shell without it goes on


def test_on_windows_the_app_runs_as_it_is_and_its_tree_ends_by_taskkill(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no ulimit, exec, process group signals or killpg: what stands for them there."""
    ran: list[list[str]] = []

    def killpg(group: int, sig: int) -> None:
        raise AssertionError("os.killpg does not exist on Windows")

    monkeypatch.setattr(serve_session, "WINDOWS", True)
    monkeypatch.setattr(subprocess, "run", lambda command, **options: ran.append(command))
    monkeypatch.setattr(os, "killpg", killpg, raising=False)
    assert limited("python -m nntui", 1152 * 2**20) == "python -m nntui"  # cmd /c: no limit, no exec
    assert _new_group() == {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    _stop_group(4321, last_resort=False)
    _stop_group(4321, last_resort=True)
    assert ran == [["taskkill", "/T", "/F", "/PID", "4321"]] * 2  # the app and all it started, at once
    assert not _group_alive(4321)  # the tree went with taskkill: only the leader's end is waited for
