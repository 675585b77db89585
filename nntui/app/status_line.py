"""The status line under the network: the selected number, the step of + and -, a warning if any."""

from __future__ import annotations

from rich.cells import cell_len

from nntui.app.text import safe
from nntui.core.numbers import format_value
from nntui.document.document import Document
from nntui.i18n import t


def status_line(doc: Document, room: int) -> str:
    """The longest form that fits ``room`` cells (the number always whole, first)."""
    ref = doc.selection.ref(doc.network)
    line = f"{safe(ref.describe(doc.network))} = {format_value(ref.get(doc.network)).strip()}"
    step, finite = f"{doc.step:g}", doc.result.is_finite()
    forms = [
        (t("app.status.step", step=step), t("app.status.overflow")),
        (t("app.status.step_short", step=step), t("app.status.overflow_short")),
        ("", t("app.status.overflow_short")),
        ("", ""),
    ]
    for hint, warning in forms:
        candidate = "   ".join(part for part in (line, hint, "" if finite else warning) if part)
        if cell_len(candidate) <= room:
            return candidate
    return line
