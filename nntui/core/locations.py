"""Where a problem is in a file, in one line: shared by every reader of files.

The network file (:mod:`nntui.core.fileformat`), the CSV data files
(:mod:`nntui.core.datasets`) and the exports (:mod:`nntui.core.export`) all
report a problem as one line that starts with the file's name, and show a
value from the file quoted and shortened.  This module is that shared part.
"""

from __future__ import annotations

import json

from nntui.core.text import shorten
from nntui.i18n import t


def one_line(text: str) -> str:
    """``text`` with its line breaks written as ``\\r`` and ``\\n``, so a message stays on one line."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def located(label: str, problem: object) -> str:
    """``problem`` in the file ``label``: "net.json: ..." """
    return t("core.file.located", label=label, problem=problem)


def read_error_message(label: str, error: OSError, kind: str) -> str:
    """One line saying why the file ``label`` (expected to be ``kind``, in words) cannot be read."""
    if isinstance(error, FileNotFoundError):
        return t("core.file.no_such_file", label=label)
    if isinstance(error, IsADirectoryError):
        return t("core.file.is_a_directory", label=label, kind=kind)
    if isinstance(error, PermissionError):
        return t("core.file.permission_denied", label=label)
    return t("core.file.cannot_read", label=label, reason=error.strerror or error)


SHOWN = 60  # characters of a value echoed in a message, at most


def shortened(text: str, limit: int = SHOWN) -> str:
    """``text`` cut to ``limit`` characters ending in "…" when longer: a value from a file is
    shown shorter (:data:`SHOWN`) than other outside text (nntui.core.text's limit)."""
    return shorten(text, limit)


def shown(value: object, limit: int = SHOWN) -> str:
    """A value from a file, written as JSON and cut to ``limit`` characters: for messages.

    A string is cut inside its quotes.  A list or an object is written only
    as far as shown, however large it is.
    """
    if isinstance(value, str):
        return json.dumps(shortened(value, limit), ensure_ascii=False)
    pieces: list[str] = []
    length = 0
    try:
        for piece in json.JSONEncoder(ensure_ascii=False).iterencode(value):
            pieces.append(piece)
            length += len(piece)
            if length > limit:
                break
    except (TypeError, ValueError):  # not from a JSON file
        pieces = [repr(value)]
    return shortened("".join(pieces), limit)


def quoted(text: str, limit: int) -> str:
    """``text`` as a JSON string, cut to ``limit`` characters ending in "..." when longer."""
    shown = text if len(text) <= limit else text[: limit - 3] + "..."
    return json.dumps(shown, ensure_ascii=False)
