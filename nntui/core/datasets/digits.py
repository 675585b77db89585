"""The handwritten digits: pictures of 8 × 8 pixels to read as 0 to 9.

The data is UCI's "Optical Recognition of Handwritten Digits" (E. Alpaydin,
C. Kaynak, 1998; licence CC BY 4.0), the 1,797 images scikit-learn ships,
kept in ``data/digits.npz`` (made by ``scripts/fetch_digits.py``): each pixel
is the ink of a 4 × 4 block of the scanned digit, 0 to 16.  Here the 64
pixels are the inputs, row by row (``PIXEL_NAMES``: input ``k`` is the pixel
at row ``k // 8``, column ``k % 8``), their ink divided by 16 (0 blank, 1
full), and the ten digits are ten classes, one output each (``DIGIT_NAMES``,
``"0"`` to ``"9"``).  The file is read the first time the data is asked for,
then kept: nothing is paid for it until then.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from importlib import resources

import numpy as np
from numpy.typing import NDArray

from nntui.core.datasets.csv import DataFileError
from nntui.core.datasets.dataset import Dataset, split_samples
from nntui.core.image import ImageShape
from nntui.i18n import t

DIGITS = "digits"  # the dataset's name
IMAGE_SHAPE: ImageShape = (8, 8)
DIGIT_COUNT = 1797  # images in the data
INK = 16  # the data's fullest ink: a pixel's input is its ink / INK
PIXEL_NAMES: tuple[str, ...] = tuple(f"r{row}c{column}" for row in range(8) for column in range(8))
DIGIT_NAMES: tuple[str, ...] = tuple(str(digit) for digit in range(10))
# The standard deviation of the ink's jitter at noise = 1 (each pixel alone, clipped to 0…1):
# at the largest noise, 0.5, a pixel moves by about a quarter of the full ink.
NOISE_SCALE = 0.5
DATA_FILE = "digits.npz"


@cache
def digit_images() -> tuple[NDArray[np.uint8], NDArray[np.uint8]]:
    """Every image, (1797, 8, 8) of ink 0 to 16, and its digit, (1797,): read once, read-only.

    DataFileError when the shipped file cannot be read (a broken install).
    """
    source = resources.files(__package__).joinpath("data").joinpath(DATA_FILE)
    try:
        with np.load(io.BytesIO(source.read_bytes()), allow_pickle=False) as archive:
            images, labels = archive["images"], archive["labels"]
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as error:
        raise DataFileError(t("core.digits.damaged", reason=error)) from None
    if (
        images.shape != (DIGIT_COUNT, *IMAGE_SHAPE)
        or labels.shape != (DIGIT_COUNT,)
        or images.dtype != np.uint8
        or labels.dtype != np.uint8
        or int(images.max()) > INK
        or int(labels.max()) >= len(DIGIT_NAMES)
    ):
        raise DataFileError(t("core.digits.damaged", reason=f"{images.shape} {labels.shape}"))
    images.setflags(write=False)
    labels.setflags(write=False)
    return images, labels


def sample_digits(samples: int, noise: float, test_fraction: float, rng: np.random.Generator) -> Dataset:
    """``samples`` of the images (all of them: DIGIT_COUNT) drawn with ``rng``, their ink jittered
    by ``noise`` and clipped to 0…1, shuffled and split: the arguments already checked."""
    images, labels = digit_images()
    chosen = rng.permutation(DIGIT_COUNT)[:samples]  # drawn even for all: the same draws after it
    x = images.reshape(DIGIT_COUNT, -1)[chosen] / INK
    y = (labels[chosen, None] == np.arange(len(DIGIT_NAMES))[None, :]).astype(np.float64)
    # Always drawn, so that the split below does not depend on the noise.
    x = np.clip(x + noise * NOISE_SCALE * rng.standard_normal(x.shape), 0.0, 1.0)
    return split_samples(DIGITS, "classification", x, y, PIXEL_NAMES, DIGIT_NAMES, test_fraction, rng, IMAGE_SHAPE)
