"""The training view's widgets: mounted at its first ``ctrl+t``, waited for before the app closes.

A playground that never trains does not pay for styling them (about half
of a start).  Textual's lists set themselves up as they mount: one mounted
as the app closes finds its own parts gone, so quitting waits for them
(``ctrl+t`` then ``q`` in one write ended in a traceback).
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.widget import AwaitMount, Widget

from nntui.app.widgets.boundary_view import BoundaryView
from nntui.app.widgets.confusion_view import ConfusionView
from nntui.app.widgets.loss_chart import LossChart
from nntui.app.widgets.metrics_panel import MetricsPanel
from nntui.app.widgets.mistakes_view import MistakesView
from nntui.app.widgets.training_panel import TrainingPanel
from nntui.document.session import TrainingSettings


class TrainingWidgets:
    """Builds the training view of ``screen`` (its ``#training`` row, with ``#train-results`` in it)."""

    def __init__(self, screen: Widget) -> None:
        self._screen = screen
        self._mounting: list[AwaitMount] = []  # asked for, not yet waited for

    def build(self, settings: TrainingSettings) -> None:
        """The widgets, the first time the view opens; nothing after."""
        results = self._screen.query_one("#train-results", Vertical)
        if results.children:
            return
        self._mounting = [
            self._screen.query_one("#training", Horizontal).mount(
                TrainingPanel(settings, id="training-panel"),
                BoundaryView(id="boundary"),
                ConfusionView(id="confusion"),  # these two instead of the boundary for images
                MistakesView(id="mistakes"),
                before=results,
            ),
            results.mount(LossChart(id="loss"), MetricsPanel(id="metrics")),
        ]

    @property
    def pending(self) -> bool:
        """Whether widgets were asked for and not yet waited for (:meth:`mounted`)."""
        return bool(self._mounting)

    async def mounted(self) -> None:
        """Once every widget asked for is mounted (at once when they are, or none was)."""
        mounting, self._mounting = self._mounting, []
        for widgets in mounting:
            await widgets
