"""How often the training view draws while it trains: pictures at the screen's pace, numbers at reading speed.

Two rules, each in one place:

* :class:`ReadingPace`: the numbers and charts (the status, the diagnosis,
  the loss chart, the metrics, the status line) are shown at most every
  READING_SECONDS of training frames; the pictures (the boundary, the
  heatmaps) at every frame.  Text that changes faster cannot be read, and
  drawing it is most of a frame's cost.  Everything else than a frame of
  training (a pause, a step, an edit) shows every number at once.
* :class:`FramePacer`: the next frame is asked for once the last one has
  been written to the terminal (``call_after_refresh``), not by a fixed
  timer, which drops to half its rate as soon as a frame takes longer
  than its period; FRAME_SECONDS apart at least, so that a frame that
  changes nothing does not spin.

Both take a clock, so that tests run simulated seconds without sleeping.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.timer import Timer

if TYPE_CHECKING:
    from textual.screen import Screen

READING_SECONDS = 0.2  # numbers at most 5 times a second while training
FRAME_SECONDS = 1 / 60  # frames at most 60 times a second (Textual's own screen updates)

SHORTEST_WAIT = 0.001  # a Timer cannot wait 0 s

Clock = Callable[[], float]


class ReadingPace:
    """Whether the frame being drawn shows the numbers too: once per ``every`` seconds of ``clock``."""

    def __init__(self, clock: Clock = time.monotonic, every: float = READING_SECONDS) -> None:
        self.clock = clock
        self.every = every
        self._last = -math.inf  # when numbers were last shown by a frame

    def due(self) -> bool:
        """Ask once per frame: True (and the clock restarts) when the numbers are due."""
        now = self.clock()
        if now - self._last >= self.every:
            self._last = now
            return True
        return False

    def restart(self) -> None:
        """Training starts: its first frame shows the numbers."""
        self._last = -math.inf


class FramePacer:
    """Calls ``tick`` again and again, each time after the screen has drawn the last one."""

    def __init__(self, screen: Screen[Any], tick: Callable[[], None], clock: Clock = time.monotonic) -> None:
        self.screen = screen
        self.tick = tick  # looked up at every frame: the benchmarks wrap it to count frames
        self.clock = clock
        self.running = False
        self.seconds = FRAME_SECONDS
        self._started = -math.inf  # when the last tick began
        self._timer: Timer | None = None
        self._pending = False  # the next frame is asked for
        self._round = 0  # one per start: frames asked for by an earlier one are not run

    def start(self, seconds: float = FRAME_SECONDS) -> None:
        """Frames from now on, ``seconds`` apart at least."""
        self.stop()  # a frame asked for before is not asked for twice
        self.running, self.seconds = True, seconds
        self._started = -math.inf
        self._after_refresh()

    def stop(self) -> None:
        self.running, self._pending = False, False
        self._round += 1  # a frame asked for meanwhile is of a round that has ended
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _run(self, round: int) -> None:
        if not self.running or round != self._round:
            return
        self._timer, self._pending = None, False
        self._started = self.clock()
        self.tick()
        if self.running:  # the tick may have stopped training
            # Each widget asks the screen for its update in its own turn of the loop: until then the
            # screen has nothing to draw, and would call back at once. A short timer lets them all ask.
            self._timer = self.screen.set_timer(SHORTEST_WAIT, partial(self._when_drawn, self._round))

    def _when_drawn(self, round: int) -> None:
        if self.running and round == self._round:
            self._timer = None
            self.screen.call_after_refresh(self._after_refresh)

    def _after_refresh(self) -> None:
        """The last frame is on the screen: the next one, ``seconds`` after the last began at the earliest
        (the keys pressed meanwhile are handled first)."""
        if not self.running or self._pending:
            return
        self._pending = True
        wait = self._started + self.seconds - self.clock()
        if wait <= 0:  # after the messages queued meanwhile (keys first), with no timer's delay
            self.screen.call_later(self._run, self._round)
        else:
            self._timer = self.screen.set_timer(wait, partial(self._run, self._round))
