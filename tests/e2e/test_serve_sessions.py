"""``nntui serve`` owns its sessions: it ends them with itself and when their browser
leaves, caps how many run at once, and gives each its own state folder.

The real program in a subprocess; sessions over a websocket (aiohttp) or in
headless Chromium (Playwright). Every process of a test's server carries a
unique marker in its environment (tests/e2e/serving.py), so whatever is left,
in whatever process group, is found in ``/proc/*/environ``. Each stopping case
runs 10 times; every nntui process must be gone within 5 s.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.serving import (
    CATCH_TERMINAL,
    GONE_WITHIN,
    SCREEN_TEXT,
    TITLE,
    Server,
    await_until,
    describe,
    drawn,
    environ_of,
    flood,
    open_session,
    read_until,
    start,
    wait_until,
)

aiohttp = pytest.importorskip("aiohttp")  # textual-serve's own dependency

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # .ci/run installs it
    sync_playwright = None

REPEATS = 10
HEARTBEAT_GONE_WITHIN = 20.0  # the server's websocket heartbeat (10 s), its pong wait (5 s), the ending
FULL_EN = "This server is full"
FULL_FR = "Ce serveur est complet"
RECOVERY_OFFER = b"Unsaved work was found"


async def _gone(server: Server, timeout: float = GONE_WITHIN) -> set[int]:
    """Wait until the server has no app left; what is still there after ``timeout`` s."""
    await await_until(lambda: not server.apps(), timeout)
    return server.apps()


# --- the server stops -------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="a signal to the server: os.kill ends a process on Windows")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
@pytest.mark.parametrize("attempt", range(REPEATS))  # each its own test: the workers run them side by side
async def test_stopping_the_server_ends_every_session_within_5_s(sig: int, attempt: int, servers: list[Server]) -> None:
    server = await asyncio.to_thread(start, servers)
    async with aiohttp.ClientSession() as client:
        sessions = [await open_session(client, server) for _ in range(2)]
        assert len(server.sessions()) == 2
        await flood(sessions[0])  # its app is busy for many seconds
        # In a thread: the websockets must be served while the server closes them.
        elapsed, left = await asyncio.to_thread(server.stop, sig)
        assert not left, f"attempt {attempt}: left after {elapsed:.1f} s:\n{describe(left)}"
    out, err = server.process.communicate(timeout=5)
    assert server.process.returncode == 0, err
    assert out == "" and err == "", (out, err)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
@pytest.mark.skipif(sync_playwright is None, reason="Playwright is not installed (.ci/run installs it)")
@pytest.mark.parametrize("attempt", range(REPEATS))  # each its own test: the workers run them side by side
def test_a_page_closed_in_chromium_then_the_server_stopped_leaves_nothing(attempt: int, servers: list[Server]) -> None:
    """The page is closed once the playground is drawn, while the app is still starting, or
    while it trains; then the server gets SIGTERM at once, or once the app has gone."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            server = start(servers)
            page = browser.new_page(viewport={"width": 1000, "height": 700})
            page.route("**/*", _only(server.url))
            page.add_init_script(CATCH_TERMINAL)
            when = ("drawn", "starting", "training")[attempt % 3]
            if when == "starting":
                with page.expect_websocket():
                    page.goto(server.url)
            else:
                page.goto(server.url)
                _wait_for_screen(page, TITLE.decode())
                assert len(server.sessions()) == 1
            if when == "training":
                page.focus(".xterm-helper-textarea")
                # The training view, a network for its data, play: each key once the screen
                # shows the one before it took (a fixed pause lost the space on a loaded machine).
                for key, shown in (("Control+t", "paused"), ("x", "input x1"), (" ", "▶ training")):
                    page.keyboard.press(key)
                    _wait_for_screen(page, shown)
            page.close()
            if attempt % 2:  # the browser has left: its app goes by itself
                assert wait_until(lambda server=server: not server.apps(), GONE_WITHIN), describe(server.apps())
            elapsed, left = server.stop(signal.SIGTERM)
            assert not left, f"attempt {attempt} ({when}): left after {elapsed:.1f} s:\n{describe(left)}"
            assert server.process.wait(timeout=1) == 0
        finally:
            browser.close()


def _wait_for_screen(page, text: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while text not in page.evaluate(SCREEN_TEXT) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert text in page.evaluate(SCREEN_TEXT)


def _only(url: str):
    """A Playwright route handler that lets through this server's requests only (not web fonts)."""

    def handle(route) -> None:
        if route.request.url.startswith(url + "/"):
            route.continue_()
        else:
            route.abort()

    return handle


# --- the browser leaves -------------------------------------------------------------------


async def test_a_closed_or_dropped_session_ends_its_app_within_5_s(servers: list[Server]) -> None:
    """Half the sessions close their websocket; the other half drop the connection."""
    server = await asyncio.to_thread(start, servers)
    for attempt in range(REPEATS):
        client = aiohttp.ClientSession()
        ws = await open_session(client, server)
        assert len(server.sessions()) == 1
        if attempt % 2:
            await ws.close()
            await client.close()
        else:
            await client.close()  # the connection goes, without a closing handshake
        left = await _gone(server)
        assert not left, f"attempt {attempt}:\n{describe(left)}"
    assert server.process.poll() is None


async def test_a_session_that_flooded_keys_ends_its_app_within_5_s_of_closing(servers: list[Server]) -> None:
    """Thousands of keys are still queued in the app when the browser leaves."""
    server = await asyncio.to_thread(start, servers)
    for attempt in range(REPEATS):
        async with aiohttp.ClientSession() as client:
            ws = await open_session(client, server)
            await flood(ws)
            await ws.close()
        left = await _gone(server)
        assert not left, f"attempt {attempt}:\n{describe(left)}"


async def test_a_session_that_trains_ends_with_its_training_process_when_the_browser_leaves(
    servers: list[Server],
) -> None:
    """Training runs in a child process of the session's app: it goes with the app."""
    server = await asyncio.to_thread(start, servers)
    for attempt in range(3):
        client = aiohttp.ClientSession()
        ws = await open_session(client, server)
        await ws.send_str(json.dumps(["stdin", "\x14"]))  # ctrl+t: the training view
        await read_until(ws, b"paused")
        await ws.send_str(json.dumps(["stdin", "x"]))  # a network that fits the data (potatoes has 3 inputs)
        await read_until(ws, b"input x1")
        await ws.send_str(json.dumps(["stdin", " "]))  # space: play
        await read_until(ws, b"training \xc2\xb7")  # "training ·"
        assert await await_until(lambda: any(_is_training_process(pid) for pid in server.apps()), 10), describe(
            server.apps()
        )
        await client.close()  # the tab goes, without a closing handshake
        left = await _gone(server)
        assert not left, f"attempt {attempt}:\n{describe(left)}"


def _is_training_process(pid: int) -> bool:
    try:
        return b"nntui.document.training_process" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


async def test_a_browser_that_stops_answering_is_dropped_at_the_heartbeat(servers: list[Server]) -> None:
    """A frozen tab keeps its connection but answers no ping: its app ends all the same."""
    server = await asyncio.to_thread(start, servers)
    async with aiohttp.ClientSession() as client:
        silent = [await open_session(client, server, autoping=False) for _ in range(3)]
        began = time.monotonic()
        left = await _gone(server, HEARTBEAT_GONE_WITHIN)
        assert not left, f"still running after {time.monotonic() - began:.1f} s:\n{describe(left)}"
        assert len(silent) == 3


# --- how many, and whose work ------------------------------------------------------------------


async def test_the_session_after_the_last_allowed_is_told_the_server_is_full(servers: list[Server]) -> None:
    server = await asyncio.to_thread(start, servers, "--max-sessions", "2")
    async with aiohttp.ClientSession() as client:
        first = await open_session(client, server)
        second = await open_session(client, server)

        async with client.get(server.url) as page:  # the page says so, in the visitor's language
            assert page.status == 503
            assert FULL_EN in await page.text()
        async with client.get(server.url, headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}) as page:
            assert page.status == 503
            assert FULL_FR in await page.text()

        # A tab that loaded the page before the last seat went: its terminal says so (for a
        # while; then textual-serve's page says "Session ended."), and no app starts.
        async with client.ws_connect(
            f"{server.url}/ws?width=100&height=30", headers={"Accept-Language": "fr"}
        ) as refused:
            said = await read_until(refused, FULL_FR.encode(), timeout=10)
            assert TITLE not in said
            assert len(server.sessions()) == 2

        await first.close()  # a seat comes free
        assert await await_until(lambda: len(server.sessions()) == 1, GONE_WITHIN)
        # The server frees the seat once the session's app has ended and its folder is gone: a
        # moment after the app's process, on a loaded machine.
        deadline = time.monotonic() + GONE_WITHIN
        while True:
            async with client.get(server.url) as page:
                if page.status == 200 or time.monotonic() > deadline:
                    assert page.status == 200
                    break
            await asyncio.sleep(0.1)
        third = await open_session(client, server)
        assert len(server.sessions()) == 2
        await asyncio.gather(second.close(), third.close())


async def test_each_session_has_its_own_state_folder_and_no_visitor_is_offered_another_s_work(
    servers: list[Server], private_state_dir: Path, tmp_path: Path
) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    server = await asyncio.to_thread(start, servers, env={"TMPDIR": str(temporary)})
    async with aiohttp.ClientSession() as client:
        first = await open_session(client, server)
        first_apps = server.apps()
        await first.send_str(json.dumps(["stdin", "+"]))  # unsaved work: the herb smell input 1.000 → 1.100
        await read_until(first, b"1.100")
        second = await open_session(client, server)
        second_apps = server.apps() - first_apps
        [first_folder] = {environ_of(pid)["NNTUI_STATE_DIR"] for pid in first_apps}
        [second_folder] = {environ_of(pid)["NNTUI_STATE_DIR"] for pid in second_apps}
        folders = [Path(first_folder), Path(second_folder)]
        await first.close()  # the first visitor leaves, the work unsaved
        assert await await_until(lambda: not server.apps() & first_apps, GONE_WITHIN)

        third = await open_session(client, server)
        shown = await read_until(third, TITLE) + await drawn(third, lambda _: False, 2.0)
        assert RECOVERY_OFFER not in shown  # the first visitor's work stays the first visitor's

        assert folders[0] != folders[1]
        assert private_state_dir not in (folders[0], *folders[0].parents)
        assert await await_until(lambda: not folders[0].exists(), GONE_WITHIN)  # gone with its session
        assert folders[1].is_dir()
        await second.close()
        await third.close()
        assert not await _gone(server)
        # The server removes a session's folder once its app has ended: a moment after, not with it.
        assert await await_until(lambda: not folders[1].exists(), GONE_WITHIN)
    _elapsed, left = await asyncio.to_thread(server.stop, signal.SIGTERM)
    assert not left
    assert list(temporary.iterdir()) == []  # the server's own temporary folder went with it
    assert list(private_state_dir.iterdir()) == []


def test_the_marker_finds_this_process() -> None:
    """The way leftovers are found works here (a /proc with readable environments)."""
    assert environ_of(os.getpid()).get("PATH") == os.environ.get("PATH")
