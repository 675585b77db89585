"""The dataset every part of nntui trains on, and the checks and the split its makers share.

A :class:`Dataset` comes from :func:`nntui.core.datasets.make_dataset` (the
generated sets) or :func:`nntui.core.datasets.load_csv` (a CSV file); both
check their arguments and split the samples the same way, with the helpers
below.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from nntui.core.image import ImageShape, check_image_shape
from nntui.i18n import t

Array = NDArray[np.float64]
Kind = Literal["classification", "regression"]

KINDS: tuple[str, ...] = ("classification", "regression")


@dataclass(frozen=True, eq=False)
class Dataset:
    """Training and test samples, one row per sample.

    The arrays are float64 copies made read-only, so a dataset can be shared
    safely; index or copy them to get writable arrays.
    """

    name: str
    kind: Kind
    x_train: Array  # (n_train, n_inputs)
    y_train: Array  # (n_train, n_outputs)
    x_test: Array  # (n_test, n_inputs)
    y_test: Array  # (n_test, n_outputs)
    input_names: tuple[str, ...]
    output_names: tuple[str, ...]
    note: str = ""  # how the data was read, if the learner should know (a CSV column read as labels)
    image_shape: ImageShape | None = None  # (rows, columns) when the inputs are the pixels of a picture, row by row

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(t("core.data.unknown_kind", kind=repr(self.kind), valid=", ".join(KINDS)))
        object.__setattr__(self, "input_names", tuple(self.input_names))
        object.__setattr__(self, "output_names", tuple(self.output_names))
        if not self.input_names or not self.output_names:
            raise ValueError(t("core.data.needs_columns"))
        if self.image_shape is not None:
            object.__setattr__(self, "image_shape", check_image_shape(self.image_shape, len(self.input_names)))
        columns = {
            "x_train": len(self.input_names),
            "y_train": len(self.output_names),
            "x_test": len(self.input_names),
            "y_test": len(self.output_names),
        }
        for field, n_columns in columns.items():
            array = np.array(getattr(self, field), dtype=np.float64)
            if array.ndim != 2 or array.shape[1] != n_columns:
                raise ValueError(t("core.data.array_shape", array=field, shape=array.shape, columns=n_columns))
            if not np.all(np.isfinite(array)):
                raise ValueError(t("core.data.not_finite", array=field))
            array.setflags(write=False)
            object.__setattr__(self, field, array)
        if len(self.x_train) != len(self.y_train) or len(self.x_test) != len(self.y_test):
            raise ValueError(
                t(
                    "core.data.rows",
                    x_train=len(self.x_train),
                    x_test=len(self.x_test),
                    y_train=len(self.y_train),
                    y_test=len(self.y_test),
                )
            )
        if len(self.x_train) == 0:
            raise ValueError(t("core.data.needs_sample"))
        if self.kind == "classification":
            for y in (self.y_train, self.y_test):
                if not np.all((y == 0.0) | (y == 1.0)):
                    raise ValueError(t("core.data.labels"))

    @property
    def n_inputs(self) -> int:
        return len(self.input_names)

    @property
    def n_outputs(self) -> int:
        return len(self.output_names)

    @property
    def bounds(self) -> tuple[tuple[float, float], ...]:
        """Per input, (low, high) covering train and test with a 10% margin each side.

        A constant input gets a margin of max(1, 10% of its value), so low < high.
        """
        x = np.concatenate([self.x_train, self.x_test])
        lo = x.min(axis=0)
        hi = x.max(axis=0)
        margin = 0.1 * hi - 0.1 * lo  # no overflow for huge spans
        margin = np.where(margin > 0, margin, np.maximum(1.0, 0.1 * np.abs(lo)))
        big = np.finfo(np.float64).max
        with np.errstate(over="ignore"):
            low = np.clip(lo - margin, -big, big)
            high = np.clip(hi + margin, -big, big)
        return tuple((float(a), float(b)) for a, b in zip(low, high))


# --- shared by the generated sets and the CSV files ---------------------------------


def is_real(value: object) -> bool:
    """A real number (a bool is not one)."""
    return not isinstance(value, bool) and isinstance(value, (int, float, np.integer, np.floating))


def check_test_fraction(test_fraction: float) -> None:
    """ValueError unless 0 < test_fraction < 1."""
    if not is_real(test_fraction) or not 0.0 < test_fraction < 1.0:
        raise ValueError(t("core.data.test_fraction", value=repr(test_fraction)))


def check_seed(seed: int) -> None:
    """ValueError unless ``seed`` is a whole number >= 0."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(t("core.data.seed", value=repr(seed)))


def _n_test(n: int, test_fraction: float) -> int:
    """How many of ``n`` samples go to the test part: round(n * fraction), within [1, n - 1]."""
    return min(max(math.floor(n * test_fraction + 0.5), 1), n - 1)


def split_samples(
    name: str,
    kind: Kind,
    x: Array,
    y: Array,
    input_names: tuple[str, ...],
    output_names: tuple[str, ...],
    test_fraction: float,
    rng: np.random.Generator,
    image_shape: ImageShape | None = None,
) -> Dataset:
    """The dataset of the samples (x, y), shuffled with ``rng`` and split by ``test_fraction``."""
    n = len(x)
    order = rng.permutation(n)
    n_train = n - _n_test(n, test_fraction)
    train, test = order[:n_train], order[n_train:]
    return Dataset(name, kind, x[train], y[train], x[test], y[test], input_names, output_names, image_shape=image_shape)
