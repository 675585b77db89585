"""A prompt to type the exact value of the selected input, weight or bias."""

from __future__ import annotations

from nntui.app.screens.text_prompt import TextPrompt
from nntui.app.text import safe
from nntui.core.numbers import parse_finite
from nntui.i18n import t


class ValuePrompt(TextPrompt[float]):
    """Returns the typed number, or None when cancelled.

    Text that is not a finite number keeps the prompt open with a message;
    nothing changes until a valid number is applied.
    """

    def __init__(self, what: str, current: float) -> None:
        super().__init__(
            t("app.prompt.value.title", what=safe(what)),
            repr(current),
            hint=t("app.prompt.value.current", value=repr(current)),
        )

    def parse(self, text: str) -> float:
        return parse_finite(text)

    def error_text(self, message: str) -> str:
        return t("app.prompt.value.error", message=message)
