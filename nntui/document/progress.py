"""Which challenges the learner has solved, kept between runs.

One small JSON file, ``challenges.json`` in the state folder (the one the
recovery copies use): ``{"format": "nntui-challenges", "version": 1,
"solved": ["and_step", ...]}``.  Reading never fails: a missing, unreadable
or damaged file counts as nothing solved, and so does anything but a regular
file (a FIFO would make reading wait for ever).  Writing replaces the file
atomically, so a crash leaves the old list or the new one.
"""

from __future__ import annotations

import json
from pathlib import Path

from nntui.core.atomic import write_text_atomically
from nntui.core.fileformat import NetworkFileError, parse_document
from nntui.core.reading import FileReadError, read_limited
from nntui.document.recovery import default_state_dir
from nntui.i18n import t

PROGRESS_FILE = "challenges.json"
PROGRESS_FORMAT = "nntui-challenges"
PROGRESS_VERSION = 1


class SolvedStore:
    """The set of solved challenge ids, in ``directory`` (default: the state folder)."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else default_state_dir()

    @property
    def file(self) -> Path:
        return self.directory / PROGRESS_FILE

    def solved(self) -> set[str]:
        """The ids solved so far; none when the file is missing or damaged (never raises)."""
        kind = t("core.file.kind.progress")
        try:  # the state folder is not trusted: a regular file only, within the limits of network files
            document = parse_document(read_limited(self.file, str(self.file), kind), str(self.file), kind)
        except (FileReadError, NetworkFileError):
            return set()
        if not isinstance(document, dict) or document.get("format") != PROGRESS_FORMAT:
            return set()
        solved = document.get("solved")
        if not isinstance(solved, list):
            return set()
        return {entry for entry in solved if isinstance(entry, str)}

    def mark(self, id: str) -> None:
        """Remember ``id`` as solved; an OSError (a read-only folder, a full disk) passes through."""
        solved = self.solved()
        if id in solved:
            return  # already written down
        solved.add(id)
        self.directory.mkdir(parents=True, exist_ok=True)
        document = {"format": PROGRESS_FORMAT, "version": PROGRESS_VERSION, "solved": sorted(solved)}
        write_text_atomically(self.file, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
