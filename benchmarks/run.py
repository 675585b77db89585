"""Run every benchmark once, write the JSON report and the table, print the table.

    python -m benchmarks [--torch-python PATH] [--quick] [--only SECTION[,SECTION] ...]
                         [--nntui-tree DIR] [--output DIR] [--update-readme]

Sections: latency-e2e (edit latency end to end: the real programs in a
pseudo-terminal), latency (its breakdown, in process), training (core
steps/s against PyTorch), frames-e2e (the training view's frames end to end,
in a pseudo-terminal), view (the training view's frame rate in process, and
steps/s against nntui train), startup (start-up and the imports of the
non-interactive commands), loading (a 4 M-weight network file against
json.loads).  The end-to-end sections need a POSIX system (pty); they run
this checkout's nntui, or with --nntui-tree another checkout's (the code
before a change, say: before and after in the same sitting).  --quick
uses tiny repetition counts: it checks that everything runs, its numbers
mean little.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREE_VARIABLE = "NNTUI_BENCH_TREE"  # as benchmarks/terminal.py reads it (not imported: it needs pty)
SECTIONS = ("latency-e2e", "latency", "training", "frames-e2e", "view", "startup", "loading")
END_TO_END = ("latency-e2e", "frames-e2e")  # real programs in pseudo-terminals: POSIX only
README_BEGIN = "<!-- benchmarks:begin -->"
README_END = "<!-- benchmarks:end -->"

# Repetitions: (full run, --quick)
SETTINGS = {
    "latency-e2e": {"rounds": (15, 1), "warm": (1, 1), "count": (10, 3)},  # short turns: the load moves
    "latency": {"rounds": (5, 1), "warm": (5, 1), "count": (40, 3), "profile_edits": (10, 2)},
    "training": {"rounds": (9, 1), "seconds": (0.2, 0.02)},
    "frames-e2e": {"rounds": (5, 1), "seconds": (2.5, 0.6), "warm": (1.0, 0.5)},
    "view": {"rounds": (3, 1), "seconds": (2.0, 0.3), "cost_frames": (20, 2)},
    "startup": {"rounds": (5, 1)},
    "loading": {"rounds": (5, 1), "hidden": (2000, 200)},
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--torch-python",
        metavar="PATH",
        help="a Python with torch for the PyTorch comparison (default: "
        "$NNTUI_BENCH_TORCH_PYTHON, else this Python if it has torch, else skipped)",
    )
    parser.add_argument("--quick", action="store_true", help="tiny repetition counts (a smoke test)")
    parser.add_argument(
        "--only",
        nargs="+",
        type=_sections,
        metavar="SECTION",
        help=f"run only these sections, by spaces or commas ({', '.join(SECTIONS)})",
    )
    parser.add_argument(
        "--nntui-tree",
        type=Path,
        metavar="DIR",
        help="the end-to-end sections run the nntui of this checkout (default: this one; "
        "also $NNTUI_BENCH_TREE); the in-process sections always use this one",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=ROOT / "benchmarks" / "results",
        help="folder for latest.json and latest.md (default: benchmarks/results)",
    )
    parser.add_argument(
        "--update-readme",
        action="store_true",
        help=f"put the table into README.md between {README_BEGIN} and {README_END}",
    )
    return parser


def _sections(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in SECTIONS]
    if unknown:
        raise argparse.ArgumentTypeError(f"no section {', '.join(unknown)} (sections: {', '.join(SECTIONS)})")
    return names


def _settings(section: str, quick: bool) -> dict:
    return {name: values[1 if quick else 0] for name, values in SETTINGS[section].items()}


def _machine() -> dict:
    import numpy
    import textual

    from benchmarks import blas

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "numpy": numpy.__version__,
        "textual": textual.__version__,
        "blas": blas.library(),
        "blas_threads": blas.threads(),
        "load_average_at_start": None if load is None else [round(x, 2) for x in load],
    }


def run(argv: list[str] | None = None) -> dict:
    args = _parser().parse_args(argv)
    if args.nntui_tree is not None:
        os.environ[TREE_VARIABLE] = str(args.nntui_tree.resolve())  # read by the end-to-end sections
    chosen = {name for names in args.only or [SECTIONS] for name in names}
    sections = [section for section in SECTIONS if section in chosen]
    if not hasattr(os, "openpty"):
        print(f"· {', '.join(END_TO_END)}: skipped (no pseudo-terminals here)", file=sys.stderr)
        sections = [section for section in sections if section not in END_TO_END]
    started = time.perf_counter()
    report: dict = {
        "schema": 1,
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "command": "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:]),
        "quick": args.quick,
        "machine": _machine(),
        "settings": {section: _settings(section, args.quick) for section in sections},
    }
    for section in sections:
        section_start = time.perf_counter()
        print(f"· {section} …", file=sys.stderr, flush=True)
        settings = _settings(section, args.quick)
        if section == "latency-e2e":
            from benchmarks import latency_e2e

            report["edit_latency_end_to_end"] = latency_e2e.measure(**settings)
        elif section == "frames-e2e":
            from benchmarks import frames_e2e

            report["training_view_end_to_end"] = frames_e2e.measure(**settings)
        elif section == "latency":
            from benchmarks import latency

            report["edit_latency"] = latency.measure(**settings)
        elif section == "training":
            from benchmarks import throughput

            python, note = throughput.find_torch_python(args.torch_python)
            report["training_throughput"] = throughput.measure(
                settings["rounds"], settings["seconds"], python, note, args.quick
            )
        elif section == "view":
            from benchmarks import training_view

            report["training_view"] = training_view.measure(**settings)
        elif section == "startup":
            from benchmarks import startup

            report["startup"] = startup.measure(**settings)
        elif section == "loading":
            from benchmarks import loading

            report["loading"] = loading.measure(**settings)
        report.setdefault("section_seconds", {})[section] = round(time.perf_counter() - section_start, 1)
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    report["machine"]["load_average_at_end"] = None if load is None else [round(x, 2) for x in load]
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["summary"] = summary(report)
    table = markdown(report)
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.output / "latest.md").write_text(table, encoding="utf-8")
    if args.update_readme:
        update_readme(ROOT / "README.md", table)
    print(table)
    print(f"(report: {args.output / 'latest.json'}; {report['seconds']:.0f} s)", file=sys.stderr)
    return report


def summary(report: dict) -> list[dict]:
    rows: list[dict] = []
    if "edit_latency_end_to_end" in report:
        from benchmarks import latency_e2e

        rows += latency_e2e.summary_rows(report["edit_latency_end_to_end"])
    if "edit_latency" in report:
        from benchmarks import latency

        rows += latency.summary_rows(report["edit_latency"])
    if "training_throughput" in report:
        from benchmarks import throughput

        rows += throughput.summary_rows(report["training_throughput"])
    if "training_view_end_to_end" in report:
        from benchmarks import frames_e2e

        rows += frames_e2e.summary_rows(report["training_view_end_to_end"])
    if "training_view" in report:
        from benchmarks import training_view

        rows += training_view.summary_rows(report["training_view"])
    if "startup" in report:
        from benchmarks import startup

        rows += startup.summary_rows(report["startup"])
    if "loading" in report:
        from benchmarks import loading

        rows += loading.summary_rows(report["loading"])
    return rows


def markdown(report: dict) -> str:
    machine = report["machine"]
    lines = [
        f"Measured {report['created'][:10]} in {report['seconds']:.0f} s"
        f"{' (--quick: numbers not meaningful)' if report['quick'] else ''}: Python {machine['python']}, "
        f"NumPy {machine['numpy']} ({machine['blas']}, {machine['blas_threads']} threads), "
        f"Textual {machine['textual']}, {machine['cpus']} CPUs, load average "
        f"{machine['load_average_at_start'] and machine['load_average_at_start'][0]} → "
        f"{machine['load_average_at_end'] and machine['load_average_at_end'][0]}.",
        "",
        "| Measurement | Result | Target | Met |",
        "| --- | --- | --- | --- |",
    ]
    for row in report["summary"]:
        met = {True: "yes", False: "**no**", None: "–"}[row["met"]]
        lines.append(f"| {row['measurement']} | {row['result']} | {row['target']} | {met} |")
    return "\n".join(lines) + "\n"


def update_readme(path: Path, table: str) -> None:
    text = path.read_text(encoding="utf-8")
    if README_BEGIN not in text or README_END not in text:
        raise SystemExit(f"{path}: no {README_BEGIN} … {README_END} markers; the table was not put in")
    before, rest = text.split(README_BEGIN, 1)
    _, after = rest.split(README_END, 1)
    path.write_text(f"{before}{README_BEGIN}\n{table}{README_END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    run(argv)
    return 0
