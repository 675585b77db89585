"""A prompt for a new name of a neuron, an input or a layer."""

from __future__ import annotations

from collections.abc import Callable

from nntui.app.screens.text_prompt import TextPrompt
from nntui.core.network import Network
from nntui.i18n import t


class NamePrompt(TextPrompt[Network]):
    """Returns the renamed network, or None when cancelled.

    ``rename`` builds the renamed network and raises ``ShapeError`` (a
    ValueError) for a name that cannot be used, which keeps the prompt open.
    """

    def __init__(self, title: str, current: str, rename: Callable[[str], Network]) -> None:
        super().__init__(title, current, keys=t("app.prompt.keys.rename"))
        self.rename = rename

    def parse(self, text: str) -> Network:
        return self.rename(text)
