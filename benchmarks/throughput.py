"""Training throughput: core training steps per second, side by side with PyTorch.

Every variant trains the same network from the same start weights on the
same data with the same batch order, one SGD step at a time.  The variants
take turns in short bursts, round after round (the order rotating), so a
busy spell on the machine hits all of them; each round gives a ratio, and
the report keeps the median ratio (and the lowest and highest).

PyTorch runs in its own interpreter (``benchmarks/torch_worker.py``), which
waits while NumPy runs and the other way round.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks import baseline_training as baseline
from benchmarks import blas
from benchmarks.common import median, rotated, spread
from nntui.core.datasets import make_dataset
from nntui.core.network import Network
from nntui.core.training import Trainer, TrainingConfig
from tests.factory import random_network

WORKER = Path(__file__).with_name("torch_worker.py")
SLICES = 4  # turns per variant and round


@dataclass(frozen=True)
class Case:
    name: str
    sizes: tuple[int, ...]
    hidden: str
    output: str
    batch: int
    learning_rate: float
    target: float  # nntui's steps/s as a multiple of PyTorch's
    optimizer: str = "sgd"


CASES = (
    Case("2-8-8-1", (2, 8, 8, 1), "tanh", "sigmoid", 500, 0.03, 4.0),
    Case("2-8-8-8-8-8-8-1", (2, 8, 8, 8, 8, 8, 8, 1), "tanh", "sigmoid", 500, 0.03, 4.0),
    Case("784-128-10", (784, 128, 10), "relu", "softmax", 128, 0.01, 1.2),
    # The digits preset's network on the digits' training part, at nntui train's defaults (batch 32, rate
    # 0.03, Adam), and with SGD as the rows above.
    Case("64-16-10 (digits), Adam", (64, 16, 10), "tanh", "softmax", 32, 0.03, 1.5, "adam"),
    Case("64-16-10 (digits), SGD", (64, 16, 10), "tanh", "softmax", 32, 0.03, 1.5),
)


class Float32Trainer(Trainer):
    """The same trainer computing in float32 (the network keeps float64): for information."""

    _dtype = np.float32


def case_data(case: Case, quick: bool) -> tuple[np.ndarray, np.ndarray]:
    """The playground sizes learn the spiral; 64-16-10 the digits' training part (898 images, as
    nntui train takes it); 784-128-10 random MNIST-shaped data."""
    if case.sizes[0] == 2:
        data = make_dataset("spiral", samples=800 if quick else 4000, seed=0)  # half of it for training
        return data.x_train, data.y_train
    if case.sizes[0] == 64:
        data = make_dataset("digits")
        return data.x_train, data.y_train
    rng = np.random.default_rng(0)
    n = 512 if quick else 4096
    return rng.random((n, 784)), np.eye(10)[rng.integers(0, 10, n)]


def start_network(case: Case) -> Network:
    return random_network(case.sizes, activation=case.hidden, output_activation=case.output, seed=0)


def config(case: Case) -> TrainingConfig:
    return TrainingConfig(learning_rate=case.learning_rate, batch_size=case.batch, optimizer=case.optimizer, seed=0)


# --- PyTorch in its own interpreter ------------------------------------------------------


class TorchWorker:
    """benchmarks/torch_worker.py in the interpreter that has torch; JSON lines both ways."""

    def __init__(self, python: str) -> None:
        self.process = subprocess.Popen(
            [python, str(WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.info = self.ask({"cmd": "hello"})

    def ask(self, request: dict) -> dict:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            error = self.process.stderr.read() if self.process.stderr else ""
            raise RuntimeError(f"the PyTorch worker stopped: {error.strip()[-500:]}")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"the PyTorch worker failed: {answer['error']}")
        return answer

    def close(self) -> None:
        try:
            self.ask_quit()
        finally:
            self.process.wait(timeout=10)

    def ask_quit(self) -> None:
        if self.process.poll() is None and self.process.stdin is not None:
            self.process.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
            self.process.stdin.close()


def find_torch_python(explicit: str | None) -> tuple[str | None, str]:
    """The interpreter to run PyTorch with, and how it was chosen (or why there is none)."""
    if explicit:
        return explicit, "--torch-python"
    from_env = os.environ.get("NNTUI_BENCH_TORCH_PYTHON")
    if from_env:
        return from_env, "NNTUI_BENCH_TORCH_PYTHON"
    import importlib.util

    if importlib.util.find_spec("torch") is not None:
        return sys.executable, "this interpreter has torch"
    return None, "torch is not installed here; pass --torch-python PATH (or set NNTUI_BENCH_TORCH_PYTHON)"


# --- measuring -------------------------------------------------------------------------------


def burst(trainer: Trainer, seconds: float, blas_threads: int | None = None) -> tuple[int, float]:
    """(steps, seconds) of ``trainer`` training for about ``seconds``."""
    with blas.limited_to(blas_threads):
        trainer.run(1)  # warm the caches after the other variants ran
        steps, chunk = 0, 1
        start = time.perf_counter()
        while True:
            trainer.run(chunk)
            steps += chunk
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                return steps, elapsed
            chunk = max(1, min(chunk * 2, int(steps / max(elapsed, 1e-6) * 0.005)))  # ~5 ms chunks


def _bytes(network: Network) -> bytes:
    return b"".join(p.tobytes() for layer in network.layers for p in (layer.weights, layer.bias))


def measure(rounds: int, seconds: float, torch_python: str | None, torch_note: str, quick: bool) -> dict:
    worker = None
    torch_info: dict = {"available": False, "note": torch_note}
    if torch_python is not None:
        try:
            worker = TorchWorker(torch_python)
            torch_info = {"available": True, "python": torch_python, "chosen_by": torch_note, **worker.info}
        except Exception as error:  # noqa: BLE001 - no torch there after all: measured without it
            torch_info = {"available": False, "note": f"{torch_python}: {error}"}
            worker = None
    results: dict = {
        "method": (
            "Steps/s of one full training step (next mini-batch of a shuffled epoch, forward, loss, backward, "
            "SGD update (Adam where the case says so: torch.optim.Adam against nntui's, the same formula), "
            "loss as a float), same data, start weights and batch order for every variant. "
            f"{rounds} rounds; in each, every variant trains {seconds:g} s in all, in {SLICES} turns taken in "
            "rotating order; "
            "ratios are taken within a round, and the median over rounds is reported. "
            "The target is judged on best nntui / best torch: each library at its faster thread setting "
            "in that round (NumPy's BLAS at its default or 1 thread, torch at its default or 1). "
            "nntui = nntui.core.training.Trainer (float64, NumPy's default BLAS threads); nntui_blas1 = the "
            "same with the BLAS limited to 1 thread; "
            "before = the trainer as it was before this work (benchmarks/baseline_training.py); "
            "torch = PyTorch CPU, float64, default threads; torch_1thread = torch.set_num_threads(1); "
            "float32 variants are for information (the model's dtype is float64)."
        ),
        "blas": {"library": blas.library(), "default_threads": blas.threads(), "controllable": blas.controllable()},
        "torch": torch_info,
        "cases": {},
    }
    try:
        with tempfile.TemporaryDirectory() as scratch:
            for case in CASES:
                results["cases"][case.name] = _measure_case(case, rounds, seconds, worker, Path(scratch), quick)
    finally:
        if worker is not None:
            worker.close()
    return results


def _measure_case(
    case: Case, rounds: int, seconds: float, worker: TorchWorker | None, scratch: Path, quick: bool
) -> dict:
    x, y = case_data(case, quick)
    start = start_network(case)
    cfg = config(case)

    # Same start, same steps: the new trainer's weights against the old one's and PyTorch's.
    check_steps = 3
    new, old = start.copy(), start.copy()
    Trainer(new, x, y, cfg).run(check_steps)
    baseline.Trainer(old, x, y, baseline.TrainingConfig(**dataclasses.asdict(cfg))).run(check_steps)
    checks: dict = {
        "steps": check_steps,
        "bit_identical_to_before": _bytes(new) == _bytes(old),
        "before_max_weight_difference": max(
            float(np.max(np.abs(p - q)))
            for a, b in zip(new.layers, old.layers)
            for p, q in ((a.weights, b.weights), (a.bias, b.bias))
        ),
    }

    trainers = {
        "nntui": Trainer(start.copy(), x, y, cfg),
        "before": baseline.Trainer(start.copy(), x, y, baseline.TrainingConfig(**dataclasses.asdict(cfg))),
        "nntui_float32": Float32Trainer(start.copy(), x, y, cfg),
    }
    numpy_variants: list[tuple[str, Trainer, int | None]] = [
        ("nntui", trainers["nntui"], None),
        ("before", trainers["before"], None),
        ("nntui_float32", trainers["nntui_float32"], None),
    ]
    if blas.controllable() and blas.threads() != 1:
        trainers["nntui_blas1"] = Trainer(start.copy(), x, y, cfg)
        numpy_variants.append(("nntui_blas1", trainers["nntui_blas1"], 1))
    torch_variants: list[tuple[str, str, int | None]] = []
    if worker is not None:
        file = scratch / f"{case.name}.npz"
        arrays = {
            "x": x,
            "y": y,
            "layers": len(start.layers),
            "hidden": case.hidden,
            "output": case.output,
            "batch": case.batch,
            "lr": case.learning_rate,
            "optimizer": case.optimizer,
            "seed": cfg.seed,
        }
        for k, layer in enumerate(start.layers):
            arrays[f"w{k}"], arrays[f"b{k}"] = layer.weights, layer.bias
        np.savez(file, **arrays)
        worker.ask({"cmd": "setup", "case": case.name, "file": str(file)})
        out = scratch / f"{case.name}-torch.npz"
        worker.ask({"cmd": "check", "case": case.name, "steps": check_steps, "file": str(out)})
        theirs = np.load(out)
        difference = max(float(np.max(np.abs(layer.weights - theirs[f"w{k}"]))) for k, layer in enumerate(new.layers))
        difference = max(
            difference, *(float(np.max(np.abs(layer.bias - theirs[f"b{k}"]))) for k, layer in enumerate(new.layers))
        )
        checks["torch_max_weight_difference"] = difference
        torch_variants = [
            ("torch", "float64", None),
            ("torch_1thread", "float64", 1),
            ("torch_float32_1thread", "float32", 1),
        ]

    names = [name for name, _, _ in numpy_variants] + [name for name, _, _ in torch_variants]
    rates: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(rounds):
        # Every variant trains SLICES times in a round, in turn: a busy spell of the machine
        # lasting less than a round is shared among them instead of hitting one.
        steps = dict.fromkeys(names, 0)
        seconds_used = dict.fromkeys(names, 0.0)
        for piece in range(SLICES):
            for name in rotated(names, round_number + piece):
                numpy_variant = next((v for v in numpy_variants if v[0] == name), None)
                if numpy_variant is not None:
                    done, elapsed = burst(numpy_variant[1], seconds / SLICES, numpy_variant[2])
                else:
                    _, dtype, threads = next(v for v in torch_variants if v[0] == name)
                    assert worker is not None
                    answer = worker.ask(
                        {
                            "cmd": "run",
                            "case": case.name,
                            "dtype": dtype,
                            "threads": threads,
                            "seconds": seconds / SLICES,
                        }
                    )
                    done, elapsed = answer["steps"], answer["seconds"]
                steps[name] += done
                seconds_used[name] += elapsed
        for name in names:
            rates[name].append(steps[name] / seconds_used[name])

    def ratios(top: str | tuple[str, ...], bottom: str | tuple[str, ...]) -> dict | None:
        """Per-round ratio of the (best of the) top variants to the (best of the) bottom ones."""
        tops = (top,) if isinstance(top, str) else top
        bottoms = (bottom,) if isinstance(bottom, str) else bottom
        if "nntui_blas1" not in rates and blas.threads() == 1:  # the default is one thread already
            tops = tuple("nntui" if name == "nntui_blas1" else name for name in tops)
        tops = tuple(name for name in tops if name in rates)
        bottoms = tuple(name for name in bottoms if name in rates)
        if not tops or not bottoms:
            return None
        return spread([max(rates[t][i] for t in tops) / max(rates[b][i] for b in bottoms) for i in range(rounds)])

    result: dict = {
        "layers": "-".join(map(str, case.sizes)),
        "activations": f"{case.hidden} hidden, {case.output} output",
        "batch": case.batch,
        "optimizer": case.optimizer,
        "learning_rate": case.learning_rate,
        "samples": len(x),
        "steps_per_second": {name: round(median(values), 1) for name, values in rates.items()},
        "checks": checks,
        "ratios": {
            "nntui / before": ratios("nntui", "before"),
            "best nntui / best torch": ratios(("nntui", "nntui_blas1"), ("torch", "torch_1thread")),
            "nntui / torch, both default threads": ratios("nntui", "torch"),
            "nntui / torch, both 1 thread": ratios("nntui_blas1", "torch_1thread"),
            "nntui (default threads) / torch 1 thread": ratios("nntui", "torch_1thread"),
            "nntui float32 / nntui float64": ratios("nntui_float32", "nntui"),
            "nntui float32 / torch float32 (1 thread)": ratios("nntui_float32", "torch_float32_1thread"),
        },
        "target": case.target,
    }
    if worker is None:
        for name in list(result["ratios"]):
            if "torch" in name:
                del result["ratios"][name]
    result["ratios"] = {k: v for k, v in result["ratios"].items() if v is not None}
    verdict = result["ratios"].get("best nntui / best torch")
    result["met"] = None if verdict is None else bool(verdict["median"] >= case.target)
    if verdict is None:
        result["note"] = "PyTorch not measured"
    return result


def summary_rows(section: dict) -> list[dict]:
    rows = []
    for name, case in section["cases"].items():
        rate = case["steps_per_second"]["nntui"]
        r = case["ratios"]
        before = r.get("nntui / before", {}).get("median", math.nan)
        if "best nntui / best torch" in r:
            same = {
                key: r.get(f"nntui / torch, both {key}", {}).get("median", math.nan)
                for key in ("default threads", "1 thread")
            }
            result = (
                f"{r['best nntui / best torch']['median']:.2f}× "
                f"(same threads: {same['default threads']:.2f}× default, {same['1 thread']:.2f}× 1 thread); "
                f"{rate:,.0f} steps/s, {before:.2f}× before"
            )
        else:
            result = f"{rate:,.0f} steps/s, {before:.2f}× before (PyTorch not measured)"
        rows.append(
            {
                "measurement": f"Training {name}, batch {case['batch']}: core steps/s vs PyTorch CPU",
                "result": result,
                "target": f"≥ {case['target']:g}× PyTorch",
                "met": case["met"],
            }
        )
    return rows
