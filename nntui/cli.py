"""The ``nntui`` command: launch the playground, list presets, evaluate a network.

Textual is imported only when the playground starts, so ``nntui --version``,
``nntui presets`` and ``nntui eval`` stay fast and work without a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from nntui import __version__

EXIT_USAGE = 2  # a bad argument or a bad file
EXIT_OVERFLOW = 3  # the computation itself produced inf or nan
EXIT_FAILURE = 1  # the system failed us, e.g. stdout could not be written

SUBCOMMANDS = ("eval", "presets")


class UsageError(Exception):
    """A user mistake; the message is printed as one line on stderr."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line and never a usage dump."""

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        # No abbreviations: "--inp" would slip past the "--input -1,0" fix-up.
        super().__init__(allow_abbrev=False, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _main_parser() -> _Parser:
    parser = _Parser(
        prog="nntui",
        description="A terminal playground for small feed-forward neural networks.",
        epilog=(
            "commands:\n"
            "  nntui presets                 list the example networks\n"
            "  nntui eval FILE|--preset NAME [--input v1,v2,...]\n"
            "                                print every layer's values as JSON\n"
            "\nRun 'nntui eval --help' for details."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a network file (.json) to open")
    parser.add_argument("--preset", metavar="NAME", help="open a shipped example network instead")
    parser.add_argument("--version", action="version", version=f"nntui {__version__}")
    return parser


def _eval_parser() -> _Parser:
    parser = _Parser(
        prog="nntui eval",
        description=(
            "Run a network's forward pass and print one JSON object: "
            '{"outputs": [...], "layers": [{"name", "z", "a"}, ...]}.'
        ),
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a network file (.json)")
    parser.add_argument("--preset", metavar="NAME", help="a shipped example network")
    parser.add_argument(
        "--input",
        metavar="V1,V2,...",
        help="comma-separated input values (default: the values stored in the network)",
    )
    return parser


def _presets_parser() -> _Parser:
    return _Parser(prog="nntui presets", description="List the example networks shipped with nntui.")


def _join_input_values(argv: list[str]) -> list[str]:
    # "--input -1,0" would otherwise be read as an unknown option "-1,0".
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


def _load(file: str | None, preset: str | None):  # -> Network
    from nntui.core.fileformat import NetworkFileError, load_network
    from nntui.core.presets import DEFAULT_PRESET, load_preset

    if file is not None and preset is not None:
        raise UsageError("give either FILE or --preset NAME, not both")
    try:
        if file is not None:
            if not file:
                raise UsageError("the file name is empty")
            return load_network(file)
        return load_preset(DEFAULT_PRESET if preset is None else preset)
    except NetworkFileError as error:
        raise UsageError(str(error)) from None


def parse_input_values(text: str, expected: int) -> list[float]:
    """Parse ``--input`` text: exactly ``expected`` finite numbers, comma-separated."""
    from nntui.core.numbers import NumberError, parse_finite

    parts = text.split(",")
    if len(parts) != expected:
        raise UsageError(
            f"--input has {len(parts)} value{'s' if len(parts) != 1 else ''} "
            f"but the network has {expected} input{'s' if expected != 1 else ''}"
        )
    values = []
    for position, part in enumerate(parts, start=1):
        try:
            values.append(parse_finite(part))
        except NumberError as error:
            raise UsageError(f"--input value {position}: {error}") from None
    return values


def _run_eval(argv: list[str]) -> int:
    args = _eval_parser().parse_args(_join_input_values(argv))
    if args.file is None and args.preset is None:
        raise UsageError("nntui eval needs a FILE or --preset NAME (see 'nntui eval --help')")
    network = _load(args.file, args.preset)
    x = (
        parse_input_values(args.input, network.n_inputs)
        if args.input is not None
        else network.input_values
    )
    result = network.forward(x)
    if not result.is_finite():
        raise UsageError(_overflow_message(network, result), EXIT_OVERFLOW)
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


def _overflow_message(network, result) -> str:  # (Network, ForwardResult) -> str
    import numpy as np

    for k, (z, a) in enumerate(zip(result.pre_activations, result.activations[1:]), start=1):
        bad = ~(np.isfinite(z) & np.isfinite(a))
        if bad.any():
            j = int(np.flatnonzero(bad)[0])
            return (
                f'the result overflowed: layer {k} ("{network.layer_title(k)}") neuron '
                f'"{network.neuron_name(k, j)}" is not a finite number; '
                "use smaller weights or inputs"
            )
    return "the result overflowed to a non-finite number"


def _run_presets(argv: list[str]) -> int:
    _presets_parser().parse_args(argv)
    from nntui.core.presets import DEFAULT_PRESET, load_preset, preset_names

    names = preset_names()
    width = max(len(name) for name in names)
    for name in names:
        network = load_preset(name)
        shape = "-".join(str(n) for n in network.sizes)
        default = "  (default)" if name == DEFAULT_PRESET else ""
        print(f"{name.ljust(width)}  {shape.ljust(9)} {network.name}{default}")
    return 0


def _run_app(argv: list[str]) -> int:
    args = _main_parser().parse_args(argv)
    if args.file:  # an empty name is reported by _load
        path = Path(args.file)
        if path.is_dir():
            raise UsageError(f"{args.file}: is a directory, not a network file")
    network = _load(args.file, args.preset)
    # Imported here so the non-interactive commands never load Textual.
    from nntui.app.app import NNTuiApp

    from nntui.core.presets import DEFAULT_PRESET

    preset = None if args.file is not None else (args.preset if args.preset is not None else DEFAULT_PRESET)
    app = NNTuiApp(network, path=Path(args.file) if args.file is not None else None, preset=preset)
    try:
        app.run()
    finally:
        if not app.clean_exit:
            app.write_recovery()  # a crash or a signal: keep any unsaved work
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``nntui`` console script; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "eval":
            return _run_eval(args[1:])
        if args and args[0] == "presets":
            return _run_presets(args[1:])
        return _run_app(args)
    except UsageError as error:
        _report(str(error))
        return error.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:  # e.g. stdout on a full disk
        _report(f"cannot write the output: {error.strerror or error}")
        return EXIT_FAILURE


def _report(message: str) -> None:
    # One line, whatever the message quotes (a file name may hold a newline).
    print("nntui: error: " + " ".join(message.splitlines()), file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
