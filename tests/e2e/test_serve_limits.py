"""One visitor of ``nntui serve`` cannot take the machine (#22, fall 11): the terminal size
a browser asks for is clamped, at the start and at every resize, and each playground runs
under a memory limit.

The real program in a subprocess, sessions over a websocket (tests/e2e/serving.py). The
sizes asked here are past the limits but harmless unclamped: the test fails, it does not
take gigabytes, on a server without the clamp.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.serving import TITLE, Server, drawn, environ_of, read_until

aiohttp = pytest.importorskip("aiohttp")  # textual-serve's own dependency
serve_session = pytest.importorskip("nntui.cli.serve_session")

pytestmark = [
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
        frame = await drawn(ws, lambda shown: _rows(shown) >= most_rows, 20)  # the frame at the new size…
        assert _rows(frame) >= most_rows
        # …and nothing below it: a taller frame would draw its last rows a moment after row 200.
        frame += await drawn(ws, lambda shown: _rows(shown) > most_rows, 1)
        assert _rows(frame) == most_rows
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
