"""The one rule for a path, where it enters: before any system call sees it.

A path comes from a file (a CSV named in a network file), a prompt or the
command line.  The system refuses some outright, and Python turns those into
errors no caller expects (``ValueError: embedded null byte``,
``UnicodeEncodeError``) or an ``OSError`` from the first call that touches
them.  :func:`checked_path` refuses them first, in one line: a NUL
character, a character the system's encoding cannot write (a lone surrogate;
the \\udc80–\\udcff of undecodable bytes the system gave are fine), a name
over MAX_NAME_BYTES or a path over MAX_PATH_BYTES.  The readers
(``reading``), the writers (``atomic``) and the prompts call it.
"""

from __future__ import annotations

import os

from nntui.core.locations import shortened
from nntui.core.text import visible
from nntui.i18n import t

MAX_NAME_BYTES = 255  # a file or folder name, as most file systems allow
MAX_PATH_BYTES = 4096  # a whole path, as Linux allows (PATH_MAX)


class PathError(ValueError):
    """A path the system cannot take; the one-line message says why."""


def checked_path(path: str | os.PathLike[str]) -> str:
    """``path`` as text, or PathError saying in one line why no system call could take it."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    shown = shortened(visible(text))
    if "\x00" in text:
        raise PathError(t("core.path.nul", path=shown))
    try:
        encoded = os.fsencode(text)
    except UnicodeError:
        raise PathError(t("core.path.encoding", path=shown)) from None
    if len(encoded) > MAX_PATH_BYTES:
        raise PathError(t("core.path.too_long", path=shown, count=len(encoded), limit=MAX_PATH_BYTES))
    longest = max(encoded.replace(b"\\", b"/").split(b"/"), key=len)
    if len(longest) > MAX_NAME_BYTES:
        raise PathError(t("core.path.name_too_long", path=shown, count=len(longest), limit=MAX_NAME_BYTES))
    return text
