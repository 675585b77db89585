"""Whether a process is still running, on every platform.

On POSIX, ``os.kill(pid, 0)`` asks without signalling anything. On Windows it
would *end* the process (``os.kill`` there is TerminateProcess for any signal
but the two console events), so Windows is asked through its own API:
``OpenProcess`` then ``GetExitCodeProcess`` (through ctypes: no dependency).
"""

from __future__ import annotations

import os
import sys
from typing import Any

WINDOWS = sys.platform == "win32"
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000  # the least a handle may ask: enough for the exit code
STILL_ACTIVE = 259  # GetExitCodeProcess's answer for a process that has not ended
ERROR_ACCESS_DENIED = 5  # OpenProcess on a process that is there but not ours to open
LARGEST_PID = 2**32 - 1  # a Windows process id is a DWORD


def alive(pid: int) -> bool:
    """Whether process ``pid`` is running (someone else's counts; a number that can be no
    process's does not)."""
    if pid <= 0:  # 0 and below name groups on POSIX, and no process anywhere
        return False
    return _alive_on_windows(pid) if WINDOWS else _alive_on_posix(pid)


def _alive_on_posix(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # gone, or never a real pid
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _kernel32() -> Any:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]  # why: Windows only
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    return kernel32


def _last_error() -> int:
    import ctypes

    return int(ctypes.get_last_error())  # type: ignore[attr-defined]  # why: Windows only


def _alive_on_windows(pid: int) -> bool:
    if pid > LARGEST_PID:
        return False
    import ctypes
    from ctypes import wintypes

    kernel32 = _kernel32()
    handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:  # no such process (ERROR_INVALID_PARAMETER), or one we may not open
        return _last_error() == ERROR_ACCESS_DENIED
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True  # it is there, but says nothing more: count it as running
        # A process that ended with status 259 reads as running: only a stale copy is kept.
        return code.value == STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
