"""What more than one command needs: the exit statuses, UsageError, opening the
network of FILE / --preset NAME, and the checks of numbers and file names.

Everything from nntui.core is imported where it is used, so that importing this
module costs nothing (``nntui --version`` must stay fast).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from nntui.i18n import language, t

if TYPE_CHECKING:
    from nntui.core.fileformat import NetworkFile
    from nntui.core.network import Network

EXIT_USAGE = 2  # a bad argument or a bad file
EXIT_OVERFLOW = 3  # the computation itself produced inf or nan
EXIT_FAILURE = 1  # the system failed us, e.g. stdout could not be written

EXIT_INTERRUPTED = 130  # Ctrl-C


class UsageError(Exception):
    """A user mistake; the message is printed as one line on stderr."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


# --- the network to work on --------------------------------------------------------


def open_network(file: str | None, preset: str | None) -> Network:
    """The network of FILE, else of --preset NAME, else the default preset."""
    return open_network_file(file, preset).network


def open_network_file(file: str | None, preset: str | None) -> NetworkFile:
    """open_network, with the file's training settings when it has some."""
    from nntui.core.fileformat import NetworkFile, NetworkFileError, load_network_file
    from nntui.core.presets import DEFAULT_PRESET, load_preset

    if file is not None and preset is not None:
        raise UsageError(t("cli.error.file_and_preset"))
    try:
        if file is not None:
            if not file:
                raise UsageError(t("cli.error.empty_file_name"))
            return load_network_file(file)
        return NetworkFile(load_preset(DEFAULT_PRESET if preset is None else preset))
    except NetworkFileError as error:
        raise UsageError(str(error)) from None


def open_network_for_app(file: str | None, preset: str | None) -> NetworkFile:
    """open_network_file, refusing a folder by name, as the playground (or its server) opens it."""
    if file and Path(file).is_dir():  # an empty name is reported by open_network_file
        raise UsageError(t("cli.error.is_a_directory", file=file))
    return open_network_file(file, preset)


def check_output(name: str) -> Path:
    """OUT must be a file name in a folder that exists and can be written."""
    import os

    path = Path(name)
    if not name:
        raise UsageError(t("cli.train.output_empty"))
    if path.is_dir():
        raise UsageError(t("cli.train.output_is_dir", name=name))
    from nntui.core.atomic import NotARegularFileError, refuse_special

    try:
        refuse_special(path)  # /dev/null, a FIFO…: said now, before any training
    except NotARegularFileError as error:
        raise UsageError(t("cli.train.cannot_write", output=name, reason=error.strerror)) from None
    if not path.parent.is_dir():
        raise UsageError(t("cli.train.no_folder", name=name, folder=path.parent))
    if not os.access(path.parent, os.W_OK):
        raise UsageError(t("cli.train.folder_not_writable", name=name, folder=path.parent))
    return path


# --- paths and numbers, as argparse types (errors are argparse's, worded by arguments.Parser)


def file_path(text: str) -> str:
    """A path from the command line (FILE, --data, -o), checked by the rule every path follows
    where it enters (nntui.core.paths): a name over 255 bytes or a path over 4,096 is refused in
    one line before any system call sees it."""
    from nntui.core.paths import PathError, checked_path

    try:
        return checked_path(text)
    except PathError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def thousands(n: int) -> str:
    """``n`` with its thousands separated as the language writes them: 10,000 / 10 000."""
    return f"{n:,}".replace(",", " ") if language() == "fr" else f"{n:,}"


def echoed(value: object) -> str:
    """A value as given, stripped and cut to a few dozen characters: to quote it in a message."""
    from nntui.core.locations import shortened

    return shortened(str(value).strip())


def number(text: str) -> float:
    """A finite number, as the playground reads one."""
    from nntui.core.numbers import NumberError, parse_finite

    try:
        return parse_finite(text)
    except NumberError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def positive(text: str) -> float:
    """A finite number greater than 0."""
    value = number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(t("cli.value.positive", value=echoed(text)))
    return value


def non_negative(text: str) -> float:
    """A finite number, 0 or more."""
    value = number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(t("cli.value.at_least", low=0, value=echoed(text)))
    return value


def whole(text: str, low: int, high: int | None = None) -> int:
    """A whole number from ``low`` (to ``high``, if given)."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.value.not_whole", value=echoed(text))) from None
    if high is not None and not low <= value <= high:
        raise argparse.ArgumentTypeError(
            t("cli.value.range", low=thousands(low), high=thousands(high), value=echoed(value))
        )
    if value < low:
        raise argparse.ArgumentTypeError(t("cli.value.at_least", low=low, value=echoed(value)))
    return value
