"""The PyTorch side of the training benchmark, run in an interpreter that has torch.

Self-contained (numpy and torch only), so it can run in another virtual
environment than nntui's.  It reads one JSON request per line on stdin and
answers one JSON line on stdout:

    {"cmd": "hello"}                          → versions and default thread count
    {"cmd": "setup", "case": ..., "file": ...} → loads the data and start weights
    {"cmd": "run", "case": ..., "dtype": "float64", "threads": 1, "seconds": 0.2}
                                               → {"steps": n, "seconds": t}
    {"cmd": "check", "case": ..., "steps": k, "file": ...}
                                               → trains a fresh float64 copy k steps,
                                                 saves its weights to "file"
    {"cmd": "quit"}

One step is what nntui's Trainer does: take the next mini-batch of a
shuffled epoch (the same shuffle, from numpy's generator with the same seed),
forward, loss, backward, SGD update (or Adam, when the case's file says
"adam": torch.optim.Adam with nntui's constants, betas 0.9 and 0.999, eps
1e-8), and read the loss as a Python float.
The output activation is folded into the loss, the idiomatic PyTorch way:
BCEWithLogitsLoss for a sigmoid output, CrossEntropyLoss (with the one-hot
targets as class probabilities) for a softmax output.
"""

from __future__ import annotations

import json
import sys
import time

import numpy as np
import torch

DEFAULT_THREADS = torch.get_num_threads()


class Case:
    def __init__(self, file: str) -> None:
        data = np.load(file)
        self.x64 = torch.from_numpy(np.ascontiguousarray(data["x"]))
        self.y64 = torch.from_numpy(np.ascontiguousarray(data["y"]))
        self.weights = [data[f"w{k}"] for k in range(int(data["layers"]))]
        self.biases = [data[f"b{k}"] for k in range(int(data["layers"]))]
        self.hidden = str(data["hidden"])
        self.output = str(data["output"])
        self.batch = int(data["batch"])
        self.lr = float(data["lr"])
        self.optimizer = str(data["optimizer"]) if "optimizer" in data.files else "sgd"
        self.seed = int(data["seed"])
        self.models: dict[str, tuple] = {}

    def fresh(self, dtype: torch.dtype) -> tuple:
        """(step function, model): a new model from the start weights, its own batch order."""
        layers: list[torch.nn.Module] = []
        for k, (w, b) in enumerate(zip(self.weights, self.biases)):
            linear = torch.nn.Linear(w.shape[1], w.shape[0], dtype=dtype)
            with torch.no_grad():
                linear.weight.copy_(torch.from_numpy(w))
                linear.bias.copy_(torch.from_numpy(b))
            layers.append(linear)
            if k < len(self.weights) - 1:
                layers.append(torch.nn.Tanh() if self.hidden == "tanh" else torch.nn.ReLU())
        model = torch.nn.Sequential(*layers)
        if self.output == "sigmoid":
            loss_fn: torch.nn.Module = torch.nn.BCEWithLogitsLoss()
        else:
            loss_fn = torch.nn.CrossEntropyLoss()
        if self.optimizer == "adam":
            optimizer: torch.optim.Optimizer = torch.optim.Adam(
                model.parameters(), lr=self.lr, betas=(0.9, 0.999), eps=1e-8
            )
        else:
            optimizer = torch.optim.SGD(model.parameters(), lr=self.lr)
        x = self.x64.to(dtype)
        y = self.y64.to(dtype)
        n = len(x)
        rng = np.random.default_rng(self.seed)
        order = np.arange(n)
        state = {"cursor": n, "order": None}

        def step() -> float:
            if state["cursor"] >= n:  # a new epoch: the Trainer's shuffle
                rng.shuffle(order)
                state["order"] = torch.from_numpy(order.copy())
                state["cursor"] = 0
            index = state["order"][state["cursor"] : state["cursor"] + self.batch]
            state["cursor"] += len(index)
            xb, yb = x[index], y[index]
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            return loss.item()

        return step, model

    def run(self, dtype_name: str, threads: int | None, seconds: float) -> dict:
        dtype = torch.float64 if dtype_name == "float64" else torch.float32
        if dtype_name not in self.models:
            self.models[dtype_name] = self.fresh(dtype)
        step = self.models[dtype_name][0]
        torch.set_num_threads(threads or DEFAULT_THREADS)
        try:
            step()  # warm: the first call after a thread change pays for it
            steps, chunk = 0, 1
            start = time.perf_counter()
            while True:
                for _ in range(chunk):
                    step()
                steps += chunk
                elapsed = time.perf_counter() - start
                if elapsed >= seconds:
                    break
                chunk = max(1, min(chunk * 2, int(steps / max(elapsed, 1e-6) * 0.005)))
        finally:
            torch.set_num_threads(DEFAULT_THREADS)
        return {"steps": steps, "seconds": elapsed}

    def check(self, steps: int, file: str) -> dict:
        torch.set_num_threads(1)
        try:
            step, model = self.fresh(torch.float64)
            losses = [step() for _ in range(steps)]
        finally:
            torch.set_num_threads(DEFAULT_THREADS)
        linears = [m for m in model if isinstance(m, torch.nn.Linear)]
        arrays = {}
        for k, linear in enumerate(linears):
            arrays[f"w{k}"] = linear.weight.detach().numpy()
            arrays[f"b{k}"] = linear.bias.detach().numpy()
        np.savez(file, **arrays)
        return {"losses": losses}


def main() -> None:
    cases: dict[str, Case] = {}
    for line in sys.stdin:
        request = json.loads(line)
        command = request["cmd"]
        try:
            if command == "quit":
                break
            if command == "hello":
                answer = {
                    "torch": torch.__version__,
                    "numpy": np.__version__,
                    "threads": DEFAULT_THREADS,
                    "interop_threads": torch.get_num_interop_threads(),
                }
            elif command == "setup":
                cases[request["case"]] = Case(request["file"])
                answer = {"ok": True}
            elif command == "run":
                answer = cases[request["case"]].run(request["dtype"], request.get("threads"), request["seconds"])
            elif command == "check":
                answer = cases[request["case"]].check(request["steps"], request["file"])
            else:
                answer = {"error": f"unknown command {command!r}"}
        except Exception as error:  # noqa: BLE001 - reported to the benchmark, which says what failed
            answer = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
