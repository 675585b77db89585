"""What a file on disk was like when the document last read or wrote it.

Two playgrounds can have the same file open; the last to save would
silently overwrite the other's change.  The document keeps a stamp of its
file (modification time, size and a hash of the bytes) and compares it
before saving over it.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileStamp:
    mtime_ns: int
    size: int
    sha256: str


def stamp(path: Path) -> FileStamp | None:
    """The stamp of the regular file at ``path``, or None when there is none to read."""
    try:
        info = os.stat(path)
        if not os.path.isfile(path):
            return None
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None
    return FileStamp(info.st_mtime_ns, info.st_size, digest)


def changed_since(path: Path, known: FileStamp | None) -> bool:
    """True when the file at ``path`` is no longer what ``known`` says (removed files count)."""
    if known is None:
        return False  # never read nor written by us: nothing to compare with
    now = stamp(path)
    if now is None:
        return True
    # A touched file with the same bytes has not changed for the learner.
    return now.sha256 != known.sha256
