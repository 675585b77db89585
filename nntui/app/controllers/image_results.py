"""The training view of pictures: the confusion matrix, the test accuracy, the test images read wrong.

When the training data are images (``Dataset.image_shape``: the handwritten
digits), a picture of the output over the plane of two inputs means
nothing; the training view shows instead, in its place, a compact
confusion matrix of the test images with the test accuracy
(:mod:`~nntui.app.widgets.confusion_view`, the train images' beside it when
the width has room), and the misclassified test images one at a time
(:mod:`~nntui.app.widgets.mistakes_view`): `]` and `[` page through them,
`i` (or a click on the picture) puts the one shown into the input layer, one
undoable edit, so that the network's answer to it can be taken apart.

Computed here, once per frame that shows numbers (the reading pace while
training), from the metrics the session measured with the losses (one
forward pass: the answers are kept with the confusion counts); the widgets
draw what they are handed.  Where the width is short (80 columns), the
matrix and the images take turns in one place: `]` from the matrix goes to
the first image, past the last one back to the matrix; the loss chart gives
its room first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from textual.containers import Vertical

from nntui.app.shown import Shown
from nntui.app.text import notify
from nntui.app.widgets import confusion_view, mistakes_view
from nntui.app.widgets.confusion_view import Block, ConfusionView
from nntui.app.widgets.mistakes_view import Mistake, MistakesView
from nntui.core.datasets import Dataset
from nntui.core.edits import SetInputs
from nntui.core.training.metrics import Metrics, class_count, classes
from nntui.document.document import Document
from nntui.i18n import t

if TYPE_CHECKING:
    from textual.screen import Screen

PANEL_WIDTH = 36  # the training panel's width (app.tcss): the rest of the screen's width is theirs
CHART_WIDTH = 24  # the loss chart's width at least, or it gives its room to the pictures


@dataclass(frozen=True)
class Layout:
    """What the room beside the training panel holds."""

    train: bool  # the train images' matrix beside the test images'
    in_turn: bool  # the matrix and the images read wrong take turns in one place
    chart: bool  # the loss chart is shown


def plan(room: int, single: int, double: int, mistakes: int) -> Layout:
    """Where ``room`` cells go: a matrix ``single`` wide (``double`` with the train images'), the
    images read wrong ``mistakes`` wide, then the loss chart, CHART_WIDTH at least; what does
    not fit goes, the chart first."""
    if room >= double + mistakes + CHART_WIDTH:
        return Layout(train=True, in_turn=False, chart=True)
    if room >= single + mistakes:
        return Layout(train=False, in_turn=False, chart=room >= single + mistakes + CHART_WIDTH)
    return Layout(train=False, in_turn=True, chart=room >= max(single, mistakes) + CHART_WIDTH)


class ImageResults:
    """Which test image read wrong is looked at, and what the pictures' training view shows.

    Setting a ``Shown`` attribute has the screen derive its views again (``views_stale``).
    """

    # The test image paged to (its index), with the data it is of; None: the first image read
    # wrong, or the matrix where they take turns.
    paged_to: Shown[tuple[Dataset, int] | None] = Shown(None)

    def __init__(self, screen: Screen[Any], document: Document, views_stale: Callable[[], None]) -> None:
        self.screen = screen
        self.document = document
        self.views_stale = views_stale
        # As last shown: the test images read wrong (their indices, in order), and the layout.
        self.wrong: np.ndarray = np.zeros(0, dtype=np.intp)
        self.layout = Layout(train=False, in_turn=False, chart=True)
        self._sizes: tuple[Dataset, list[str], int, int] | None = None  # the data's labels and cells, made once

    def _labels_and_cells(self, data: Dataset) -> tuple[list[str], int, int]:
        """The classes' labels, and the cells of the test matrix alone and of both (the data's)."""
        if self._sizes is None or self._sizes[0] is not data:
            labels = confusion_view.class_labels(data.output_names, data.n_outputs)
            test_totals = _totals(data.y_test)
            test_cell = confusion_view.cell_width(test_totals, labels)
            both_cell = confusion_view.cell_width(test_totals + _totals(data.y_train), labels)
            self._sizes = (data, labels, test_cell, both_cell)
        return self._sizes[1], self._sizes[2], self._sizes[3]

    @property
    def looked_at(self) -> int | None:
        """The index of the test image the learner paged to, while the data are those it was of."""
        paged_to = self.paged_to
        return paged_to[1] if paged_to is not None and paged_to[0] is self.document.training.dataset else None

    @property
    def position(self) -> int | None:
        """The place, among the images read wrong, of the one shown: the one paged to, or the next
        one after it (the network reads it right now), the first when none was; None when none is
        shown (none is wrong, or it is the matrix's turn). Read from the state, so that keys in a
        burst each go on from the one before."""
        wrong, looked_at = self.wrong, self.looked_at
        if not len(wrong) or (looked_at is None and self.layout.in_turn):
            return None
        return 0 if looked_at is None else int(np.searchsorted(wrong, looked_at)) % len(wrong)

    def show(self, metrics: tuple[Metrics, Metrics] | None, message: str) -> None:
        """The matrix and the image read wrong, from ``metrics`` (None: ``message`` says why not)."""
        data = self.document.training.dataset
        assert data.image_shape is not None  # the pictures' view is shown for images only
        labels, test_cell, both_cell = self._labels_and_cells(data)
        frame, count = confusion_view.FRAME, len(labels)
        layout = self.layout = plan(
            self.screen.size.width - PANEL_WIDTH,
            confusion_view.lines_width(1, count, labels, test_cell) + frame,
            confusion_view.lines_width(2, count, labels, both_cell) + frame,
            mistakes_view.WIDTH + mistakes_view.FRAME,
        )
        test, train = (metrics[1], metrics[0]) if metrics is not None else (None, None)
        blocks = []
        if test is not None and test.confusion is not None:
            blocks.append(Block(t("app.metrics.test"), test.accuracy, test.confusion))
            if layout.train and train is not None and train.confusion is not None:
                blocks.append(Block(t("app.metrics.train"), train.accuracy, train.confusion))
        cell = both_cell if len(blocks) == 2 else test_cell
        self.wrong = _misclassified(test, data)
        mistake = self._mistake(data, test, labels)
        on_matrix = layout.in_turn and mistake is None
        hint = t("app.images.to_mistakes") if layout.in_turn else ""
        self.screen.query_one(ConfusionView).show(blocks, labels, cell, message=message, hint=hint)
        said = "" if len(self.wrong) else t("app.images.none_wrong")
        said = t("app.images.not_yet") if test is None else said
        self.screen.query_one(MistakesView).show(mistake, said)
        # Which of them the stylesheet shows (app.tcss): classes, set only when they change.
        self.screen.query_one(ConfusionView).set_class(not layout.in_turn or on_matrix, "-shown")
        self.screen.query_one(MistakesView).set_class(not on_matrix, "-shown")
        self.screen.query_one("#train-results", Vertical).set_class(not layout.chart, "-no-room")

    def _mistake(self, data: Dataset, test: Metrics | None, labels: list[str]) -> Mistake | None:
        """The image read wrong that is shown (``position``), or None."""
        wrong, position = self.wrong, self.position
        if test is None or test.answers is None or data.image_shape is None or position is None:
            return None
        sample = int(wrong[position])
        label, answer = _class_of(data, sample), int(test.answers[sample])
        return Mistake(
            sample, data.x_test[sample], data.image_shape, labels[label], labels[answer], position + 1, len(wrong)
        )

    # --- what the learner does -----------------------------------------------------------

    def page(self, delta: int) -> None:
        """The next (``delta`` 1) or previous (-1) image read wrong, round; where the matrix takes
        turns with them, it comes between the last and the first."""
        wrong, data, position = self.wrong, self.document.training.dataset, self.position
        if not len(wrong):
            self.paged_to = None
        elif self.layout.in_turn:  # the ring: the matrix, then each image
            place = ((0 if position is None else position + 1) + delta) % (len(wrong) + 1)
            self.paged_to = None if place == 0 else (data, int(wrong[place - 1]))
        else:
            place = ((position or 0) + delta) % len(wrong)
            self.paged_to = (data, int(wrong[place]))

    def load(self, sample: int | None = None) -> None:
        """Test image ``sample`` (the one shown when None) into the input layer: one undoable edit."""
        doc, data = self.document, self.document.training.dataset
        if sample is None:
            position = self.position
            sample = None if position is None else int(self.wrong[position])
        if sample is None or not 0 <= sample < len(data.x_test):
            notify(self.screen, t("app.images.nothing_to_load"), severity="warning")
            return
        network = doc.network
        if network.image_shape != data.image_shape or network.n_inputs != data.x_test.shape[1]:
            notify(self.screen, t("app.images.not_this_picture"), severity="warning")
            return
        labels = self._labels_and_cells(data)[0]
        what = t("app.images.loaded", label=labels[_class_of(data, sample)], number=sample + 1)
        doc.apply(SetInputs.picture(network, data.x_test[sample], what))


def _totals(y: np.ndarray) -> list[int]:
    """How many samples of each class: the rows' totals of a confusion matrix."""
    counts: list[int] = np.bincount(classes(y), minlength=class_count(y)).tolist()
    return counts


def _class_of(data: Dataset, sample: int) -> int:
    """The class of test image ``sample``."""
    return int(classes(data.y_test[sample : sample + 1])[0])


def _misclassified(test: Metrics | None, data: Dataset) -> np.ndarray:
    """The test images the network reads wrong, in the data's order."""
    if test is None or test.answers is None:
        return np.zeros(0, dtype=np.intp)
    return np.flatnonzero(test.answers != classes(data.y_test))
