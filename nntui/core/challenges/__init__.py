"""Challenges: goals a learner reaches by setting weights by hand, or by training.

* :mod:`~nntui.core.challenges.model`: :class:`Challenge` and :class:`Verdict`;
* :mod:`~nntui.core.challenges.checks`: the start networks and the checks;
* :mod:`~nntui.core.challenges.digits`: those of the handwritten digits;
* :mod:`~nntui.core.challenges.catalogue`: :data:`CHALLENGES`, in teaching
  order, and :func:`challenge`.

The words (titles, goals, hints, why a challenge is impossible) are
catalogue keys, in ``nntui/i18n/messages_challenges.py``.
"""

from nntui.core.challenges.catalogue import CHALLENGES, challenge
from nntui.core.challenges.model import Challenge, Verdict
from nntui.core.truth import separable

__all__ = ["CHALLENGES", "Challenge", "Verdict", "challenge", "separable"]
