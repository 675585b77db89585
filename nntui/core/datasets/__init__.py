"""Datasets to train on: seeded generated sets like the TensorFlow Playground's, and CSV files.

* :mod:`~nntui.core.datasets.dataset`: the :class:`Dataset` itself, and the
  argument checks and train/test split its two makers share;
* :mod:`~nntui.core.datasets.generated`: :func:`make_dataset` and the
  generators behind :data:`DATASET_NAMES`;
* :mod:`~nntui.core.datasets.csv`: :func:`load_csv`, which raises
  :class:`DataFileError` with one line naming the file and the problem.
"""

from nntui.core.datasets.csv import DataFileError, load_csv
from nntui.core.datasets.dataset import KINDS, Dataset, Kind
from nntui.core.datasets.generated import (
    DATASET_DESCRIPTIONS,
    DATASET_NAMES,
    MAX_NOISE,
    MAX_SAMPLES,
    MIN_SAMPLES,
    make_dataset,
)

__all__ = [
    "DATASET_DESCRIPTIONS",
    "DATASET_NAMES",
    "KINDS",
    "MAX_NOISE",
    "MAX_SAMPLES",
    "MIN_SAMPLES",
    "DataFileError",
    "Dataset",
    "Kind",
    "load_csv",
    "make_dataset",
]
