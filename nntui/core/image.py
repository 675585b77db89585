"""Inputs that are the pixels of a picture: its shape, and where each pixel is.

A network (or a dataset) whose inputs are an image of ``rows`` × ``columns``
pixels has ``rows * columns`` inputs, the pixels row by row: input ``k`` is
the pixel at row ``k // columns``, column ``k % columns`` (both from 0, the
top left first), as NumPy's ``reshape(rows, columns)`` lays them out.  The
values are the pixels' ink, 0 (blank) to 1 (full) for the data nntui ships.
A network file says so with ``"image": {"rows": 8, "columns": 8}``
(:func:`image_from_dict`, :func:`image_to_dict`; docs/format.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from nntui.core.jsonfields import Problem, check_keys, kind
from nntui.i18n import t

ImageShape = tuple[int, int]  # (rows, columns)
IMAGE_KEYS = ("rows", "columns")  # of a network file's "image" object, in the order written
INK_STEP = 0.5  # the ink a drawing key adds or takes away: two presses fill a pixel
FULL_INK = 1.0  # a pixel's most ink (and what the mouse draws with)


def is_whole(value: object) -> bool:
    """A whole number (a bool is not one)."""
    return not isinstance(value, bool) and isinstance(value, (int, np.integer))


def check_image_shape(shape: object, inputs: int) -> ImageShape:
    """``shape`` as (rows, columns): two whole numbers of at least 1 whose product is ``inputs``;
    ValueError in one line otherwise."""
    if not isinstance(shape, (tuple, list)) or len(shape) != 2 or not all(is_whole(n) and n >= 1 for n in shape):
        raise ValueError(t("core.image.shape", found=repr(shape)))
    rows, columns = int(shape[0]), int(shape[1])
    if rows * columns != inputs:
        raise ValueError(t("core.image.pixels", rows=rows, columns=columns, pixels=rows * columns, inputs=inputs))
    return rows, columns


def pixel_position(k: int, shape: ImageShape) -> tuple[int, int]:
    """(row, column) of input ``k``."""
    return divmod(k, shape[1])


def pixel_index(row: int, column: int, shape: ImageShape) -> int:
    """The input at ``row``, ``column``."""
    return row * shape[1] + column


def as_picture(values: ArrayLike, shape: ImageShape) -> NDArray[np.float64]:
    """The inputs ``values`` (rows * columns,) as a (rows, columns) array, row by row."""
    return np.asarray(values, dtype=np.float64).reshape(shape)


# --- the network file's "image" object ------------------------------------------------


def image_from_dict(item: Any, inputs: int, features: bool) -> ImageShape:
    """A file's ``image`` object as (rows, columns): whole numbers whose product is ``inputs``, not
    with input features (``features``); Problem, saying where, otherwise."""
    if not isinstance(item, Mapping):
        raise Problem(t("core.image.not_object", found=kind(item)))
    where = t("core.image.at_image")
    check_keys(item, IMAGE_KEYS, where)
    sides: list[int] = []
    for key in IMAGE_KEYS:
        if key not in item:
            raise Problem(t("core.image.missing", where=where, field=key))
        value = item[key]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= inputs:
            raise Problem(t("core.image.side", where=where, field=key, high=inputs, found=kind(value)))
        sides.append(value)
    rows, columns = sides
    if rows * columns != inputs:
        raise Problem(t("core.image.file_pixels", rows=rows, columns=columns, pixels=rows * columns, inputs=inputs))
    if features:
        raise Problem(t("core.image.file_features"))
    return rows, columns


def image_to_dict(shape: ImageShape) -> dict[str, int]:
    """The ``image`` object of a file."""
    return dict(zip(IMAGE_KEYS, shape))
