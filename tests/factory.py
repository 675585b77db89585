"""Networks of a given shape with small seeded random weights, for the tests and the benchmarks.

The app builds new networks with :func:`nntui.core.shape.fresh_network`;
this one draws every weight from a seed, so a test or a benchmark gets the
same network every time.  The benchmarks, run from the repository root
(``python -m benchmarks``), import it from here too.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from nntui.core.network import DenseLayer, Network


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
        raise ValueError("a network needs an input size and at least one layer, all ≥ 1")
    rng = np.random.default_rng(seed)
    layers = []
    for k, (n_in, n_out) in enumerate(itertools.pairwise(sizes)):
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
