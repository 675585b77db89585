"""Messages through a pipe, as the training child and the playground exchange them on every platform."""

from __future__ import annotations

import os

import numpy as np
import pytest

from nntui.document.pipes import Inbox, Outbox


def _pipe() -> tuple[Inbox, Outbox]:
    read_end, write_end = os.pipe()
    return Inbox(os.fdopen(read_end, "rb"), name="test-inbox"), Outbox(os.fdopen(write_end, "wb"))


def test_messages_come_in_order_whole_and_then_the_end() -> None:
    inbox, outbox = _pipe()
    big = np.arange(300_000, dtype=np.float64)  # more than a pipe holds at once
    assert not inbox.poll(0)
    assert not inbox.poll(0.05)  # waits, then says nothing came
    outbox.send("ready")
    outbox.send(("play", big))
    assert inbox.poll(5) and inbox.recv() == "ready"
    order = inbox.recv()
    assert isinstance(order, tuple) and order[0] == "play" and np.array_equal(order[1], big)
    outbox.close()
    assert outbox.closed
    assert inbox.poll(5)  # the end answers at once, as Connection's does
    for _ in range(2):  # and for good
        with pytest.raises(EOFError):
            inbox.recv()
    inbox.close()


def test_a_closed_outbox_cannot_send_and_a_gone_reader_is_an_oserror() -> None:
    inbox, outbox = _pipe()
    outbox.close()
    with pytest.raises(ValueError):
        outbox.send("late")
    read_end, write_end = os.pipe()
    os.close(read_end)
    with pytest.raises(OSError):
        Outbox(os.fdopen(write_end, "wb")).send("nobody")
    inbox.close()
