"""Prompts for a file path: where to save, what to open, where to export."""

from __future__ import annotations

from pathlib import Path

from nntui.app.screens.text_prompt import TextPrompt
from nntui.app.text import safe
from nntui.core.atomic import NotARegularFileError, refuse_special
from nntui.core.fileformat import NetworkFile, load_network_file
from nntui.core.paths import checked_path
from nntui.i18n import t


def default_file_name(stem: str | None = None, suffix: str = ".json") -> str:
    """A file name to suggest: ``stem`` (else the word for "network") and ``suffix``."""
    return f"{stem or t('app.path.default_stem')}{suffix}"


def resolve_path(text: str, cwd: Path) -> Path:
    """``text`` as an absolute path (``~`` expanded), or ValueError when empty."""
    text = text.strip()
    if not text:
        raise ValueError(t("app.path.empty"))
    checked_path(text)  # PathError (a ValueError) before any system call sees it
    path = Path(text).expanduser()
    checked_path(path if path.is_absolute() else cwd / path)
    return path if path.is_absolute() else cwd / path


def check_save_path(text: str, cwd: Path, suffix: str = ".json") -> Path:
    """The path to write to, or ValueError saying plainly what is wrong with it."""
    path = resolve_path(text, cwd)
    if path.is_dir():
        folder = text.strip().rstrip("/")
        raise ValueError(t("app.path.is_folder", folder=safe(folder), suffix=suffix))
    if not path.suffix:
        path = path.with_suffix(suffix)
    if not path.parent.is_dir():
        raise ValueError(t("app.path.no_folder", folder=safe(path.parent)))
    try:
        refuse_special(path)  # a device or a FIFO is never replaced
    except NotARegularFileError as error:
        raise ValueError(f"{path.name}: {error.strerror}") from None
    return path


class SavePathPrompt(TextPrompt[Path]):
    """Returns the chosen path, or None when cancelled.

    An existing file is only overwritten after a second Enter.
    """

    def __init__(
        self,
        suggestion: str | None = None,
        cwd: Path | None = None,
        *,
        title: str | None = None,
        suffix: str = ".json",
    ) -> None:
        self.cwd = cwd or Path.cwd()
        self.suffix = suffix
        super().__init__(
            t("app.path.save_title") if title is None else title,
            default_file_name() if suggestion is None else suggestion,
            hint=t("app.path.in_folder", folder=safe(self.cwd)),
            keys=t("app.prompt.keys.save"),
            select_on_focus=False,
        )

    def parse(self, text: str) -> Path:
        return check_save_path(text, self.cwd, self.suffix)

    def needs_confirmation(self, value: Path) -> str | None:
        if value.exists():
            return t("app.path.exists", name=safe(value.name))
        return None


class OpenPathPrompt(TextPrompt[tuple[Path, NetworkFile]]):
    """Returns the path and what was loaded from it (the network, its training settings), or None.

    The file is loaded here, so a bad file keeps the dialog open with the
    loader's message and the network on screen is never touched.
    """

    def __init__(self, suggestion: str = "", cwd: Path | None = None) -> None:
        self.cwd = cwd or Path.cwd()
        super().__init__(
            t("app.path.open_title"),
            suggestion,
            hint=t("app.path.in_folder", folder=safe(self.cwd)),
            keys=t("app.prompt.keys.open"),
            select_on_focus=False,
        )

    def parse(self, text: str) -> tuple[Path, NetworkFile]:
        path = resolve_path(text, self.cwd)
        # Messages name the file as typed; NetworkFileError is a ValueError.
        return path, load_network_file(path, label=text.strip())
