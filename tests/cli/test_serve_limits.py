"""``nntui serve`` bounds what one visitor can take: the terminal size a browser asks for,
and each playground's memory (#22, fall 11). The real server is in tests/e2e/test_serve_limits.py."""

from __future__ import annotations

import pytest

pytest.importorskip("textual_serve")

from nntui.cli.serve_session import (  # only with textual-serve
    MEMORY_BASE,
    MEMORY_PER_CPU,
    MOST_COLUMNS,
    MOST_ROWS,
    clamped_size,
    limited,
    memory_limit,
)


@pytest.mark.parametrize(("asked", "given"), [
    ((80, 24), (80, 24)),
    ((30000, 30000), (MOST_COLUMNS, MOST_ROWS)),  # 98% of a core and growing gigabytes, unclamped
    ((1, 100000), (1, MOST_ROWS)),  # half a gigabyte, unclamped
    ((0, -5), (1, 1)),
    ((10**100, 2**64), (MOST_COLUMNS, MOST_ROWS)),
    (("120", "40"), (120, 40)),  # a resize message's numbers are whatever JSON the browser sent
    ((120.7, 40.2), (120, 40)),
    ((None, "tall"), (80, 24)),
    ((float("inf"), float("nan")), (80, 24)),
])
def test_a_visitors_terminal_size_is_clamped(asked: tuple[object, object], given: tuple[int, int]) -> None:
    assert clamped_size(*asked) == given


def test_the_limits_are_sensible() -> None:
    assert (MOST_COLUMNS, MOST_ROWS) == (500, 200)
    assert memory_limit(2) == MEMORY_BASE + 2 * MEMORY_PER_CPU == 1152 * 2**20
    assert memory_limit(64) > memory_limit(2)  # OpenBLAS starts a thread, with its buffer, per core


def test_the_app_starts_under_its_memory_limit() -> None:
    line = limited("python -m nntui", 1152 * 2**20)
    assert line == "ulimit -d 1179648 2>/dev/null; exec python -m nntui"  # kibibytes; a shell without it goes on
