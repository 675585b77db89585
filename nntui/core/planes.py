"""What a network computes over the plane of its two inputs.

For the heatmaps of the training view: every neuron of every layer, drawn as
a small picture whose pixel (r, c) is the neuron's activation when the two
inputs are the coordinates of that pixel.  One batched forward pass gives
all the pictures at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from nntui.core.network import Network
from nntui.i18n import t

Array = NDArray[np.float64]
Bounds = Sequence[tuple[float, float]]


def grid(bounds: Bounds, columns: int, rows: int) -> Array:
    """The centres of a rows×columns grid of pixels over the plane, row-major.

    Row 0 is the top of the picture, so x2 decreases downwards as on paper.
    """
    (x_low, x_high), (y_low, y_high) = bounds[0], bounds[1]
    xs = x_low + (np.arange(columns) + 0.5) * (x_high - x_low) / columns
    ys = y_high - (np.arange(rows) + 0.5) * (y_high - y_low) / rows
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def layer_maps(network: Network, bounds: Bounds, columns: int, rows: int) -> list[Array]:
    """For every column of the network (inputs first), its neurons' pictures.

    Each entry has shape (neurons, rows, columns).  Raises ValueError when the
    network does not have exactly two inputs: a plane needs two coordinates.
    """
    if network.coordinates != 2:
        raise ValueError(t("core.planes.two_inputs", n_inputs=network.coordinates))
    result = network.forward(network.inputs_for(grid(bounds, columns, rows)))
    return [a.T.reshape(a.shape[1], rows, columns) for a in result.activations]


def pixel_of(points: Array, bounds: Bounds, columns: int, rows: int) -> tuple[Array, Array]:
    """The (row, column) of the pixel each 2-D point falls in, clipped to the picture."""
    (x_low, x_high), (y_low, y_high) = bounds[0], bounds[1]
    column = np.floor((points[:, 0] - x_low) / (x_high - x_low) * columns).astype(int)
    row = np.floor((y_high - points[:, 1]) / (y_high - y_low) * rows).astype(int)
    return np.clip(row, 0, rows - 1), np.clip(column, 0, columns - 1)
