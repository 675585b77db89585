"""Recovery copies of unsaved work, written when nntui stops unexpectedly.

The playground keeps a copy of a modified network in the state directory
(``$NNTUI_STATE_DIR``, else the platform's own: platformdirs' ``user_state_dir``,
``$XDG_STATE_HOME/nntui`` or ``~/.local/state/nntui`` on Linux,
``~/Library/Application Support/nntui`` on macOS, ``%LOCALAPPDATA%\\nntui`` on
Windows), one file per running process.  A clean exit
removes it; after a crash, SIGTERM or a closed terminal it stays, and the
next start offers to restore it.  No Textual here: the CLI uses it too.
"""

from __future__ import annotations

import json
import os
import shutil
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import platformdirs

from nntui.core.atomic import write_text_atomically
from nntui.core.fileformat import NetworkFileError, network_file_from_dict, network_to_dict, parse_document
from nntui.core.locations import one_line
from nntui.core.network import Network
from nntui.core.reading import FileReadError, read_limited
from nntui.core.training_record import TrainingRecord
from nntui.document.processes import alive
from nntui.i18n import t

RECOVERY_FORMAT = "nntui-recovery"
SERVE_FOLDER_VARIABLE = "NNTUI_SERVE_FOLDER"  # nntui serve's own folder, which holds each session's state folder


def default_state_dir() -> Path:
    if os.environ.get("NNTUI_STATE_DIR"):
        return Path(os.environ["NNTUI_STATE_DIR"])
    # appauthor=False: no publisher's folder above nntui's on Windows.
    return Path(platformdirs.user_state_dir("nntui", appauthor=False))


def forget_served_state(environ: dict[str, str] | None = None) -> bool:
    """Under ``nntui serve``, when the server has gone without ending this session (killed
    outright): remove the state folder it made for the session, which nobody can come back to,
    and the server's own folder once it is empty (the last session to go). True if removed;
    False, touching nothing, for any other state folder."""
    environ = dict(os.environ) if environ is None else environ
    server, state = environ.get(SERVE_FOLDER_VARIABLE), environ.get("NNTUI_STATE_DIR")
    if not server or not state or Path(state).parent != Path(server):
        return False  # only a folder the server made for this session
    shutil.rmtree(state, ignore_errors=True)
    with suppress(OSError):  # other sessions' folders are still in it
        os.rmdir(server)
    return True


@dataclass(frozen=True)
class Recovery:
    """One recovered piece of unsaved work."""

    file: Path  # the recovery file itself
    network: Network
    saved_at: datetime
    source_path: Path | None  # the file the work came from, if any
    preset: str | None
    training: TrainingRecord | None = None  # the training settings and steps, a CSV path from the copy's folder

    @property
    def source(self) -> str:
        if self.source_path is not None:
            return str(self.source_path)
        if self.preset:
            return t("core.recovery.preset", name=self.preset)
        return t("core.recovery.new_network")


@dataclass(frozen=True)
class Found:
    """What the state folder holds: the copies to offer, and why others cannot be."""

    copies: list[Recovery] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # one line each, naming the file


class RecoveryStore:
    """Reads and writes recovery files in one directory."""

    def __init__(self, directory: Path | None = None, pid: int | None = None) -> None:
        self.directory = directory or default_state_dir()
        self.pid = os.getpid() if pid is None else pid

    @property
    def own_file(self) -> Path:
        return self.directory / f"recovery-{self.pid}.json"

    def write(
        self,
        network: Network,
        source_path: Path | None,
        preset: str | None,
        training: TrainingRecord | None = None,
    ) -> Path:
        """Atomically write this process's recovery copy (with the training settings, a CSV path
        written from its folder, :attr:`own_file`'s); returns its path."""
        document = {
            "format": RECOVERY_FORMAT,
            "version": 1,
            "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "source_path": None if source_path is None else str(source_path),
            "preset": preset,
            "network": network_to_dict(network, training),
        }
        self.directory.mkdir(parents=True, exist_ok=True)
        write_text_atomically(self.own_file, json.dumps(document))
        return self.own_file

    def clear(self) -> None:
        """Remove this process's recovery copy (the work was saved or let go).

        A state folder that is a file, or under one, holds no copy: nothing to remove.
        """
        try:
            self.own_file.unlink(missing_ok=True)
        except NotADirectoryError:
            pass

    def cannot_write(self, error: OSError | ValueError) -> str:
        """One line (no ending period): why no copy can be written in this folder."""
        blocker = _not_a_folder(self.directory)
        if blocker == self.directory:  # mkdir's "File exists" would say nothing useful
            reason = t("core.recovery.itself_not_a_folder")
        elif blocker is not None:
            reason = t("core.recovery.not_a_folder", path=str(blocker))
        else:
            reason = getattr(error, "strerror", None) or str(error)
        return t("core.recovery.cannot_write", folder=str(self.directory), reason=reason)

    def pending(self) -> list[Recovery]:
        """Recovery copies left by processes that are gone, newest first (see :meth:`look`)."""
        return self.look().copies

    def look(self) -> Found:
        """The copies left by processes that are gone, newest first, and those that cannot be read.

        The folder is not trusted: only regular files are read (a link, only to one), with
        the size and depth limits of network files. A copy that cannot be read is never
        fatal (recovery must not stop nntui from starting), and is left where it is.
        """
        found: list[Recovery] = []
        unreadable: list[str] = []
        for file in sorted(self.directory.glob("recovery-*.json")):
            pid = file.stem.removeprefix("recovery-")
            if not (pid.isascii() and pid.isdigit()) or int(pid) == self.pid or alive(int(pid)):
                continue
            try:
                found.append(_read(file))
            except _Unreadable as error:
                unreadable.append(str(error))
        return Found(sorted(found, key=lambda r: r.saved_at, reverse=True), unreadable)

    @staticmethod
    def discard(recovery: Recovery) -> None:
        recovery.file.unlink(missing_ok=True)

    def adopt(self, recovery: Recovery) -> None:
        """Make a restored copy this process's own: it stays until saved or let go.

        Moving it (not deleting it) means a crash right after restoring still
        leaves the work on disk, and no second copy of it is ever made.
        """
        self.directory.mkdir(parents=True, exist_ok=True)
        os.replace(recovery.file, self.own_file)


class _Unreadable(Exception):
    """A copy that cannot be read; the one-line message names it and says why."""


def _read(file: Path) -> Recovery:
    label = one_line(str(file))
    try:
        raw = read_limited(file, label, t("core.file.kind.recovery"))
        document = parse_document(raw, label, t("core.file.kind.recovery"))
        if not isinstance(document, dict) or document.get("format") != RECOVERY_FORMAT:
            raise _Unreadable(t("core.recovery.damaged", label=label))
        opened = network_file_from_dict(document["network"], label)
        saved_at = datetime.fromisoformat(document["saved_at"])
        if saved_at.tzinfo is None:
            saved_at = saved_at.replace(tzinfo=timezone.utc)  # written by hand, presumably
        source = document.get("source_path")
        preset = document.get("preset")
        if not isinstance(preset, (str, type(None))):
            raise _Unreadable(t("core.recovery.damaged", label=label))
        return Recovery(file, opened.network, saved_at, Path(source) if source else None, preset, opened.training)
    except (FileReadError, NetworkFileError) as error:
        raise _Unreadable(str(error)) from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):  # a field of the wrong kind
        raise _Unreadable(t("core.recovery.damaged", label=label)) from None


def _not_a_folder(directory: Path) -> Path | None:
    """The nearest of ``directory`` and its parents that exists, if it is not a folder."""
    for path in (directory, *directory.parents):
        if os.path.lexists(path):
            return None if path.is_dir() else path
    return None
