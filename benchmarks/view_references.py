"""What the training view is compared with: the picture app's frames/s and ``nntui train``'s steps/s.

* The picture app (``picture_app.py``) redraws a whole 140×44 screen of
  half-block cells, each its own colours, as fast as Textual draws it.  Its
  frames are counted as the training view's are: screen updates, turned
  into terminal output as a terminal would get it, that follow a change of
  the picture.
* ``nntui train``'s core: the trainer built as the command builds it
  (``training_data`` and ``new_trainer`` from nntui.document.session, on the
  same network, data and settings as the playground), run by the command's
  own loop (``train_in_chunks``) with the progress reports left out.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from benchmarks.frames import FrameCounter
from benchmarks.picture_app import PictureApp


async def picture_rate(size: tuple[int, int], seconds: float) -> dict:
    """Frames/s of the picture app, headless at ``size``, counted after a short warm-up."""
    app = PictureApp()
    counts = {"pictures": 0}
    async with app.run_test(size=size):
        picture = app.next_picture
        frames = FrameCounter(app)

        def counted_picture() -> None:
            picture()
            counts["pictures"] += 1
            frames.picture_changed()

        app.next_picture = counted_picture  # type: ignore[method-assign]  # the loop picks it up next time
        await asyncio.sleep(min(0.5, seconds / 2))
        counts0, start = {**counts, **frames.counts}, time.perf_counter()
        await asyncio.sleep(seconds)
        elapsed = time.perf_counter() - start
        counts1 = {**counts, **frames.counts}
    shown = counts1["frames"] - counts0["frames"]
    return {
        "frames_per_second": round(shown / elapsed, 2),
        "pictures_per_second": round((counts1["pictures"] - counts0["pictures"]) / elapsed, 2),
        "kilobytes_per_frame": round((counts1["bytes"] - counts0["bytes"]) / max(shown, 1) / 1e3, 1),
        "seconds": round(elapsed, 2),
    }


class _Quiet:
    """``nntui train``'s progress without its reports: only the training loop is timed."""

    def __init__(self, steps: int) -> None:
        self.steps = steps

    def next_stop(self, done: int) -> int:
        return self.steps

    def update(self, done: int) -> None:
        pass


def nntui_train_rate(network_factory: Callable, settings, seconds: float) -> float:  # type: ignore[no-untyped-def]
    """Steps/s of ``nntui train``'s training loop on this network and these settings."""
    from nntui.cli.progress import train_in_chunks
    from nntui.document.session import new_trainer, training_data

    trainer = new_trainer(network_factory(), training_data(settings), settings.config)
    start = time.perf_counter()
    train_in_chunks(trainer, 200, _Quiet(200))  # type: ignore[arg-type]  # warm-up, and a first estimate
    estimate = 200 / (time.perf_counter() - start)
    steps = max(200, round(estimate * seconds))
    start = time.perf_counter()
    train_in_chunks(trainer, trainer.steps_done + steps, _Quiet(trainer.steps_done + steps))  # type: ignore[arg-type]
    return steps / (time.perf_counter() - start)
