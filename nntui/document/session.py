"""The training session: data, settings, the trainer, the loss so far.

No Textual here: the playground drives a session from its worker thread and
its timer, ``nntui train`` and the tests drive one directly.  The session
holds the *only* copy of the training settings.  The trainer is kept as long
as nothing but training changed the network, so N steps taken in any number
of bursts give exactly the weights of ``nntui train`` for N steps: both
build their data with :func:`training_data` and their trainer with
:func:`new_trainer`.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any

import numpy as np

from nntui.core.datasets import DIGIT_NAMES, DIGITS, IMAGE_SHAPE, Dataset, load_csv, make_dataset
from nntui.core.edits import Reshape
from nntui.core.network import Network
from nntui.core.training import (
    DivergenceError,
    Trainer,
    TrainingConfig,
    TrainingError,
    data_mismatch,
    default_loss,
    fitted_config,
)
from nntui.core.training.diagnosis import Finding, diagnose
from nntui.core.training.metrics import Metrics, assess
from nntui.core.training.state import TrainerState
from nntui.core.training.stopping import StoppedEarly, StopRule
from nntui.document.position import LossPoint, TrainingPosition, TrainingStretch, TrainLosses
from nntui.document.training_process import Report

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
BATCH_SIZES = (1, 5, 10, 32, 100, 500)
REGULARIZATION_RATES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
NOISE_LEVELS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
STOP_AFTER_STEPS = (0, 50, 100, 200, 500, 1000, 5000)  # the stop rule's choices; 0: never
HISTORY_LIMIT = 2000  # loss points kept for the chart
CSV_DATASET = "csv"
RATIOS = (10, 20, 30, 40, 50, 60, 70, 80, 90)  # percent of the samples trained on, as TensorFlow Playground
MIN_RATIO, MAX_RATIO = RATIOS[0], RATIOS[-1]
GENERATED_RATIO = 50  # a generated set's split when none was chosen (TensorFlow Playground's)
CSV_RATIO = 80  # a CSV file's split when none was chosen (load_csv's own)
MAX_BATCH = 500  # the largest batch size the training view's prompt takes


@dataclass(frozen=True)
class TrainingSettings:
    """What the learner chose: the data and the hyper-parameters."""

    dataset: str = "xor"  # a name from DATASET_NAMES, or CSV_DATASET for data_file
    noise: float = 0.0
    config: TrainingConfig = field(default_factory=TrainingConfig)
    data_file: str | None = None  # a CSV file given with --data
    ratio: int | None = None  # percent of the samples trained on; None: the data's own split
    data_seed: int | None = None  # draws the data's points and split; None: config.seed, as before it existed
    show_test: bool = True  # the boundary shows the test points
    discretize: bool = False  # the boundary shows only the class (or the sign), not the shades
    stop_after: int = 0  # stop when the test loss has not improved for this many steps; 0: never

    @property
    def uses_csv(self) -> bool:
        return self.dataset == CSV_DATASET and self.data_file is not None

    @property
    def effective_ratio(self) -> int:
        """The percent of the samples trained on: the one chosen, else the data's own."""
        if self.ratio is not None:
            return self.ratio
        return CSV_RATIO if self.uses_csv else GENERATED_RATIO

    @property
    def effective_data_seed(self) -> int:
        """The seed of the data's points and split: the one chosen, else the training seed."""
        return self.config.seed if self.data_seed is None else self.data_seed

    def data_key(self) -> tuple[object, ...]:
        """What the samples depend on: equal keys, equal data (a CSV path as written)."""
        source = ("csv", self.data_file) if self.uses_csv else (self.dataset, self.noise)
        return (*source, self.effective_ratio, self.effective_data_seed)

    def with_setting(self, name: str, value: object) -> TrainingSettings:
        """These settings with one field changed: a data or view field, or a TrainingConfig field."""
        change: dict[str, Any] = {name: value}  # a field named at run time: its type is the field's
        if name in DATA_FIELDS or name in VIEW_FIELDS or name in RULE_FIELDS:
            return replace(self, **change)
        if name in CONFIG_FIELDS:
            return replace(self, config=replace(self.config, **change))
        raise KeyError(name)

    def setting(self, name: str) -> object:
        """The value of one field, by the same names as :meth:`with_setting` (the ratio and the data
        seed as they are used)."""
        if name == "ratio":
            return self.effective_ratio
        if name == "data_seed":
            return self.effective_data_seed
        if name in DATA_FIELDS or name in VIEW_FIELDS or name in RULE_FIELDS:
            return getattr(self, name)
        if name in CONFIG_FIELDS:
            return getattr(self.config, name)
        raise KeyError(name)


DATA_FIELDS = frozenset({"dataset", "noise", "ratio", "data_seed"})
VIEW_FIELDS = frozenset({"show_test", "discretize"})  # how the boundary is drawn: training is not touched
RULE_FIELDS = frozenset({"stop_after"})  # when training stops by itself
CONFIG_FIELDS = frozenset(f.name for f in fields(TrainingConfig))


def default_settings(network: Network) -> TrainingSettings:
    """The settings when none were chosen: the digits for a network that reads their pictures, else xor."""
    if network.image_shape == IMAGE_SHAPE and network.layers[-1].n_out == len(DIGIT_NAMES):
        return TrainingSettings(dataset=DIGITS)
    return TrainingSettings()


def training_data(settings: TrainingSettings) -> Dataset:
    """The data ``settings`` name: a CSV file, or a generated set (ValueError/DataFileError)."""
    test_fraction = (100 - settings.effective_ratio) / 100  # 50 → 0.5 and 80 → 0.2 exactly
    seed = settings.effective_data_seed
    if settings.uses_csv:
        assert settings.data_file is not None
        return load_csv(settings.data_file, test_fraction=test_fraction, seed=seed)
    return make_dataset(settings.dataset, noise=settings.noise, test_fraction=test_fraction, seed=seed)


def new_trainer(network: Network, dataset: Dataset, config: TrainingConfig) -> Trainer:
    """A trainer of ``network`` on the training part of ``dataset`` (TrainingError if bad)."""
    # The trainer keeps the inputs it is given: a network of features gets the points' features, once.
    x_train = network.inputs_for(dataset.x_train)
    return Trainer(network, x_train, dataset.y_train, fitted_config(config, dataset))


def new_stop_rule(trainer: Trainer, dataset: Dataset, stop_after: int) -> StopRule:
    """The stop rule: ``trainer``'s steps end once the loss on ``dataset``'s test part is flat for ``stop_after``."""
    return StopRule(trainer, stop_after, trainer.network.inputs_for(dataset.x_test), dataset.y_test)


class TrainingSession:
    """Trains one network on one dataset, and remembers how the loss went.

    A *stretch* is the training between two changes by hand: it begins at
    the first step and becomes one undoable edit when it ends.
    """

    def __init__(self, network: Network, settings: TrainingSettings | None = None) -> None:
        self.network = network
        self.settings = settings or default_settings(network)
        self._dataset: Dataset | None = None  # made when first needed
        self.trainer: Trainer | None = None
        self.history: list[LossPoint] = []
        self.steps = 0  # since the last reset, across trainers
        self.samples = 0  # samples the batches of those steps took: the epoch count
        self.steps_per_second = 0.0
        self._stretch: tuple[Network, TrainingPosition] | None = None  # the network and training when it began
        self.metrics: tuple[Metrics, Metrics] | None = None  # train and test, as of the last point in history
        self.stopped: StoppedEarly | None = None  # why the stop rule ended the last run, in this session's steps
        self._rule: StopRule | None = None  # the stop rule of this trainer, when the settings ask for one
        # Where training was when the network's file was saved: the next trainer goes on from it.
        self.pending_state: TrainerState | None = None
        self._diagnosed_after = -1  # the step of the last change of settings: older losses are not theirs

    @property
    def epoch(self) -> int:
        """The pass over the training samples the last step was in (1 from the first step; a
        new trainer goes on counting): every sample is used once a pass."""
        return -(-self.samples // max(1, len(self.dataset.x_train)))

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = training_data(self.settings)
        return self._dataset

    # --- changes from outside ------------------------------------------------------

    def change(self, settings: TrainingSettings) -> None:
        """New settings: new data if the data changed, and a fresh trainer (unless only the view changed)."""
        before, self.settings = self.settings, settings
        if settings.data_key() != before.data_key():
            self._dataset = None
            self.history.clear()
            self.metrics = None
            self.steps = self.samples = 0
        if replace(settings, show_test=before.show_test, discretize=before.discretize) != before:
            self.trainer, self.pending_state = None, None
            self.stopped = None
            self._diagnosed_after = self.steps  # a warning about the old settings goes with them

    def change_setting(self, name: str, value: object) -> bool:
        """Change one setting by name; False when it already had that value (as used)."""
        settings = self.settings.with_setting(name, value)
        if settings == self.settings or self.settings.setting(name) == value:
            return False
        self.change(settings)
        return True

    def network_edited(self, network: Network) -> None:
        """The network changed by hand (or was replaced): optimiser state starts over."""
        self.network = network
        self.trainer, self.pending_state = None, None
        self.stopped = None

    def reset(self) -> None:
        """Back to step 0 (after new random weights): the loss history starts over."""
        self.trainer, self.pending_state = None, None
        self.history.clear()
        self.metrics = None
        self.stopped = None
        self.steps = self.samples = 0

    # --- training ----------------------------------------------------------------

    def compatible(self) -> str | None:
        """Why this network cannot learn this data, or None when it can."""
        return data_mismatch(self.network, self.dataset)

    @property
    def loss_name(self) -> str:
        """The loss trained on: the settings' own, else the one the data and the output call for."""
        return fitted_config(self.settings.config, self.dataset).loss or default_loss(self.network)

    def diagnosis(self) -> list[Finding]:
        """What keeps the network from learning the data, from its numbers and the loss since
        the settings last changed (a rate lowered is not blamed for the swings of the one before)."""
        since = [point for point in self.history if point.step > self._diagnosed_after]
        return diagnose(self.network, self.dataset, TrainLosses(since), self.loss_name)

    def trainer_state(self) -> TrainerState | None:
        """Where training is, for the file: the trainer's state, or the one the file brought while
        no step was taken; None when the next step starts a fresh trainer."""
        return self.trainer.state() if self.trainer is not None else self.pending_state

    def _trainer(self) -> Trainer:
        if self.trainer is None:
            self.trainer = new_trainer(self.network, self.dataset, self.settings.config)
            self._rule = None
            state, self.pending_state = self.pending_state, None
            if state is not None:
                try:
                    self.trainer.restore(state)
                except TrainingError:  # not of this data (a CSV file changed since): afresh
                    self.trainer = new_trainer(self.network, self.dataset, self.settings.config)
        if self.settings.stop_after and (self._rule is None or self.stopped is not None):
            # The rule watches from now: after it stopped training, playing again gives N more steps.
            self._rule = new_stop_rule(self.trainer, self.dataset, self.settings.stop_after)
        return self.trainer

    def run(self, steps: int) -> None:
        """Take ``steps`` steps, or fewer when the stop rule ends training (``stopped`` then says why).

        DivergenceError passes through, weights restored; the next step starts a fresh
        optimiser (the diverged one's moments hold the step that was undone).
        """
        trainer = self._start_run()
        before, used = trainer.steps_done, trainer.samples_used
        start = time.perf_counter()
        try:
            if self._rule is None:
                trainer.run(steps)
            else:
                self._rule.run(steps)
        except StoppedEarly as stop:
            self._stopped_early(stop, trainer.steps_done - before)
        except DivergenceError:
            self.trainer, self._rule = None, None
            raise
        finally:
            self.steps += trainer.steps_done - before  # those that were taken
            self.samples += trainer.samples_used - used
        elapsed = time.perf_counter() - start
        if elapsed > 0:
            self.steps_per_second = (trainer.steps_done - before) / elapsed

    def _stopped_early(self, stop: StoppedEarly, taken: int) -> None:
        """Remember why the stop rule ended a run of ``taken`` steps (not yet counted)."""
        at = self.steps + taken  # in this session's steps, which go on across trainers
        self.stopped = StoppedEarly(at, at - (stop.step - stop.best_step), stop.best_loss, stop.patience)

    # --- training elsewhere (nntui.document.training_process) ----------------------------

    def hand_over(self) -> bytes:
        """The trainer and its stop rule, pickled, to train in another process (as ``run`` would).

        Its reports come back through :meth:`take_report`; until the last one, only they
        change the network.  TrainingError as from ``run``.
        """
        trainer = self._start_run()
        return pickle.dumps((trainer, self._rule))

    def _start_run(self) -> Trainer:
        """The trainer for the next steps, here or elsewhere: the last stop is forgotten, the stretch begins."""
        trainer = self._trainer()
        self.stopped = None
        self.begin_stretch()
        return trainer

    def take_report(self, report: Report) -> None:
        """Steps taken elsewhere: their weights into the network, their number into the steps;
        at the last report, the trainer (and its stop rule) as they are now."""
        if (report.taken and report.state is None) or report.diverged:
            # The trainer kept here is behind those weights now (a fresh one, should the child never
            # send it back), or diverged: the next step starts a fresh optimiser, as after run().
            self.trainer, self._rule = None, None
        for layer, (weights, bias) in zip(self.network.layers, report.weights):
            np.copyto(layer.weights, weights)
            np.copyto(layer.bias, bias)
        if report.stopped is not None:
            self._stopped_early(StoppedEarly(*report.stopped), report.taken)
        self.steps += report.taken
        self.samples += report.samples
        if report.taken and report.seconds > 0:
            self.steps_per_second = report.taken / report.seconds
        if report.state is not None and not report.diverged:
            trainer, rule = pickle.loads(report.state)  # a copy of our own, sent by our own child
            trainer.network = self.network  # same weights; the trainer reads them at each run
            self.trainer, self._rule = trainer, rule

    def measure(self) -> LossPoint:
        """Evaluate on the training and test data now, and remember it."""
        data = self.dataset
        classification = data.kind == "classification"
        loss = fitted_config(self.settings.config, data).loss  # as the trainer learns it
        # One forward pass per split gives the loss, the accuracy and the metrics.
        inputs = self.network.inputs_for
        train, train_metrics = assess(self.network, inputs(data.x_train), data.y_train, loss, classification)
        test, test_metrics = assess(self.network, inputs(data.x_test), data.y_test, loss, classification)
        point = LossPoint(self.steps, train, test)
        self.metrics = (train_metrics, test_metrics)
        if not self.history or self.history[-1].step != point.step:
            self.history.append(point)
            del self.history[:-HISTORY_LIMIT]
        else:
            self.history[-1] = point
        return point

    # --- stretches ----------------------------------------------------------------

    def begin_stretch(self) -> None:
        """Remember the network, and where training is, before the first step of a stretch."""
        if self._stretch is None:
            self._stretch = self.network.copy(), self.position()

    @property
    def in_stretch(self) -> bool:
        """Steps were taken (or are being taken) that no undoable edit holds yet."""
        return self._stretch is not None

    def end_stretch(self, describe: Callable[[int], str]) -> TrainingStretch | None:
        """Close the stretch: the edit from before it to now (the loss measured now), or None if
        no step was taken. ``describe`` gives the edit's words from the number of steps."""
        stretch, self._stretch = self._stretch, None
        if stretch is None or self.steps <= stretch[1].steps:
            return None
        network, start = stretch
        self.measure()
        weights = Reshape(network, self.network.copy(), describe(self.steps - start.steps))
        return TrainingStretch(weights, start, self.position())

    # --- where training is, for undo and redo ----------------------------------------

    def _trained_under(self) -> TrainingSettings:
        """The settings an optimiser's state belongs to: all but how the boundary is drawn."""
        return replace(self.settings, show_test=True, discretize=False)

    def position(self) -> TrainingPosition:
        return TrainingPosition(
            self.settings.data_key(),
            self._trained_under(),
            self.steps,
            self.samples,
            tuple(self.history),
            self.metrics,
            self.trainer_state(),
            self.stopped,
        )

    def go_to(self, position: TrainingPosition) -> None:
        """Training where it was at ``position`` (the network's weights are already those of then).

        The count, the loss so far and the epoch are given back only on the same data (steps
        count training on the data now chosen); the optimiser's state only under the same
        settings (another rate's moments are not this one's): otherwise the next step starts afresh.
        """
        self.trainer, self._rule = None, None
        self.pending_state = position.state if position.trained_under == self._trained_under() else None
        if position.data_key == self.settings.data_key():
            self.steps, self.samples = position.steps, position.samples
            self.history[:] = position.history
            self.metrics, self.stopped = position.metrics, position.stopped
