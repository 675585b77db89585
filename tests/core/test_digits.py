"""The handwritten digits (nntui.core.datasets.digits): the shipped file, and the dataset made of it.

The data is pinned to its source: the first row of scikit-learn's digits.csv.gz
is written out here, so the pixel order (row by row) and the scaling (ink / 16)
are checked against the CSV itself, not against the file made from it.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from nntui.core.datasets import (
    DATASET_CREDITS,
    DATASET_DESCRIPTIONS,
    DIGIT_COUNT,
    DIGIT_NAMES,
    IMAGE_SHAPE,
    PIXEL_NAMES,
    Dataset,
    digit_images,
    make_dataset,
)
from nntui.core.datasets.digits import NOISE_SCALE
from nntui.core.image import as_picture, pixel_index, pixel_position
from nntui.i18n import set_language

# The first row of sklearn/datasets/data/digits.csv.gz: 64 pixels row by row, then the digit.
FIRST_ROW = (
    "0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,0,3,15,2,0,11,8,0,0,4,12,0,0,8,8,0,"
    "0,5,8,0,0,9,8,0,0,4,11,0,1,12,7,0,0,2,14,5,10,12,0,0,0,0,6,13,10,0,0,0,0"
)
PER_DIGIT = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]  # images of 0, 1, ... 9


def _all_x(d: Dataset) -> np.ndarray:
    return np.concatenate([d.x_train, d.x_test])


def _all_y(d: Dataset) -> np.ndarray:
    return np.concatenate([d.y_train, d.y_test])


def _first_image_ink() -> np.ndarray:
    return np.array([int(v) for v in FIRST_ROW.split(",")[:64]], dtype=np.float64)


# --- the shipped file --------------------------------------------------------------------


def test_the_shipped_images() -> None:
    images, labels = digit_images()
    assert images.shape == (1797, 8, 8) and labels.shape == (1797,) == (DIGIT_COUNT,)
    assert images.dtype == labels.dtype == np.uint8
    assert images.min() == 0 and images.max() == 16
    assert np.bincount(labels, minlength=10).tolist() == PER_DIGIT
    assert not images.flags.writeable and not labels.flags.writeable
    assert digit_images() is digit_images()  # read once


def test_the_first_image_is_the_csvs_first_row_row_by_row() -> None:
    images, labels = digit_images()
    ink = _first_image_ink()
    assert labels[0] == int(FIRST_ROW.split(",")[64])
    assert np.array_equal(images[0].reshape(-1), ink)
    assert images[0][2, 5] == 11 == ink[2 * 8 + 5]  # row 2, column 5


def test_nothing_is_read_until_the_data_is_asked_for() -> None:
    """Importing the datasets, the presets and the playground does not read the file."""
    code = (
        "import nntui.app.app, nntui.core.presets, nntui.core.datasets\n"
        "from nntui.core.datasets.digits import digit_images\n"
        "print(digit_images.cache_info().currsize)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "0"


# --- the dataset ---------------------------------------------------------------------------


def test_shapes_names_kind_and_picture() -> None:
    d = make_dataset("digits")
    assert (d.name, d.kind, d.image_shape) == ("digits", "classification", (8, 8))
    assert d.input_names == PIXEL_NAMES and len(PIXEL_NAMES) == 64
    assert PIXEL_NAMES[:3] == ("r0c0", "r0c1", "r0c2") and PIXEL_NAMES[8] == "r1c0" and PIXEL_NAMES[-1] == "r7c7"
    assert d.output_names == DIGIT_NAMES == ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
    assert (len(d.x_train), len(d.x_test)) == (898, 899)  # every image, split 50/50 as the generated sets
    assert d.x_train.shape[1] == 64 and d.y_train.shape[1] == 10


def test_ink_is_scaled_to_0_1_and_the_labels_are_one_hot() -> None:
    d = make_dataset("digits")
    x, y = _all_x(d), _all_y(d)
    assert x.min() == 0.0 and x.max() == 1.0
    assert np.array_equal(x * 16, np.round(x * 16))  # ink / 16, exactly
    assert np.array_equal(y.sum(axis=1), np.ones(len(y))) and set(np.unique(y)) == {0.0, 1.0}
    assert y.sum(axis=0).tolist() == PER_DIGIT


def test_pixel_k_is_at_row_k_div_8_column_k_mod_8() -> None:
    d = make_dataset("digits", seed=5)
    x, y = _all_x(d), _all_y(d)
    first = _first_image_ink() / 16
    found = np.flatnonzero(np.all(x == first, axis=1))
    assert len(found) >= 1 and y[found[0]].argmax() == 0  # the CSV's first row, a 0, is among the samples
    k = PIXEL_NAMES.index("r2c5")
    assert k == 21 == pixel_index(2, 5, IMAGE_SHAPE) and pixel_position(k, IMAGE_SHAPE) == (2, 5)
    assert x[found[0], k] == 11 / 16
    assert as_picture(x[found[0]], IMAGE_SHAPE)[2, 5] == 11 / 16
    assert as_picture(x[found[0]], IMAGE_SHAPE)[0].tolist() == [0, 0, 5 / 16, 13 / 16, 9 / 16, 1 / 16, 0, 0]


def test_the_same_seed_gives_the_same_data_another_seed_another_split() -> None:
    a, b, c = make_dataset("digits", seed=7), make_dataset("digits", seed=7), make_dataset("digits", seed=8)
    for field in ("x_train", "y_train", "x_test", "y_test"):
        assert np.array_equal(getattr(a, field), getattr(b, field))
    assert not np.array_equal(a.x_train, c.x_train)
    # All the images either way, in another order.
    assert np.array_equal(np.unique(_all_x(a), axis=0), np.unique(_all_x(c), axis=0))


@pytest.mark.parametrize(
    ("samples", "fraction", "sizes"),
    [
        (None, 0.5, (898, 899)),
        (None, 0.2, (1438, 359)),
        (100, 0.25, (75, 25)),
        (4, 0.5, (2, 2)),
        (1797, 0.1, (1617, 180)),
    ],
)
def test_split_sizes(samples: int | None, fraction: float, sizes: tuple[int, int]) -> None:
    d = make_dataset("digits", samples=samples, test_fraction=fraction)
    assert (len(d.x_train), len(d.x_test)) == (len(d.y_train), len(d.y_test)) == sizes


def test_samples_is_a_subset_of_the_images_drawn_with_the_seed() -> None:
    images = digit_images()[0].reshape(DIGIT_COUNT, 64) / 16
    some = _all_x(make_dataset("digits", samples=100, seed=3))
    assert len(some) == 100
    assert all(np.any(np.all(images == row, axis=1)) for row in some)
    other = _all_x(make_dataset("digits", samples=100, seed=4))
    assert not np.array_equal(np.sort(some, axis=0), np.sort(other, axis=0))


@pytest.mark.parametrize(
    ("samples", "message"),
    [
        (1798, "samples must be a whole number from 4 to 1797 (the digits data has 1,797 images), got 1798"),
        (3, "samples must be a whole number from 4 to 1797 (the digits data has 1,797 images), got 3"),
        (100.0, "samples must be a whole number from 4 to 1797 (the digits data has 1,797 images), got 100.0"),
    ],
)
def test_more_samples_than_images_is_refused(samples: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        make_dataset("digits", samples=samples)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_noise_jitters_the_ink_within_0_1_and_keeps_the_samples() -> None:
    clean = make_dataset("digits", seed=2)
    noisy = make_dataset("digits", noise=0.4, seed=2)
    assert np.array_equal(_all_y(clean), _all_y(noisy))  # the same images in the same order
    x = _all_x(noisy)
    assert x.min() == 0.0 and x.max() == 1.0  # clipped
    delta = x - _all_x(clean)
    middle = (_all_x(clean) > 0.3) & (_all_x(clean) < 0.7)  # where the clip hardly cuts
    assert delta[middle].std() == pytest.approx(0.4 * NOISE_SCALE, rel=0.1)
    with pytest.raises(ValueError, match=r"^noise must be from 0 to 0\.5, got 0\.6$"):
        make_dataset("digits", noise=0.6)


def test_description_and_credit_in_both_languages() -> None:
    assert DATASET_DESCRIPTIONS["digits"] == "Handwritten digits, 8 × 8 pixels of ink 0 to 1: ten classes, 0 to 9."
    credit = DATASET_CREDITS["digits"]
    for part in ("1,797", "Optical Recognition of Handwritten Digits", "E. Alpaydin", "C. Kaynak", "CC BY 4.0"):
        assert part in credit
    set_language("fr")
    assert DATASET_DESCRIPTIONS["digits"].startswith("Chiffres écrits à la main")
    assert "CC BY 4.0" in DATASET_CREDITS["digits"] and "1\u00a0797" in DATASET_CREDITS["digits"]


def test_a_dataset_whose_picture_does_not_fit_its_inputs_is_refused() -> None:
    arrays = (np.zeros((2, 2)), np.zeros((2, 1)), np.zeros((1, 2)), np.zeros((1, 1)))
    with pytest.raises(ValueError, match=r"^an image of 3 × 3 pixels needs 9 inputs, not 2$"):
        Dataset("d", "classification", *arrays, ("a", "b"), ("y",), image_shape=(3, 3))
    with pytest.raises(ValueError, match=r"^an image's shape is \(rows, columns\), .* not \(0, 2\)$"):
        Dataset("d", "classification", *arrays, ("a", "b"), ("y",), image_shape=(0, 2))
    assert Dataset("d", "classification", *arrays, ("a", "b"), ("y",), image_shape=(1, 2)).image_shape == (1, 2)
