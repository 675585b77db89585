"""nntui runs where POSIX does not: every module imports, and the playground runs, without
the modules and signals Windows lacks.

The test cannot run Windows; it does the next best thing on any machine: a fresh Python
whose imports of ``termios``, ``fcntl``, ``pty``, ``tty`` and ``resource`` fail (as they
do on Windows), whose ``signal`` module has no SIGHUP, SIGQUIT, SIGTSTP or SIGKILL and whose
``select`` has no ``poll``, imports every module of nntui, drives the playground headless
and collects every test (those that need POSIX are skipped there, not errors).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCKED_MODULES = ("termios", "fcntl", "pty", "tty", "resource")
ABSENT_SIGNALS = ("SIGHUP", "SIGQUIT", "SIGTSTP", "SIGKILL", "SIGSTOP", "SIGCONT")
# What the os module lacks on Windows (set_blocking: before Python 3.12) and nntui might use.
# Not getuid: libraries that choose their code by sys.platform (platformdirs) use it here.
ABSENT_OS = ("O_NONBLOCK", "O_NOCTTY", "set_blocking", "killpg", "getpgid", "setsid", "openpty")

# Runs first in the fresh Python, before anything of nntui (or Textual) is imported.
AS_ON_WINDOWS = textwrap.dedent(f"""
    import importlib.abc, os, select, signal, sys

    BLOCKED = {BLOCKED_MODULES!r}

    class AsOnWindows(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in BLOCKED:
                raise ImportError(f"No module named {{name!r}} (blocked: as on Windows)", name=name)
            return None

    already = [name for name in BLOCKED if name in sys.modules]
    assert not already, f"imported before the blocker: {{already}}"
    sys.meta_path.insert(0, AsOnWindows())
    for name in {ABSENT_SIGNALS!r}:
        if hasattr(signal, name):
            delattr(signal, name)
    if hasattr(select, "poll"):
        delattr(select, "poll")
    for name in {ABSENT_OS!r}:
        if hasattr(os, name):
            delattr(os, name)
""")

IMPORT_EVERYTHING = textwrap.dedent("""
    import importlib, pkgutil
    import nntui

    names = [info.name for info in pkgutil.walk_packages(nntui.__path__, "nntui.")
             if not info.name.endswith("__main__")]  # those run the program
    for name in names:
        importlib.import_module(name)
    print("imported", len(names), flush=True)
""")

DRIVE_THE_PLAYGROUND = textwrap.dedent("""
    import asyncio
    from nntui.app.app import NNTuiApp
    from nntui.core.presets import load_preset
    from textual.drivers.headless_driver import HeadlessDriver

    import nntui.app.app
    from pathlib import Path

    class Playground(NNTuiApp):
        CSS_PATH = str(Path(nntui.app.app.__file__).with_name(NNTuiApp.CSS_PATH))  # not relative to "-c"
        # Textual picks its driver by sys.platform: here its Linux one, which needs termios
        # (on Windows, its Windows one). run_test drives the app headless whatever it picks.
        def get_driver_class(self):
            return HeadlessDriver

    async def drive() -> None:
        app = Playground(load_preset("xor"), preset="xor")
        async with app.run_test(size=(120, 40)) as pilot:
            assert app.lifetime.install(), "no signal handlers"  # the platform's signals only
            app.lifetime.uninstall()
            await pilot.press("right", "down", "left", "ctrl+t")
            assert app.playground.training.active, "ctrl+t did not open the training view"
            steps = app.document.training.steps
            await pilot.press("s")
            assert app.document.training.steps == steps + 1, "s took no step"
            await pilot.press("ctrl+t")
            assert not app.playground.training.active
            await pilot.press("q", "d")  # quit, discarding the step
            await pilot.pause()
        assert app.return_code == 0, app.return_code
        print("played", flush=True)

    asyncio.run(drive())
""")


def _run(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "NNTUI_STATE_DIR": str(tmp_path / "state")}
    environment.pop("TEXTUAL_DRIVER", None)
    return subprocess.run(
        [sys.executable, "-c", AS_ON_WINDOWS + code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_the_blocker_blocks(tmp_path: Path) -> None:
    """The stand-in for Windows does what it says (else the tests below prove nothing)."""
    probe = textwrap.dedent(f"""
        import os, select, signal
        assert not any(hasattr(os, name) for name in {ABSENT_OS!r})
        for name in {BLOCKED_MODULES!r}:
            try:
                __import__(name)
            except ImportError:
                continue
            raise SystemExit(name + " imported")
        assert not any(hasattr(signal, name) for name in {ABSENT_SIGNALS!r})
        assert not hasattr(select, "poll")
        print("blocked", flush=True)
    """)
    result = _run(probe, tmp_path)
    assert result.returncode == 0 and "blocked" in result.stdout, result.stdout + result.stderr


def test_every_module_imports_without_posix(tmp_path: Path) -> None:
    result = _run(IMPORT_EVERYTHING, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "imported" in result.stdout


def test_the_playground_runs_without_posix(tmp_path: Path) -> None:
    result = _run(DRIVE_THE_PLAYGROUND, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "played" in result.stdout


def test_files_are_read_without_posix(tmp_path: Path) -> None:
    """A network file opens (nntui.core.reading asked for O_NONBLOCK, which Windows lacks)."""
    (tmp_path / "bytes.bin").write_bytes(b"line\r\nnext\x1a and after")  # Windows' text mode would change them
    probe = textwrap.dedent(f"""
        from nntui.core.fileformat import dumps_network, load_network
        from nntui.core.presets import load_preset
        from nntui.core.reading import read_limited
        from pathlib import Path
        folder = Path({str(tmp_path)!r})
        assert read_limited(folder / "bytes.bin", "bytes.bin", "a file") == b"line\\r\\nnext\\x1a and after"
        (folder / "xor.json").write_text(dumps_network(load_preset("xor")), encoding="utf-8")
        assert dumps_network(load_network(folder / "xor.json")) == dumps_network(load_preset("xor"))
        print("read", flush=True)
    """)
    result = _run(probe, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "read" in result.stdout


# Slow: it collects the whole suite (about 10 s). The full run has it; on Windows the quick tier itself is it.
@pytest.mark.slow
def test_every_test_is_collected_without_posix(tmp_path: Path) -> None:
    """Tests that only make sense on POSIX are skipped on Windows, not errors at collection."""
    arguments = "['--collect-only', '-q', '-n', '0', '-p', 'no:cacheprovider', 'tests']"
    collect = f"import pytest\nraise SystemExit(pytest.main({arguments}))\n"
    result = _run(collect, tmp_path)
    assert result.returncode == 0, "\n".join(line for line in result.stdout.splitlines() if "::" not in line)
