"""The guided tour: a few steps from one neuron to layers, then training, each waiting for the learner.

Each step says something (a catalogue message), lights up the part of the
screen it speaks of, and waits until the learner has done what it asks; the
playground checks after every change of the document.  The tour opens the
presets it needs, after asking about unsaved work like any other opening.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from nntui.app.controllers.files import FilesController
from nntui.app.controllers.learning import LearningController
from nntui.app.controllers.training import TrainingController
from nntui.app.text import plain
from nntui.app.widgets.tour_panel import TourPanel
from nntui.core.presets import load_preset
from nntui.document.document import Document
from nntui.document.session import TrainingSettings
from nntui.i18n import t

if TYPE_CHECKING:
    from textual.screen import Screen

HIGHLIGHT = "-tour-target"


@dataclass(frozen=True)
class Progress:
    """What a step may look at: the document, the learning tools, the training view."""

    doc: Document
    learning: LearningController
    training: TrainingController


Check = Callable[[Progress], bool]


@dataclass(frozen=True)
class TourStep:
    message: str  # catalogue key
    target: str  # CSS selector of what the step speaks of
    done: Check  # has the learner done what the step asks?
    preset: str | None = None  # opened when the step begins
    data: str | None = None  # the data set the training view then trains on (its default settings)
    # What the learner must have seen first, if anything: ``done`` counts only once it has held.
    seen: Check | None = None


def _weight(doc: Document, j: int, i: int, layer: int = 0) -> float:
    return float(doc.network.layers[layer].weights[j, i])


def _reads_a_feature(doc: Document) -> bool:
    """The network reads a feature of the point beyond its coordinates (x1², sin x1…)."""
    return any(feature.kind != "plain" for feature in doc.network.features or ())


@cache
def _preset_inputs(name: str) -> tuple[float, ...]:
    """A preset's input values as it ships: read once, since the steps compare with them after every change."""
    return tuple(load_preset(name).input_values.tolist())


def _drawn(doc: Document) -> bool:
    """A picture of the learner's own: not the preset's, with ink on at least six pixels."""
    values = doc.network.input_values
    return tuple(values.tolist()) != _preset_inputs("digits") and int((values >= 0.5).sum()) >= 6


def _a_test_image(p: Progress) -> bool:
    """The picture is one of the test images (put there with i from the mistakes, or 0-9)."""
    data = p.training.session.dataset
    inputs = p.doc.network.input_values
    return data.x_test.shape[1] == inputs.shape[0] and bool((data.x_test == inputs).all(axis=1).any())


def _selected(doc: Document, column: int, param: int | None = None) -> bool:
    selection = doc.selection
    return selection.column == column and (param is None or selection.param == param)


STEPS: tuple[TourStep, ...] = (
    TourStep("app.tour.neuron", "#network", lambda p: _selected(p.doc, 1), preset="potatoes"),
    TourStep("app.tour.formula", "#inspector", lambda p: _selected(p.doc, 1, 2)),
    TourStep("app.tour.saxophone", "#outputs", lambda p: _weight(p.doc, 0, 2) >= 0.5),
    TourStep("app.tour.herbs", "#outputs", lambda p: _weight(p.doc, 0, 0) <= 2.0),
    TourStep("app.tour.activation", "#network", lambda p: p.doc.network.layers[0].activation != "sigmoid"),
    TourStep("app.tour.truth", "#network", lambda p: p.learning.truth),
    # Done when the learner closes the panel, having tried B: the next step opens another
    # network, which must not come in the middle of looking at the step's numbers.
    TourStep(
        "app.tour.gradient",
        "#backward",
        lambda p: not p.learning.backward,
        seen=lambda p: p.learning.backward and p.learning.step_taken is not None,
    ),
    TourStep("app.tour.layers", "#network", lambda p: _selected(p.doc, 1), preset="layers"),
    TourStep("app.tour.feeding", "#network", lambda p: _selected(p.doc, 3)),
    TourStep(
        "app.tour.inputs",
        "#outputs",
        lambda p: tuple(p.doc.network.input_values.tolist()) != _preset_inputs("layers"),
    ),
    # Learning by itself: the training view, a network that fits the data, play and watch.
    TourStep(
        "app.tour.train_view", "#network", lambda p: p.training.active and p.training.session.compatible() is None
    ),
    TourStep("app.tour.train_play", "#network", lambda p: not p.training.playing, seen=lambda p: p.training.playing),
    TourStep("app.tour.train_feature", "#training", lambda p: _reads_a_feature(p.doc)),
    TourStep("app.tour.train_score", "#training", lambda p: not p.training.playing, seen=lambda p: p.training.playing),
    # Pictures: the handwritten digits, drawn by hand, read, and learned.
    TourStep(
        "app.tour.digits_draw",
        "#network",
        lambda p: not p.training.active and _drawn(p.doc),
        preset="digits",
        data="digits",
    ),
    TourStep("app.tour.digits_gallery", "#network", lambda p: _selected(p.doc, 1)),
    TourStep(
        "app.tour.digits_train",
        "#training",
        lambda p: not p.training.playing,
        seen=lambda p: p.training.active and p.training.playing,
    ),
    TourStep("app.tour.digits_mistakes", "#training", _a_test_image),
    TourStep("app.tour.end", "#tour", lambda p: False),
)


class TourController:
    """Which step of the tour is showing, if any."""

    def __init__(
        self,
        screen: Screen[Any],
        document: Document,
        files: FilesController,
        learning: LearningController,
        training: TrainingController,
    ) -> None:
        self.screen = screen
        self.document = document
        self.files = files
        self.learning = learning
        self.training = training
        self.step: int | None = None
        self._seen = False  # whether the step's ``seen`` has held since it began

    def toggle(self) -> None:
        if self.step is not None:
            self.stop()
            return
        self.files.unless_unsaved(t("app.tour.before"), lambda: self._begin_step(0))

    def stop(self) -> None:
        self.step = None
        self._highlight(None)
        self.screen.set_class(False, "-touring")

    def _begin_step(self, index: int) -> None:
        self.step, self._seen = index, False
        step = STEPS[index]
        self.screen.set_class(True, "-touring")
        if step.preset is not None:
            # Straight in: the learner agreed to leave their work when the tour began.
            self.document.replace(load_preset(step.preset), preset=step.preset)
        if step.data is not None:  # trained on the data the step speaks of
            self.training.change_settings(TrainingSettings(dataset=step.data))
        self.screen.query_one(TourPanel).update(
            plain(t("app.tour.counter", step=index + 1, steps=len(STEPS)) + " " + t(step.message), None)
        )
        self._highlight(step.target)

    def _highlight(self, selector: str | None) -> None:
        for widget in self.screen.query(f".{HIGHLIGHT}"):
            widget.remove_class(HIGHLIGHT)
        if selector is not None:
            self.screen.query_one(selector).add_class(HIGHLIGHT)

    def check(self) -> None:
        """After every change: move on when the learner has done what the step asks."""
        if self.step is None:
            return
        step, progress = STEPS[self.step], Progress(self.document, self.learning, self.training)
        if step.seen is not None and not self._seen:
            self._seen = step.seen(progress)
            return  # what it shows is on screen now: the learner looks first
        if step.done(progress) and self.step + 1 < len(STEPS):
            self._begin_step(self.step + 1)
