"""The training view: play, pause, step, and watch the network learn.

The training itself runs in a worker (``training_worker``: a child process,
else a thread); the screen follows frame after frame (``frames``: the next
frame once the last is drawn, the numbers at reading speed), whatever the
number of steps in between.  Before any change of the document (an
edit, undo, opening, saving, exporting, quitting) the document calls
:meth:`stop` through its ``before_change`` hook, then closes the stretch of
training as one undoable edit: no call site has to remember it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

import numpy as np
from textual.css.query import NoMatches
from textual.widgets.select import InvalidSelectValueError

from nntui.app import collector, heatmap
from nntui.app.controllers.frames import FRAME_SECONDS, FramePacer, ReadingPace
from nntui.app.controllers.image_results import ImageResults
from nntui.app.controllers.training_status import status_lines
from nntui.app.controllers.training_worker import TrainingWorker
from nntui.app.shown import Shown
from nntui.app.text import MESSAGE_LIMIT, capitalised, notify, safe
from nntui.app.widgets.boundary_view import BoundaryView
from nntui.app.widgets.graph_layout import MAP_COLUMNS
from nntui.app.widgets.loss_chart import LossChart
from nntui.app.widgets.metrics_panel import MetricsPanel
from nntui.app.widgets.network_column import MAP_LINES
from nntui.app.widgets.training_panel import TrainingPanel
from nntui.core import shape
from nntui.core.edits import Reshape
from nntui.core.features import Feature, available
from nntui.core.planes import layer_maps
from nntui.core.shape import ShapeError
from nntui.core.training import DivergenceError
from nntui.core.training.diagnosis import fitting_output, suits
from nntui.document.document import Change, Document
from nntui.document.session import LEARNING_RATES, REGULARIZATION_RATES, TrainingSession, TrainingSettings
from nntui.i18n import t

# The settings , . and < > step through: their lists, and their names in the panel.
STEPPED = {"learning_rate": LEARNING_RATES, "regularization_rate": REGULARIZATION_RATES}
STEPPED_WORDS = {
    "learning_rate": "app.training.learning_rate",
    "regularization_rate": "app.training.regularization_rate",
}

if TYPE_CHECKING:
    from textual.screen import Screen

__all__ = ["FRAME_SECONDS", "TrainingController"]  # FRAME_SECONDS: read at play (the benchmarks patch it here)
AT_END_SECONDS = 3  # how long "at the end of its list" shows; pressed again meanwhile, it is not said twice


class TrainingController:
    """The training view's state: shown or not, playing or not, and the worker.

    Setting a ``Shown`` attribute has the screen derive its views again (``views_stale``).
    """

    active: Shown[bool] = Shown(False)  # the training view is shown
    log_scale: Shown[bool | None] = Shown(None)  # the loss chart's scale as chosen; None: by the losses' span

    def __init__(self, screen: Screen[Any], document: Document, views_stale: Callable[[], None]) -> None:
        self.screen = screen
        self.document = document
        self.views_stale = views_stale
        self._at_end, self._at_end_time = "", 0.0  # the last "at the end of its list" said, and when
        self.worker = TrainingWorker(document)
        self._frames = FramePacer(screen, lambda: self._frame())  # looked up each time: benchmarks wrap it
        self.reading = ReadingPace()  # when a frame shows the numbers too: its clock, for tests
        self.picture_only = False  # the update under way is a frame of training that leaves the numbers as they are
        self.images = ImageResults(screen, document, views_stale)  # the view of pictures' own state
        document.add_before_change(self.stop)

    @property
    def playing(self) -> bool:
        return self.worker.playing

    @property
    def session(self) -> TrainingSession:
        return self.document.training

    @property
    def pictures(self) -> bool:
        """The training view is shown, on data that are images: the view of pictures."""
        return bool(self.active) and self.session.dataset.image_shape is not None

    def document_changed(self, change: Change) -> None:
        """A change by hand, undo, redo or another network: the numbers shown are measured again."""
        if (
            self.active
            and change in (Change.EDITED, Change.REPLACED)
            and not self.playing
            and not self.session.compatible()  # a network that does not fit the data has no loss on it
        ):
            self.session.measure()

    # --- switching the view ------------------------------------------------------

    def toggle(self) -> None:
        self.document.settle()
        self.active = not self.active
        # The session already follows every change of the network (the document tells it): opening
        # the view keeps the optimiser's state and the place in the batches a file brought.
        if self.active and self.session.network is not self.document.network:
            self.session.network_edited(self.document.network)

    def maps(self) -> list[np.ndarray] | None:
        """Every neuron's heatmap as colour levels, or None outside training."""
        if not self.active:
            return None
        network = self.document.network
        try:
            maps = layer_maps(network, self.session.dataset.bounds, MAP_COLUMNS, 2 * MAP_LINES)
        except ValueError:
            return None
        activations = [None] + [layer.activation for layer in network.layers]
        return [heatmap.levels(heatmap.normalise(m, f)) for m, f in zip(maps, activations)]

    def show(self) -> None:
        """The boundary; then, unless only the pictures are due, the loss chart, the metrics and the
        status of the training panel."""
        if not self.active:
            return
        session, screen = self.session, self.screen
        settings, pictures = session.settings, session.dataset.image_shape is not None
        if not pictures:  # the plane of two inputs: the output over it
            screen.query_one(BoundaryView).show(
                self.document.network, session.dataset, show_test=settings.show_test, discrete=settings.discretize
            )
        if self.picture_only:
            return
        problem = session.compatible()
        loss_key = f"app.loss_name.{session.loss_name}"  # the backward panel's words for it
        loss = "" if problem else t(loss_key)
        screen.query_one(LossChart).show(session.history, loss, self.log_scale)
        last = session.history[-1] if session.history else None
        lines = status_lines(session, self.playing, problem)
        metrics = None if problem or last is None else session.metrics
        # While playing, the panels keep the size they have: a number's new width is no new layout.
        steady = self.playing
        if pictures:  # the matrix and the images read wrong in the plane's place
            self.images.show(metrics, safe(problem, MESSAGE_LIMIT) if problem else t("app.loss.empty"))
        else:
            screen.query_one(MetricsPanel).show(metrics, session.dataset.output_names, steady=steady)
        diagnosis = [] if problem else [finding.text for finding in session.diagnosis()]
        panel = screen.query_one(TrainingPanel)
        self._show_settings(panel)
        panel.show_status("\n".join(lines), diagnosis, steady=steady)
        panel.show_features(*self._features())

    def _show_settings(self, panel: TrainingPanel) -> None:
        """The panel's lists show the session's settings, however they changed (a list, a key, a
        prompt, a file opened)."""
        try:
            panel.show(self.session.settings)
        except InvalidSelectValueError as error:  # a CSV file its data list does not offer
            self.screen.log.warning(f"training settings not shown: {error}")

    def _features(self) -> tuple[tuple[Feature, ...], frozenset[Feature]]:
        """The features the data's points offer (none for a picture's pixels), and those the network reads."""
        network, coordinates = self.document.network, self.session.dataset.n_inputs
        if self.session.dataset.image_shape is not None:
            return (), frozenset()
        # Plain inputs that are not the data's points read none of their features.
        reads = shape.read_features(network) if network.features or network.n_inputs == coordinates else ()
        return available(coordinates), frozenset(reads)

    def toggle_feature(self, feature: Feature) -> None:
        """Turn an input feature on or off: one undoable edit that adds or removes an input."""
        doc = self.document
        doc.settle()
        problem = self.session.compatible()
        if problem:  # the features are of the data's points: the network must read them first
            notify(
                self.screen,
                t("app.features.not_now", problem=capitalised(safe(problem, MESSAGE_LIMIT))),
                title=t("app.features.title"),
                severity="warning",
                timeout=8,
            )
            return
        try:
            after = shape.toggle_feature(doc.network, feature, doc.rng)
        except ShapeError as refusal:
            notify(self.screen, str(refusal), title=t("app.features.title"), severity="warning")
            return
        on = after.features is not None and feature in after.features
        doc.apply(
            Reshape.of(doc.network, after, t("app.features.on" if on else "app.features.off", feature=feature.label))
        )

    def toggle_log_scale(self) -> None:
        """The loss chart in the other scale than the one it shows, until toggled again."""
        self.log_scale = not self.screen.query_one(LossChart).log_scale

    def step_setting(self, name: str, direction: int) -> None:
        """The next value of ``name``'s list (the learning or the regularisation rate) up or down;
        at the list's end it stays, and says so."""
        # arg-type: settings.setting gives an object; the rates stepped here are floats.
        current = float(self.session.settings.setting(name))  # type: ignore[arg-type]
        values = STEPPED[name]
        beyond = [v for v in values if (v > current if direction > 0 else v < current)]
        if not beyond:
            said = t("app.train.setting_at_end", setting=t(STEPPED_WORDS[name]), value=f"{current:g}")
            now = time.monotonic()
            if self._at_end != said or now - self._at_end_time > AT_END_SECONDS:  # once while it shows
                notify(self.screen, said, timeout=AT_END_SECONDS)
                self._at_end, self._at_end_time = said, now
            return
        self.change_setting(name, min(beyond) if direction > 0 else max(beyond))

    def change_setting(self, name: str, value: object) -> None:
        self.change_settings(self.session.settings.with_setting(name, value))

    def change_settings(self, settings: TrainingSettings) -> None:
        """New settings; the accuracy, the losses and the boundary are those of the new data at once."""
        self.document.settle()
        if settings == self.session.settings:
            return
        before = self.session.dataset
        self.session.change(settings)
        data = self.session.dataset
        if data.note and (data.name, data.note) != (before.name, before.note):
            self.tell_data_note()
        if data.kind != before.kind:
            self._follow_data_kind()
        if not self.session.compatible():  # a network that does not fit the data has no loss on it
            self.session.measure()
        self.document.trained()  # new data or settings: every view follows

    def tell_data_note(self) -> None:
        """How the data was read, when the learner should know (a CSV column read as labels)."""
        notify(
            self.screen,
            capitalised(safe(self.session.dataset.note, MESSAGE_LIMIT)) + ".",
            title=t("app.train.data_note_title"),
            timeout=12,
        )

    def _follow_data_kind(self) -> None:
        """Classes after values, or values after classes: the output (and so the loss) that the
        new kind wants, as one undoable edit, said in a notice."""
        doc, data = self.document, self.session.dataset
        output = doc.network.layers[-1]
        if self.session.compatible() is not None or suits(output.activation, data):
            return
        activation = fitting_output(data)
        after = doc.network.copy()
        after.layers[-1].activation = activation
        doc.apply(Reshape.of(doc.network, after, t("app.train.output_follows", activation=activation)))
        loss_key = f"app.loss_name.{self.session.loss_name}"  # the backward panel's words for it
        notify(
            self.screen,
            t("app.train.output_follows_notice", activation=activation, data=safe(data.name), loss=t(loss_key)),
            timeout=8,
        )

    # --- play, pause, step ---------------------------------------------------------

    def _can_train(self) -> bool:
        problem = self.session.compatible()
        if problem:
            notify(
                self.screen,
                t("app.train.cannot_train", problem=capitalised(safe(problem, MESSAGE_LIMIT))),
                title=t("app.train.cannot_train_title"),
                severity="warning",
            )
            return False
        return True

    def play_pause(self) -> None:
        if self.playing:
            self.document.settle()
            self.document.trained()  # "paused" is shown even when no step was taken
            return
        if not self._can_train():
            return
        self.session.begin_stretch()
        self.worker.start(self.screen, self._ended)
        self.reading.restart()
        self._frames.start(FRAME_SECONDS)
        collector.training_started()
        self.views_stale()  # "playing"

    def close(self) -> None:
        """The app is leaving: training stops, the child process ends."""
        self.stop()
        self.worker.close()

    def step(self) -> None:
        if self.playing or not self._can_train():
            return
        try:
            self.session.run(1)
        except DivergenceError as problem:
            self._diverged(str(problem))
            return
        self.session.measure()
        self.document.trained()

    def reset_weights(self) -> None:
        """New random weights everywhere; a network, or an output, that fits the data if this one does not."""
        doc = self.document
        doc.settle()
        data = self.session.dataset
        output = fitting_output(data)
        if self.session.compatible():
            after = shape.fresh_network(
                [data.n_inputs, 4, 4, data.n_outputs],
                doc.rng,
                output_activation=output,
                input_names=list(data.input_names),
                image_shape=data.image_shape,
            )
            description = t("app.train.new_network", shape="-".join(map(str, after.sizes)), data=safe(data.name))
        elif not suits(doc.network.layers[-1].activation, data):
            after = shape.randomize_all(doc.network, doc.rng)  # not the output this kind of data wants
            after.layers[-1].activation = output
            description = t("app.train.new_output", activation=output)
        else:
            after = shape.randomize_all(doc.network, doc.rng)
            description = t("app.train.new_weights")
        doc.apply(Reshape.of(doc.network, after, description))
        self.session.reset()
        self.session.measure()
        doc.trained()

    def _frame(self) -> None:
        """One frame of training: the pictures always, the numbers when they are due (ReadingPace)."""
        if not self.playing:
            return
        self.session.measure()
        self.picture_only = not self.reading.due()
        try:
            self.document.trained()
        except NoMatches:  # the app is closing: its widgets are going
            self.stop()
        finally:
            self.picture_only = False  # any other update (a pause, a step, an edit) shows every number

    def stop(self) -> None:
        """Stop training after the chunk in progress (the document's before-change hook)."""
        self._frames.stop()
        collector.training_stopped()
        self.worker.stop()

    def _ended(self, problem: str | None, stopped: bool) -> None:
        """Training ended by itself: a divergence, or the stop rule."""
        if problem is not None:
            self._diverged(problem)
        elif stopped:
            self._stopped()

    def _stopped(self) -> None:
        """The stop rule ended training: the panel says why (TrainingController.show)."""
        self.document.settle()
        with suppress(NoMatches):  # unless the app is closing
            self.document.trained()

    def _diverged(self, message: str) -> None:
        self.document.settle()
        notify(
            self.screen,
            f"{capitalised(safe(message, MESSAGE_LIMIT))}.",
            title=t("app.train.stopped_title"),
            severity="error",
            timeout=10,
        )
        with suppress(NoMatches):  # unless the app is closing
            self.document.trained()
