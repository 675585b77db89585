"""The wheel is the product: built as a release is, installed on its own, it runs.

``python -m build`` makes the sdist and, from it, the wheel; the wheel (not an editable
install, not the source tree) goes into a fresh virtual environment with its dependencies
from the package registry. There ``nntui --version``, ``nntui eval --preset potatoes`` and
the playground run: every file nntui reads at run time (the stylesheet, the presets, their
French names, the digits' data) must be in the wheel. Skipped, saying why, when the registry cannot be reached.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import nntui

pytestmark = pytest.mark.slow  # e2e: every test under tests/e2e (its conftest)

ROOT = Path(__file__).resolve().parents[2]
INSTALL_TIMEOUT = 900  # numpy, Textual... from the registry, or its cache
RUN_TIMEOUT = 60
SCRIPTS = "Scripts" if sys.platform == "win32" else "bin"

# The playground driven headless by Textual's own test harness (public API: App.run_test).
HEADLESS = """
import asyncio
from nntui.app.app import NNTuiApp
from nntui.app.widgets.network_canvas import NetworkCanvas
from nntui.core.presets import load_preset

async def main() -> None:
    # Textual refuses to start when the app's stylesheet (CSS_PATH, app.tcss) is missing.
    app = NNTuiApp(load_preset("potatoes"), preset="potatoes")
    async with app.run_test(size=(100, 30)) as pilot:
        drawn = "\\n".join(app.query_one(NetworkCanvas).column_lines(0))  # the input layer
        before = float(app.document.network.input_values[0])
        await pilot.press("plus")  # the selected input, herb smell, one step up
        after = float(app.document.network.input_values[0])
        await pilot.press("q")
    assert "herb smell" in drawn, drawn
    assert after > before, (before, after)
    print("playground ok", app.return_code or 0)

asyncio.run(main())
"""


def _clean_env() -> dict[str, str]:
    """The test's environment without what would let the venv see the source tree."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
    }
    return {**env, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}


def _run(args: list[str | Path], cwd: Path, timeout: float = RUN_TIMEOUT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=_clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh venv holding the built wheel and its dependencies; yields its scripts folder."""
    try:
        import build  # noqa: F401 - only to know it is there
    except ImportError:
        pytest.skip("needs the 'build' package (pip install -e '.[test]')")
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    built = _run([sys.executable, "-m", "build", "--outdir", dist, ROOT], cwd=work, timeout=INSTALL_TIMEOUT)
    if built.returncode != 0 and _unreachable(built.stdout + built.stderr):
        pytest.skip("the package registry is unreachable (build needs hatchling)")
    assert built.returncode == 0, built.stdout + built.stderr
    wheels = list(dist.glob("nntui-*.whl"))
    assert len(wheels) == 1, list(dist.iterdir())
    assert len(list(dist.glob("nntui-*.tar.gz"))) == 1
    venv = work / "venv"
    made = _run([sys.executable, "-m", "venv", venv], cwd=work)
    assert made.returncode == 0, made.stderr
    python = venv / SCRIPTS / "python"
    # Not editable, not from the source tree: the wheel file itself.
    install = _run(
        [python, "-m", "pip", "install", "--disable-pip-version-check", wheels[0]], cwd=work, timeout=INSTALL_TIMEOUT
    )
    if install.returncode != 0 and _unreachable(install.stdout + install.stderr):
        pytest.skip("the package registry is unreachable (the wheel's dependencies)")
    assert install.returncode == 0, install.stdout + install.stderr
    yield venv / SCRIPTS


def _unreachable(output: str) -> bool:
    """pip's words for a network it cannot reach (not for a dependency it cannot satisfy)."""
    return bool(
        re.search(
            r"NewConnectionError|Temporary failure in name resolution|Network is unreachable"
            r"|ConnectTimeout|Failed to establish a new connection|ProxyError",
            output,
        )
    )


def test_the_installed_nntui_is_the_wheel_not_the_source_tree(installed: Path, tmp_path: Path) -> None:
    where = _run([installed / "python", "-c", "import nntui; print(nntui.__file__)"], cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    assert "site-packages" in where.stdout
    assert str(ROOT) not in where.stdout


def test_version(installed: Path, tmp_path: Path) -> None:
    result = _run([installed / "nntui", "--version"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"nntui {nntui.__version__}"


def test_eval_a_preset(installed: Path, tmp_path: Path) -> None:
    result = _run([installed / "nntui", "eval", "--preset", "potatoes"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["outputs"] == [pytest.approx(0.75026, abs=1e-5)]


def test_french_preset_names_ship_too(installed: Path, tmp_path: Path) -> None:
    result = _run([installed / "nntui", "--lang", "fr", "presets"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Les pommes de terre cuisent" in result.stdout  # nntui/presets/names/fr.json


def test_the_digits_data_ships_too(installed: Path, tmp_path: Path) -> None:
    args = ["train", "--preset", "digits", "--dataset", "digits", "--steps", "20", "-o", "out.json"]
    result = _run([installed / "nntui", *args], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "test_accuracy" in result.stdout.splitlines()[-1]  # read nntui/core/datasets/data/digits.npz


def test_the_playground_headless(installed: Path, tmp_path: Path) -> None:
    result = _run([installed / "python", "-c", HEADLESS], cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "playground ok 0" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX (the headless test covers Windows)")
def test_the_playground_in_a_terminal(installed: Path, tmp_path: Path) -> None:
    """The console script in a pseudo-terminal, as a learner starts it: it draws, `q` quits."""
    import pty

    main, child = pty.openpty()
    env = {**_clean_env(), "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen(
        [str(installed / "nntui"), "--preset", "potatoes"],
        cwd=tmp_path,
        env=env,
        stdin=child,
        stdout=child,
        stderr=child,
        start_new_session=True,
    )
    os.close(child)
    try:
        seen = _read_until(main, "herb smell", deadline=time.monotonic() + RUN_TIMEOUT)
        assert "herb smell" in seen, seen[-2000:]
        os.write(main, b"q")
        # Keep reading: a terminal nobody reads fills up, and the app would block drawing.
        _read_until(main, "\0never drawn", deadline=time.monotonic() + RUN_TIMEOUT, stop=process)
        assert process.wait(timeout=RUN_TIMEOUT) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(main)


def _read_until(fd: int, wanted: str, deadline: float, stop: subprocess.Popen[bytes] | None = None) -> str:
    """What the terminal showed, escape sequences removed, once ``wanted`` is in it, or ``stop``
    has ended, or at the deadline."""
    import select

    raw = b""
    while time.monotonic() < deadline and (stop is None or stop.poll() is None):
        ready, _, _ = select.select([fd], [], [], 0.1 if stop else max(0.0, deadline - time.monotonic()))
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        raw += chunk
        text = re.sub(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]", "", raw.decode("utf-8", "replace"))
        if wanted in text:
            return text
    return re.sub(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]", "", raw.decode("utf-8", "replace"))
