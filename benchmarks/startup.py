"""Start-up: from running ``nntui`` to its first full screen, against a minimal Textual app.

Both run for real, as separate processes, in a pseudo-terminal (pty) of
120×40 with TERM=xterm-256color: the ``nntui`` command of this environment
(the console script next to this Python, or ``python -m nntui``) and
``python benchmarks/minimal_app.py``.  The clock starts just before the
fork; the first full screen is the last output the app writes before it
goes quiet for QUIET seconds (its first frame and the refreshes that follow
it at once, e.g. the footer's key bindings).  Both take turns, round after
round; the report keeps the median of the per-round ratios.

And the commands that must not load Textual: ``nntui --version`` and
``nntui eval --preset potatoes`` run with PYTHONPROFILEIMPORTTIME=1, which
makes Python list every module it imports (on stderr).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from benchmarks.common import median, rotated, spread

COLUMNS, LINES = 120, 40
QUIET = 0.4  # seconds without output: the screen is complete
TIMEOUT = 30.0
MINIMAL_APP = Path(__file__).with_name("minimal_app.py")


def nntui_command() -> list[str]:
    script = Path(sys.executable).with_name("nntui")
    if script.exists():
        return [str(script)]
    found = shutil.which("nntui")
    return [found] if found else [sys.executable, "-m", "nntui"]


def _environment(state: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "TERM": "xterm-256color",
            "LC_ALL": "C.UTF-8",
            "NNTUI_STATE_DIR": state,
            "COLUMNS": str(COLUMNS),
            "LINES": str(LINES),
        }
    )
    env.pop("TEXTUAL", None)  # no devtools
    return env


def time_to_first_screen(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from fork to the last byte of the first screen, and the bytes written."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pty is its terminal; give it a size before anything reads it
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    received, last = 0, None
    try:
        while True:
            now = time.perf_counter()
            if now - start > TIMEOUT:
                raise RuntimeError(f"{' '.join(argv)}: no complete screen within {TIMEOUT:g} s")
            wait = QUIET if last is not None else TIMEOUT
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                if last is not None:
                    break
                continue
            try:
                data = os.read(fd, 1 << 16)
            except OSError:  # the child is gone
                data = b""
            if not data:
                if last is None:
                    raise RuntimeError(f"{' '.join(argv)} exited before drawing a screen")
                break
            received += len(data)
            if received > 200:  # past the terminal set-up sequences
                last = time.perf_counter()
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    assert last is not None
    return last - start, received


def imports_of(argv: list[str], env: dict[str, str]) -> dict:
    """Run a command with PYTHONPROFILEIMPORTTIME=1: its exit status, time, and whether Textual loaded."""
    env = dict(env, PYTHONPROFILEIMPORTTIME="1")
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    modules = [
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    ]
    top = {name.split(".")[0] for name in modules}
    return {
        "exit_status": result.returncode,
        "seconds": round(elapsed, 3),
        "modules": len(modules),
        "textual_imported": "textual" in top,
        "numpy_imported": "numpy" in top,
    }


def import_breakdown(env: dict[str, str]) -> dict[str, float]:
    """Seconds spent importing the playground's modules, by package (python -X importtime, self times)."""
    code = "import nntui.cli, nntui.app.app"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    totals: dict[str, float] = {}
    for line in result.stderr.splitlines():  # "import time: self [us] | cumulative | name"
        if not line.startswith("import time:") or "|" not in line:
            continue
        own, _, name = line[len("import time:") :].split("|")
        try:
            micros = int(own.strip())
        except ValueError:  # the header line
            continue
        root = name.strip().split(".")[0]
        root = root if root in ("nntui", "numpy", "textual", "rich") else "other (stdlib, …)"
        totals[root] = totals.get(root, 0.0) + micros / 1e6
    shares = {name: round(seconds, 3) for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1])}
    shares["(total)"] = round(sum(totals.values()), 3)
    return shares


def measure(rounds: int) -> dict:
    with tempfile.TemporaryDirectory() as state:
        env = _environment(state)
        commands = {"nntui": nntui_command(), "minimal app": [sys.executable, str(MINIMAL_APP)]}
        times: dict[str, list[float]] = {name: [] for name in commands}
        sizes: dict[str, int] = {}
        for round_number in range(rounds):
            for name in rotated(list(commands), round_number):
                seconds, size = time_to_first_screen(commands[name], env)
                times[name].append(seconds)
                sizes[name] = size
        base = commands["nntui"]
        breakdown = import_breakdown(env)
        checks = {
            "nntui --version": imports_of([*base, "--version"], env),
            "nntui eval --preset potatoes": imports_of([*base, "eval", "--preset", "potatoes"], env),
        }
    ratios = [mine / theirs for mine, theirs in zip(times["nntui"], times["minimal app"])]
    return {
        "method": (
            f"The real processes in a {COLUMNS}×{LINES} pty (TERM=xterm-256color): "
            f"'{' '.join(Path(part).name for part in commands['nntui'])}' and "
            f"'python benchmarks/minimal_app.py'; time from fork to the last output before "
            f"{QUIET:g} s of quiet (the first full screen), {rounds} rounds in turn, ratio per round, "
            "median reported. Imports checked with PYTHONPROFILEIMPORTTIME=1."
        ),
        "nntui_seconds": round(median(times["nntui"]), 3),
        "minimal_app_seconds": round(median(times["minimal app"]), 3),
        "first_screen_bytes": sizes,
        "ratio": spread(ratios),
        "import_seconds_by_package": breakdown,
        "imports": checks,
        "met": all(check["exit_status"] == 0 and not check["textual_imported"] for check in checks.values()),
    }


def summary_rows(section: dict) -> list[dict]:
    rows = [
        {
            "measurement": "Start-up: `nntui` to its first full screen (pty)",
            "result": (
                f"{section['ratio']['median']:.2f}× minimal app "
                f"({section['nntui_seconds']:.2f} s vs {section['minimal_app_seconds']:.2f} s)"
            ),
            "target": "(ratio reported)",
            "met": None,
        }
    ]
    for name, check in section["imports"].items():
        rows.append(
            {
                "measurement": f"`{name}` imports Textual?",
                "result": (
                    f"{'yes' if check['textual_imported'] else 'no'} "
                    f"({check['seconds']:.2f} s, exit {check['exit_status']})"
                ),
                "target": "no",
                "met": check["exit_status"] == 0 and not check["textual_imported"],
            }
        )
    return rows
