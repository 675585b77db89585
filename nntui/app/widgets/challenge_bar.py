"""The current challenge's goal, how close the network is, and a hint when it is needed."""

from __future__ import annotations

from textual.widgets import Static


class ChallengeBar(Static):
    """Shown above the network while a challenge is open."""
