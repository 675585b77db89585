"""The ``nntui`` command: launch the playground, list presets, evaluate or train a network,
or serve the playground to a web browser.

Textual is imported only when the playground starts (and textual-serve only
when it is served), so ``nntui --version``, ``nntui presets``, ``nntui eval``
and ``nntui train`` stay fast and work without a terminal.
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

EXIT_INTERRUPTED = 130  # Ctrl-C


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
            "  nntui train FILE|--preset NAME (--dataset NAME | --data FILE.csv)\n"
            "              --steps N -o OUT.json\n"
            "                                train a network and save it\n"
            "  nntui serve [FILE|--preset NAME] [--port N] [--host ADDRESS]\n"
            "                                open the playground in a web browser\n"
            "\nRun 'nntui eval --help', 'nntui train --help' or 'nntui serve --help' for details."
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


# --- train -------------------------------------------------------------------------

MAX_STEPS = 10_000_000
REDRAW_SECONDS = 0.1  # the progress bar on a terminal changes at most 10 times a second


def _train_parser() -> _Parser:
    import inspect

    from nntui.core.datasets import DATASET_NAMES, MAX_NOISE, make_dataset
    from nntui.core.training import OPTIMIZER_NAMES, REGULARIZATION_NAMES, TrainingConfig

    d = TrainingConfig()  # the defaults
    noise = inspect.signature(make_dataset).parameters["noise"].default
    parser = _Parser(
        prog="nntui train",
        usage=(
            "nntui train FILE|--preset NAME (--dataset NAME [--noise N] | --data FILE.csv)\n"
            "                   --steps N [--lr R] [--batch B] [--optimizer NAME]\n"
            "                   [--regularization NAME] [--regularization-rate R] [--seed S]\n"
            "                   -o OUT.json"
        ),
        description=(
            "Train a network and save it to OUT.json. The same options and seed give the "
            "same network, bit for bit, as training in the playground."
        ),
    )
    add = parser.add_argument
    add("file", nargs="?", metavar="FILE", help="a network file (.json)")
    add("--preset", metavar="NAME", help="a shipped example network")
    data = parser.add_mutually_exclusive_group(required=True)
    data.add_argument("--dataset", metavar="NAME", help="generated data: " + ", ".join(DATASET_NAMES))
    data.add_argument("--data", metavar="FILE.csv", help="a CSV file: a header, input columns, then y, y1...")
    add("--noise", type=_noise, metavar="N", help=f"noise of --dataset, 0 to {MAX_NOISE} (default {noise})")
    add("--steps", type=_steps, required=True, metavar="N", help=f"training steps, 1 to {MAX_STEPS:,}")
    add("--lr", type=_positive, default=d.learning_rate, metavar="R",
        help=f"learning rate (default {d.learning_rate})")
    add("--batch", type=_batch, default=d.batch_size, metavar="B", help=f"batch size (default {d.batch_size})")
    add("--optimizer", choices=OPTIMIZER_NAMES, default=d.optimizer, help=f"(default {d.optimizer})")
    add("--regularization", choices=REGULARIZATION_NAMES, default=d.regularization,
        help=f"(default {d.regularization})")
    add("--regularization-rate", type=_non_negative, default=d.regularization_rate, metavar="R",
        help=f"(default {d.regularization_rate})")
    add("--seed", type=_seed, default=d.seed, metavar="S",
        help=f"seeds the data and the batches (default {d.seed})")
    add("-o", "--output", required=True, metavar="OUT.json", help="where to save the trained network")
    return parser


def _number(text: str) -> float:
    from nntui.core.numbers import NumberError, parse_finite

    try:
        return parse_finite(text)
    except NumberError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(text: str) -> float:
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be greater than 0, not {text.strip()}")
    return value


def _non_negative(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text.strip()}")
    return value


def _noise(text: str) -> float:
    from nntui.core.datasets import MAX_NOISE

    value = _number(text)
    if not 0 <= value <= MAX_NOISE:
        raise argparse.ArgumentTypeError(f"must be from 0 to {MAX_NOISE}, not {text.strip()}")
    return value


def _whole(text: str, low: int, high: int | None = None) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text.strip()}" is not a whole number') from None
    if value < low or (high is not None and value > high):
        limits = f"from {low:,} to {high:,}" if high is not None else f"{low} or more"
        raise argparse.ArgumentTypeError(f"must be {limits}, not {value}")
    return value


def _steps(text: str) -> int:
    return _whole(text, 1, MAX_STEPS)


def _batch(text: str) -> int:
    return _whole(text, 1)


def _seed(text: str) -> int:
    return _whole(text, 0)


def _check_output(name: str) -> Path:
    """OUT must be a file name in a folder that exists and can be written."""
    import os

    path = Path(name)
    if not name:
        raise UsageError("the -o file name is empty")
    if path.is_dir():
        raise UsageError(f"{name}: is a directory; give a file name for the trained network")
    if not path.parent.is_dir():
        raise UsageError(f"{name}: the folder {path.parent} does not exist")
    if not os.access(path.parent, os.W_OK):
        raise UsageError(f"{name}: the folder {path.parent} is not writable")
    return path


def _training_data(args: argparse.Namespace):  # -> Dataset
    from nntui.core.datasets import DATASET_NAMES, DataFileError, load_csv, make_dataset

    if args.data is not None:
        if args.noise is not None:
            raise UsageError("--noise applies to --dataset only, not to --data")
        if not args.data:
            raise UsageError("the --data file name is empty")
        try:
            return load_csv(args.data, seed=args.seed)
        except DataFileError as error:
            raise UsageError(str(error)) from None
    if args.dataset not in DATASET_NAMES:
        raise UsageError(f'unknown dataset "{args.dataset}" (available: {", ".join(DATASET_NAMES)})')
    noise = {} if args.noise is None else {"noise": args.noise}
    return make_dataset(args.dataset, seed=args.seed, **noise)  # as the playground makes it


def _mismatch(network, dataset) -> str | None:  # (Network, Dataset) -> str | None
    """Why the network cannot learn the data, or None when it can."""
    for what, data_has, net_has in (
        ("input", dataset.n_inputs, network.n_inputs),
        ("output", dataset.n_outputs, network.layers[-1].n_out),
    ):
        if data_has != net_has:
            plural = "s" if data_has != 1 else ""
            return f"the {dataset.name} data has {data_has} {what}{plural} but the network has {net_has}"
    return None


class _Progress:
    """A bar redrawn in place on stderr on a terminal; otherwise a line on stdout every 10%."""

    def __init__(self, trainer, dataset, steps: int, terminal: bool) -> None:  # (Trainer, Dataset, ...)
        self.trainer, self.dataset, self.steps, self.terminal = trainer, dataset, steps, terminal
        self.marks = set() if terminal else {max(1, steps * k // 10) for k in range(1, 11)}
        self.drawn_at = -REDRAW_SECONDS
        self.width = 0  # of the bar line on screen

    def next_stop(self, done: int) -> int:
        """Where the next chunk of training must end, to report on time."""
        return min([mark for mark in self.marks if mark > done], default=self.steps)

    def update(self, done: int) -> None:
        import time

        if not self.terminal:
            if done in self.marks:
                train, test = self.measure()
                accuracy = "" if test.accuracy is None else f" test_accuracy {test.accuracy:.3f}"
                line = f"step {done}/{self.steps} loss {train.loss:.4g} test {test.loss:.4g}{accuracy}"
                print(line, flush=True)
            return
        now = time.monotonic()
        if now - self.drawn_at >= REDRAW_SECONDS or done == self.steps:
            self.drawn_at = now
            train, test = self.measure()
            filled = 20 * done // self.steps
            accuracy = "" if test.accuracy is None else f" acc {100 * test.accuracy:.1f}%"
            line = (
                f"step {done}/{self.steps} [{'#' * filled}{'.' * (20 - filled)}] "
                f"{100 * done // self.steps}% loss {train.loss:.4g} test {test.loss:.4g}{accuracy}"
            )
            padded, self.width = line.ljust(self.width), max(self.width, len(line))  # before a Ctrl-C
            sys.stderr.write("\r" + padded)
            sys.stderr.flush()

    def measure(self):  # -> (Evaluation, Evaluation) on the training and the test data
        import numpy as np

        from nntui.core.training import evaluate

        data, classification = self.dataset, self.dataset.kind == "classification"
        with np.errstate(all="ignore"):
            return (
                evaluate(self.trainer.network, data.x_train, data.y_train, self.trainer.loss, classification),
                evaluate(self.trainer.network, data.x_test, data.y_test, self.trainer.loss, classification),
            )

    def close(self) -> None:
        """End the bar's line, so what follows starts on a line of its own."""
        if self.width:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _train_in_chunks(trainer, steps: int, progress: _Progress) -> None:  # (Trainer, ...)
    """Run ``steps`` steps in chunks of about REDRAW_SECONDS, reporting after each."""
    import time

    chunk = 1
    while trainer.steps_done < steps:
        size = min(chunk, progress.next_stop(trainer.steps_done) - trainer.steps_done)
        start = time.perf_counter()
        trainer.run(size)
        elapsed = time.perf_counter() - start
        if elapsed < REDRAW_SECONDS / 4:
            chunk *= 2
        elif elapsed > REDRAW_SECONDS:
            chunk = max(1, chunk // 2)
        progress.update(trainer.steps_done)


def _run_train(argv: list[str]) -> int:
    from dataclasses import replace

    args = _train_parser().parse_args(argv)
    if args.file is None and args.preset is None:
        raise UsageError("nntui train needs a FILE or --preset NAME (see 'nntui train --help')")
    out = _check_output(args.output)
    network = _load(args.file, args.preset)
    dataset = _training_data(args)
    mismatch = _mismatch(network, dataset)
    if mismatch:
        raise UsageError(mismatch)

    from nntui.core.fileformat import save_network
    from nntui.core.training import DivergenceError, Trainer, TrainingConfig, TrainingError

    config = TrainingConfig(
        learning_rate=args.lr,
        batch_size=args.batch,
        optimizer=args.optimizer,
        regularization=args.regularization,
        regularization_rate=args.regularization_rate,
        seed=args.seed,
    )
    if dataset.kind == "regression":
        config = replace(config, loss="mse")  # as the playground does
    try:
        trainer = Trainer(network, dataset.x_train, dataset.y_train, config)
    except TrainingError as error:
        raise UsageError(str(error)) from None
    progress = _Progress(trainer, dataset, args.steps, sys.stderr.isatty())
    try:
        _train_in_chunks(trainer, args.steps, progress)
    except DivergenceError:
        raise UsageError(
            f"training diverged at step {trainer.steps_done + 1}: the numbers overflowed to infinity "
            f"or NaN; lower the learning rate ({args.output} was not written)",
            EXIT_OVERFLOW,
        ) from None
    except KeyboardInterrupt:
        raise UsageError(
            f"interrupted at step {trainer.steps_done} of {args.steps} ({args.output} was not written)",
            EXIT_INTERRUPTED,
        ) from None
    finally:
        progress.close()
    try:
        save_network(network, out)
    except OSError as error:
        message = f"{args.output}: cannot be written ({error.strerror or error})"
        raise UsageError(message, EXIT_FAILURE) from None
    train, test = progress.measure()
    accuracy = (
        "" if test.accuracy is None else f" accuracy {train.accuracy:.3f} test_accuracy {test.accuracy:.3f}"
    )
    steps = f"{args.steps} step{'s' if args.steps != 1 else ''}"
    print(f"trained {steps}: loss {train.loss:.4g} test {test.loss:.4g}{accuracy}; saved {args.output}")
    return 0


def _load_for_app(file: str | None, preset: str | None):  # -> Network
    if file and Path(file).is_dir():  # an empty name is reported by _load
        raise UsageError(f"{file}: is a directory, not a network file")
    return _load(file, preset)


def _run_app(argv: list[str]) -> int:
    args = _main_parser().parse_args(argv)
    network = _load_for_app(args.file, args.preset)
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


# --- serve -------------------------------------------------------------------------

DEFAULT_PORT = 8000
LOOPBACK = "127.0.0.1"


def _serve_parser() -> _Parser:
    parser = _Parser(
        prog="nntui serve",
        description=(
            "Serve the playground to a web browser with textual-serve: every browser tab "
            "runs its own playground, opened on FILE or --preset NAME. Ctrl-C stops the server."
        ),
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="a network file (.json) to open")
    parser.add_argument("--preset", metavar="NAME", help="open a shipped example network instead")
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, metavar="N",
                        help=f"the port to listen on, 1 to 65535 (default {DEFAULT_PORT})")
    parser.add_argument(
        "--host", default=LOOPBACK, metavar="ADDRESS",
        help=(
            f"the address to listen on and to put in the URL (default {LOOPBACK}: this computer "
            "only); anyone who can reach another address can use the playground and its files"
        ),
    )
    return parser


def _port(text: str) -> int:
    return _whole(text, 1, 65535)


def _check_listen(host: str, port: int) -> bool:
    """Bind every address of ``host`` once, as the server will; True if all are loopback."""
    import errno
    import ipaddress
    import socket

    if not host:
        raise UsageError("the --host address is empty")
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise UsageError(f'--host "{host}": {error.strerror}') from None
    loopback = True
    for family, kind, proto, _, address in addresses:
        ip = ipaddress.ip_address(address[0].split("%")[0])
        if ip.is_unspecified:
            raise UsageError(
                f'--host "{host}" listens on every address, but the page connects back to the '
                "address given; give one of this computer's addresses, e.g. --host 192.168.1.5"
            )
        loopback = loopback and ip.is_loopback
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            try:
                probe.bind(address)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    raise UsageError(
                        f"port {port} is already in use on {host}; choose another with --port N"
                    ) from None
                raise UsageError(f"cannot listen on {host} port {port}: {error.strerror or error}") from None
    return loopback


def _run_serve(argv: list[str]) -> int:
    import shlex

    args = _serve_parser().parse_args(argv)
    _load_for_app(args.file, args.preset)  # a bad FILE or preset is reported now, not in the browser
    loopback = _check_listen(args.host, args.port)
    command = [sys.executable, "-m", "nntui"]
    if args.preset is not None:
        command += ["--preset", args.preset]
    if args.file is not None:
        command += ["--", args.file]  # even a file named "-x.json" or "eval"
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown_host}:{args.port}"
    if not loopback:
        print(
            f"nntui: warning: serving on {args.host}, not only to this computer: anyone who can "
            "reach it can use the playground, and open and save files as you",
            file=sys.stderr,
        )
    # textual-serve runs the command through the shell, once per browser tab.
    server = _web_server(shlex.join(command), args.host, args.port, url)
    try:
        server.serve()
    except OSError as error:  # e.g. another program took the port since the check
        raise UsageError(f"cannot listen on {args.host} port {args.port}: {error.strerror or error}",
                         EXIT_FAILURE) from None
    return 0


def _web_server(command: str, host: str, port: int, url: str):  # -> textual_serve.server.Server
    """textual-serve's server, quiet, that stops every browser tab's app on Ctrl-C."""
    import asyncio
    import logging

    try:
        from textual_serve.server import Server
    except ImportError:
        raise UsageError("nntui serve needs textual-serve: pip install textual-serve", EXIT_FAILURE) from None

    class WebServer(Server):
        def __init__(self) -> None:
            super().__init__(command, host=host, port=port, title="nntui", public_url=url)
            self.websockets: set = set()  # one per open browser tab
            self.apps: set[asyncio.Future] = set()  # each app's exit, until it has exited

        def initialize_logging(self) -> None:  # problems only, on stderr; no banner, no access log
            logging.basicConfig(level=logging.WARNING, format="nntui serve: %(message)s")

        async def on_startup(self, app) -> None:  # type: ignore[no-untyped-def]
            print(f"Open {url} in a web browser; press Ctrl-C to stop.", flush=True)

        async def _process_messages(self, websocket, app_service) -> None:  # type: ignore[no-untyped-def]
            process = getattr(app_service, "_process", None)
            if process is not None:
                exited = asyncio.ensure_future(process.wait())
                self.apps.add(exited)
                exited.add_done_callback(self.apps.discard)
            self.websockets.add(websocket)
            try:
                await super()._process_messages(websocket, app_service)
            finally:
                self.websockets.discard(websocket)

        async def on_shutdown(self, app) -> None:  # type: ignore[no-untyped-def]
            # Else the server would wait for every tab to close, and exit before the
            # apps do. A closed tab's session tells its app to quit (its unsaved work
            # is kept as a recovery copy); wait for them all.
            await asyncio.gather(*(websocket.close() for websocket in list(self.websockets)))
            if self.apps:
                await asyncio.wait(list(self.apps), timeout=10)

    return WebServer()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``nntui`` console script; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        commands = {"eval": _run_eval, "presets": _run_presets, "serve": _run_serve, "train": _run_train}
        if args and args[0] in commands:
            return commands[args[0]](args[1:])
        return _run_app(args)
    except UsageError as error:
        _report(str(error))
        return error.status
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
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
