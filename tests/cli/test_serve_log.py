"""Text is text in `nntui serve`'s log too: what a visitor sends and a warning quotes reaches the
server's terminal with each control character as its visible stand-in."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("textual_serve")


def test_the_servers_log_shows_control_characters_as_visible_ones() -> None:
    code = (
        "import logging\n"
        "from nntui.cli.serve_web import WebServer\n"
        "WebServer.initialize_logging(None)\n"
        "logging.getLogger('aiohttp.server')"
        ".warning('Bad request: GET /\\x1b]0;PWN\\x07\\x1b[2J HTTP/1.1\\nsecond line')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stderr == "nntui serve: Bad request: GET /␛]0;PWN␇␛[2J HTTP/1.1\nsecond line\n"
