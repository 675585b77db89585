"""The training view of the playground: play, pause, step, and watch it learn.

A mixin of the app: the same network, the same columns (each neuron now with
a heatmap of what it computes over the input plane), plus a panel with the
data, the hyper-parameters, the decision boundary and the loss.

Training runs in a worker thread, a chunk of steps at a time under a lock;
the screen is refreshed by a timer at a steady rate, whatever the number of
steps in between.  A stretch of training becomes one undoable edit when it
ends (pause, an edit by hand, save, quit).
"""

from __future__ import annotations

import threading
import time
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from textual import work
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.worker import get_current_worker

from nntui.app import heatmap
from nntui.document.session import CSV_DATASET, TrainingSession, TrainingSettings
from nntui.app.widgets.boundary_view import BoundaryView
from nntui.app.widgets.layer_view import MAP_COLUMNS, MAP_LINES
from nntui.app.widgets.loss_chart import LossChart
from nntui.app.widgets.network_view import NetworkView
from nntui.app.widgets.training_panel import TrainingPanel
from nntui.core import shape
from nntui.core.edits import Reshape
from nntui.core.network import Network
from nntui.core.planes import layer_maps
from nntui.core.training import DivergenceError
from nntui.i18n import language, t

if TYPE_CHECKING:
    from nntui.app.app import NNTuiApp

FRAME_SECONDS = 1 / 30  # how often the screen follows training
CHUNK_SECONDS = 1 / 50  # how long the worker trains between two looks at the flag

# Descriptions and tooltips are message keys, translated with the app's own bindings.
TRAINING_BINDINGS = [
    Binding("ctrl+t,f5", "toggle_training", "app.key.train", key_display="^t",
            tooltip="app.key.train.help"),
    # A priority binding: space plays and pauses even when a list has focus.
    Binding("space", "play_pause", "app.key.play_pause", key_display="␣", priority=True,
            tooltip="app.key.play_pause.help"),
    Binding("s", "train_step", "app.key.step", tooltip="app.key.step.help"),
    Binding("x", "reset_weights", "app.key.reset", tooltip="app.key.reset.help"),
]
TRAINING_ONLY = frozenset({"play_pause", "train_step", "reset_weights"})


def count(n: int) -> str:
    """A whole number with its thousands apart as the language writes them: 12,345 or 12 345."""
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if language() == "fr" else text  # a no-break space


def _capitalised(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}"


class TrainingMode:
    """Training-view behaviour for :class:`nntui.app.app.NNTuiApp`."""

    training: TrainingSession | None = None
    training_mode = False
    playing = False
    _training_start: Network | None = None  # the network when this stretch began
    _training_steps_at_start = 0
    _frame_timer: Timer | None = None

    def _init_training(self: NNTuiApp, data: Path | None = None) -> None:
        """``data``: a CSV file (already checked by the CLI) to train on instead of xor."""
        self._train_lock = threading.Lock()
        self.training_settings = (
            TrainingSettings(dataset=CSV_DATASET, data_file=str(data)) if data else TrainingSettings()
        )

    # --- switching the view ------------------------------------------------------

    def action_toggle_training(self: NNTuiApp) -> None:
        if self.training_mode:
            self.flush_training()
            self.training_mode = False
        else:
            if self.training is None:
                self.training = TrainingSession(self.network, self.training_settings)
            else:
                self.training.network_edited(self.network)
            self.training_mode = True
            problem = self.training.compatible()
            if problem:
                self.notify(t("app.train.not_trainable", problem=_capitalised(problem)),
                            title=t("app.train.not_trainable_title"), severity="warning", timeout=8)
        self.main_screen.set_class(self.training_mode, "-training")
        self.refresh_bindings()
        self._refresh_everything()

    def training_maps(self: NNTuiApp) -> list[np.ndarray] | None:
        """Every neuron's heatmap as colour levels, or None outside training."""
        if not self.training_mode or self.training is None:
            return None
        try:
            maps = layer_maps(self.network, self.training.dataset.bounds, MAP_COLUMNS, 2 * MAP_LINES)
        except ValueError:
            return None
        activations = [None] + [layer.activation for layer in self.network.layers]
        return [heatmap.levels(heatmap.normalise(m, f)) for m, f in zip(maps, activations)]

    def refresh_training_views(self: NNTuiApp) -> None:
        if not self.training_mode or self.training is None:
            return
        session = self.training
        screen = self.main_screen
        screen.query_one(BoundaryView).show(self.network, session.dataset)
        screen.query_one(LossChart).show(session.history)
        last = session.history[-1] if session.history else None
        state = t("app.train.playing") if self.playing else t("app.train.paused")
        lines = [t("app.train.state", state=state, steps=count(session.steps))]
        if self.playing and session.steps_per_second:
            lines[0] += f" · {count(round(session.steps_per_second))}/s"
        if last is not None and last.test.accuracy is not None:
            lines.append(t("app.train.accuracy", train=f"{last.train.accuracy:.1%}",
                           test=f"{last.test.accuracy:.1%}"))
        problem = session.compatible()
        if problem:
            lines.append(t("app.train.problem", problem=problem))
        screen.query_one(TrainingPanel).show_status("\n".join(lines))

    # Named handler, not @on: Textual collects @on handlers only from App subclasses.
    def on_training_panel_settings_changed(
        self: NNTuiApp, message: TrainingPanel.SettingsChanged
    ) -> None:
        self.flush_training()
        self.training_settings = message.settings
        if self.training is not None:
            self.training.change(message.settings)
        self._refresh_everything()
        # Back to the network, so the arrows, + and - work on it again.
        self.main_screen.query_one(NetworkView).focus()

    # --- play, pause, step ---------------------------------------------------------

    def _can_train(self: NNTuiApp) -> bool:
        assert self.training is not None
        problem = self.training.compatible()
        if problem:
            self.notify(t("app.train.cannot_train", problem=_capitalised(problem)),
                        title=t("app.train.cannot_train_title"), severity="warning")
            return False
        return True

    def _begin_stretch(self: NNTuiApp) -> None:
        if self._training_start is None:
            assert self.training is not None
            self._training_start = self.network.copy()
            self._training_steps_at_start = self.training.steps

    def action_play_pause(self: NNTuiApp) -> None:
        if self.playing:
            self.flush_training()
            self._refresh_everything()
            return
        if not self._can_train():
            return
        self._begin_stretch()
        self.playing = True
        self._frame_timer = self.set_interval(FRAME_SECONDS, self._training_frame)
        self._train_in_background()
        self.refresh_training_views()

    def action_train_step(self: NNTuiApp) -> None:
        if self.playing or not self._can_train():
            return
        assert self.training is not None
        self._begin_stretch()
        try:
            self.training.run(1)
        except DivergenceError as problem:
            self._diverged(str(problem))
            return
        self.training.measure()
        self._refresh_everything()

    def action_reset_weights(self: NNTuiApp) -> None:
        """New random weights everywhere; a network that fits the data if this one does not."""
        assert self.training is not None
        self.flush_training()
        data = self.training.dataset
        if self.training.compatible():
            hidden = [4, 4]
            after = shape.fresh_network([data.n_inputs, *hidden, data.n_outputs], self.rng,
                                        output_activation="sigmoid" if data.kind == "classification" else "linear",
                                        input_names=list(data.input_names))
            description = t("app.train.new_network", shape="-".join(map(str, after.sizes)), data=data.name)
        else:
            after = shape.randomize_all(self.network, self.rng)
            description = t("app.train.new_weights")
        self.apply_edit(Reshape.of(self.network, after, description))
        self.training.reset()
        self.training.measure()
        self._refresh_everything()

    def _training_frame(self: NNTuiApp) -> None:
        if self.training is None or not self.playing:
            return
        self.training.measure()
        try:
            self._refresh_everything()
        except NoMatches:  # the app is closing: its widgets are going
            self._stop_playing()

    @work(thread=True, exclusive=True, group="training")
    def _train_in_background(self: NNTuiApp) -> None:
        worker = get_current_worker()
        chunk = 1
        while self.playing and not worker.is_cancelled:
            start = time.perf_counter()
            with self._train_lock:
                if not self.playing or self.training is None:
                    return
                try:
                    self.training.run(chunk)
                except DivergenceError as problem:
                    self.playing = False
                    self.call_from_thread(self._diverged, str(problem))
                    return
            elapsed = time.perf_counter() - start
            # Grow or shrink the chunk so each takes about CHUNK_SECONDS.
            chunk = max(1, min(chunk * 2, int(chunk * CHUNK_SECONDS / max(elapsed, 1e-6))))
            time.sleep(0.001)  # let the screen thread in

    def _stop_playing(self: NNTuiApp) -> None:
        if not self.playing:
            return
        with self._train_lock:  # waits for the chunk in progress
            self.playing = False
        if self._frame_timer is not None:
            self._frame_timer.stop()
            self._frame_timer = None

    def flush_training(self: NNTuiApp) -> None:
        """End the current stretch of training: it becomes one undoable edit."""
        self._stop_playing()
        start, self._training_start = self._training_start, None
        if start is None or self.training is None:
            return
        steps = self.training.steps - self._training_steps_at_start
        if steps > 0:
            self.training.measure()
            edit = Reshape(start, self.network.copy(), t("app.train.stretch", steps=count(steps)))
            self.history.apply(edit)
            self._document_changed()

    def _diverged(self: NNTuiApp, message: str) -> None:
        self._stop_playing()
        self.flush_training()
        self.notify(f"{_capitalised(message)}.", title=t("app.train.stopped_title"),
                    severity="error", timeout=10)
        with suppress(NoMatches):  # unless the app is closing
            self._refresh_everything()
