"""Custom data from a CSV file.

:func:`load_csv` reads it and raises :class:`DataFileError` with one line
that names the file and the exact problem.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from nntui.core.datasets.dataset import Dataset, Kind, check_seed, check_test_fraction, split_samples
from nntui.core.locations import located, one_line, quoted, shortened
from nntui.core.reading import FileReadError, read_limited
from nntui.i18n import t

_SHOWN = 24  # characters of a column name or a cell shown in a message
MAX_LABELS = 10  # classes one column of labels may name
MAX_MAGNITUDE = 1e15  # the largest number a cell may hold either way: squared in the loss, it stays far from overflow
_WHOLE = re.compile(r"\s*[+-]?\d+\s*")  # a cell written as a whole number: a label


class DataFileError(ValueError):
    """A data file that cannot be loaded; the one-line message says where and why."""


def load_csv(path: str | os.PathLike[str], *, test_fraction: float = 0.2, seed: int = 0) -> Dataset:
    """Read a CSV file with a header: input columns first, then outputs named y, y1, y2...

    The rows are shuffled with ``seed`` and split like :func:`make_dataset`.
    The kind is "classification" when every output value is 0 or 1, else
    "regression".  A single output column of 3 to MAX_LABELS whole numbers
    (0 or more), each written without a decimal point, holds labels: one
    output per class, and a ``note`` that says so (2.0, 1.0, 0.0 keep them
    numbers).  Problems with the file raise :class:`DataFileError`.
    """
    check_test_fraction(test_fraction)
    check_seed(seed)
    label = one_line(os.fspath(path))
    try:  # only a regular file of at most reading.MAX_FILE_BYTES
        raw = read_limited(path, label, t("core.file.kind.csv"))
    except FileReadError as error:
        raise DataFileError(str(error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataFileError(t("core.file.not_text", label=label, byte=error.start)) from None
    try:
        names, n_inputs, rows, whole = _parse_csv(text)
    except _Problem as problem:
        raise DataFileError(one_line(located(label, problem))) from None
    data = np.array(rows, dtype=np.float64)
    x, y = data[:, :n_inputs], data[:, n_inputs:]
    outputs, note = tuple(names[n_inputs:]), ""
    kind: Kind = "classification" if bool(np.all((y == 0.0) | (y == 1.0))) else "regression"
    labels = np.unique(y) if whole and y.shape[1] == 1 else None
    if labels is not None and 3 <= len(labels) <= MAX_LABELS and labels[0] >= 0:
        # One column of a few whole numbers written as such: labels of classes, one output each.
        name = outputs[0]
        y = (y == labels[None, :]).astype(np.float64)
        outputs = tuple(f"{name}={value:g}" for value in labels)
        kind = "classification"
        note = t(
            "core.csv.labels_note",
            name=quoted(name, _SHOWN),
            count=len(labels),
            labels=", ".join(f"{value:g}" for value in labels),
            example=f"{labels[-1]:g}.0",
        )
    rng = np.random.default_rng(seed)
    dataset = split_samples(Path(label).name or label, kind, x, y, tuple(names[:n_inputs]), outputs, test_fraction, rng)
    return replace(dataset, note=note) if note else dataset


class _Problem(Exception):
    """Internal: a problem in the CSV text; the message lacks the file name."""


def _parse_csv(text: str) -> tuple[list[str], int, list[list[float]], bool]:
    """The column names, the number of input columns, the data rows, and whether every output
    cell is written as a whole number (no decimal point, no exponent)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    names: list[str] | None = None
    n_inputs = 0
    rows: list[list[float]] = []
    whole = True
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
        try:
            values = [float(field) for field in row]
        except ValueError:
            values = []
        if len(values) != len(row) or not all(abs(value) <= MAX_MAGNITUDE for value in values):
            _bad_cell(row, names, line)  # raises, naming the first bad cell
        whole = whole and all(_WHOLE.fullmatch(field) is not None for field in row[n_inputs:])
        rows.append(values)
    if names is None:
        raise _Problem(t("core.csv.empty"))
    if not rows:
        raise _Problem(t("core.csv.no_rows"))
    if len(rows) < 2:
        raise _Problem(t("core.csv.one_row"))
    return names, n_inputs, rows, whole


def _bad_cell(row: list[str], names: list[str], line: int) -> None:
    """Raise the _Problem of the first cell of ``row`` that is not a finite number."""
    for column, (field, name) in enumerate(zip(row, names), start=1):
        where = t("core.csv.at_cell", line=line, column=column, name=quoted(name, _SHOWN))
        shown = quoted(field.strip(), _SHOWN)
        try:
            value = float(field)
        except ValueError:
            raise _Problem(t("core.csv.not_number", where=where, found=shown)) from None
        if not math.isfinite(value):
            raise _Problem(t("core.csv.not_finite", where=where, found=shown))
        if abs(value) > MAX_MAGNITUDE:
            raise _Problem(
                t(
                    "core.csv.too_large",
                    where=where,
                    found=field.strip()[:_SHOWN],
                    most=f"{MAX_MAGNITUDE:.0e}".replace("e+", "e"),
                )
            )


def _check_header(names: list[str], line: int) -> int:
    """Validate the column names; return the number of input columns."""
    for column, name in enumerate(names, start=1):
        if not name:
            raise _Problem(t("core.csv.empty_name", line=line, column=column))
    first_seen: dict[str, int] = {}
    for column, name in enumerate(names, start=1):
        if name in first_seen:
            raise _Problem(
                t(
                    "core.csv.duplicate",
                    line=line,
                    name=quoted(name, _SHOWN),
                    first=first_seen[name],
                    column=column,
                )
            )
        first_seen[name] = column
    is_output = [name.startswith("y") for name in names]
    if not any(is_output):
        if len(names) == 1 and (";" in names[0] or "\t" in names[0]):
            raise _Problem(t("core.csv.one_column", line=line, name=quoted(names[0], _SHOWN)))
        raise _Problem(t("core.csv.no_output"))
    if all(is_output):
        raise _Problem(t("core.csv.no_input"))
    n_inputs = is_output.index(True)
    if not all(is_output[n_inputs:]):
        raise _Problem(t("core.csv.output_first", name=quoted(names[n_inputs], _SHOWN)))
    return n_inputs


def _name_list(names: list[str]) -> str:
    names = [shortened(name, _SHOWN) for name in names]
    if len(names) <= 8:
        return ", ".join(names)
    return ", ".join([*names[:4], "...", *names[-2:]])
