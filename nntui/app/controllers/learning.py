"""Learning by doing: the truth table, challenges checked live, the backward pass, the loss slice.

The numbers come from the core (``truth``, ``backward``, ``loss_slice``,
``challenges``); this controller decides what is shown and keeps the
state of the learning tools: which panels are open, the open challenge,
the target of the sample, and the last gradient step (``StepTaken``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from rich.text import Text

from nntui.app.controllers.files import FilesController
from nntui.app.screens.challenge_chooser import ChallengeChooser
from nntui.app.screens.range_prompt import RangePrompt
from nntui.app.screens.value_prompt import ValuePrompt
from nntui.app.widgets.backward_panel import BackwardPanel
from nntui.app.widgets.challenge_bar import ChallengeBar
from nntui.app.widgets.loss_slice_panel import LossSlicePanel
from nntui.app.text import notify, safe
from nntui.app.widgets.truth_table import TruthTablePanel
from nntui.core.backward import BackwardPass, backward, gradient_step
from nntui.core.challenges import CHALLENGES, Challenge, challenge
from nntui.core.edits import ParamRef, Reshape
from nntui.core.loss_slice import loss_slice
from nntui.core.truth import TruthTableError, truth_table
from nntui.document.document import Change, Document
from nntui.document.progress import SolvedStore
from nntui.i18n import t

if TYPE_CHECKING:
    from textual.screen import Screen

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
    """The learning tools' state, and what they show after every change."""

    def __init__(self, screen: Screen, document: Document, files: FilesController,
                 refresh: Callable[[], None], solved: SolvedStore | None = None) -> None:
        """``refresh`` shows the details again (the panels, the tour's check) after a panel opens."""
        self.screen = screen
        self.refresh = refresh
        self.document = document
        self.files = files
        self.store = solved or SolvedStore()
        self.truth = False
        self.backward = False
        self.slice = False
        self.challenge: Challenge | None = None
        self.solved = False
        self.edits = 0
        self.targets: np.ndarray | None = None  # the learner's target for the sample, outside a challenge
        self.low, self.high = 0.0, 1.0  # the truth table's input values
        self.step_taken: StepTaken | None = None  # until the next change, or the panel asked for again
        self._stepping = False
        self._opening = False

    # --- panels ---------------------------------------------------------------------------

    def toggle(self, panel: str) -> None:
        """Show or hide ``panel``: "truth", "backward" or "slice"."""
        setattr(self, panel, not getattr(self, panel))
        if panel == "backward":
            self.step_taken = None  # asked for again: the gradients at the weights as they are
        self.screen.set_class(getattr(self, panel), f"-{panel}")
        self.refresh()

    def sample(self) -> tuple[np.ndarray, np.ndarray]:
        """The sample of the backward pass: the inputs as set, and their target."""
        network = self.document.network
        x = network.input_values.astype(np.float64)
        if self.challenge is not None and self.challenge.targets is not None:
            middle = (self.low + self.high) / 2
            return x, np.asarray(self.challenge.targets(tuple(bool(v >= middle) for v in x)), dtype=np.float64)
        n_out = network.sizes[-1]
        if self.targets is None or self.targets.shape != (n_out,):
            self.targets = np.ones(n_out)
        return x, self.targets

    def show(self) -> None:
        """Every open learning panel, from the document as it is now."""
        doc = self.document
        if self.truth:
            panel = self.screen.query_one(TruthTablePanel)
            try:
                targets = self.challenge.targets if self.challenge is not None else None
                rows = truth_table(doc.network, low=self.low, high=self.high, targets=targets)
            except TruthTableError as refusal:
                panel.show_message(str(refusal))
            else:
                current = next((n for n, row in enumerate(rows)
                                if np.allclose(row.inputs, doc.network.input_values)), None)
                panel.show(doc.network, rows, current)
        if self.backward or self.slice:
            x, target = self.sample()
            if self.backward:
                now, step = backward(doc.network, x, target), self.step_taken
                panel = self.screen.query_one(BackwardPanel)
                if step is None:
                    panel.show(doc.network, now, doc.selection, self.learning_rate)
                else:  # the step's own numbers, so that each row adds up; and the loss it led to
                    panel.show(doc.network, step.used, doc.selection, step.rate, step.moves, loss_after=now.loss)
            if self.slice:
                self._show_slice(x, target)
        self._show_challenge()

    @property
    def learning_rate(self) -> float:
        return self.document.training.settings.config.learning_rate

    def _show_slice(self, x: np.ndarray, target: np.ndarray) -> None:
        doc = self.document
        panel = self.screen.query_one(LossSlicePanel)
        ref = doc.selection.ref(doc.network)
        if ref.kind == "input":
            panel.border_title = t("app.slice.title", what="—")
            panel.update(t("app.slice.pick_a_weight"))
            return
        panel.show(loss_slice(doc.network, ref, x[None, :], target[None, :]), ref.describe(doc.network))

    def choose_range(self) -> None:
        """Type the low and high input values of the truth table (not during a truth-table
        challenge: it is on 0 and 1, and its table and its bar must count the same rows)."""
        if self.challenge is not None and self.challenge.targets is not None:
            notify(self.screen, t("app.truth.range_of_challenge"), severity="warning")
            return

        def typed(chosen: tuple[float, float] | None) -> None:
            if chosen is not None:
                self.low, self.high = chosen
                if not self.truth:
                    self.toggle("truth")
                else:
                    self.show()

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
        if self.challenge is not None and self.challenge.targets is not None:
            notify(self.screen, t("app.backward.target_from_challenge"))
            return
        _, target = self.sample()
        last = len(doc.network.layers)
        j = doc.selection.neuron if doc.selection.column == last else 0
        name = doc.network.neuron_name(last, j)

        def typed(value: float | None) -> None:
            if value is not None and self.targets is not None:
                self.targets = self.targets.copy()
                self.targets[j] = value
                self.show()

        self.screen.app.push_screen(ValuePrompt(t("app.backward.target_of", name=name), float(target[j])), typed)

    def step(self) -> None:
        """One gradient step on the sample: every weight and bias moves by −η·g (one undo step)."""
        doc = self.document
        x, target = self.sample()
        rate = self.learning_rate
        used = backward(doc.network, x, target)  # the pass gradient_step takes its gradients from
        after, moves = gradient_step(doc.network, x, target, rate)
        if not self.backward:
            self.toggle("backward")
        # Known before the edit is told around, so every view (and the tour) sees the step.
        self.step_taken = StepTaken(used, rate, {ref: (old, gradient, new) for ref, old, gradient, new in moves})
        self._stepping = True
        try:
            doc.apply(Reshape.of(doc.network, after, t("app.backward.step_edit", rate=f"{rate:g}")))
        finally:
            self._stepping = False
        self.show()
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
        if chosen.targets is not None:
            self.low, self.high = 0.0, 1.0  # the values the challenge is judged on
        self.screen.set_class(True, "-challenge")
        if chosen.targets is not None and not self.truth:
            self.toggle("truth")  # the goal is a truth table: show it
        self.show()

    def document_changed(self, change: Change) -> None:
        """Count the learner's edits, end the challenge when another network is opened, check it."""
        if change is Change.REPLACED and not self._opening:
            self.challenge = None
            self.screen.set_class(False, "-challenge")
        if change is not Change.MOVED and not self._stepping:
            self.step_taken = None
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
            notify(self.screen, t("app.challenge.solved", title=t(self.challenge.title)),
                   title=t("app.challenge.solved_title"), timeout=6)

    def _show_challenge(self) -> None:
        if self.challenge is None:
            return
        chosen = self.challenge
        verdict = chosen.check(self.document.network)
        number = next(n for n, c in enumerate(CHALLENGES, 1) if c.id == chosen.id)
        lines = [t("app.challenge.bar", number=number, count=len(CHALLENGES), title=t(chosen.title),
                   goal=t(chosen.goal))]
        state = "✓ " + t("app.challenge.solved_mark") if verdict.solved else safe(verdict.detail)
        lines.append(t("app.challenge.state", state=state))
        if not verdict.solved and chosen.why_impossible is not None and self.edits >= WHY_AFTER:
            lines.append(t(chosen.why_impossible))
        elif not verdict.solved and self.edits >= HINT_AFTER:
            lines.append(t("app.challenge.hint", hint=t(chosen.hint)))
        self.screen.query_one(ChallengeBar).update(Text("\n".join(lines)))
