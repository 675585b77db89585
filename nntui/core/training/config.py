"""What training is asked to do: the settings, their names, and the errors training raises."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

import numpy as np

from nntui.core.network import Network
from nntui.core.plural import counted
from nntui.i18n import t

if TYPE_CHECKING:
    from nntui.core.datasets import Dataset

LOSS_NAMES = ("mse", "binary_cross_entropy", "cross_entropy")
OPTIMIZER_NAMES = ("sgd", "momentum", "adam")
REGULARIZATION_NAMES = ("none", "l1", "l2")


class TrainingError(ValueError):
    """Training cannot go on; the message says why and what to do."""


class DivergenceError(TrainingError):
    """A step left weights with which the loss is NaN or infinite; the weights before it were put back."""


@dataclass(frozen=True)
class TrainingConfig:
    """Hyper-parameters of training; every field has a sensible default."""

    learning_rate: float = 0.03
    batch_size: int = 32
    optimizer: Literal["sgd", "momentum", "adam"] = "adam"
    momentum: float = 0.9
    regularization: Literal["none", "l1", "l2"] = "none"
    regularization_rate: float = 0.0
    loss: str | None = None  # None: chosen from the output activation
    seed: int = 0

    def validated(self) -> TrainingConfig:
        """This config, or TrainingError naming the first bad value."""
        if not (np.isfinite(self.learning_rate) and self.learning_rate > 0):
            raise TrainingError(t("core.training.learning_rate", value=self.learning_rate))
        if self.batch_size < 1:
            raise TrainingError(t("core.training.batch_size", value=self.batch_size))
        if self.optimizer not in OPTIMIZER_NAMES:
            raise TrainingError(t("core.training.optimizer", name=self.optimizer, valid=", ".join(OPTIMIZER_NAMES)))
        if not 0 <= self.momentum < 1:
            raise TrainingError(t("core.training.momentum", value=self.momentum))
        if self.regularization not in REGULARIZATION_NAMES:
            raise TrainingError(
                t("core.training.regularization", name=self.regularization, valid=", ".join(REGULARIZATION_NAMES))
            )
        if not (np.isfinite(self.regularization_rate) and self.regularization_rate >= 0):
            raise TrainingError(t("core.training.regularization_rate"))
        if self.loss is not None and self.loss not in LOSS_NAMES:
            raise TrainingError(t("core.training.loss", name=self.loss, valid=", ".join(LOSS_NAMES)))
        return self


def fitted_config(config: TrainingConfig, dataset: Dataset) -> TrainingConfig:
    """``config`` as used on ``dataset``: regression targets are learned with squared error.

    The playground and ``nntui train`` both go through here, so the same
    settings give them the same network.
    """
    return replace(config, loss="mse") if dataset.kind == "regression" else config


def data_mismatch(network: Network, dataset: Dataset) -> str | None:
    """Why ``network`` cannot learn ``dataset`` (inputs or outputs differ), or None."""
    for noun, data_has, net_has in (
        # A network whose inputs are features of a point reads the point's coordinates.
        ("core.count.input", dataset.n_inputs, network.coordinates),
        ("core.count.output", dataset.n_outputs, network.layers[-1].n_out),
    ):
        if data_has != net_has:
            return t("core.training.mismatch", data=dataset.name, has=counted(noun, data_has), network=net_has)
    output = network.layers[-1]
    if output.activation == "softmax" and output.n_out == 1:
        # Softmax over one number is always 1: the loss stays 0 while the weights drift.
        return t("core.training.softmax_of_one")
    return None


def default_loss(network: Network) -> str:
    """Cross-entropy for a softmax or sigmoid output, squared error otherwise."""
    output = network.layers[-1].activation
    if output == "softmax":
        return "cross_entropy"
    if output == "sigmoid":
        return "binary_cross_entropy"
    return "mse"
