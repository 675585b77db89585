"""Writing a file so that it is either fully written or not changed at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def write_atomically(path: str | os.PathLike[str], write: Callable[[IO[bytes]], object]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then rename it over ``path``.

    If anything fails, the temporary file is removed and ``path`` is left as
    it was.  A symlink at ``path`` is written through, not replaced, and an
    existing file keeps its permissions.
    """
    target = Path(os.path.realpath(path))
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
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


def _umask() -> int:
    # The only portable way to read the umask is to set it and put it back.
    mask = os.umask(0)
    os.umask(mask)
    return mask
