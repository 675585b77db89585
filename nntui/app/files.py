"""The document's files: save, save as, open, presets, export, and recovery.

A mixin of the app.  Nothing the learner typed is lost silently: opening
asks about unsaved changes first, a bad file leaves the network untouched,
and unsaved work is kept in a recovery copy until it is saved or let go.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from nntui.app.screens.path_prompt import OpenPathPrompt, SavePathPrompt, default_file_name
from nntui.app.screens.recovery_offer import RecoveryChoice, RecoveryOffer
from nntui.document.selection import Selection
from nntui.core.edits import History
from nntui.core.export import export_npz, export_torch
from nntui.core.fileformat import save_network
from nntui.core.network import Network
from nntui.core.presets import load_preset
from nntui.i18n import t
from nntui.document.recovery import Recovery

if TYPE_CHECKING:
    from nntui.app.app import NNTuiApp

RECOVERY_DELAY = 1.0  # seconds of quiet before the recovery copy is refreshed


class DocumentFiles:
    """File actions of :class:`nntui.app.app.NNTuiApp`."""

    _recovery_timer = None

    def action_save(self: NNTuiApp) -> None:
        self.save_then()

    def save_then(self: NNTuiApp, after: Callable[[], None] | None = None) -> None:
        """Save to the opened file, or ask for a path; then run ``after`` on success."""
        self.flush_training()
        if self.path is not None:
            if self._write(self.path) and after is not None:
                after()
            return

        def chosen(path: Path | None) -> None:
            if path is not None and self._write(path) and after is not None:
                after()

        self.push_screen(SavePathPrompt(default_file_name(self.preset)), chosen)

    def _write(self: NNTuiApp, path: Path) -> bool:
        try:
            save_network(self.network, path)
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            self.notify(
                t("app.file.not_saved", path=path, reason=reason),
                title=t("app.file.not_saved_title"),
                severity="error",
                timeout=8,
            )
            return False
        self.path = path
        self.preset = None
        self.history.mark_saved()
        self._document_changed()
        self._refresh_details()
        self.notify(t("app.file.saved", path=path), timeout=3)
        return True


    # --- opening, saving as, exporting ----------------------------------------

    def action_open(self: NNTuiApp) -> None:
        def chosen(opened: tuple[Path, Network] | None) -> None:
            if opened is not None:
                self.open_document(opened[1], path=opened[0])

        self.unless_unsaved(
            t("app.quit.before_opening"), lambda: self.push_screen(OpenPathPrompt(), chosen)
        )

    def action_open_preset(self: NNTuiApp, name: str) -> None:
        self.unless_unsaved(
            t("app.quit.before_opening"),
            lambda: self.open_document(load_preset(name), preset=name),
        )

    def open_document(
        self: NNTuiApp, network: Network, *, path: Path | None = None, preset: str | None = None,
        modified: bool = False, announce: bool = True,
    ) -> None:
        """Replace the whole document; the previous one was saved or let go."""
        self.flush_training()
        self.network = network
        self.path = path
        self.preset = preset
        self.history = History(network)
        if modified:
            self.history.mark_unsaved()
        if self.training is not None:
            self.training.network_edited(network)
            self.training.reset()
        self._refresh_everything(Selection())
        self._document_changed()
        if announce:
            self.notify(t("app.file.opened", what=self.document_label), timeout=3)

    def action_save_as(self: NNTuiApp) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self._write(path)

        suggestion = self.path.name if self.path else default_file_name(self.preset)
        self.push_screen(SavePathPrompt(suggestion), chosen)

    def action_export(self: NNTuiApp) -> None:
        def chosen(path: Path | None) -> None:
            if path is None:
                return
            try:
                (export_torch if path.suffix == ".py" else export_npz)(self.network, path)
            except (OSError, ValueError) as error:
                reason = getattr(error, "strerror", None) or str(error)
                self.notify(t("app.file.not_exported", path=path, reason=reason),
                            title=t("app.file.not_exported_title"), severity="error", timeout=8)
                return
            self.notify(t("app.file.exported", path=path), timeout=3)

        stem = self.path.stem if self.path else self.preset
        self.push_screen(
            SavePathPrompt(default_file_name(stem, ".npz"), title=t("app.file.export_title"),
                           suffix=".npz"),
            chosen,
        )

    # --- recovery of unsaved work ------------------------------------------------

    def _document_changed(self: NNTuiApp) -> None:
        """Keep the recovery copy in step with unsaved work, a moment after edits settle."""
        if self._recovery_timer is not None:
            self._recovery_timer.stop()
        self._recovery_timer = self.set_timer(RECOVERY_DELAY, self.write_recovery)

    def write_recovery(self: NNTuiApp) -> None:
        """Write (or remove) the recovery copy now; never lets an error through."""
        try:
            if self.history.modified:
                self.recovery.write(self.network, self.path, self.preset)
            else:
                self.recovery.clear()
        except OSError as error:
            self.log.warning(f"recovery copy not written: {error}")

    def _catch_termination(self: NNTuiApp) -> None:
        # SIGTERM or a closed terminal: keep the unsaved work, then leave tidily.
        def terminate() -> None:
            self.write_recovery()
            self.exit(143)

        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, terminate)
        except (NotImplementedError, RuntimeError, AttributeError, ValueError):
            pass  # not in the main thread (tests) or not supported here

    def _offer_recovery(self: NNTuiApp, found: list[Recovery]) -> None:
        if not found:
            return
        recovery, rest = found[0], found[1:]

        def decided(choice: RecoveryChoice | None) -> None:
            if choice == "restore":
                self.open_document(recovery.network, path=recovery.source_path,
                                   preset=recovery.preset, modified=True)
                self.recovery.discard(recovery)
            elif choice == "discard":
                self.recovery.discard(recovery)
            if choice != "later":
                self._offer_recovery(rest)

        self.push_screen(RecoveryOffer(recovery, len(rest)), decided)
