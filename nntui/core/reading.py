"""Reading a file someone named: only a regular file, and never more than MAX_FILE_BYTES.

The network files (:mod:`nntui.core.fileformat`) and the CSV data files
(:mod:`nntui.core.datasets.csv`) are read whole, so a name such as
``/dev/zero`` (endless), a FIFO (opening it waits for a writer) or a file of
gigabytes must be refused before any reading: :func:`read_limited` looks at
the file with ``os.stat`` first and opens only a regular file of at most
MAX_FILE_BYTES, then reads at most one byte more than that (a file can grow,
and files in /proc say they are empty).
"""

from __future__ import annotations

import math
import os
import stat

from nntui.core.locations import read_error_message
from nntui.core.paths import PathError, checked_path
from nntui.i18n import t

MAX_FILE_BYTES = 100_000_000  # 100 MB: a network of about 4.5 million weights, saved at full precision


# O_NONBLOCK (POSIX): should the name have become a FIFO since the stat, opening it does not
# wait. O_BINARY (Windows): the bytes as they are; else \r\n would be read as \n, and a
# Ctrl-Z byte as the end of the file. Each is 0 where it does not exist.
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
OPEN_FLAGS = os.O_RDONLY | NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class FileReadError(ValueError):
    """The file cannot be read; the one-line message names it and says why."""


def read_limited(path: str | os.PathLike[str], label: str, kind: str) -> bytes:
    """The bytes of the regular file ``path``, or FileReadError naming it as ``label``.

    ``kind`` is what the file should be, in words ("a network file").
    """
    try:
        checked_path(path)  # before any system call sees it
    except PathError as error:
        raise FileReadError(str(error)) from None
    try:
        info = os.stat(path)
    except OSError as error:
        raise FileReadError(read_error_message(label, error, kind)) from None
    _check(info, label, kind)
    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError as error:
        raise FileReadError(read_error_message(label, error, kind)) from None
    try:
        info = os.fstat(fd)
        _check(info, label, kind)
        if NONBLOCK:
            os.set_blocking(fd, True)
        data = _read_at_most(fd, info.st_size, MAX_FILE_BYTES + 1)
    except OSError as error:
        raise FileReadError(read_error_message(label, error, kind)) from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise FileReadError(_too_large(label, kind, len(data)))
    return data


def _read_at_most(fd: int, expected: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``fd``: one read of the expected size, then more only if it grew."""
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        want = max(expected + 1 - total, 1 << 16)
        chunk = os.read(fd, min(want, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _check(info: os.stat_result, label: str, kind: str) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise FileReadError(t("core.file.is_a_directory", label=label, kind=kind))
    if not stat.S_ISREG(mode):
        if stat.S_ISFIFO(mode):
            what = "core.file.kind_of.fifo"
        elif stat.S_ISSOCK(mode):
            what = "core.file.kind_of.socket"
        elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            what = "core.file.kind_of.device"
        else:
            what = "core.file.kind_of.special"
        raise FileReadError(t("core.file.special", label=label, what=t(what), kind=kind))
    if info.st_size > MAX_FILE_BYTES:
        raise FileReadError(_too_large(label, kind, info.st_size))


def _too_large(label: str, kind: str, size: int) -> str:
    return t(
        "core.file.too_big",
        label=label,
        size=t("core.file.megabytes", count=math.ceil(size / 1_000_000)),
        limit=t("core.file.megabytes", count=math.ceil(MAX_FILE_BYTES / 1_000_000)),
        kind=kind,
    )
