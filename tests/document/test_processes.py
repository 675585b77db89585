"""Whether a process runs, asked without harming it: os.kill(pid, 0) on POSIX, and on Windows
(where os.kill ends the process whatever the signal) OpenProcess and GetExitCodeProcess."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from nntui.document import processes
from nntui.document.processes import ERROR_ACCESS_DENIED, STILL_ACTIVE, alive


def test_this_process_is_alive_and_an_ended_one_is_not() -> None:
    assert alive(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # ended and reaped: its pid names nothing
    assert not alive(child.pid)


@pytest.mark.parametrize("pid", [0, -1, 2**40])
def test_a_number_that_is_no_process_is_not_alive(pid: int) -> None:
    assert not alive(pid)


class FakeKernel32:
    """Windows' answers, for the branch this machine cannot run: process → exit code."""

    def __init__(self, codes: dict[int, int], denied: set[int] = frozenset()) -> None:  # type: ignore[assignment]
        self.codes, self.denied, self.error, self.open = codes, denied, 0, 0

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        if pid in self.denied:
            self.error = ERROR_ACCESS_DENIED
            return 0
        if pid not in self.codes:
            self.error = 87  # ERROR_INVALID_PARAMETER: no such process
            return 0
        self.open += 1
        return pid

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        code._obj.value = self.codes[handle]
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.open -= 1
        return 1


def test_on_windows_the_process_is_asked_and_never_signalled(monkeypatch: pytest.MonkeyPatch) -> None:
    kernel32 = FakeKernel32({10: STILL_ACTIVE, 11: 0}, denied={12})

    def no_kill(pid: int, sig: int) -> None:
        raise AssertionError("os.kill on Windows ends the process")

    monkeypatch.setattr(processes, "WINDOWS", True)
    monkeypatch.setattr(processes, "_kernel32", lambda: kernel32)
    monkeypatch.setattr(processes, "_last_error", lambda: kernel32.error)
    monkeypatch.setattr(os, "kill", no_kill)
    assert alive(10)  # running
    assert not alive(11)  # ended, its handle still held somewhere
    assert alive(12)  # someone else's
    assert not alive(13)  # no such process
    assert not alive(2**32)  # no DWORD
    assert kernel32.open == 0  # every handle closed
