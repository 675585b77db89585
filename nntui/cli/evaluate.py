"""``nntui eval``: one forward pass of a network, printed as JSON for scripts."""

from __future__ import annotations

import json
import sys

from nntui.cli.arguments import Parser
from nntui.cli.common import EXIT_OVERFLOW, UsageError, file_path, open_network
from nntui.i18n import t


def _parser() -> Parser:
    example = '{"outputs": [...], "layers": [{"name", "z", "a"}, ...]}'
    parser = Parser(prog="nntui eval", description=t("cli.eval.description", example=example))
    parser.add_argument("file", nargs="?", type=file_path, metavar=t("cli.metavar.file"), help=t("cli.help.file"))
    parser.add_argument("--preset", metavar=t("cli.metavar.name"), help=t("cli.help.preset"))
    parser.add_argument("--input", metavar="V1,V2,...", help=t("cli.help.input"))
    return parser.add_lang()


def _join_input_values(argv: list[str]) -> list[str]:
    """``--input X`` as ``--input=X``: else "--input -1,0" reads as an unknown option "-1,0"."""
    joined: list[str] = []
    i = 0
    while i < len(argv):
        if argv[i] == "--input" and i + 1 < len(argv):
            joined.append(f"--input={argv[i + 1]}")
            i += 2
        else:
            joined.append(argv[i])
            i += 1
    return joined


def parse_input_values(text: str, expected: int, point: bool = False) -> list[float]:
    """Parse ``--input`` text: exactly ``expected`` finite numbers, comma-separated (a point's coordinates
    when ``point``)."""
    from nntui.core.numbers import NumberError, parse_finite
    from nntui.core.plural import counted

    parts = text.split(",")
    if len(parts) != expected and point:
        raise UsageError(t("cli.eval.point_count", values=counted("cli.count.value", len(parts)), count=expected))
    if len(parts) != expected:
        raise UsageError(
            t(
                "cli.eval.input_count",
                values=counted("cli.count.value", len(parts)),
                inputs=counted("core.count.input", expected),
            )
        )
    values = []
    for position, part in enumerate(parts, start=1):
        try:
            values.append(parse_finite(part))
        except NumberError as error:
            raise UsageError(t("cli.eval.input_value", position=position, error=error)) from None
    return values


def run(argv: list[str]) -> int:
    """``nntui eval FILE|--preset NAME [--input V1,V2,...]``; returns the exit status."""
    args = _parser().parse_args(_join_input_values(argv))
    if args.file is None and args.preset is None:
        raise UsageError(t("cli.eval.needs_network"))
    network = open_network(args.file, args.preset)
    # With input features, --input gives the point and the network reads its features.
    x = (
        network.inputs_for(parse_input_values(args.input, network.coordinates, network.features is not None))
        if args.input is not None
        else network.input_values
    )
    result = network.forward(x)
    problem = network.overflow_problem(result)
    if problem is not None:
        raise UsageError(problem, EXIT_OVERFLOW)
    layers = [
        {
            "name": network.layer_title(k + 1),
            "z": result.pre_activations[k].tolist(),
            "a": result.activations[k + 1].tolist(),
        }
        for k in range(len(network.layers))
    ]
    json.dump({"outputs": result.outputs.tolist(), "layers": layers}, sys.stdout)
    sys.stdout.write("\n")
    return 0
