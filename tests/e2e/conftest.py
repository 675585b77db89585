"""The end-to-end tests' shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.serving import Server


@pytest.fixture
def servers() -> Iterator[list[Server]]:
    """The ``nntui serve`` servers a test starts (tests.e2e.serving.start); whatever they left
    running is killed afterwards."""
    started: list[Server] = []
    yield started
    for server in started:
        server.kill()
