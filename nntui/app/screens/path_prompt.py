"""Prompts for a file path: where to save, what to open, where to export."""

from __future__ import annotations

from pathlib import Path

from nntui.app.screens.text_prompt import TextPrompt
from nntui.core.fileformat import load_network
from nntui.core.network import Network


def resolve_path(text: str, cwd: Path) -> Path:
    """``text`` as an absolute path (``~`` expanded), or ValueError when empty."""
    text = text.strip()
    if not text:
        raise ValueError("type a file name, for example my-network.json")
    path = Path(text).expanduser()
    return path if path.is_absolute() else cwd / path


def check_save_path(text: str, cwd: Path, suffix: str = ".json") -> Path:
    """The path to write to, or ValueError saying plainly what is wrong with it."""
    path = resolve_path(text, cwd)
    if path.is_dir():
        folder = text.strip().rstrip("/")
        raise ValueError(f"{folder} is a folder: add a file name, for example {folder}/net{suffix}")
    if not path.suffix:
        path = path.with_suffix(suffix)
    if not path.parent.is_dir():
        raise ValueError(f"the folder {path.parent} does not exist")
    return path


class SavePathPrompt(TextPrompt[Path]):
    """Returns the chosen path, or None when cancelled.

    An existing file is only overwritten after a second Enter.
    """

    def __init__(
        self,
        suggestion: str = "network.json",
        cwd: Path | None = None,
        *,
        title: str = "Save the network as",
        suffix: str = ".json",
    ) -> None:
        self.cwd = cwd or Path.cwd()
        self.suffix = suffix
        super().__init__(
            title, suggestion, hint=f"in {self.cwd}", keys="Enter save · Escape cancel",
            select_on_focus=False,
        )

    def parse(self, text: str) -> Path:
        return check_save_path(text, self.cwd, self.suffix)

    def needs_confirmation(self, value: Path) -> str | None:
        if value.exists():
            return f"! {value.name} exists: press Enter again to replace it"
        return None


class OpenPathPrompt(TextPrompt[tuple[Path, Network]]):
    """Returns the path and the network loaded from it, or None when cancelled.

    The file is loaded here, so a bad file keeps the dialog open with the
    loader's message and the network on screen is never touched.
    """

    def __init__(self, suggestion: str = "", cwd: Path | None = None) -> None:
        self.cwd = cwd or Path.cwd()
        super().__init__(
            "Open a network file", suggestion, hint=f"in {self.cwd}",
            keys="Enter open · Escape cancel", select_on_focus=False,
        )

    def parse(self, text: str) -> tuple[Path, Network]:
        path = resolve_path(text, self.cwd)
        # Messages name the file as typed; NetworkFileError is a ValueError.
        return path, load_network(path, label=text.strip())
