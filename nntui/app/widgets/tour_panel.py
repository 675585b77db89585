"""The guided tour's words, above the network."""

from __future__ import annotations

from textual.widgets import Static


class TourPanel(Static):
    """The current step of the tour (hidden when no tour is running)."""
