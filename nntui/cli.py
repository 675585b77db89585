"""The ``nntui`` command: launch the playground, list presets, evaluate or train a network,
or serve the playground to a web browser.

Textual is imported only when the playground starts (and textual-serve only
when it is served), so ``nntui --version``, ``nntui presets``, ``nntui eval``
and ``nntui train`` stay fast and work without a terminal.

Every word shown is a ``cli.`` message of the catalogue (nntui/i18n), in the
language of ``--lang en|fr``, accepted anywhere before ``--``, else of the
locale; it is chosen before anything is printed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from nntui import __version__
from nntui.i18n import LANGUAGES, detect_language, language, set_language, t

EXIT_USAGE = 2  # a bad argument or a bad file
EXIT_OVERFLOW = 3  # the computation itself produced inf or nan
EXIT_FAILURE = 1  # the system failed us, e.g. stdout could not be written

EXIT_INTERRUPTED = 130  # Ctrl-C


class UsageError(Exception):
    """A user mistake; the message is printed as one line on stderr."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


# --- argparse in the chosen language --------------------------------------------------
#
# argparse words its own texts in English (through gettext).  Rather than patch
# its module, every parser here is a _Parser that words them itself: -h/--help
# is ours (add_help=False, then an -h with a translated help), the section titles
# are set on parser._positionals / parser._optionals, _Formatter gives the usage
# line a translated "usage: " prefix, and error() maps argparse's fixed English
# error messages, recognised by the patterns below, to catalogue keys.  In
# English a message is left exactly as argparse wrote it; a message no pattern
# knows (a future Python's rewording) stays in English.

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


def _argparse_message(message: str) -> str:
    """An error message argparse wrote in English, in the current language."""
    if language() == "en":
        return message
    for pattern, key in _ARGPARSE_ERRORS:
        match = pattern.fullmatch(message)
        if match:
            values = match.groupdict()
            if "message" in values:  # "argument --x: <what is wrong>"
                values["message"] = _argparse_message(values["message"])
            return t(key, **values)
    return message


class _Formatter(argparse.HelpFormatter):
    """Help with the usage line's prefix in the current language."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, t("cli.argparse.usage") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(None if heading is None else t("cli.argparse.heading", title=heading))


class _RawFormatter(_Formatter, argparse.RawDescriptionHelpFormatter):
    """_Formatter that keeps the description and epilog as written."""


class _Parser(argparse.ArgumentParser):
    """argparse in the current language; errors are one line and never a usage dump."""

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        # No abbreviations: "--inp" would slip past the "--input -1,0" fix-up.
        super().__init__(allow_abbrev=False, add_help=False, **kwargs)
        self._positionals.title = t("cli.argparse.positionals")
        self._optionals.title = t("cli.argparse.options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=t("cli.argparse.help"))

    def add_lang(self) -> _Parser:
        """List --lang last in the help; main() has taken it out of the arguments already."""
        self.add_argument("--lang", choices=LANGUAGES, metavar=t("cli.metavar.lang"), help=t("cli.help.lang"))
        return self

    def error(self, message: str) -> NoReturn:
        raise UsageError(t("cli.error.see_help", message=_argparse_message(message), prog=self.prog))


def _take_language(argv: list[str]) -> tuple[list[str], str | None]:
    """``argv`` without its ``--lang X`` / ``--lang=X`` (before any "--"), and the last X."""
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


def _thousands(n: int) -> str:
    """``n`` with its thousands separated as the language writes them: 10,000 / 10 000."""
    return f"{n:,}".replace(",", " ") if language() == "fr" else f"{n:,}"


def _main_parser() -> _Parser:
    parser = _Parser(
        prog="nntui",
        description=t("cli.main.description"),
        epilog=t("cli.main.epilog"),
        formatter_class=_RawFormatter,
    )
    parser.add_argument("file", nargs="?", metavar=t("cli.metavar.file"), help=t("cli.help.file_to_open"))
    parser.add_argument("--preset", metavar=t("cli.metavar.name"), help=t("cli.help.preset_to_open"))
    parser.add_argument("--version", action="version", version=f"nntui {__version__}",
                        help=t("cli.argparse.version"))
    return parser.add_lang()


def _eval_parser() -> _Parser:
    example = '{"outputs": [...], "layers": [{"name", "z", "a"}, ...]}'
    parser = _Parser(prog="nntui eval", description=t("cli.eval.description", example=example))
    parser.add_argument("file", nargs="?", metavar=t("cli.metavar.file"), help=t("cli.help.file"))
    parser.add_argument("--preset", metavar=t("cli.metavar.name"), help=t("cli.help.preset"))
    parser.add_argument("--input", metavar="V1,V2,...", help=t("cli.help.input"))
    return parser.add_lang()


def _presets_parser() -> _Parser:
    return _Parser(prog="nntui presets", description=t("cli.presets.description")).add_lang()


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
        raise UsageError(t("cli.error.file_and_preset"))
    try:
        if file is not None:
            if not file:
                raise UsageError(t("cli.error.empty_file_name"))
            return load_network(file)
        return load_preset(DEFAULT_PRESET if preset is None else preset)
    except NetworkFileError as error:
        raise UsageError(str(error)) from None


def parse_input_values(text: str, expected: int) -> list[float]:
    """Parse ``--input`` text: exactly ``expected`` finite numbers, comma-separated."""
    from nntui.core.numbers import NumberError, parse_finite
    from nntui.core.plural import counted

    parts = text.split(",")
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


def _run_eval(argv: list[str]) -> int:
    args = _eval_parser().parse_args(_join_input_values(argv))
    if args.file is None and args.preset is None:
        raise UsageError(t("cli.eval.needs_network"))
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
            return t("cli.eval.overflow", k=k, layer=network.layer_title(k), neuron=network.neuron_name(k, j))
    return t("cli.eval.overflow_somewhere")


def _run_presets(argv: list[str]) -> int:
    _presets_parser().parse_args(argv)
    from nntui.core.presets import DEFAULT_PRESET, load_preset, preset_names

    names = preset_names()
    width = max(len(name) for name in names)
    for name in names:
        network = load_preset(name)
        shape = "-".join(str(n) for n in network.sizes)
        default = "  " + t("cli.presets.default") if name == DEFAULT_PRESET else ""
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
    parser = _Parser(prog="nntui train", usage=t("cli.train.usage"), description=t("cli.train.description"))
    name = t("cli.metavar.name")
    add = parser.add_argument
    add("file", nargs="?", metavar=t("cli.metavar.file"), help=t("cli.help.file"))
    add("--preset", metavar=name, help=t("cli.help.preset"))
    data = parser.add_mutually_exclusive_group(required=True)
    data.add_argument("--dataset", metavar=name, help=t("cli.help.dataset", names=", ".join(DATASET_NAMES)))
    data.add_argument("--data", metavar=t("cli.metavar.csv"), help=t("cli.help.data"))
    add("--noise", type=_noise, metavar="N", help=t("cli.help.noise", high=MAX_NOISE, default=noise))
    add("--steps", type=_steps, required=True, metavar="N",
        help=t("cli.help.steps", high=_thousands(MAX_STEPS)))
    add("--lr", type=_positive, default=d.learning_rate, metavar="R",
        help=t("cli.help.lr", default=d.learning_rate))
    add("--batch", type=_batch, default=d.batch_size, metavar="B",
        help=t("cli.help.batch", default=d.batch_size))
    add("--optimizer", choices=OPTIMIZER_NAMES, default=d.optimizer,
        help=t("cli.help.default", default=d.optimizer))
    add("--regularization", choices=REGULARIZATION_NAMES, default=d.regularization,
        help=t("cli.help.default", default=d.regularization))
    add("--regularization-rate", type=_non_negative, default=d.regularization_rate, metavar="R",
        help=t("cli.help.default", default=d.regularization_rate))
    add("--seed", type=_seed, default=d.seed, metavar="S", help=t("cli.help.seed", default=d.seed))
    add("-o", "--output", required=True, metavar=t("cli.metavar.out"), help=t("cli.help.output"))
    return parser.add_lang()


def _number(text: str) -> float:
    from nntui.core.numbers import NumberError, parse_finite

    try:
        return parse_finite(text)
    except NumberError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(text: str) -> float:
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(t("cli.value.positive", value=text.strip()))
    return value


def _non_negative(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(t("cli.value.at_least", low=0, value=text.strip()))
    return value


def _noise(text: str) -> float:
    from nntui.core.datasets import MAX_NOISE

    value = _number(text)
    if not 0 <= value <= MAX_NOISE:
        raise argparse.ArgumentTypeError(t("cli.value.range", low=0, high=MAX_NOISE, value=text.strip()))
    return value


def _whole(text: str, low: int, high: int | None = None) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.value.not_whole", value=text.strip())) from None
    if high is not None and not low <= value <= high:
        raise argparse.ArgumentTypeError(
            t("cli.value.range", low=_thousands(low), high=_thousands(high), value=value)
        )
    if value < low:
        raise argparse.ArgumentTypeError(t("cli.value.at_least", low=low, value=value))
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
        raise UsageError(t("cli.train.output_empty"))
    if path.is_dir():
        raise UsageError(t("cli.train.output_is_dir", name=name))
    if not path.parent.is_dir():
        raise UsageError(t("cli.train.no_folder", name=name, folder=path.parent))
    if not os.access(path.parent, os.W_OK):
        raise UsageError(t("cli.train.folder_not_writable", name=name, folder=path.parent))
    return path


def _training_data(args: argparse.Namespace):  # -> Dataset
    from nntui.core.datasets import DATASET_NAMES, DataFileError, load_csv, make_dataset

    if args.data is not None:
        if args.noise is not None:
            raise UsageError(t("cli.train.noise_with_data"))
        if not args.data:
            raise UsageError(t("cli.train.data_empty"))
        try:
            return load_csv(args.data, seed=args.seed)
        except DataFileError as error:
            raise UsageError(str(error)) from None
    if args.dataset not in DATASET_NAMES:
        available = ", ".join(DATASET_NAMES)
        raise UsageError(t("cli.train.unknown_dataset", name=args.dataset, available=available))
    noise = {} if args.noise is None else {"noise": args.noise}
    return make_dataset(args.dataset, seed=args.seed, **noise)  # as the playground makes it


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
                accuracy = (
                    "" if test.accuracy is None else t("cli.train.line_accuracy", test=f"{test.accuracy:.3f}")
                )
                line = t("cli.train.line", done=done, steps=self.steps, loss=f"{train.loss:.4g}",
                         test=f"{test.loss:.4g}", accuracy=accuracy)
                print(line, flush=True)
            return
        now = time.monotonic()
        if now - self.drawn_at >= REDRAW_SECONDS or done == self.steps:
            self.drawn_at = now
            train, test = self.measure()
            filled = 20 * done // self.steps
            accuracy = (
                "" if test.accuracy is None else t("cli.train.bar_accuracy", test=f"{100 * test.accuracy:.1f}")
            )
            line = t(
                "cli.train.bar",
                done=done,
                steps=self.steps,
                bar="#" * filled + "." * (20 - filled),
                percent=100 * done // self.steps,
                loss=f"{train.loss:.4g}",
                test=f"{test.loss:.4g}",
                accuracy=accuracy,
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
    args = _train_parser().parse_args(argv)
    if args.file is None and args.preset is None:
        raise UsageError(t("cli.train.needs_network"))
    out = _check_output(args.output)
    network = _load(args.file, args.preset)
    dataset = _training_data(args)
    from nntui.core.fileformat import save_network
    from nntui.core.training import (
        DivergenceError,
        Trainer,
        TrainingConfig,
        TrainingError,
        data_mismatch,
        fitted_config,
    )

    mismatch = data_mismatch(network, dataset)
    if mismatch:
        raise UsageError(mismatch)

    config = TrainingConfig(
        learning_rate=args.lr,
        batch_size=args.batch,
        optimizer=args.optimizer,
        regularization=args.regularization,
        regularization_rate=args.regularization_rate,
        seed=args.seed,
    )
    try:
        trainer = Trainer(network, dataset.x_train, dataset.y_train, fitted_config(config, dataset))
    except TrainingError as error:
        raise UsageError(str(error)) from None
    progress = _Progress(trainer, dataset, args.steps, sys.stderr.isatty())
    try:
        _train_in_chunks(trainer, args.steps, progress)
    except DivergenceError:
        raise UsageError(
            t("cli.train.diverged", step=trainer.steps_done + 1, output=args.output), EXIT_OVERFLOW
        ) from None
    except KeyboardInterrupt:
        raise UsageError(
            t("cli.train.interrupted", step=trainer.steps_done, steps=args.steps, output=args.output),
            EXIT_INTERRUPTED,
        ) from None
    finally:
        progress.close()
    try:
        save_network(network, out)
    except OSError as error:
        message = t("cli.train.cannot_write", output=args.output, reason=error.strerror or error)
        raise UsageError(message, EXIT_FAILURE) from None
    from nntui.core.plural import counted

    train, test = progress.measure()
    accuracy = (
        ""
        if test.accuracy is None
        else t("cli.train.summary_accuracy", train=f"{train.accuracy:.3f}", test=f"{test.accuracy:.3f}")
    )
    print(
        t(
            "cli.train.summary",
            steps=counted("cli.count.step", args.steps),
            loss=f"{train.loss:.4g}",
            test=f"{test.loss:.4g}",
            accuracy=accuracy,
            output=args.output,
        )
    )
    return 0


def _load_for_app(file: str | None, preset: str | None):  # -> Network
    if file and Path(file).is_dir():  # an empty name is reported by _load
        raise UsageError(t("cli.error.is_a_directory", file=file))
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
    parser = _Parser(prog="nntui serve", description=t("cli.serve.description"))
    parser.add_argument("file", nargs="?", metavar=t("cli.metavar.file"), help=t("cli.help.file_to_open"))
    parser.add_argument("--preset", metavar=t("cli.metavar.name"), help=t("cli.help.preset_to_open"))
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, metavar="N",
                        help=t("cli.help.port", default=DEFAULT_PORT))
    parser.add_argument("--host", default=LOOPBACK, metavar=t("cli.metavar.address"),
                        help=t("cli.help.host", default=LOOPBACK))
    return parser.add_lang()


def _port(text: str) -> int:
    return _whole(text, 1, 65535)


def _check_listen(host: str, port: int) -> bool:
    """Bind every address of ``host`` once, as the server will; True if all are loopback."""
    import errno
    import ipaddress
    import socket

    if not host:
        raise UsageError(t("cli.serve.host_empty"))
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise UsageError(t("cli.serve.bad_host", host=host, reason=error.strerror)) from None
    loopback = True
    for family, kind, proto, _, address in addresses:
        ip = ipaddress.ip_address(address[0].split("%")[0])
        if ip.is_unspecified:
            raise UsageError(t("cli.serve.every_address", host=host))
        loopback = loopback and ip.is_loopback
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
            try:
                probe.bind(address)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    raise UsageError(t("cli.serve.port_in_use", port=port, host=host)) from None
                raise UsageError(
                    t("cli.serve.cannot_listen", host=host, port=port, reason=error.strerror or error)
                ) from None
    return loopback


def _run_serve(argv: list[str]) -> int:
    import shlex

    args = _serve_parser().parse_args(argv)
    _load_for_app(args.file, args.preset)  # a bad FILE or preset is reported now, not in the browser
    loopback = _check_listen(args.host, args.port)
    command = [sys.executable, "-m", "nntui", "--lang", language()]  # each session speaks ours
    if args.preset is not None:
        command += ["--preset", args.preset]
    if args.file is not None:
        command += ["--", args.file]  # even a file named "-x.json" or "eval"
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    url = f"http://{shown_host}:{args.port}"
    if not loopback:
        print(t("cli.serve.warning", host=args.host), file=sys.stderr)
    # textual-serve runs the command through the shell, once per browser tab.
    server = _web_server(shlex.join(command), args.host, args.port, url)
    try:
        server.serve()
    except OSError as error:  # e.g. another program took the port since the check
        raise UsageError(
            t("cli.serve.cannot_listen", host=args.host, port=args.port, reason=error.strerror or error),
            EXIT_FAILURE,
        ) from None
    return 0


def _web_server(command: str, host: str, port: int, url: str):  # -> textual_serve.server.Server
    """textual-serve's server, quiet, that stops every browser tab's app on Ctrl-C."""
    import asyncio
    import logging

    try:
        from textual_serve.server import Server
    except ImportError:
        raise UsageError(t("cli.serve.needs_textual_serve"), EXIT_FAILURE) from None

    class WebServer(Server):
        def __init__(self) -> None:
            super().__init__(command, host=host, port=port, title="nntui", public_url=url)
            self.websockets: set = set()  # one per open browser tab
            self.apps: set[asyncio.Future] = set()  # each app's exit, until it has exited

        def initialize_logging(self) -> None:  # problems only, on stderr; no banner, no access log
            logging.basicConfig(level=logging.WARNING, format="nntui serve: %(message)s")

        async def on_startup(self, app) -> None:  # type: ignore[no-untyped-def]
            print(t("cli.serve.open", url=url), flush=True)

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
    set_language(detect_language())  # a bad --lang is reported in the locale's language
    try:
        args, chosen = _take_language(args)
        if chosen is not None:
            set_language(chosen)
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
        _report(t("cli.error.cannot_write", reason=error.strerror or error))
        return EXIT_FAILURE


def _report(message: str) -> None:
    # One line, whatever the message quotes (a file name may hold a newline).
    print(t("cli.error.line", message=" ".join(message.splitlines())), file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
