"""End to end in a web browser: ``nntui serve`` in a subprocess, headless Chromium driven by Playwright.

The page is textual-serve's: xterm.js draws the app on a canvas, so there is no
text in the DOM to read. An init script catches the xterm.js ``Terminal`` object
when textual-serve's page stores it (``this.terminal = new Terminal(...)``), and
the screen is read through xterm.js's public buffer API: the characters that
the canvas shows, row by row.

Playwright drives Debian's Chromium (/usr/bin/chromium, `.ci/run` installs it);
no browser is downloaded. Without Chromium or Playwright the browser test is
skipped; the argument errors, the Ctrl-C stop and the FILE hand-over are tested
without a browser.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from nntui.core.fileformat import save_network
from nntui.core.numbers import format_value
from nntui.core.presets import load_preset
from nntui.document.recovery import RecoveryStore
from tests.e2e.serving import CATCH_TERMINAL, SCREEN_TEXT, Server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
try:
    from playwright.sync_api import Page, sync_playwright
except ImportError:  # .ci/run installs it
    sync_playwright = None

ERROR_PREFIX = "nntui: error: "


def _nntui(*args: str) -> list[str]:
    return [sys.executable, "-m", "nntui", *args]


def _english() -> dict[str, str]:
    """The environment now (with the test's private NNTUI_STATE_DIR), in English: the
    messages and screens the tests read."""
    return {**os.environ, "LC_ALL": "C.UTF-8"}


class Served(Server):
    """``nntui serve`` in its own process group; each app it starts is in a group of its own."""

    def ctrl_c(self) -> tuple[int, str, str]:
        """What a terminal does on Ctrl-C: SIGINT to the whole foreground process group (the
        server's; the apps, in groups of their own, are the server's to stop)."""
        os.killpg(self.process.pid, signal.SIGINT)
        out, err = self.process.communicate(timeout=20)
        return self.process.returncode, out, err


@pytest.fixture
def served() -> Iterator[list[Served]]:
    started: list[Served] = []
    yield started
    for server in started:
        server.kill()


# --- without a browser ---------------------------------------------------------------


def _serve_error(*args: str, cwd: Path | None = None) -> str:
    result = subprocess.run(
        _nntui("serve", *args),
        cwd=cwd,
        env=_english(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(ERROR_PREFIX), result.stderr
    return lines[0][len(ERROR_PREFIX) :]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--port", "0"], "must be from 1 to 65,535, not 0"),
        (["--port", "65536"], "must be from 1 to 65,535, not 65536"),
        (["--port", "80.5"], '"80.5" is not a whole number'),
        (["--port", "eighty"], '"eighty" is not a whole number'),
        (["--port"], "expected one argument"),
        (["--preset", "nope"], 'unknown preset "nope"'),
        (["missing.json"], "missing.json"),
        (["."], "is a directory"),
        (["net.json", "--preset", "xor"], "not both"),
        (["--host", ""], "the --host address is empty"),
        (["--host", "0.0.0.0"], "listens on every address"),
        (["--colour"], "unrecognized arguments: --colour"),
        (["--max-sessions", "0"], "must be from 1 to 100, not 0"),
        (["--max-sessions", "101"], "must be from 1 to 100, not 101"),
        (["--max-sessions", "many"], '"many" is not a whole number'),
    ],
)
def test_serve_argument_errors_are_one_line_before_any_server(args: list[str], expected: str, tmp_path: Path) -> None:
    assert expected in _serve_error(*args, cwd=tmp_path)


def test_serve_on_a_port_in_use_is_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        message = _serve_error("--port", str(port))
    assert message == f"port {port} is already in use on 127.0.0.1; choose another with --port N"


def test_serve_hands_its_file_to_each_session_and_stops_the_sessions_on_sigint(
    tmp_path: Path, served: list[Served]
) -> None:
    """A FILE with quotes, spaces and a $ reaches the app a session runs; SIGINT to the
    server alone (not to the apps) still closes the session and stops its app."""
    network = load_preset("xor")
    network.name = "Quoted-net-41"
    save_network(network, tmp_path / 'it\'s a "net" $HOME.json')
    server = Served('it\'s a "net" $HOME.json', cwd=tmp_path)
    served.append(server)
    assert server.first_line == f"Open {server.url} in a web browser; press Ctrl-C to stop.\n"

    async def session() -> tuple[str, bool]:
        import aiohttp  # textual-serve's own dependency

        received, closed, interrupted = b"", False, False
        async with aiohttp.ClientSession() as client, client.ws_connect(f"{server.url}/ws?width=100&height=30") as ws:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline and not closed:
                if b"Quoted-net-41" in received and not interrupted:
                    os.kill(server.process.pid, signal.SIGINT)
                    interrupted = True
                try:
                    message = await ws.receive(timeout=max(0.1, deadline - time.monotonic()))
                except asyncio.TimeoutError:
                    break
                if message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data
                closed = message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        return received.decode("utf-8", "replace"), closed

    output, closed = asyncio.run(session())
    assert "Quoted-net-41" in output, output[-2000:]
    assert closed, "the server did not close the session"
    out, err = server.process.communicate(timeout=20)
    assert server.process.returncode in (0, 130), err
    assert out == "" and err == ""
    assert not server.leftovers()  # the app has exited too, not left behind


# --- in a browser --------------------------------------------------------------------


def _screen(page: Page) -> str:
    return page.evaluate(SCREEN_TEXT)


def _wait_for_text(page: Page, text: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = _screen(page)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared in the browser:\n{_screen(page)}")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
@pytest.mark.skipif(sync_playwright is None, reason="Playwright is not installed (.ci/run installs it)")
def test_edit_an_input_and_a_weight_in_headless_chromium(served: list[Served], private_state_dir: Path) -> None:
    network = load_preset("potatoes")
    before = format_value(float(network.forward().outputs[0]), 7)
    network.input_values[0] += 0.1  # "+" on the selected input, herb smell
    after_input = format_value(float(network.forward().outputs[0]), 7)
    network.layers[0].weights[0, 0] += 0.1  # "+" on the weight herb smell → output
    after_weight = format_value(float(network.forward().outputs[0]), 7)
    assert len({before, after_input, after_weight}) == 3

    server = Served("--preset", "potatoes")
    served.append(server)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            # Only this server: the page also asks for a web font, which is not needed.
            page.route(
                "**/*",
                lambda route: route.continue_() if route.request.url.startswith(server.url + "/") else route.abort(),
            )
            page.add_init_script(CATCH_TERMINAL)
            page.goto(server.url)
            _wait_for_text(page, "Potatoes are baking")
            _wait_for_text(page, before)
            page.focus(".xterm-helper-textarea")  # the keyboard goes to the terminal, as after a click

            page.keyboard.press("+")
            screen = _wait_for_text(page, after_input)
            assert "+1.100" in screen

            page.keyboard.press("ArrowRight")  # the output neuron: its weight from herb smell
            _wait_for_text(page, "weight herb smell →")
            page.keyboard.press("+")
            screen = _wait_for_text(page, after_weight)
            assert "+3.100" in screen and after_input not in screen

            status, out, err = server.ctrl_c()  # with the browser still connected
            assert status in (0, 130), err
            assert out == "" and err == ""
            assert not server.leftovers()  # the app the browser ran has stopped too
            # ... and its unsaved work was this visitor's alone: no recovery copy is left
            # where the next server, and its next visitor, would find it
            assert RecoveryStore(private_state_dir).pending() == []
        finally:
            browser.close()
