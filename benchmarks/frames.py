"""Counting the frames an app shows: screen updates, encoded as a terminal would get them,
that follow a change of the picture (a training-view tick, a picture-app redraw).

Textual has no public hook on what it writes to the terminal: the app's ``_display``
is wrapped, here only, for the benchmarks.
"""

from __future__ import annotations

from textual._compositor import CompositorUpdate
from textual.app import App


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
