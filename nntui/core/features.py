"""Input features: the network's inputs computed from a point's coordinates.

TensorFlow Playground feeds its network x1, x2, x1², x2², x1·x2, sin(x1) and
sin(x2) of each point, chosen by toggles.  Here a network may carry such a
list: its inputs are then *features* of a point (x1, …, xd), computed from
the point by :func:`compute`, for the point the inputs show as for every
sample of the data and every pixel of the boundary.

A feature is written in the file as one of ``xI``, ``xI^2``, ``xI*xJ``
(I < J) and ``sin(xI)``, with I and J counted from 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nntui.i18n import t

Array = NDArray[np.float64]

MAX_COORDINATES = 9  # one digit per coordinate keeps the ids short; data has 2 in the playground

_PATTERNS = (
    ("plain", re.compile(r"x([1-9])")),
    ("square", re.compile(r"x([1-9])\^2")),
    ("product", re.compile(r"x([1-9])\*x([1-9])")),
    ("sine", re.compile(r"sin\(x([1-9])\)")),
)


class FeatureError(ValueError):
    """A feature id that is not one of the forms above, or a list that cannot be used."""


@dataclass(frozen=True)
class Feature:
    """One feature: its form and the coordinates (0-based) it reads."""

    kind: str  # "plain", "square", "product" or "sine"
    first: int
    second: int = -1

    @property
    def id(self) -> str:
        """How the file writes it: x1, x1^2, x1*x2, sin(x1)."""
        a, b = self.first + 1, self.second + 1
        return {"plain": f"x{a}", "square": f"x{a}^2", "product": f"x{a}*x{b}", "sine": f"sin(x{a})"}[self.kind]

    @property
    def label(self) -> str:
        """How the screen shows it: x1, x1², x1·x2, sin x1."""
        a, b = self.first + 1, self.second + 1
        return {"plain": f"x{a}", "square": f"x{a}²", "product": f"x{a}·x{b}", "sine": f"sin x{a}"}[self.kind]

    @property
    def coordinates(self) -> tuple[int, ...]:
        return (self.first,) if self.second < 0 else (self.first, self.second)

    def of(self, points: Array) -> Array:
        """This feature of every point: ``points`` is (n, d), the result (n,)."""
        x = points[:, self.first]
        if self.kind == "plain":
            return x
        if self.kind == "square":
            return x * x
        if self.kind == "product":
            return x * points[:, self.second]
        return np.sin(x)


def parse(text: object) -> Feature:
    """The feature a file's id names; :class:`FeatureError` for anything else."""
    if isinstance(text, str):
        for kind, pattern in _PATTERNS:
            match = pattern.fullmatch(text)
            if match:
                numbers = [int(g) - 1 for g in match.groups()]
                if kind == "product" and numbers[0] >= numbers[1]:
                    break
                return Feature(kind, *numbers)
    raise FeatureError(t("core.features.unknown", feature=repr(text)[:40]))


def parse_all(ids: Sequence[object]) -> tuple[Feature, ...]:
    """A network's features: at least one, none twice, in any order."""
    features = tuple(parse(item) for item in ids)
    if not features:
        raise FeatureError(t("core.features.empty"))
    seen: set[Feature] = set()
    for feature in features:
        if feature in seen:
            raise FeatureError(t("core.features.twice", feature=feature.id))
        seen.add(feature)
    return features


def coordinate_count(features: Sequence[Feature]) -> int:
    """How many coordinates a point needs for these features: the highest one read."""
    return 1 + max(max(f.coordinates) for f in features)


def available(coordinates: int) -> tuple[Feature, ...]:
    """The features offered for points of ``coordinates`` numbers, in TensorFlow Playground's
    order for 2: every xI, every xI², every xI·xJ, every sin(xI)."""
    d = range(min(coordinates, MAX_COORDINATES))
    return (
        *(Feature("plain", i) for i in d),
        *(Feature("square", i) for i in d),
        *(Feature("product", i, j) for i in d for j in d if i < j),
        *(Feature("sine", i) for i in d),
    )


def compute(features: Sequence[Feature], points: ArrayLike) -> Array:
    """The inputs of the network for ``points``: one point (d,) gives (f,), a batch (n, d) gives (n, f)."""
    array = np.asarray(points, dtype=np.float64)
    batch = np.atleast_2d(array)
    with np.errstate(over="ignore", invalid="ignore"):
        result = np.stack([feature.of(batch) for feature in features], axis=1)
    return result[0] if array.ndim == 1 else result


def ordered(features: Sequence[Feature], coordinates: int) -> tuple[Feature, ...]:
    """``features`` in the order the toggles show them (a toggled one takes its place)."""
    order = {feature: k for k, feature in enumerate(available(max(coordinates, coordinate_count(features))))}
    return tuple(sorted(features, key=lambda f: order.get(f, len(order))))
