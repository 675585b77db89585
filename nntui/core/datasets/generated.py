"""Seeded datasets to train on, like the TensorFlow Playground's, and the handwritten digits.

Every generated set has two inputs ("x1", "x2") roughly within [-1, 1] (the
playground's [-6, 6] divided by 6) and one output "y": a label 0.0 / 1.0 for
classification, a value in about [-1, 1] for regression.  The same arguments
and seed always give the same data; the noise is drawn after the clean points,
so raising the noise only moves the same points (classification) or perturbs
the same targets (regression).  :func:`make_dataset` also gives the digits
(:mod:`nntui.core.datasets.digits`): real pictures, not generated, with the
same arguments.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping

import numpy as np

from nntui.core.datasets.dataset import (
    Array,
    Dataset,
    Kind,
    check_seed,
    check_test_fraction,
    is_real,
    split_samples,
)
from nntui.core.datasets.digits import DIGIT_COUNT, DIGITS, sample_digits
from nntui.i18n import t, whole_number

MIN_SAMPLES = 4
MAX_SAMPLES = 100_000  # of a generated set; the digits have DIGIT_COUNT
DEFAULT_SAMPLES = 400  # of a generated set; the digits: all of them
MAX_NOISE = 0.5

GENERATED_NAMES: tuple[str, ...] = (
    "circle",
    "xor",
    "gaussians",
    "spiral",
    "plane",
    "multi_gaussian",
)
DATASET_NAMES: tuple[str, ...] = (*GENERATED_NAMES, DIGITS)


class _Translated(Mapping[str, str]):
    """A read-only dict whose values are catalogue keys, read in the current language."""

    def __init__(self, keys: dict[str, str]) -> None:
        self._keys = keys

    def __getitem__(self, name: str) -> str:
        return t(self._keys[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


# One sentence per dataset, in the current language.
DATASET_DESCRIPTIONS: Mapping[str, str] = _Translated(
    {
        "circle": "core.dataset.circle",
        "xor": "core.dataset.xor",
        "gaussians": "core.dataset.gaussians",
        "spiral": "core.dataset.spiral",
        "plane": "core.dataset.plane",
        "multi_gaussian": "core.dataset.multi_gaussian",
        DIGITS: "core.dataset.digits",
    }
)
# Where the data comes from and its licence, for the sets that are not generated.
DATASET_CREDITS: Mapping[str, str] = _Translated({DIGITS: "core.dataset.digits.credit"})

_RADIUS = 5 / 6  # the playground's radius 5, divided by 6
CIRCLE_BOUNDARY = 0.5  # class 1 iff the distance from the centre is below this
XOR_PADDING = 0.05  # the playground's 0.3, divided by 6
GAUSSIAN_CENTER = 1 / 3  # class 1 around (c, c), class 0 around (-c, -c)
GAUSSIAN_SD = math.sqrt(0.5) / 6  # the playground's variance 0.5, divided by 6
GAUSSIAN_LIMIT = 3.0  # blob offsets are cut at 3 sd, so noise 0 is separable
SPIRAL_TURNS = 1.75
PLANE_WEIGHTS = (0.5, 0.5)
# (centre x1, centre x2, sign) of multi_gaussian's bumps: the playground's, / 6.
BUMPS: tuple[tuple[float, float, float], ...] = (
    (-2 / 3, 5 / 12, 1.0),
    (0.0, 5 / 12, -1.0),
    (2 / 3, 5 / 12, 1.0),
    (-2 / 3, -5 / 12, -1.0),
    (0.0, -5 / 12, 1.0),
    (2 / 3, -5 / 12, -1.0),
)
BUMP_SD = 0.2

# The standard deviation of the noise at noise = 1: Gaussian jitter on the
# positions for classification, on y for regression.  At the maximum noise 0.5
# this matches the spread of the playground's uniform noise.
NOISE_SCALE: dict[str, float] = {
    "circle": 0.5,
    "xor": 0.5,
    "gaussians": 0.5,
    "spiral": 0.1,  # the arms are only ~0.24 apart
    "plane": 0.5,
    "multi_gaussian": 0.5,
}

_Generator = Callable[[np.random.Generator, int], tuple[Array, Array]]


def _circle(rng: np.random.Generator, n: int) -> tuple[Array, Array]:
    n_in = n // 2
    radius = np.concatenate([rng.uniform(0.0, 0.5 * _RADIUS, n_in), rng.uniform(0.7 * _RADIUS, _RADIUS, n - n_in)])
    angle = rng.uniform(0.0, 2 * math.pi, n)
    x = np.column_stack([radius * np.sin(angle), radius * np.cos(angle)])
    return x, _labels(n_in, n - n_in)


def _xor(rng: np.random.Generator, n: int) -> tuple[Array, Array]:
    n_same = n // 2
    magnitude = rng.uniform(0.0, _RADIUS, (n, 2)) + XOR_PADDING
    sign = np.where(rng.random(n) < 0.5, -1.0, 1.0)
    second = np.concatenate([sign[:n_same], -sign[n_same:]])
    x = magnitude * np.column_stack([sign, second])
    return x, _labels(n_same, n - n_same)


def _gaussians(rng: np.random.Generator, n: int) -> tuple[Array, Array]:
    n_pos = n // 2
    offset = rng.standard_normal((n, 2))
    while True:  # resample the rare offsets beyond the limit (about 1.1%)
        far = np.hypot(offset[:, 0], offset[:, 1]) > GAUSSIAN_LIMIT
        if not far.any():
            break
        offset[far] = rng.standard_normal((int(far.sum()), 2))
    center = np.where(np.arange(n) < n_pos, GAUSSIAN_CENTER, -GAUSSIAN_CENTER)
    x = center[:, None] + GAUSSIAN_SD * offset
    return x, _labels(n_pos, n - n_pos)


def _spiral(rng: np.random.Generator, n: int) -> tuple[Array, Array]:
    n_pos = n // 2
    u = rng.uniform(0.0, 1.0, n)
    phase = np.where(np.arange(n) < n_pos, 0.0, math.pi)
    t = SPIRAL_TURNS * 2 * math.pi * u + phase
    radius = _RADIUS * u
    x = np.column_stack([radius * np.sin(t), radius * np.cos(t)])
    return x, _labels(n_pos, n - n_pos)


def _plane(rng: np.random.Generator, n: int) -> tuple[Array, Array]:
    x = rng.uniform(-1.0, 1.0, (n, 2))
    return x, (x @ np.array(PLANE_WEIGHTS))[:, None]


def _multi_gaussian(rng: np.random.Generator, n: int) -> tuple[Array, Array]:
    x = rng.uniform(-1.0, 1.0, (n, 2))
    y = np.zeros(n)
    for cx, cy, sign in BUMPS:
        d2 = (x[:, 0] - cx) ** 2 + (x[:, 1] - cy) ** 2
        y += sign * np.exp(-d2 / (2 * BUMP_SD**2))
    return x, y[:, None]


def _labels(n_ones: int, n_zeros: int) -> Array:
    return np.concatenate([np.ones(n_ones), np.zeros(n_zeros)])[:, None]


_GENERATORS: dict[str, _Generator] = {
    "circle": _circle,
    "xor": _xor,
    "gaussians": _gaussians,
    "spiral": _spiral,
    "plane": _plane,
    "multi_gaussian": _multi_gaussian,
}
_REGRESSION = frozenset({"plane", "multi_gaussian"})


def make_dataset(
    name: str,
    *,
    samples: int | None = None,
    noise: float = 0.0,
    test_fraction: float = 0.5,
    seed: int = 0,
) -> Dataset:
    """Generate the dataset ``name`` (one of :data:`DATASET_NAMES`), shuffled and split.

    ``noise`` in [0, 0.5] jitters the positions (classification) or the
    targets (regression); for the digits, each pixel's ink, clipped to 0…1.
    ``samples`` is 400 by default, at most MAX_SAMPLES; for the digits, that
    many of the images drawn with the seed, all DIGIT_COUNT by default (more
    is refused).  The test part has round(samples * test_fraction) samples,
    at least 1 and at most samples - 1.  The generated classes are balanced:
    half the samples (rounded down) have label 1.
    """
    if name not in DATASET_NAMES:
        raise ValueError(t("core.data.unknown_dataset", name=repr(name), valid=", ".join(DATASET_NAMES)))
    if samples is None:
        samples = DIGIT_COUNT if name == DIGITS else DEFAULT_SAMPLES
    high = DIGIT_COUNT if name == DIGITS else MAX_SAMPLES
    if isinstance(samples, bool) or not isinstance(samples, (int, np.integer)) or not MIN_SAMPLES <= samples <= high:
        if name == DIGITS:
            count = whole_number(DIGIT_COUNT)
            raise ValueError(t("core.digits.samples", low=MIN_SAMPLES, high=high, count=count, value=repr(samples)))
        raise ValueError(t("core.data.samples", low=MIN_SAMPLES, high=high, value=repr(samples)))
    if not is_real(noise) or not 0.0 <= noise <= MAX_NOISE:
        raise ValueError(t("core.data.noise", high=MAX_NOISE, value=repr(noise)))
    check_test_fraction(test_fraction)
    check_seed(seed)
    n = int(samples)
    rng = np.random.default_rng(seed)
    if name == DIGITS:
        return sample_digits(n, float(noise), test_fraction, rng)
    x, y = _GENERATORS[name](rng, n)
    # Always draw the noise, so the shuffle below does not depend on it.
    jitter = float(noise) * NOISE_SCALE[name]
    if name in _REGRESSION:
        y = y + jitter * rng.standard_normal(y.shape)
    else:
        x = x + jitter * rng.standard_normal(x.shape)
    kind: Kind = "regression" if name in _REGRESSION else "classification"
    return split_samples(name, kind, x, y, ("x1", "x2"), ("y",), test_fraction, rng)
