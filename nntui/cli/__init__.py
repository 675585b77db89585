"""The ``nntui`` command: launch the playground, list presets, evaluate or train a network,
or serve the playground to a web browser.

One module per command (launch, challenges, evaluate, presets, train, serve), each with a
``run(argv) -> exit status``; ``arguments`` words argparse in the chosen
language, ``common`` holds what several commands share.  This module picks the
language and the command, and reports a UsageError as one line on stderr.

Textual is imported only when the playground starts (and textual-serve only
when it is served), so ``nntui --version``, ``nntui presets``, ``nntui
challenges``, ``nntui eval`` and ``nntui train`` stay fast and work without a
terminal.

Every word shown is a ``cli.`` message of the catalogue (nntui/i18n), in the
language of ``--lang en|fr``, accepted anywhere before ``--``, else of the
locale; it is chosen before anything is printed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from nntui.cli import challenges, evaluate, launch, presets, serve, train
from nntui.cli.arguments import take_language
from nntui.cli.common import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OVERFLOW,
    EXIT_USAGE,
    UsageError,
)
from nntui.cli.evaluate import parse_input_values
from nntui.cli.serve import DEFAULT_PORT, LOOPBACK
from nntui.cli.train import MAX_STEPS
from nntui.i18n import detect_language, set_language, t

__all__ = [
    "DEFAULT_PORT",
    "EXIT_FAILURE",
    "EXIT_INTERRUPTED",
    "EXIT_OVERFLOW",
    "EXIT_USAGE",
    "LOOPBACK",
    "MAX_STEPS",
    "UsageError",
    "main",
    "parse_input_values",
]

COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "challenges": challenges.run,
    "eval": evaluate.run,
    "presets": presets.run,
    "serve": serve.run,
    "train": train.run,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``nntui`` console script; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    set_language(detect_language())  # a bad --lang is reported in the locale's language
    try:
        args, chosen = take_language(args)
        if chosen is not None:
            set_language(chosen)
        if args and args[0] in COMMANDS:
            return COMMANDS[args[0]](args[1:])
        return launch.run(args)
    except UsageError as error:
        _report(str(error))
        return error.status
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except OSError as error:  # e.g. stdout on a full disk
        _report(t("cli.error.cannot_write", reason=error.strerror or error))
        return EXIT_FAILURE


def _report(message: str) -> None:
    """One line on stderr, whatever the message quotes.

    A file name or a name in a file may hold a newline or an escape sequence:
    every control character is shown as a visible one (nntui.core.text), so the
    message stays one line and never commands the terminal.
    """
    from nntui.core.text import MESSAGE_LIMIT, safe

    print(t("cli.error.line", message=safe(message, MESSAGE_LIMIT)), file=sys.stderr)
