"""Seeded datasets to train on, like the TensorFlow Playground's, and CSV loading.

Every generated set has two inputs ("x1", "x2") roughly within [-1, 1] (the
playground's [-6, 6] divided by 6) and one output "y": a label 0.0 / 1.0 for
classification, a value in about [-1, 1] for regression.  The same arguments
and seed always give the same data; the noise is drawn after the clean points,
so raising the noise only moves the same points (classification) or perturbs
the same targets (regression).

:func:`load_csv` reads custom data and raises :class:`DataFileError` with one
line that names the file and the exact problem.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from nntui.core.fileformat import located, read_error_message
from nntui.i18n import t

Array = NDArray[np.float64]
Kind = Literal["classification", "regression"]

KINDS: tuple[str, ...] = ("classification", "regression")

MIN_SAMPLES = 4
MAX_SAMPLES = 100_000
MAX_NOISE = 0.5


class DataFileError(ValueError):
    """A data file that cannot be loaded; the one-line message says where and why."""


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

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(t("core.data.unknown_kind", kind=repr(self.kind), valid=", ".join(KINDS)))
        object.__setattr__(self, "input_names", tuple(self.input_names))
        object.__setattr__(self, "output_names", tuple(self.output_names))
        if not self.input_names or not self.output_names:
            raise ValueError(t("core.data.needs_columns"))
        columns = {
            "x_train": len(self.input_names),
            "y_train": len(self.output_names),
            "x_test": len(self.input_names),
            "y_test": len(self.output_names),
        }
        for field, n_columns in columns.items():
            array = np.array(getattr(self, field), dtype=np.float64)
            if array.ndim != 2 or array.shape[1] != n_columns:
                raise ValueError(
                    t("core.data.array_shape", array=field, shape=array.shape, columns=n_columns)
                )
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


# --- generated datasets ----------------------------------------------------------

DATASET_NAMES: tuple[str, ...] = (
    "circle",
    "xor",
    "gaussians",
    "spiral",
    "plane",
    "multi_gaussian",
)



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
    }
)

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
    radius = np.concatenate(
        [rng.uniform(0.0, 0.5 * _RADIUS, n_in), rng.uniform(0.7 * _RADIUS, _RADIUS, n - n_in)]
    )
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
    samples: int = 400,
    noise: float = 0.0,
    test_fraction: float = 0.5,
    seed: int = 0,
) -> Dataset:
    """Generate the dataset ``name`` (one of :data:`DATASET_NAMES`), shuffled and split.

    ``noise`` in [0, 0.5] jitters the positions (classification) or the
    targets (regression).  The test part has round(samples * test_fraction)
    samples, at least 1 and at most samples - 1.  Classes are balanced: half
    the samples (rounded down) have label 1.
    """
    if name not in _GENERATORS:
        raise ValueError(t("core.data.unknown_dataset", name=repr(name), valid=", ".join(DATASET_NAMES)))
    if (
        isinstance(samples, bool)
        or not isinstance(samples, (int, np.integer))
        or not MIN_SAMPLES <= samples <= MAX_SAMPLES
    ):
        raise ValueError(
            t("core.data.samples", low=MIN_SAMPLES, high=MAX_SAMPLES, value=repr(samples))
        )
    if not _is_real(noise) or not 0.0 <= noise <= MAX_NOISE:
        raise ValueError(t("core.data.noise", high=MAX_NOISE, value=repr(noise)))
    _check_test_fraction(test_fraction)
    _check_seed(seed)
    n = int(samples)
    rng = np.random.default_rng(seed)
    x, y = _GENERATORS[name](rng, n)
    # Always draw the noise, so the shuffle below does not depend on it.
    jitter = float(noise) * NOISE_SCALE[name]
    if name in _REGRESSION:
        y = y + jitter * rng.standard_normal(y.shape)
    else:
        x = x + jitter * rng.standard_normal(x.shape)
    kind: Kind = "regression" if name in _REGRESSION else "classification"
    return _split(name, kind, x, y, ("x1", "x2"), ("y",), test_fraction, rng)


def _is_real(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float, np.integer, np.floating))


def _check_test_fraction(test_fraction: float) -> None:
    if not _is_real(test_fraction) or not 0.0 < test_fraction < 1.0:
        raise ValueError(t("core.data.test_fraction", value=repr(test_fraction)))


def _check_seed(seed: int) -> None:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(t("core.data.seed", value=repr(seed)))


def _n_test(n: int, test_fraction: float) -> int:
    """How many of ``n`` samples go to the test part: round(n * fraction), within [1, n - 1]."""
    return min(max(math.floor(n * test_fraction + 0.5), 1), n - 1)


def _split(
    name: str,
    kind: Kind,
    x: Array,
    y: Array,
    input_names: tuple[str, ...],
    output_names: tuple[str, ...],
    test_fraction: float,
    rng: np.random.Generator,
) -> Dataset:
    n = len(x)
    order = rng.permutation(n)
    n_train = n - _n_test(n, test_fraction)
    train, test = order[:n_train], order[n_train:]
    return Dataset(name, kind, x[train], y[train], x[test], y[test], input_names, output_names)


# --- CSV files -------------------------------------------------------------------


def load_csv(
    path: str | os.PathLike[str], *, test_fraction: float = 0.2, seed: int = 0
) -> Dataset:
    """Read a CSV file with a header: input columns first, then outputs named y, y1, y2...

    The rows are shuffled with ``seed`` and split like :func:`make_dataset`.
    The kind is "classification" when every output value is 0 or 1, else
    "regression".  Problems with the file raise :class:`DataFileError`.
    """
    _check_test_fraction(test_fraction)
    _check_seed(seed)
    label = _one_line(os.fspath(path))
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise DataFileError(read_error_message(label, error, t("core.file.kind.csv"))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataFileError(t("core.file.not_text", label=label, byte=error.start)) from None
    try:
        names, n_inputs, rows = _parse_csv(text)
    except _Problem as problem:
        raise DataFileError(_one_line(located(label, problem))) from None
    data = np.array(rows, dtype=np.float64)
    x, y = data[:, :n_inputs], data[:, n_inputs:]
    kind: Kind = "classification" if bool(np.all((y == 0.0) | (y == 1.0))) else "regression"
    rng = np.random.default_rng(seed)
    return _split(
        Path(label).name or label,
        kind,
        x,
        y,
        tuple(names[:n_inputs]),
        tuple(names[n_inputs:]),
        test_fraction,
        rng,
    )


class _Problem(Exception):
    """Internal: a problem in the CSV text; the message lacks the file name."""


def _parse_csv(text: str) -> tuple[list[str], int, list[list[float]]]:
    """The column names, the number of input columns and the data rows."""
    reader = csv.reader(io.StringIO(text, newline=""))
    names: list[str] | None = None
    n_inputs = 0
    rows: list[list[float]] = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise _Problem(t("core.csv.invalid", line=reader.line_num, reason=error)) from None
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # a blank line
        line = reader.line_num
        if names is None:
            names = [name.strip() for name in row]
            n_inputs = _check_header(names, line)
            continue
        if len(row) != len(names):
            raise _Problem(
                t("core.csv.row_length", line=line, count=len(names), names=_name_list(names), found=len(row))
            )
        values: list[float] = []
        for column, (field, name) in enumerate(zip(row, names), start=1):
            where = t("core.csv.at_cell", line=line, column=column, name=_quote(name))
            shown = _quote(field.strip())
            try:
                value = float(field)
            except ValueError:
                raise _Problem(t("core.csv.not_number", where=where, found=shown)) from None
            if not math.isfinite(value):
                raise _Problem(t("core.csv.not_finite", where=where, found=shown))
            values.append(value)
        rows.append(values)
    if names is None:
        raise _Problem(t("core.csv.empty"))
    if not rows:
        raise _Problem(t("core.csv.no_rows"))
    if len(rows) < 2:
        raise _Problem(t("core.csv.one_row"))
    return names, n_inputs, rows


def _check_header(names: list[str], line: int) -> int:
    """Validate the column names; return the number of input columns."""
    for column, name in enumerate(names, start=1):
        if not name:
            raise _Problem(t("core.csv.empty_name", line=line, column=column))
    first_seen: dict[str, int] = {}
    for column, name in enumerate(names, start=1):
        if name in first_seen:
            raise _Problem(
                t("core.csv.duplicate", line=line, name=_quote(name), first=first_seen[name], column=column)
            )
        first_seen[name] = column
    is_output = [name.startswith("y") for name in names]
    if not any(is_output):
        if len(names) == 1 and (";" in names[0] or "\t" in names[0]):
            raise _Problem(t("core.csv.one_column", line=line, name=_quote(names[0])))
        raise _Problem(t("core.csv.no_output"))
    if all(is_output):
        raise _Problem(t("core.csv.no_input"))
    n_inputs = is_output.index(True)
    if not all(is_output[n_inputs:]):
        raise _Problem(t("core.csv.output_first", name=_quote(names[n_inputs])))
    return n_inputs


def _name_list(names: list[str]) -> str:
    if len(names) <= 8:
        return ", ".join(names)
    return ", ".join(names[:4] + ["..."] + names[-2:])


def _quote(text: str, limit: int = 24) -> str:
    shown = text if len(text) <= limit else text[: limit - 3] + "..."
    return json.dumps(shown, ensure_ascii=False)


def _one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")
