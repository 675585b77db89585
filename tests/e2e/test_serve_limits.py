"""One visitor of ``nntui serve`` cannot take the machine (#22, fall 11): the terminal size
a browser asks for is clamped, at the start and at every resize, and each playground runs
under a memory limit.

The real program in a subprocess, sessions over a websocket (tests/e2e/serving.py). The
sizes asked here are past the limits but harmless unclamped: the test fails, it does not
take gigabytes, on a server without the clamp.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.serving import TITLE, Server, environ_of, read_until

aiohttp = pytest.importorskip("aiohttp")  # textual-serve's own dependency
serve_session = pytest.importorskip("nntui.cli.serve_session")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not os.path.exists("/proc/self/environ"), reason="needs /proc to find the apps"),
]
CURSOR = re.compile(rb"\x1b\[(\d+);(\d+)H")  # where Textual draws: row;column, from 1


@pytest.fixture
def server() -> Iterator[Server]:
    started = Server()
    yield started
    started.kill()


def _rows(drawn: bytes) -> int:
    return max((int(match.group(1)) for match in CURSOR.finditer(drawn)), default=0)


async def _drawn_until_row(ws: aiohttp.ClientWebSocketResponse, row: int, timeout: float = 20) -> bytes:
    """What the app draws until it draws on ``row`` (or ``timeout`` seconds passed)."""
    received = b""
    deadline = time.monotonic() + timeout
    while _rows(received) < row and (left := deadline - time.monotonic()) > 0:
        try:
            message = await ws.receive(timeout=left)
        except asyncio.TimeoutError:
            break
        if message.type == aiohttp.WSMsgType.BINARY:
            received += message.data
        elif message.type != aiohttp.WSMsgType.TEXT:
            break
    return received


async def test_a_visitors_terminal_size_is_clamped_at_the_start_and_at_each_resize(server: Server) -> None:
    most_columns, most_rows = serve_session.MOST_COLUMNS, serve_session.MOST_ROWS
    too_big = {"width": most_columns + 300, "height": most_rows + 100}
    async with aiohttp.ClientSession() as client:
        first = await client.ws_connect(f"{server.url}/ws?width={too_big['width']}&height={too_big['height']}")
        await read_until(first, TITLE)
        [app] = server.sessions()
        assert (environ_of(app)["COLUMNS"], environ_of(app)["ROWS"]) == (str(most_columns), str(most_rows))
        await first.close()

        ws = await client.ws_connect(f"{server.url}/ws?width=100&height=30")
        assert _rows(await read_until(ws, TITLE)) <= 30
        await ws.send_str(json.dumps(["resize", too_big]))
        drawn = await _drawn_until_row(ws, most_rows)  # the frame at the new size…
        assert _rows(drawn) >= most_rows
        # …and nothing below it: a taller frame would draw its last rows a moment after row 200.
        drawn += await _drawn_until_row(ws, most_rows + 1, timeout=1)
        assert _rows(drawn) == most_rows
        await ws.close()


async def test_each_playground_runs_under_the_memory_limit(server: Server) -> None:
    async with aiohttp.ClientSession() as client:
        ws = await client.ws_connect(f"{server.url}/ws?width=100&height=30")
        await read_until(ws, TITLE)
        [app] = server.sessions()
        limits = Path(f"/proc/{app}/limits").read_text()
        [line] = [line for line in limits.splitlines() if line.startswith("Max data size")]
        soft = line.split()[3]
        assert soft == str(serve_session.memory_limit())
        await ws.close()
