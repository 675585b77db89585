"""``nntui challenges``: the challenges of the playground, one a line, ✓ for those solved."""

from __future__ import annotations

from nntui.cli.arguments import Parser
from nntui.i18n import t


def _parser() -> Parser:
    return Parser(prog="nntui challenges", description=t("cli.challenges.description")).add_lang()


def run(argv: list[str]) -> int:
    """List each challenge's number, id and title, marking the solved ones; returns the exit status."""
    _parser().parse_args(argv)
    from nntui.core.challenges import CHALLENGES
    from nntui.document.progress import SolvedStore

    solved = SolvedStore().solved()
    width = max(len(entry.id) for entry in CHALLENGES)
    digits = len(str(len(CHALLENGES)))
    for number, entry in enumerate(CHALLENGES, start=1):
        mark = "  " + t("cli.challenges.solved") if entry.id in solved else ""
        print(f"{str(number).rjust(digits)}. {entry.id.ljust(width)}  {t(entry.title)}{mark}")
    print(t("cli.challenges.how_to_open"))
    return 0
