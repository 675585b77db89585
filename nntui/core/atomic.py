"""Writing a file so that it is either fully written or not changed at all.

Only regular files are ever replaced: renaming a temporary file over a
device, a FIFO or a socket would destroy it (as root, ``/dev/null`` for the
whole machine).  Temporary files are named ``.NAME.nntui-XXXXXXXX.tmp``, so a
later save into the same folder can remove those a killed nntui left behind.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from nntui.core.paths import PathError, checked_path
from nntui.i18n import t

TEMP_MARK = ".nntui-"  # between the target's name and the random part of a temporary file
STALE_SECONDS = 600  # a temporary file this old belongs to no save still running

_KINDS = (
    (stat.S_ISDIR, "core.file.kind_of.directory"),
    (stat.S_ISFIFO, "core.file.kind_of.fifo"),
    (stat.S_ISSOCK, "core.file.kind_of.socket"),
    (stat.S_ISCHR, "core.file.kind_of.device"),
    (stat.S_ISBLK, "core.file.kind_of.device"),
)


class NotARegularFileError(OSError):
    """The target exists and is not a regular file: it is never replaced."""


def refuse_special(path: str | os.PathLike[str]) -> None:
    """NotARegularFileError when ``path`` exists and is not a regular file (links followed)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # nothing there (or unreadable): writing will say what is wrong
    if stat.S_ISREG(mode):
        return
    kind = next((key for test, key in _KINDS if test(mode)), "core.file.kind_of.special")
    raise NotARegularFileError(errno.EEXIST, t("core.file.not_regular", kind=t(kind)), os.fspath(path))


def write_atomically(path: str | os.PathLike[str], write: Callable[[IO[bytes]], object]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then rename it over ``path``.

    If anything fails, the temporary file is removed and ``path`` is left as
    it was.  A symlink at ``path`` is written through, not replaced, and an
    existing file keeps its permissions.  A target that is not a regular file
    raises :class:`NotARegularFileError` before anything is written, and a
    path no system call could take (``nntui.core.paths``) an OSError saying why.
    """
    try:
        checked_path(path)  # before any system call sees it
    except PathError as error:
        raise OSError(errno.EINVAL, str(error)) from None
    target = Path(os.path.realpath(path))
    refuse_special(target)
    remove_stale_temporaries(target.parent)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(temp_name, target.stat().st_mode & 0o7777)
        else:
            os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, target)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    data = text.encode("utf-8")
    write_atomically(path, lambda handle: handle.write(data))


def remove_stale_temporaries(folder: Path, older_than: float = STALE_SECONDS) -> None:
    """Remove our own temporary files left in ``folder`` by a save that was killed."""
    deadline = time.time() - older_than
    try:
        leftovers = list(folder.glob(f".*{TEMP_MARK}*.tmp"))
    except OSError:
        return
    for leftover in leftovers:
        try:
            if leftover.is_file() and not leftover.is_symlink() and leftover.stat().st_mtime < deadline:
                leftover.unlink()
        except OSError:
            pass  # someone else's, or gone already: not ours to worry about


def _umask() -> int:
    # The only portable way to read the umask is to set it and put it back.
    mask = os.umask(0)
    os.umask(mask)
    return mask
