"""The guided tour: a few steps from one neuron to layers, each waiting for the learner.

A mixin of the app.  Each step says something (a catalogue message), lights
up the part of the screen it speaks of, and waits until the learner has done
what it asks; the app checks after every change.  The tour opens the
presets it needs, after asking about unsaved work like any other opening.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.widgets import Static

from nntui.core.presets import load_preset
from nntui.i18n import t

if TYPE_CHECKING:
    from nntui.app.app import NNTuiApp

HIGHLIGHT = "-tour-target"


@dataclass(frozen=True)
class TourStep:
    message: str  # catalogue key
    target: str  # CSS selector of what the step speaks of
    done: Callable[[NNTuiApp], bool]  # has the learner done what the step asks?
    preset: str | None = None  # opened when the step begins


def _weight(app: NNTuiApp, j: int, i: int, layer: int = 0) -> float:
    return float(app.network.layers[layer].weights[j, i])


def _selected(app: NNTuiApp, column: int, param: int | None = None) -> bool:
    selection = app.selection
    return selection.column == column and (param is None or selection.param == param)


STEPS: tuple[TourStep, ...] = (
    TourStep("app.tour.neuron", "#network", lambda app: _selected(app, 1), preset="potatoes"),
    TourStep("app.tour.formula", "#inspector", lambda app: _selected(app, 1, 2)),
    TourStep("app.tour.saxophone", "#outputs", lambda app: _weight(app, 0, 2) >= 0.5),
    TourStep("app.tour.herbs", "#outputs", lambda app: _weight(app, 0, 0) <= 2.0),
    TourStep("app.tour.activation", "#network",
             lambda app: app.network.layers[0].activation != "sigmoid"),
    TourStep("app.tour.layers", "#network", lambda app: _selected(app, 1), preset="layers"),
    TourStep("app.tour.feeding", "#network", lambda app: _selected(app, 3)),
    TourStep("app.tour.inputs", "#outputs",
             lambda app: app.network.input_values.tolist() != load_preset("layers").input_values.tolist()),
    TourStep("app.tour.end", "#tour", lambda app: False),
)


class TourPanel(Static):
    """The current step's words, above the network."""


class GuidedTour:
    """Tour behaviour for :class:`nntui.app.app.NNTuiApp`."""

    tour_step: int | None = None

    def action_tour(self: NNTuiApp) -> None:
        if self.tour_step is not None:
            self.stop_tour()
            return
        self.unless_unsaved(t("app.tour.before"), lambda: self._begin_step(0))

    def stop_tour(self: NNTuiApp) -> None:
        self.tour_step = None
        self._highlight(None)
        self.main_screen.set_class(False, "-touring")

    def _begin_step(self: NNTuiApp, index: int) -> None:
        self.tour_step = index
        step = STEPS[index]
        self.main_screen.set_class(True, "-touring")
        if step.preset is not None:
            # Straight in: the learner agreed to leave their work when the tour began.
            self.open_document(load_preset(step.preset), preset=step.preset, announce=False)
        self.main_screen.query_one(TourPanel).update(
            t("app.tour.counter", step=index + 1, steps=len(STEPS)) + " " + t(step.message)
        )
        self._highlight(step.target)

    def _highlight(self: NNTuiApp, selector: str | None) -> None:
        for widget in self.main_screen.query(f".{HIGHLIGHT}"):
            widget.remove_class(HIGHLIGHT)
        if selector is not None:
            self.main_screen.query_one(selector).add_class(HIGHLIGHT)

    def check_tour(self: NNTuiApp) -> None:
        """After every change: move on when the learner has done what the step asks."""
        if self.tour_step is None:
            return
        if STEPS[self.tour_step].done(self) and self.tour_step + 1 < len(STEPS):
            self._begin_step(self.tour_step + 1)
