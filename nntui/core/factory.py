"""Building networks of a given shape with small seeded random weights."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nntui.core.network import DenseLayer, Network
from nntui.i18n import t


def random_network(
    sizes: Sequence[int],
    *,
    activation: str = "sigmoid",
    output_activation: str | None = None,
    seed: int = 0,
    name: str | None = None,
) -> Network:
    """A network with layer sizes ``sizes`` (inputs first) and seeded weights.

    Weights are drawn from N(0, 1/n_in) (Xavier/LeCun scaling), so the sums
    stay in the useful range of the activations however wide a layer is;
    biases start at zero and inputs at values in [0, 1).
    """
    if len(sizes) < 2 or any(int(n) < 1 for n in sizes):
        raise ValueError(t("core.factory.sizes"))
    rng = np.random.default_rng(seed)
    layers = []
    for k, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        last = k == len(sizes) - 2
        layers.append(
            DenseLayer(
                rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_out, n_in)),
                np.zeros(n_out),
                (output_activation or activation) if last else activation,
            )
        )
    inputs = [f"x{i + 1}" for i in range(sizes[0])]
    values = rng.uniform(0.0, 1.0, size=sizes[0])
    return Network(inputs, values, layers, name or "-".join(str(n) for n in sizes))
