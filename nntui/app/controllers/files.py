"""Files of the playground: save, save as, open, presets, export, and recovery.

Nothing the learner typed is lost silently: opening asks about unsaved
changes first, a bad file leaves the network untouched, and unsaved work is
kept in a recovery copy until it is saved or let go.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.timer import Timer

from nntui.app.screens.overwrite_prompt import OverwriteChoice, OverwritePrompt
from nntui.app.screens.path_prompt import OpenPathPrompt, SavePathPrompt, default_file_name
from nntui.app.screens.quit_prompt import QuitChoice, QuitPrompt
from nntui.app.screens.recovery_offer import RecoveryChoice, RecoveryOffer
from nntui.app.text import MESSAGE_LIMIT, capitalised, notify, safe
from nntui.core.fileformat import NetworkFile
from nntui.core.network import Network
from nntui.core.plural import counted
from nntui.core.presets import load_preset
from nntui.core.training_record import TrainingRecord
from nntui.document.document import Change, ChangedOnDiskError, Document
from nntui.document.recovery import Recovery, RecoveryStore
from nntui.i18n import t

if TYPE_CHECKING:
    from textual.screen import Screen

RECOVERY_DELAY = 1.0  # seconds of quiet before the recovery copy is refreshed


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


class FilesController:
    """Saving, opening and exporting the document; its recovery copy."""

    def __init__(self, screen: Screen[Any], document: Document, recovery: RecoveryStore) -> None:
        self.screen = screen
        self.document = document
        self.recovery = recovery
        self._recovery_timer: Timer | None = None
        self._told_unkept = False  # the learner knows no recovery copy can be written

    # --- saving ---------------------------------------------------------------------

    def save_then(self, after: Callable[[], None] | None = None) -> None:
        """Save to the opened file, or ask for a path; then run ``after`` on success."""
        self.document.settle()
        if self.document.path is not None:
            self._write(self.document.path, after)
            return
        self._ask_path(default_file_name(self.document.preset), after)

    def save_as(self) -> None:
        self.document.settle()  # training pauses while the learner chooses a name
        doc = self.document
        self._ask_path(doc.path.name if doc.path else default_file_name(doc.preset))

    def _ask_path(self, suggestion: str, after: Callable[[], None] | None = None) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self._write(path, after)

        self.screen.app.push_screen(SavePathPrompt(suggestion), chosen)

    def _write(self, path: Path, after: Callable[[], None] | None = None, *, overwrite: bool = False) -> None:
        """Save to ``path``, then run ``after``; a file changed elsewhere is only replaced if asked."""
        try:
            self.document.save(path, overwrite=overwrite)
        except ChangedOnDiskError as changed:

            def decided(choice: OverwriteChoice | None) -> None:
                if choice == "overwrite":
                    self._write(path, after, overwrite=True)
                elif choice == "save_as":
                    self._ask_path(path.name, after)

            self.screen.app.push_screen(OverwritePrompt(str(changed)), decided)
            return
        except (OSError, ValueError) as error:
            notify(
                self.screen,
                t("app.file.not_saved", path=safe(path), reason=safe(_reason(error), MESSAGE_LIMIT)),
                title=t("app.file.not_saved_title"),
                severity="error",
                timeout=8,
            )
            return
        notify(self.screen, t("app.file.saved", path=safe(path)), timeout=3)
        if after is not None:
            after()

    def unless_unsaved(
        self, before: str, then: Callable[[], None], otherwise: Callable[[], None] | None = None
    ) -> None:
        """Run ``then`` now, or after asking to save or discard unsaved changes.

        ``otherwise`` runs when the learner cancels.
        """
        self.document.settle()
        if not self.document.history.modified:
            then()
            return

        def decided(choice: QuitChoice | None) -> None:
            if choice == "discard":
                then()
            elif choice == "save":
                self.save_then(then)
            elif otherwise is not None:
                otherwise()

        doc = self.document
        # Named by its file or preset; a network from neither by its own name, not "not saved yet".
        what = (
            doc.label
            if doc.path is not None or doc.preset is not None
            else t("app.quit.network", name=doc.network.name)
        )
        self.screen.app.push_screen(QuitPrompt(what, before), decided)

    # --- opening and exporting ---------------------------------------------------------

    def open(self) -> None:
        def chosen(opened: tuple[Path, NetworkFile] | None) -> None:
            if opened is not None:
                path, loaded = opened
                self.replace(loaded.network, path=path, training=loaded.training)

        def ask() -> None:
            self.screen.app.push_screen(OpenPathPrompt(), chosen)

        self.unless_unsaved(t("app.quit.before_opening"), ask)

    def open_preset(self, name: str) -> None:
        self.unless_unsaved(t("app.quit.before_opening"), lambda: self.replace(load_preset(name), preset=name))

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
        """Another network in the playground, announced; with the training settings of its file."""
        self.document.replace(
            network, path=path, preset=preset, modified=modified, training=training, training_file=training_file
        )
        notify(self.screen, t("app.file.opened", what=safe(self.document.label)), timeout=3)
        self.tell_problems()

    def tell_problems(self) -> None:
        """What the network just opened holds that the learner should know: its training data
        could not be read, or its forward pass overflows (as `nntui eval` says it)."""
        self.tell_data_problem()
        overflow = self.document.network.overflow_problem(self.document.result)
        if overflow is not None:
            notify(self.screen, capitalised(safe(overflow, MESSAGE_LIMIT)) + ".", severity="warning", timeout=10)

    def tell_data_problem(self) -> None:
        """Say why the file's training data could not be read (the default data is used instead)."""
        problem = self.document.data_problem
        if problem is not None:
            self.document.data_problem = None
            notify(
                self.screen,
                t("app.experiment.data_problem", problem=safe(problem, MESSAGE_LIMIT)),
                title=t("app.experiment.data_problem_title"),
                severity="warning",
                timeout=10,
            )

    def export(self) -> None:
        self.document.settle()  # training pauses while the learner chooses a name

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            try:
                self.document.export(path)
            except (OSError, ValueError) as error:
                reason = safe(_reason(error), MESSAGE_LIMIT)
                notify(
                    self.screen,
                    t("app.file.not_exported", path=safe(path), reason=reason),
                    title=t("app.file.not_exported_title"),
                    severity="error",
                    timeout=8,
                )
                return
            notify(self.screen, t("app.file.exported", path=safe(path)), timeout=3)

        doc = self.document
        stem = doc.path.stem if doc.path else doc.preset
        self.screen.app.push_screen(
            SavePathPrompt(default_file_name(stem, ".npz"), title=t("app.file.export_title"), suffix=".npz"),
            chosen,
        )

    # --- recovery of unsaved work --------------------------------------------------------

    def document_changed(self, change: Change) -> None:
        """Keep the recovery copy in step with unsaved work, a moment after edits settle."""
        if change in (Change.MOVED, Change.TRAINED):
            return
        if self._recovery_timer is not None:
            self._recovery_timer.stop()
        self._recovery_timer = self.screen.set_timer(RECOVERY_DELAY, self.write_recovery)

    def write_recovery(self, *, tell: bool = True) -> str | None:
        """Write (or remove) the recovery copy now; never lets an error through.

        Returns why no copy could be written (one line), or None. With ``tell`` (the app is
        up and can show it), the learner hears of it once, with the keys that save elsewhere;
        again only after a copy was written in between. Without, no widget is touched: the
        app may be gone (the launcher's last try) or this may be another thread.
        """
        doc = self.document
        try:
            if doc.history.modified:
                self.recovery.write(doc.network, doc.path, doc.preset, doc.training_record(self.recovery.own_file))
            else:
                self.recovery.clear()
        except (OSError, ValueError) as error:  # ValueError: a path no system call takes
            problem = self.recovery.cannot_write(error)
            if tell and not self._told_unkept:
                self._told_unkept = True
                notify(
                    self.screen,
                    t("app.recovery.not_kept", problem=safe(problem, MESSAGE_LIMIT)),
                    title=t("app.recovery.not_kept_title"),
                    severity="warning",
                    timeout=15,
                )
            return problem
        self._told_unkept = False
        return None

    def tell_unreadable(self, unreadable: list[str]) -> None:
        """Say, in one notice, which recovery copies cannot be read: they are not offered, and
        stay where they are (the learner may want them, or a newer nntui may read them)."""
        if unreadable:
            notify(
                self.screen,
                counted(
                    "app.recovery.unreadable",
                    len(unreadable),
                    first=safe(unreadable[0], MESSAGE_LIMIT),
                    others=len(unreadable) - 1,
                ),
                title=t("app.recovery.unreadable_title"),
                severity="warning",
                timeout=15,
            )

    def offer_recovery(self, found: list[Recovery]) -> None:
        """Offer each copy of work left by a process that stopped unexpectedly, newest first.

        Restoring never replaces unsaved work without asking (save it first,
        let it go, or keep the copy for later), and a restored copy is kept
        until its work is saved or let go.
        """
        if not found:
            return
        recovery, rest = found[0], found[1:]

        def restore() -> None:
            try:
                self.recovery.adopt(recovery)
            except OSError as error:  # the copy stays where it is, to be offered again
                self.screen.log.warning(f"recovery copy not adopted: {error}")
            self.replace(
                recovery.network,
                path=recovery.source_path,
                preset=recovery.preset,
                modified=True,
                training=recovery.training,
                training_file=recovery.file,
            )
            self.offer_recovery(rest)

        def decided(choice: RecoveryChoice | None) -> None:
            if choice == "restore":
                self.unless_unsaved(
                    t("app.recovery.before_restoring"), restore, otherwise=lambda: self.offer_recovery(rest)
                )
            elif choice == "discard":
                try:
                    self.recovery.discard(recovery)
                except OSError as error:  # a read-only folder, a copy changed meanwhile: it stays
                    notify(
                        self.screen,
                        t(
                            "app.recovery.not_discarded",
                            file=safe(str(recovery.file)),
                            reason=safe(error.strerror or str(error)),
                        ),
                        severity="warning",
                        timeout=10,
                    )
                self.offer_recovery(rest)

        self.screen.app.push_screen(RecoveryOffer(recovery, len(rest)), decided)
