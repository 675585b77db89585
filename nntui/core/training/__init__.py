"""Learning from data: losses, backpropagation, and the optimisers that use it.

The network is trained in place, so whatever shows it sees it learn.  One
step takes a mini-batch, runs the forward pass keeping every layer's z and a,
sends the loss's gradient back through the layers (the chain rule, layer by
layer: the backward pass), and moves every weight and bias a little against
its gradient.

* :mod:`~nntui.core.training.config`: the settings, their names, the errors;
* :mod:`~nntui.core.training.losses`: the reference math (losses, penalty,
  evaluation);
* :mod:`~nntui.core.training.buffers` and :mod:`~nntui.core.training.fast`:
  the passes and the optimiser in arrays allocated once, and
  :func:`gradients`, which runs them;
* :mod:`~nntui.core.training.trainer`: :class:`Trainer`.
"""

from nntui.core.training.config import (
    LOSS_NAMES,
    OPTIMIZER_NAMES,
    REGULARIZATION_NAMES,
    DivergenceError,
    TrainingConfig,
    TrainingError,
    data_mismatch,
    default_loss,
    fitted_config,
)
from nntui.core.training.fast import gradients
from nntui.core.training.losses import Evaluation, evaluate, loss_and_output_gradient, regularization_penalty
from nntui.core.training.trainer import Trainer

__all__ = [
    "LOSS_NAMES",
    "OPTIMIZER_NAMES",
    "REGULARIZATION_NAMES",
    "DivergenceError",
    "Evaluation",
    "Trainer",
    "TrainingConfig",
    "TrainingError",
    "data_mismatch",
    "default_loss",
    "evaluate",
    "fitted_config",
    "gradients",
    "loss_and_output_gradient",
    "regularization_penalty",
]
