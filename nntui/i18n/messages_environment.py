"""Messages of nntui/cli/environment.py (the cli part, kept apart from messages_cli.py for
its length): key → (English, French).

What keeps the playground from starting here, each with what to do: one line on
stderr, before Textual is imported.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.environment.no_textual": (
        "the playground needs Textual {floor} or newer, which is not installed: "
        'python -m pip install "textual>={floor}"',
        "le terrain de jeu a besoin de Textual {floor} ou plus récent, qui n'est pas installé : "
        'python -m pip install "textual>={floor}"',
    ),
    "cli.environment.old_textual": (
        "the playground needs Textual {floor} or newer, and this Python has Textual {found}: "
        'python -m pip install --upgrade "textual>={floor}"',
        "le terrain de jeu a besoin de Textual {floor} ou plus récent, et ce Python a Textual {found} : "
        'python -m pip install --upgrade "textual>={floor}"',
    ),
    "cli.environment.dumb_terminal": (
        "this terminal (TERM=dumb) cannot show the playground: run nntui in a terminal emulator, "
        "or nntui serve to use it in a web browser",
        "ce terminal (TERM=dumb) ne peut pas afficher le terrain de jeu : lancez nntui dans un "
        "émulateur de terminal, ou nntui serve pour l'utiliser dans un navigateur web",
    ),
    "cli.environment.not_utf8": (
        "this terminal writes {encoding}, not UTF-8, and the playground draws with UTF-8 characters: "
        "use a UTF-8 locale (e.g. LC_ALL=C.UTF-8) in a terminal set to UTF-8",
        "ce terminal écrit en {encoding}, pas en UTF-8, et le terrain de jeu dessine avec des "
        "caractères UTF-8 : utilisez une locale UTF-8 (par exemple LC_ALL=C.UTF-8) dans un terminal réglé en UTF-8",
    ),
}
