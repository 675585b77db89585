"""Messages of nntui's app part: key → (English, French)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
