"""Messages of nntui's cli part: key → (English, French)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
