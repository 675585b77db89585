"""Counting the frames an app shows: screen updates, encoded as a terminal would get them,
that follow a change of the picture (a training-view tick, a picture-app redraw); and
waiting, posting nothing, until an app has nothing queued (``settled``).

Textual has no public hook on what it writes to the terminal: the app's ``_display``
is wrapped, here only, for the benchmarks.
"""

from __future__ import annotations

import asyncio
import time

from textual._compositor import CompositorUpdate
from textual.app import App

SETTLED_TURNS = 3  # turns of the event loop with every queue empty: a handler awaiting something gets to go on
SETTLED_TIMEOUT = 10.0


class FrameCounter:
    """``counts["frames"]``: updates after a new picture; ``counts["bytes"]``: their encoded size."""

    def __init__(self, app: App) -> None:
        self.counts = {"frames": 0, "bytes": 0}
        self._pending = False
        self._app = app
        self._display = app._display
        app._display = self._display_and_encode  # type: ignore[method-assign]

    def picture_changed(self) -> None:
        """The next screen update shows a new picture: it counts as a frame."""
        self._pending = True

    def _display_and_encode(self, screen, renderable):  # type: ignore[no-untyped-def]
        if isinstance(renderable, CompositorUpdate):
            self.counts["bytes"] += len(renderable.render_segments(self._app.console))
            if self._pending:
                self.counts["frames"] += 1
                self._pending = False
        return self._display(screen, renderable)


async def settled(app: App) -> None:
    """Until nothing is queued anywhere: the app, its screen and every widget of the screen.

    Private names of Textual (``_message_queue``), allowed in benchmarks/: there is no public way to
    see a message pump's queue, and this wait must post nothing (posting is what it would measure)."""
    start = time.perf_counter()
    empty_turns = 0
    while empty_turns < SETTLED_TURNS:
        await asyncio.sleep(0)
        pumps = [app, *app.screen.walk_children(with_self=True)]
        empty_turns = empty_turns + 1 if all(pump._message_queue.empty() for pump in pumps) else 0
        if time.perf_counter() - start > SETTLED_TIMEOUT:
            raise RuntimeError(f"{type(app).__name__}: messages still queued after {SETTLED_TIMEOUT:g} s")
