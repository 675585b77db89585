"""argparse in the chosen language, and ``--lang`` taken out of the arguments.

argparse words its own texts in English, through ``gettext.gettext``: the process's
global text domain, read from compiled .mo files and the locale's environment
variables. nntui's words live in its catalogue and its language is chosen by
``--lang``, so rather than change gettext for the whole process (and its children),
every parser here is a Parser that words them itself, through argparse's public
parts: -h/--help is ours (add_help=False, then an -h with a translated help), the
sections are argument groups of its own with translated titles (add_argument puts
each argument in one), Formatter gives the usage line a translated "usage: "
prefix, and errors come back as ArgumentError (exit_on_error=False): the argument's
name and the message are kept apart, and a message of our own (a type checker's)
is shown as written.  What argparse itself words ("expected one argument",
"invalid choice: ..."), recognised by the patterns below, is mapped to catalogue
keys; tests/cli/test_french.py makes argparse say each of them, so a rewording in
a later Python fails a test rather than leave French users with English.  In
English a message is left exactly as argparse wrote it.

argparse reads "-inf" or "-1e5" after an option as an option of its own
("--lr: expected one argument"): Parser takes anything that starts like a
number (a minus, then a digit, a point, "inf" or "nan") as a value, so that
it is checked, and refused, like every other number (nntui.compat: argparse
has no public way to say so).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable
from typing import Any, NoReturn

from nntui.cli.common import UsageError
from nntui.compat import numbers_are_values
from nntui.i18n import LANGUAGES, language, t

# "-1", "-.5", "-1e5", "-1,5", "-inf", "-Infinity", "-nan": values, not options (none of ours looks so).
NEGATIVE_NUMBER = re.compile(r"^-(?:\.?\d|inf|nan)", re.IGNORECASE)

_ARGPARSE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"the following arguments are required: (?P<arguments>.+)", "cli.argparse.required"),
        (r"one of the arguments (?P<arguments>.+) is required", "cli.argparse.one_required"),
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
            return t(key, **match.groupdict())
    return message


class Formatter(argparse.HelpFormatter):
    """Help with the usage line's prefix in the current language."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
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
        super().__init__(allow_abbrev=False, add_help=False, exit_on_error=False, **kwargs)
        numbers_are_values(self, NEGATIVE_NUMBER)
        # argparse's own two sections stay empty (and unshown): every argument goes in one of these.
        self.positionals = self.add_argument_group(t("cli.argparse.positionals"))
        self.options = self.add_argument_group(t("cli.argparse.options"))
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=t("cli.argparse.help"))

    def add_argument(self, *names: Any, **kwargs: Any) -> argparse.Action:
        """As argparse's, in the translated section: options, or positional arguments."""
        option = any(str(name)[:1] in self.prefix_chars for name in names)
        return (self.options if option else self.positionals).add_argument(*names, **kwargs)

    def add_mutually_exclusive_group(self, **kwargs: Any) -> Any:
        """As argparse's, its arguments listed with the other options."""
        return self.options.add_mutually_exclusive_group(**kwargs)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        try:
            return super().parse_known_args(args, namespace)
        except argparse.ArgumentError as error:  # exit_on_error=False: the name and message apart
            message = argparse_message(error.message)
            if error.argument_name is not None:
                message = t("cli.argparse.argument", argument=error.argument_name, message=message)
            raise UsageError(t("cli.error.see_help", message=message, prog=self.prog)) from None

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            message = t("cli.argparse.unrecognized", arguments=" ".join(extras))
            raise UsageError(t("cli.error.see_help", message=message, prog=self.prog))
        return parsed

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
