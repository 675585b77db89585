"""Whether this environment can run the playground: told in one line, before Textual loads.

A Textual older than the floor fails deep inside the app (a missing module, a missing
argument) with a traceback that says nothing of the version; a terminal that cannot
encode UTF-8 fails on the first box character Textual draws; ``TERM=dumb`` (an editor's
shell, a CI log) cannot show a full-screen app at all. Each is found here first and
reported as a UsageError naming the fix. Nothing here imports Textual: the version is
read from the installed package's metadata.
"""

from __future__ import annotations

import codecs
import importlib.metadata
import os
import re
import sys
from collections.abc import Mapping

from nntui.cli.common import EXIT_FAILURE, UsageError
from nntui.i18n import t

# The lowest Textual nntui runs on: equal to pyproject.toml's "textual>=" (a test checks).
# 6.2 and older cannot give the App a CSS class before its first screen (ScreenStackError).
TEXTUAL_FLOOR = "6.3.0"


def _release(version: str) -> tuple[int, ...] | None:
    """The numbers at the start of ``version`` ("6.3.0rc1" → (6, 3, 0)); None if it has none."""
    found = re.match(r"\d+(?:\.\d+)*", version)
    return tuple(int(part) for part in found.group().split(".")) if found else None


def too_old(found: str, floor: str) -> bool:
    """True if ``found`` is below ``floor``; a version that cannot be read is given the benefit."""
    have, need = _release(found), _release(floor)
    if have is None or need is None:
        return False
    width = max(len(have), len(need))  # 7 is 7.0.0
    return have + (0,) * (width - len(have)) < need + (0,) * (width - len(need))


def check_textual() -> None:
    """Raise a UsageError if Textual is missing or below the floor."""
    try:
        found = importlib.metadata.version("textual")
    except importlib.metadata.PackageNotFoundError:
        raise UsageError(t("cli.environment.no_textual", floor=TEXTUAL_FLOOR), EXIT_FAILURE) from None
    if too_old(found, TEXTUAL_FLOOR):
        raise UsageError(t("cli.environment.old_textual", found=found, floor=TEXTUAL_FLOOR), EXIT_FAILURE)


def playground_problem(environ: Mapping[str, str], encoding: str | None) -> str | None:
    """What keeps the terminal from showing the playground, or None.

    ``encoding`` is that of the stream Textual draws on. A playground served to a browser
    (TEXTUAL_DRIVER set by textual-serve) draws on neither, whatever terminal `nntui serve`
    itself was started from.
    """
    if environ.get("TEXTUAL_DRIVER"):
        return None
    if environ.get("TERM") == "dumb":
        return t("cli.environment.dumb_terminal")
    if not _is_utf8(encoding):
        return t("cli.environment.not_utf8", encoding=encoding or "?")
    return None


def check_playground() -> None:
    """Raise a UsageError if the playground cannot start here (Textual, then the terminal)."""
    check_textual()
    # Textual's Linux and macOS driver draws on stderr, its Windows driver on stdout.
    stream = sys.__stdout__ if sys.platform == "win32" else sys.__stderr__
    problem = playground_problem(os.environ, getattr(stream, "encoding", None))
    if problem is not None:
        raise UsageError(problem, EXIT_FAILURE)


def _is_utf8(encoding: str | None) -> bool:
    if not encoding:
        return True  # no stream to judge (closed, replaced): Textual will say more than we could
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False
