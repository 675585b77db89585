"""``nntui presets``: the example networks shipped with nntui, one a line."""

from __future__ import annotations

from nntui.cli.arguments import Parser
from nntui.i18n import t


def _parser() -> Parser:
    return Parser(prog="nntui presets", description=t("cli.presets.description")).add_lang()


def run(argv: list[str]) -> int:
    """List each preset's name, layer sizes and title; returns the exit status."""
    _parser().parse_args(argv)
    from nntui.core.presets import DEFAULT_PRESET, load_preset, preset_names
    from nntui.core.text import safe

    names = preset_names()
    width = max(len(name) for name in names)
    for name in names:
        network = load_preset(name)
        shape = "-".join(str(n) for n in network.sizes)
        default = "  " + t("cli.presets.default") if name == DEFAULT_PRESET else ""
        print(f"{safe(name).ljust(width)}  {shape.ljust(9)} {safe(network.name)}{default}")
    return 0
