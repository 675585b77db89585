"""argparse in the chosen language, and ``--lang`` taken out of the arguments.

argparse words its own texts in English (through gettext).  Rather than patch
its module, every parser here is a Parser that words them itself: -h/--help
is ours (add_help=False, then an -h with a translated help), the section titles
are set on parser._positionals / parser._optionals, Formatter gives the usage
line a translated "usage: " prefix, and error() maps argparse's fixed English
error messages, recognised by the patterns below, to catalogue keys.  In
English a message is left exactly as argparse wrote it; a message no pattern
knows (a future Python's rewording) stays in English.

argparse reads "-inf" or "-1e5" after an option as an option of its own
("--lr: expected one argument"): Parser takes anything that starts like a
number (a minus, then a digit, a point, "inf" or "nan") as a value, so that
it is checked, and refused, like every other number.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from typing import Any, NoReturn

from nntui.cli.common import UsageError
from nntui.i18n import LANGUAGES, language, t

# "-1", "-.5", "-1e5", "-1,5", "-inf", "-Infinity", "-nan": values, not options (none of ours looks so).
NEGATIVE_NUMBER = re.compile(r"^-(?:\.?\d|inf|nan)", re.IGNORECASE)

_ARGPARSE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"argument (?P<argument>.+?): (?P<message>.+)", "cli.argparse.argument"),
        (r"the following arguments are required: (?P<arguments>.+)", "cli.argparse.required"),
        (r"one of the arguments (?P<arguments>.+) is required", "cli.argparse.one_required"),
        (r"unrecognized arguments: (?P<arguments>.*)", "cli.argparse.unrecognized"),
        (r"expected one argument", "cli.argparse.expected_one"),
        (r"expected at most one argument", "cli.argparse.expected_at_most_one"),
        (r"expected at least one argument", "cli.argparse.expected_at_least_one"),
        (r"expected (?P<count>\d+) arguments?", "cli.argparse.expected_count"),
        (r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)", "cli.argparse.invalid_choice"),
        (r"invalid (?P<type>\S+) value: (?P<value>.+)", "cli.argparse.invalid_value"),
        (r"not allowed with argument (?P<other>.+)", "cli.argparse.not_allowed"),
        (r"ignored explicit argument (?P<value>.+)", "cli.argparse.ignored_explicit"),
        (r"ambiguous option: (?P<option>.+?) could match (?P<matches>.+)", "cli.argparse.ambiguous"),
        (r"unexpected option string: (?P<option>.+)", "cli.argparse.unexpected_option"),
    )
)


def argparse_message(message: str) -> str:
    """An error message argparse wrote in English, in the current language."""
    if language() == "en":
        return message
    for pattern, key in _ARGPARSE_ERRORS:
        match = pattern.fullmatch(message)
        if match:
            values = match.groupdict()
            if "message" in values:  # "argument --x: <what is wrong>"
                values["message"] = argparse_message(values["message"])
            return t(key, **values)
    return message


class Formatter(argparse.HelpFormatter):
    """Help with the usage line's prefix in the current language."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, t("cli.argparse.usage") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(None if heading is None else t("cli.argparse.heading", title=heading))


class RawFormatter(Formatter, argparse.RawDescriptionHelpFormatter):
    """Formatter that keeps the description and epilog as written."""


class Parser(argparse.ArgumentParser):
    """argparse in the current language; errors are one line and never a usage dump."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        # No abbreviations: "--inp" would slip past the "--input -1,0" fix-up.
        super().__init__(allow_abbrev=False, add_help=False, **kwargs)
        # argparse's own pattern is r'^-\d+$|^-\d*\.\d+$'; it is consulted while parsing only.
        self._negative_number_matcher = NEGATIVE_NUMBER
        self._positionals.title = t("cli.argparse.positionals")
        self._optionals.title = t("cli.argparse.options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=t("cli.argparse.help"))

    def add_lang(self) -> Parser:
        """List --lang last in the help; main() has taken it out of the arguments already."""
        self.add_argument("--lang", choices=LANGUAGES, metavar=t("cli.metavar.lang"), help=t("cli.help.lang"))
        return self

    def error(self, message: str) -> NoReturn:
        raise UsageError(t("cli.error.see_help", message=argparse_message(message), prog=self.prog))


def take_language(argv: list[str]) -> tuple[list[str], str | None]:
    """``argv`` without its ``--lang X`` / ``--lang=X`` (before any "--"), and the last X.

    Taken out before any parsing, so that every message, even one about a
    bad argument, is in the chosen language whatever the command.
    """
    rest: list[str] = []
    chosen = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == "--lang" or arg.startswith("--lang="):
            if arg == "--lang":
                if i + 1 >= len(argv):
                    raise UsageError(t("cli.lang.missing", valid=", ".join(LANGUAGES)))
                chosen, i = argv[i + 1], i + 2
            else:
                chosen, i = arg.removeprefix("--lang="), i + 1
            if chosen not in LANGUAGES:
                raise UsageError(t("cli.lang.unknown", value=chosen, valid=", ".join(LANGUAGES)))
            continue
        rest.append(arg)
        i += 1
    return rest, chosen
