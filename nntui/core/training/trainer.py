"""The trainer: mini-batch steps that train a network in place."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from nntui.core.network import Network
from nntui.core.training.buffers import Array, _Parameters, _shapes
from nntui.core.training.config import DivergenceError, TrainingConfig, TrainingError, default_loss
from nntui.core.training.fast import _Workspace
from nntui.core.training.losses import regularization_penalty
from nntui.core.training.state import Moments, TrainerState, replayable, replayed_order
from nntui.i18n import t, whole_number


class Trainer:
    """Trains ``network`` in place on (x, y) with mini-batches.

    Deterministic: the same network, data, config and number of steps give
    the same weights, bit for bit.

    Each call of ``step`` or ``run`` reads the weights from the network's
    layers when it starts and writes the new ones back into the same arrays
    when it ends, so whatever shows them sees them learn, and a change made
    between two calls is picked up by the next.  The layers may be given new
    arrays of the same shape; a layer that changes shape needs a new trainer
    (the optimiser's state is per weight), and ``step`` says so with a
    TrainingError.

    The arrays a step needs are allocated once, for the network's shape and
    the largest batch so far (see _Workspace).
    """

    _dtype: type = np.float64  # the model's dtype; the benchmark measures float32 with a subclass

    def __init__(self, network: Network, x: Array, y: Array, config: TrainingConfig | None = None) -> None:
        self.network = network
        self.config = (config or TrainingConfig()).validated()
        self.x = np.asarray(x, dtype=np.float64)
        self.y = np.asarray(y, dtype=np.float64)
        if self.x.ndim != 2 or self.x.shape[1] != network.n_inputs:
            raise TrainingError(t("core.training.input_columns", data=self.x.shape[-1], network=network.n_inputs))
        if self.y.ndim != 2 or self.y.shape[1] != network.layers[-1].n_out:
            raise TrainingError(
                t("core.training.output_columns", data=self.y.shape[-1], network=network.layers[-1].n_out)
            )
        if len(self.x) != len(self.y) or len(self.x) == 0:
            raise TrainingError(t("core.training.targets"))
        self.loss = self.config.loss or default_loss(network)
        self.steps_done = 0  # by this trainer
        self.last_loss: float | None = None
        self.epochs = 0  # shuffles of the samples done
        self._steps_before = 0  # the optimiser's steps before this trainer's (a restored state)
        self._rng = np.random.default_rng(self.config.seed)
        self._order = np.arange(len(self.x))
        self._cursor = len(self.x)  # start with a fresh shuffle
        self._x: Array = np.ascontiguousarray(self.x, dtype=self._dtype)
        self._y_t: Array = np.ascontiguousarray(self.y.T, dtype=self._dtype)
        self._work = _Workspace(_shapes(network.layers), self._dtype)
        # This run's last step, to undo should no loss be computable with its weights:
        # the cursor and epochs before it, and its batch's size (its rows are still in the workspace).
        self._undoable: tuple[int, int, int] | None = None

    @property
    def samples_used(self) -> int:
        """Samples this trainer's batches have taken (a restored state's included): ``epochs``
        passes begun, the last one ``_cursor`` samples in."""
        return (self.epochs - 1) * len(self.x) + self._cursor if self.epochs else 0

    def _next_index(self) -> NDArray[np.intp]:
        # Every sample once per epoch; the last batch of an epoch may be
        # shorter (PyTorch's DataLoader with drop_last=False does the same).
        if self._cursor >= len(self.x):
            self._rng.shuffle(self._order)
            self._cursor = 0
            self.epochs += 1
        index = self._order[self._cursor : self._cursor + self.config.batch_size]
        self._cursor += len(index)
        return index

    def _batch(self) -> tuple[Array, Array]:
        """The next mini-batch (inputs, targets), as ``step`` would take it."""
        index = self._next_index()
        return self.x[index], self.y[index]

    def step(self) -> float:
        """One mini-batch step; returns that batch's loss (penalty included)."""
        return self.run(1)

    def run(self, steps: int) -> float:
        """``steps`` steps; returns the last batch's loss.

        The weights are read from the layers when run() starts and written
        back when it returns, or stops early (a divergence, an interrupt), so
        the layers always hold the weights after the last completed step.
        Between the two, only this call uses them: this thread is busy here,
        and the training view draws the network between two calls, holding
        the lock its training thread holds around run().
        """
        value = float("nan")
        if steps < 1:
            return value
        work, layers = self._work, self.network.layers
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            work.load_parameters(layers)
            self._undoable = None  # no step of this run yet: work.next is not the weights before one
            try:
                for _ in range(steps):
                    value = self._step()
                self._look_ahead()
            finally:
                work.store_parameters(layers, work.current)
        return value

    def _step(self) -> float:
        config = self.config
        network = self.network
        work = self._work
        cursor, epochs = self._cursor, self.epochs
        index = self._next_index()
        x, y, layer_rows = work.rows(len(index))
        np.take(self._x, index, 0, x, "wrap")  # the indices are valid: "wrap" skips the check
        np.take(self._y_t, index, 1, y, "wrap")  # targets with the samples along the last axis
        activations = [layer.activation for layer in network.layers]
        work.forward(activations, x, layer_rows)
        regularization, rate = config.regularization, config.regularization_rate
        value = work.backward(activations, self.loss, regularization, rate, x, y, layer_rows)
        value = value + regularization_penalty(network, regularization, rate)
        if not math.isfinite(value) or not np.isfinite(work.grads.flat).all():
            self._undo_last_step()  # the step before made the loss infinite: its weights go too
            self._diverged(value)
        if not work.update(config, self._steps_before + self.steps_done + 1):
            self._cursor, self.epochs = cursor, epochs
            self._diverged(float("inf"))
        work.advance()
        self.steps_done += 1
        self.last_loss = value
        self._undoable = (cursor, epochs, len(index))
        return value

    def _look_ahead(self) -> None:
        """The run's last step diverged if no loss can be computed with its weights (weights of
        ±1e308 are finite, their loss is not): found now, not at the next run's first step."""
        if self._undoable is None:
            return
        x, y, layer_rows = self._work.rows(self._undoable[2])
        activations = [layer.activation for layer in self.network.layers]
        self._work.forward(activations, x, layer_rows)
        value = self._work.loss(self.loss, activations[-1], y, layer_rows)
        if not math.isfinite(value):
            self._undo_last_step()
            self._diverged(value)

    def _undo_last_step(self) -> None:
        """Back to the weights before this run's last step (still in work.next) and its sample
        position. The optimiser's moments keep that step: after a divergence the app and
        ``nntui train`` start a fresh trainer."""
        if self._undoable is None:
            return
        self._cursor, self.epochs = self._undoable[:2]
        self._work.advance()
        self.steps_done -= 1
        self._undoable = None

    def _diverged(self, value: float) -> None:
        # The step's new values are dropped; run() puts the last finite ones in the layers.
        raise DivergenceError(t("core.training.diverged", step=self.steps_done + 1, value=value))

    # --- going on elsewhere -------------------------------------------------------

    def state(self) -> TrainerState:
        """What another trainer of the same network, data and config needs to go on as this one."""
        optimizer, work = self.config.optimizer, self._work

        def moments(flat: Array) -> Moments:
            views = _Parameters(flat, work.shapes)
            return tuple((w.copy(), b.copy()) for w, b in zip(views.weights, views.biases))

        position = self._cursor if self.epochs else 0  # before the first shuffle, nothing is used
        return TrainerState(
            step=self._steps_before + self.steps_done,
            epoch=self.epochs,
            position=position,
            samples=len(self.x),
            first=None if optimizer == "sgd" else moments(work.velocity),
            second=moments(work.second) if optimizer == "adam" else None,
        )

    def restore(self, state: TrainerState) -> None:
        """Go on from ``state`` (TrainingError when it is not of this network, data and optimiser)."""
        optimizer, work = self.config.optimizer, self._work
        wanted = {"sgd": (False, False), "momentum": (True, False), "adam": (True, True)}[optimizer]
        if (state.first is not None, state.second is not None) != wanted:
            raise TrainingError(t("core.training.state_optimizer", optimizer=optimizer))
        if state.samples != len(self.x) or not 0 <= state.position <= state.samples:
            raise TrainingError(t("core.training.state_samples", found=state.samples, samples=len(self.x)))
        if not replayable(state.samples, state.epoch):  # checked before anything is changed
            raise TrainingError(t("core.training.state_replay", epochs=whole_number(state.epoch)))
        for moments, flat in ((state.first, work.velocity), (state.second, work.second)):
            if moments is None:
                continue
            views = _Parameters(flat, work.shapes)
            if [(w.shape, b.shape) for w, b in moments] != [
                (w.shape, b.shape) for w, b in zip(views.weights, views.biases)
            ]:
                raise TrainingError(t("core.training.state_shape"))
            for (w, b), (w_to, b_to) in zip(moments, zip(views.weights, views.biases)):
                np.copyto(w_to, w)
                np.copyto(b_to, b)
        self._steps_before = state.step - self.steps_done
        self.epochs = state.epoch
        self._rng, self._order = replayed_order(self.config.seed, len(self.x), state.epoch)
        self._cursor = state.position if state.epoch else len(self.x)
