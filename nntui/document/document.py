"""One open network and everything the learner is doing with it.

The :class:`Document` is the single owner of the playground's state: the
network, its undo history, its file (path or preset), the selection and the
edit step, and the training session.  Every change goes through one of its
methods, which first run the ``before_change`` hooks and close any stretch
of training, so a rule such as "training ends before the network is edited,
saved or replaced" holds on every path and lives here only.  Listeners are
told after each change, so the views and the recovery copy follow.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

import numpy as np

from nntui.core.edits import Edit, History, SetValue
from nntui.core.export import export_npz, export_torch
from nntui.core.fileformat import load_network_file, save_network
from nntui.core.network import ForwardResult, Network
from nntui.core.training_record import TrainingRecord
from nntui.document import experiment
from nntui.document.disk import FileStamp, changed_since, stamp
from nntui.document.position import TrainingPosition, TrainingStretch
from nntui.document.selection import Selection
from nntui.document.session import TrainingSession, TrainingSettings
from nntui.i18n import t, whole_number

STEPS = (0.001, 0.01, 0.1, 1.0, 10.0, 100.0)  # the choices of * and /
DEFAULT_STEP = 0.1


class Change(Enum):
    """What a listener is told happened."""

    EDITED = "edited"  # the network changed (an edit, undo, redo, a closed stretch)
    REPLACED = "replaced"  # another network was opened
    SAVED = "saved"  # written to a file: the path or the modified flag changed
    MOVED = "moved"  # only the selection or the step changed
    TRAINED = "trained"  # training changed the weights or its state (no undo step yet)


Listener = Callable[[Change], None]


class ChangedOnDiskError(Exception):
    """The document's file changed on disk since it was opened or saved here."""

    def __init__(self, path: Path) -> None:
        super().__init__(t("app.file.changed_on_disk", name=path.name))
        self.path = path


class Document:
    """The network being edited, with its history, file, cursor and training."""

    def __init__(
        self,
        network: Network,
        *,
        path: Path | None = None,
        preset: str | None = None,
        settings: TrainingSettings | None = None,
        training: TrainingRecord | None = None,
        seed: int = 0,
    ) -> None:
        """``training``: the training object of the file at ``path``; ``settings``, when given
        too, choose the data instead of the file (the file's other settings are kept)."""
        self.network = network
        self.path = path
        self.preset = preset
        self._stamp: FileStamp | None = stamp(path) if path is not None else None
        self.history = History(network)
        self.result: ForwardResult = network.forward()
        self.selection = Selection()
        self.step = DEFAULT_STEP
        self.rng = np.random.default_rng(seed)  # new weights: reproducible per session
        self.training = TrainingSession(network, settings)
        # Why the file's training data could not be read, if it could not (said once shown).
        self.data_problem: str | None = None
        if training is not None and path is not None:
            self.data_problem = experiment.restore(self.training, training, path, settings)
        self._steps_at_file = self.training.steps  # the session's steps when the file was read or written
        self._before_change: list[Callable[[], None]] = []
        self._listeners: list[Listener] = []
        self._settling = False

    # --- who is told -------------------------------------------------------------

    def add_before_change(self, hook: Callable[[], None]) -> None:
        """``hook`` runs before every change, save or export (e.g. to stop a training thread)."""
        self._before_change.append(hook)

    def add_listener(self, listener: Listener) -> None:
        """``listener`` is called after every change, with what changed."""
        self._listeners.append(listener)

    def _tell(self, change: Change) -> None:
        for listener in self._listeners:
            listener(change)

    def settle(self, *, tell: bool = True) -> None:
        """Make the network still and recorded: run the hooks, close the stretch of training.

        Every method that changes, saves or exports the network calls this
        first; callers may too (e.g. before quitting).  ``tell=False`` keeps
        the listeners out of it: for a thread other than the one they live
        on (saving the work when the screen's loop is stuck).
        """
        if self._settling:  # a hook that changes the document must not loop
            return
        self._settling = True
        try:
            for hook in self._before_change:
                hook()
            edit = self.training.end_stretch(lambda steps: t("app.train.stretch", steps=whole_number(steps)))
            if edit is not None:
                self.history.apply(edit)
                self._recompute()
                if tell:
                    self._tell(Change.EDITED)
        finally:
            self._settling = False

    # --- what the views read ---------------------------------------------------------

    @property
    def modified(self) -> bool:
        """Unsaved changes, a stretch of training not yet recorded included."""
        return self.history.modified or self.training.in_stretch

    @property
    def label(self) -> str:
        """The file's name, the preset, or "unsaved"."""
        if self.path is not None:
            return self.path.name
        if self.preset is not None:
            return t("app.document.preset", name=self.preset)
        return t("app.document.unsaved")

    def _recompute(self) -> None:
        self.result = self.network.forward()
        self.selection = self.selection.clamped(self.network)

    def trained(self) -> None:
        """Training changed the weights, its data or its state: recompute and tell."""
        self._recompute()
        self._tell(Change.TRAINED)

    # --- the cursor ------------------------------------------------------------------

    def select(self, selection: Selection) -> None:
        self.selection = selection.clamped(self.network)
        self._tell(Change.MOVED)

    def change_step(self, direction: int) -> None:
        """The next larger (1) or smaller (-1) step of + and -."""
        index = min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - self.step))
        self.step = STEPS[max(0, min(len(STEPS) - 1, index + direction))]
        self._tell(Change.MOVED)

    # --- edits -------------------------------------------------------------------------

    def apply(self, edit: Edit, selection: Selection | None = None, *, amends: Edit | None = None) -> None:
        """Apply one undoable edit; ``selection`` is where the cursor goes after it. ``amends``: the
        edit this one takes the place of, when it is still the newest (a stroke that grows)."""
        self.settle()
        if amends is None:
            self.history.apply(edit)
        else:
            self.history.amend(edit, amends)
        self._edited(selection)

    def undo(self) -> Edit | None:
        """Undo the newest edit (None when there is none); the cursor goes to what changed."""
        self.settle()
        edit = self.history.undo()
        if edit is not None:
            self._edited(self._selection_for(edit), edit.start if isinstance(edit, TrainingStretch) else None)
        return edit

    def redo(self) -> Edit | None:
        self.settle()
        edit = self.history.redo()
        if edit is not None:
            self._edited(self._selection_for(edit), edit.end if isinstance(edit, TrainingStretch) else None)
        return edit

    def _selection_for(self, edit: Edit) -> Selection | None:
        if isinstance(edit, SetValue):
            return self.selection.select_ref(self.network, edit.ref)
        return None

    def _edited(self, selection: Selection | None, training: TrainingPosition | None = None) -> None:
        """After a change of the network: the optimiser starts over, unless undo or redo of a
        stretch of training gives back ``training``, where it was."""
        self.training.network_edited(self.network)
        if training is not None:
            self.training.go_to(training)
        if selection is not None:
            self.selection = selection
        self._recompute()
        self._tell(Change.EDITED)

    # --- files ---------------------------------------------------------------------------

    def training_record(self, file: Path) -> TrainingRecord:
        """The training settings and steps, as written into ``file`` (a CSV path from its folder)."""
        return experiment.record_from_settings(
            self.training.settings, self.training.steps, file, self.training.trainer_state()
        )

    def replace(
        self,
        network: Network,
        *,
        path: Path | None = None,
        preset: str | None = None,
        modified: bool = False,
        training: TrainingRecord | None = None,
        training_file: Path | None = None,
    ) -> None:
        """Another network takes this one's place (opened, a preset, restored).

        ``training``: the training object of the file at ``training_file``
        (default: ``path``), whose settings and steps the session takes;
        without one they stay as they are.
        """
        self.settle()
        self.network = network
        self.path = path
        self.preset = preset
        self._stamp = stamp(path) if path is not None else None
        self.history = History(network)
        if modified:
            self.history.mark_unsaved()
        self.training.network_edited(network)
        self.training.reset()
        self.data_problem = None
        training_file = training_file or path
        if training is not None and training_file is not None:
            self.data_problem = experiment.restore(self.training, training, training_file)
        self._steps_at_file = self.training.steps
        self.selection = Selection()
        self._recompute()
        self._tell(Change.REPLACED)

    def open(self, path: Path) -> None:
        """Open a network file (NetworkFileError, unchanged document, when it is bad)."""
        opened = load_network_file(path)
        self.replace(opened.network, path=path, training=opened.training)

    def save(self, path: Path | None = None, *, overwrite: bool = False) -> Path:
        """Write the network, its training settings and steps to ``path`` (default: the open file).

        The file becomes the document's file.

        OSError or ValueError when it cannot be written; ChangedOnDiskError
        when it is the open file and someone else changed it since it was
        opened or saved here (``overwrite=True`` writes all the same).
        Nothing changes when it fails.
        """
        self.settle()
        target = path if path is not None else self.path
        if target is None:
            raise ValueError(t("app.file.no_path"))
        if not overwrite and self._is_open_file(target) and changed_since(target, self._stamp):
            raise ChangedOnDiskError(target)
        session = self.training
        save_network(self.network, target, self.training_record(target))
        self._steps_at_file = session.steps
        self.path = target
        self.preset = None
        self._stamp = stamp(target)
        self.history.mark_saved()
        self._tell(Change.SAVED)
        return target

    @property
    def steps_since_saved(self) -> int:
        """Training steps taken since the file was opened or saved (all of them after a reset)."""
        steps = self.training.steps
        return steps - self._steps_at_file if steps >= self._steps_at_file else steps

    def _is_open_file(self, target: Path) -> bool:
        if self.path is None:
            return False
        try:
            return target.resolve() == self.path.resolve()
        except OSError:
            return target == self.path

    def export(self, path: Path) -> None:
        """Write a ``.py`` PyTorch script or a ``.npz`` archive (OSError or ValueError)."""
        self.settle()
        (export_torch if path.suffix == ".py" else export_npz)(self.network, path)
