"""Datasets to train on: seeded generated sets like the TensorFlow Playground's, and CSV files.

* :mod:`~nntui.core.datasets.dataset`: the :class:`Dataset` itself, and the
  argument checks and train/test split its two makers share;
* :mod:`~nntui.core.datasets.generated`: :func:`make_dataset` and the
  generators behind :data:`DATASET_NAMES`;
* :mod:`~nntui.core.datasets.digits`: the handwritten digits, pictures of
  8 × 8 pixels (``make_dataset("digits")``), read from the package once;
* :mod:`~nntui.core.datasets.csv`: :func:`load_csv`, which raises
  :class:`DataFileError` with one line naming the file and the problem.
"""

from nntui.core.datasets.csv import DataFileError, load_csv
from nntui.core.datasets.dataset import KINDS, Dataset, Kind
from nntui.core.datasets.digits import DIGIT_COUNT, DIGIT_NAMES, DIGITS, IMAGE_SHAPE, PIXEL_NAMES, digit_images
from nntui.core.datasets.generated import (
    DATASET_CREDITS,
    DATASET_DESCRIPTIONS,
    DATASET_NAMES,
    GENERATED_NAMES,
    MAX_NOISE,
    MAX_SAMPLES,
    MIN_SAMPLES,
    make_dataset,
)

__all__ = [
    "DATASET_CREDITS",
    "DATASET_DESCRIPTIONS",
    "DATASET_NAMES",
    "DIGITS",
    "DIGIT_COUNT",
    "DIGIT_NAMES",
    "GENERATED_NAMES",
    "IMAGE_SHAPE",
    "KINDS",
    "MAX_NOISE",
    "MAX_SAMPLES",
    "MIN_SAMPLES",
    "PIXEL_NAMES",
    "DataFileError",
    "Dataset",
    "Kind",
    "digit_images",
    "load_csv",
    "make_dataset",
]
