"""An environment the playground cannot run in is told in one line, not a traceback.

A Textual older than the floor pyproject.toml declares, a terminal that cannot show
UTF-8, ``TERM=dumb``: ``nntui`` says what to do on stderr and exits with status 1,
before Textual is imported. The commands that need no terminal (``--version``,
``eval``, ``train``) still work there.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import nntui.cli
from nntui.cli.environment import TEXTUAL_FLOOR, playground_problem, too_old

ROOT = Path(__file__).resolve().parents[2]
ERROR_PREFIX = "nntui: error: "
TIMEOUT = 60


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m nntui ARGS`` from the worktree, no terminal, ``env`` over the test's own."""
    return subprocess.run(
        [sys.executable, "-m", "nntui", *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        timeout=TIMEOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8", **env},
    )


def one_line_error(result: subprocess.CompletedProcess[str], prefix: str = ERROR_PREFIX) -> str:
    """The error contract: status 1, nothing on stdout, one line on stderr, no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(prefix), lines[0]
    return lines[0][len(prefix) :]


def test_a_dumb_terminal_is_told_what_to_do() -> None:
    message = one_line_error(run_cli("--preset", "potatoes", TERM="dumb"))
    assert "TERM=dumb" in message
    assert "nntui serve" in message  # another way to the playground


def test_a_terminal_without_utf8_is_told_what_to_do() -> None:
    message = one_line_error(run_cli("--preset", "potatoes", PYTHONIOENCODING="latin-1"))
    assert "UTF-8" in message
    assert "latin-1" in message.lower().replace("iso8859-1", "latin-1")


def test_the_french_message_says_the_same() -> None:
    message = one_line_error(run_cli("--lang", "fr", "--preset", "potatoes", TERM="dumb"), "nntui : erreur : ")
    assert "TERM=dumb" in message
    assert "terminal" in message


@pytest.mark.parametrize("env", [{"TERM": "dumb"}, {"PYTHONIOENCODING": "latin-1"}], ids=["dumb", "latin-1"])
@pytest.mark.parametrize(
    "args", [("--version",), ("eval", "--preset", "potatoes"), ("presets",)], ids=["version", "eval", "presets"]
)
def test_the_commands_without_a_screen_still_work(env: dict[str, str], args: tuple[str, ...]) -> None:
    result = run_cli(*args, **env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip()


def test_train_still_works_in_a_dumb_terminal(tmp_path: Path) -> None:
    out = tmp_path / "trained.json"
    result = run_cli("train", "--preset", "xor", "--dataset", "xor", "--steps", "5", "-o", str(out), TERM="dumb")
    assert result.returncode == 0, result.stderr
    assert out.exists()


def _textual_at(monkeypatch: pytest.MonkeyPatch, found: str | None) -> None:
    """The installed Textual's version, as importlib.metadata reports it, is ``found``."""
    real = importlib.metadata.version

    def version(name: str) -> str:
        if name.lower() != "textual":
            return real(name)
        if found is None:
            raise importlib.metadata.PackageNotFoundError(name)
        return found

    monkeypatch.setattr(importlib.metadata, "version", version)


@pytest.mark.parametrize("found", ["1.0.0", None], ids=["too-old", "missing"])
def test_a_textual_below_the_floor_is_told_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], found: str | None
) -> None:
    _textual_at(monkeypatch, found)
    monkeypatch.setenv("TERM", "xterm-256color")
    import nntui.app.app

    def started(*_: object, **__: object) -> None:
        raise AssertionError("the playground started")

    monkeypatch.setattr(nntui.app.app.NNTuiApp, "run", started)
    status = nntui.cli.main(["--preset", "potatoes"])
    out, err = capsys.readouterr()
    assert status == 1
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith(ERROR_PREFIX)
    assert f"textual>={TEXTUAL_FLOOR}" in err  # the command that fixes it
    if found is not None:
        assert found in err


def test_serve_refuses_a_textual_below_the_floor(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _textual_at(monkeypatch, "2.1.0")
    status = nntui.cli.main(["serve", "--host", ""])  # refused before the address is checked
    err = capsys.readouterr().err
    assert status == 1
    assert len(err.splitlines()) == 1, err
    assert "2.1.0" in err and TEXTUAL_FLOOR in err


@pytest.mark.parametrize(
    ("found", "old"),
    [
        ("1.0.0", True),
        ("6.2.1", True),
        (TEXTUAL_FLOOR, False),
        ("6.10.0", False),
        ("10.0.0", False),
        ("8.2.8.post1", False),
        ("not a version", False),  # what cannot be read is not refused
    ],
)
def test_versions_compare_as_numbers(found: str, old: bool) -> None:
    assert too_old(found, TEXTUAL_FLOOR) is old


def test_a_served_playground_ignores_the_terminal_nntui_serve_was_started_from() -> None:
    # Each browser tab's app draws through Textual's web driver, not on a terminal.
    served = {"TERM": "dumb", "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver"}
    assert playground_problem(served, "latin-1") is None
    assert playground_problem({"TERM": "dumb"}, "utf-8") is not None
    assert playground_problem({"TERM": "xterm"}, "latin-1") is not None
    assert playground_problem({"TERM": "xterm"}, "UTF8") is None
    assert playground_problem({}, "utf-8") is None  # no TERM at all: Windows, a service


def test_the_floor_is_the_one_pyproject_declares() -> None:
    declared = re.search(r'"textual>=([0-9.]+)', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert declared is not None
    assert declared.group(1) == TEXTUAL_FLOOR
