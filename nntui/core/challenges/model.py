"""What a challenge is, and what checking one says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nntui.core.network import Network


@dataclass(frozen=True)
class Verdict:
    """Whether a network meets a challenge's goal, and in words how far it is (translated)."""

    solved: bool
    detail: str


@dataclass(frozen=True)
class Challenge:
    """A goal to reach on a given network, by hand or by training.

    ``title``, ``goal``, ``hint`` and ``why_impossible`` are catalogue keys:
    the screen shows ``t(key)``.  ``start`` builds a fresh start network (in
    the current language); ``check`` never changes the network it is given
    and never raises.  ``targets`` gives the truth table's wanted outputs
    (None when the goal is not a truth table); ``why_impossible`` is set for
    a challenge no network of its shape can meet.  ``dataset`` names the
    generated dataset (``make_dataset(dataset, seed=0)``) a training
    challenge is judged on, or None; the playground trains on that data when
    the challenge opens (the training settings' defaults give the same split).
    """

    id: str
    title: str
    goal: str
    hint: str
    start: Callable[[], Network]
    check: Callable[[Network], Verdict]
    targets: Callable[[tuple[bool, ...]], tuple[float, ...]] | None
    why_impossible: str | None
    dataset: str | None = None

    def targets_for(self, network: Network) -> Callable[[tuple[bool, ...]], tuple[float, ...]] | None:
        """The truth table's wanted outputs, when ``network`` reads as many inputs and gives as
        many outputs as the challenge's own network (another shape: None, the check says why)."""
        if self.targets is None:
            return None
        start = self.start()
        if (network.n_inputs, network.sizes[-1]) != (start.n_inputs, start.sizes[-1]):
            return None
        return self.targets
