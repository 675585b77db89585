"""Learning by doing: the truth table, challenges checked live, the backward pass, the loss slice.

The numbers come from the core (``truth``, ``backward``, ``loss_slice``,
``challenges``); this controller decides what is shown and keeps the
state of the learning tools: which panels are open, the open challenge,
the target of the sample, and the last gradient step (``StepTaken``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from rich.text import Text

from nntui.app.controllers.files import FilesController
from nntui.app.panel_row import OUTPUTS_WIDTH, arrange
from nntui.app.screens.challenge_chooser import ChallengeChooser
from nntui.app.screens.range_prompt import RangePrompt
from nntui.app.screens.value_prompt import ValuePrompt
from nntui.app.shown import Shown
from nntui.app.text import notify, safe
from nntui.app.widgets.backward_panel import BackwardPanel, ShownPass, needed_width
from nntui.app.widgets.challenge_bar import ChallengeBar
from nntui.app.widgets.inspector import needed_width as inspector_width
from nntui.app.widgets.loss_slice_panel import SLICE_WIDTH, LossSlicePanel
from nntui.app.widgets.static_text import show_text
from nntui.app.widgets.truth_table import MESSAGE_WIDTH, TruthTablePanel, narrowest
from nntui.core.backward import BackwardPass, backward, gradient_step
from nntui.core.challenges import CHALLENGES, Challenge, challenge
from nntui.core.edits import ParamRef, Reshape
from nntui.core.loss_slice import loss_slice
from nntui.core.truth import Targets, TruthRow, TruthTableError, truth_table
from nntui.document.document import Change, Document
from nntui.document.progress import SolvedStore
from nntui.document.session import TrainingSettings
from nntui.i18n import t

if TYPE_CHECKING:
    from textual.screen import Screen

    from nntui.app.controllers.training import TrainingController

# The row under the network: each panel's name and widget.
ROW_PANELS = {
    "outputs": "#outputs",
    "inspector": "#inspector",
    "truth": "#truth",
    "backward": "#backward",
    "slice": "#slice",
}
HINT_AFTER = 8  # edits without success before the hint is shown
WHY_AFTER = 12  # edits before an impossible challenge says why


@dataclass(frozen=True)
class StepTaken:
    """A gradient step, as the backward panel tells it until the next change: the pass it used
    (the gradients at the weights before it), its rate, and each number's (old, g, new)."""

    used: BackwardPass
    rate: float
    moves: dict[ParamRef, tuple[float, float, float]]


class LearningController:
    """The learning tools' state, and what they show after every change.

    Each ``Shown`` attribute, once set, has the screen derive its views again
    (``views_stale``): the panels follow the state without a call to redraw.
    """

    opened: Shown[tuple[str, ...]] = Shown(())  # the learning panels open, in the order they were opened
    challenge: Shown[Challenge | None] = Shown(None)
    solved: Shown[bool] = Shown(False)
    edits: Shown[int] = Shown(0)  # the learner's edits in the open challenge (the hint comes after some)
    targets: Shown[np.ndarray | None] = Shown(None)  # the learner's target for the sample, outside a challenge
    low: Shown[float] = Shown(0.0)  # the truth table's input values
    high: Shown[float] = Shown(1.0)
    step_taken: Shown[StepTaken | None] = Shown(None)  # until the next change, or the panel asked for again

    def __init__(
        self,
        screen: Screen[Any],
        document: Document,
        files: FilesController,
        training: TrainingController,
        views_stale: Callable[[], None],
        solved: SolvedStore | None = None,
    ) -> None:
        """``views_stale`` has the screen derive its views again (after a ``Shown`` attribute changed)."""
        self.screen = screen
        self.views_stale = views_stale
        self.document = document
        self.files = files
        self.training = training
        self.store = solved or SolvedStore()
        self._stepping = False
        self._opening = False
        self.folded: tuple[str, ...] = ()  # open panels stepped aside for want of room (panel_row)

    # --- panels ---------------------------------------------------------------------------

    def toggle(self, panel: str) -> None:
        """Show or hide ``panel``: "truth", "backward" or "slice"."""
        setattr(self, panel, not getattr(self, panel))
        if panel == "backward":
            self.step_taken = None  # asked for again: the gradients at the weights as they are

    def _set_open(self, panel: str, on: bool) -> None:
        others = tuple(name for name in self.opened if name != panel)
        self.opened = (*others, panel) if on else others

    truth = property(
        lambda self: "truth" in self.opened,
        lambda self, on: self._set_open("truth", on),
        doc="The truth table is open.",
    )
    backward = property(
        lambda self: "backward" in self.opened,
        lambda self, on: self._set_open("backward", on),
        doc="The backward pass is open.",
    )
    slice = property(
        lambda self: "slice" in self.opened, lambda self, on: self._set_open("slice", on), doc="The loss slice is open."
    )

    def sample(self) -> tuple[np.ndarray, np.ndarray]:
        """The sample of the backward pass: the inputs as set, and their target."""
        network = self.document.network
        x = network.input_values.astype(np.float64)
        wanted = self._challenge_targets()
        if wanted is not None:
            middle = (self.low + self.high) / 2
            return x, np.asarray(wanted(tuple(bool(v >= middle) for v in x)), dtype=np.float64)
        n_out = network.sizes[-1]
        if self.targets is None or self.targets.shape != (n_out,):
            return x, np.ones(n_out)  # 1 for each output, until the learner types one
        return x, self.targets

    def _challenge_targets(self) -> Targets | None:
        """The open challenge's truth table, if it has one that fits the network as it is."""
        return None if self.challenge is None else self.challenge.targets_for(self.document.network)

    def show(self, panels: bool = True) -> None:
        """The challenge bar and, with ``panels`` (they are hidden behind the training view
        otherwise), the row under the network: each open learning panel, from the document as
        it is now, and as many of the row's panels as fit whole (``panel_row``)."""
        self._show_challenge()
        if not panels:
            return
        doc, screen = self.document, self.screen
        needs = {"outputs": OUTPUTS_WIDTH, "inspector": inspector_width(doc.network, doc.selection)}
        gradients = rows = None
        if self.backward or self.slice:
            x, target = self.sample()
        if self.backward:
            now, step = backward(doc.network, x, target), self.step_taken
            if step is None:
                gradients = ShownPass(doc.network, now, doc.selection, self.learning_rate)
            else:  # the step's own numbers, so that each row adds up; and the loss it led to
                gradients = ShownPass(doc.network, step.used, doc.selection, step.rate, step.moves, loss_after=now.loss)
            needs["backward"] = needed_width(gradients)
        if self.truth:
            rows = self._truth_rows()
            needs["truth"] = narrowest(doc.network, rows) if isinstance(rows, list) else MESSAGE_WIDTH
        if self.slice:
            needs["slice"] = SLICE_WIDTH
        width = screen.size.width
        row = arrange(width, needs, self.opened, inspector_width(doc.network, doc.selection, whole=True))
        for name, selector in ROW_PANELS.items():
            screen.query_one(selector).display = name in row.shown
        self.folded = row.folded
        if gradients is not None and "backward" in row.shown:
            screen.query_one(BackwardPanel).show_pass(gradients)
        if self.slice and "slice" in row.shown:
            self._show_slice(x, target)
        if rows is not None and "truth" in row.shown:
            room = width - sum(needs[name] for name in row.shown if name != "truth")
            self._show_truth(rows, room)

    def _truth_rows(self) -> list[TruthRow] | str:
        """The truth table's rows, or why there is none."""
        try:
            return truth_table(self.document.network, low=self.low, high=self.high, targets=self._challenge_targets())
        except TruthTableError as refusal:
            return str(refusal)

    def _show_truth(self, rows: list[TruthRow] | str, room: int) -> None:
        doc = self.document
        panel = self.screen.query_one(TruthTablePanel)
        if isinstance(rows, str):
            panel.show_message(rows)
            return
        current = next((n for n, row in enumerate(rows) if np.allclose(row.inputs, doc.network.input_values)), None)
        panel.show(doc.network, rows, current, room)

    @property
    def learning_rate(self) -> float:
        return self.document.training.settings.config.learning_rate

    def _show_slice(self, x: np.ndarray, target: np.ndarray) -> None:
        doc = self.document
        panel = self.screen.query_one(LossSlicePanel)
        ref = doc.selection.ref(doc.network)
        if ref.kind == "input":
            panel.border_title = t("app.slice.title.input")
            show_text(panel, Text(t("app.slice.pick_a_weight")))
            return
        panel.show(loss_slice(doc.network, ref, x[None, :], target[None, :]), ref.kind)

    def choose_range(self) -> None:
        """Type the low and high input values of the truth table (not during a truth-table
        challenge: it is on 0 and 1, and its table and its bar must count the same rows)."""
        if self.challenge is not None and self.challenge.targets is not None:
            notify(self.screen, t("app.truth.range_of_challenge"), severity="warning")
            return

        def typed(chosen: tuple[float, float] | None) -> None:
            if chosen is not None:
                self.low, self.high = chosen
                self.truth = True

        self.screen.app.push_screen(RangePrompt(self.low, self.high), typed)

    def use_row(self, row: int) -> None:
        """The inputs of truth-table row ``row`` become the network's: that row is the sample."""
        doc = self.document
        try:
            rows = truth_table(doc.network, low=self.low, high=self.high)
        except TruthTableError:
            return
        if not 0 <= row < len(rows) or np.array_equal(rows[row].inputs, doc.network.input_values):
            return
        after = doc.network.copy()
        after.input_values[:] = rows[row].inputs
        doc.apply(Reshape.of(doc.network, after, t("app.truth.row_edit", row=row + 1)))

    # --- the sample's target and one gradient step -------------------------------------------

    def set_target(self) -> None:
        """Type the target of the selected output (of the first one, elsewhere)."""
        doc = self.document
        if self._challenge_targets() is not None:
            notify(self.screen, t("app.backward.target_from_challenge"))
            return
        _, target = self.sample()
        last = len(doc.network.layers)
        j = doc.selection.neuron if doc.selection.column == last else 0
        name = doc.network.neuron_name(last, j)

        def typed(value: float | None) -> None:
            if value is not None:
                _, targets = self.sample()  # of the network as it is when the answer comes
                if j < len(targets):
                    changed = targets.copy()
                    changed[j] = value
                    self.targets = changed

        self.screen.app.push_screen(ValuePrompt(t("app.backward.target_of", name=name), float(target[j])), typed)

    def step(self) -> None:
        """One gradient step on the sample: every weight and bias moves by −η·g (one undo step)."""
        doc = self.document
        x, target = self.sample()
        rate = self.learning_rate
        used = backward(doc.network, x, target)  # the pass gradient_step takes its gradients from
        after, moves = gradient_step(doc.network, x, target, rate)
        self.backward = True
        # Known before the edit is told around, so every view (and the tour) sees the step.
        self.step_taken = StepTaken(used, rate, {ref: (old, gradient, new) for ref, old, gradient, new in moves})
        self._stepping = True
        try:
            doc.apply(Reshape.of(doc.network, after, t("app.backward.step_edit", rate=f"{rate:g}")))
        finally:
            self._stepping = False
        notify(self.screen, t("app.backward.stepped", count=len(moves), rate=f"{rate:g}"), timeout=3)

    # --- challenges ------------------------------------------------------------------------------

    def choose(self) -> None:
        current = self.challenge.id if self.challenge is not None else None

        def chosen(id: str | None) -> None:
            if id is None:
                return
            if self.challenge is not None and self.solved:  # its work is kept as solved: move on
                self.open(id)
            else:
                self.files.unless_unsaved(t("app.challenge.before"), lambda: self.open(id))

        self.screen.app.push_screen(ChallengeChooser(self.store.solved(), current), chosen)

    def open(self, id: str) -> None:
        chosen = challenge(id)
        self._opening = True
        try:
            self.document.replace(chosen.start())
        finally:
            self._opening = False
        self.challenge, self.solved, self.edits, self.step_taken = chosen, False, 0, None
        if chosen.dataset is not None:  # trained on the data it is judged on, from the default settings
            self.training.change_settings(TrainingSettings(dataset=chosen.dataset))
        if chosen.targets is not None:
            self.low, self.high = 0.0, 1.0  # the values the challenge is judged on
            self.truth = True  # the goal is a truth table: show it

    def document_changed(self, change: Change) -> None:
        """Count the learner's edits, end the challenge when another network is opened, check it."""
        if change is Change.REPLACED and not self._opening:
            self.challenge = None
        if change is not Change.MOVED and not self._stepping and self.step_taken is not None:
            self.step_taken = None  # (when there is one: each assignment has every view derived again)
        if change is Change.EDITED and self.challenge is not None:
            self.edits += 1
        self._check()

    def _check(self) -> None:
        if self.challenge is None or self.solved:
            return
        if self.challenge.check(self.document.network).solved:
            self.solved = True
            try:
                self.store.mark(self.challenge.id)
            except OSError as error:
                self.screen.log.warning(f"solved mark not kept: {error}")
            notify(
                self.screen,
                t("app.challenge.solved", title=t(self.challenge.title)),
                title=t("app.challenge.solved_title"),
                timeout=6,
            )

    def _show_challenge(self) -> None:
        if self.challenge is None:
            return
        chosen = self.challenge
        verdict = chosen.check(self.document.network)
        number = next(n for n, c in enumerate(CHALLENGES, 1) if c.id == chosen.id)
        lines = [
            t("app.challenge.bar", number=number, count=len(CHALLENGES), title=t(chosen.title), goal=t(chosen.goal))
        ]
        state = "✓ " + t("app.challenge.solved_mark") if verdict.solved else safe(verdict.detail)
        lines.append(t("app.challenge.state", state=state))
        if not verdict.solved and chosen.why_impossible is not None and self.edits >= WHY_AFTER:
            lines.append(t(chosen.why_impossible))
        elif not verdict.solved and self.edits >= HINT_AFTER:
            lines.append(t("app.challenge.hint", hint=t(chosen.hint)))
        show_text(self.screen.query_one(ChallengeBar), Text("\n".join(lines)))
