"""The state folder is not trusted (#22, fall 8): recovery copies and the solved challenges
are read only from regular files, with the size and depth limits of network files.

A FIFO named like a recovery copy used to hang nntui at start (opening it waits for a
writer); a copy of 100,000 ``[`` raised RecursionError at every start. A copy that cannot be
read is not offered and is said, once per start, by one line naming it; it is left in place.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from nntui.core.fileformat import network_to_dict
from nntui.core.reading import MAX_FILE_BYTES
from nntui.document.progress import PROGRESS_FILE, PROGRESS_FORMAT, SolvedStore
from nntui.document.recovery import RECOVERY_FORMAT, RecoveryStore
from tests.factory import random_network

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")

T = TypeVar("T")
WITHIN = 10.0  # seconds: reading a folder takes milliseconds; a FIFO opened for reading waits for ever


@pytest.fixture
def pids(gone_pids: Callable[[int], list[int]]) -> list[int]:
    """[the reader, then writers of copies]: processes this test started and reaped."""
    return gone_pids(5)


@pytest.fixture
def fifos() -> Iterator[list[Path]]:
    """FIFOs a test makes; should a reader be stuck on one, a writer comes and goes to free it."""
    made: list[Path] = []
    yield made
    for fifo in made:
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # fails when no one waits: fine
        except OSError:
            pass


def _within(call: Callable[[], T]) -> T:
    """``call()``, failing (not hanging) the test if it has not returned after WITHIN seconds."""
    result: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as error:  # noqa: BLE001 — given back to the test below
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(WITHIN)
    assert not thread.is_alive(), f"still reading after {WITHIN} s"
    if errors:
        raise errors[0]
    return result[0]


def _good(directory: Path, pid: int) -> Path:
    return RecoveryStore(directory, pid=pid).write(random_network([2, 1]), None, "xor")


def test_a_fifo_named_like_a_copy_is_not_opened(tmp_path: Path, pids: list[int], fifos: list[Path]) -> None:
    reader, writer, good_writer = pids[:3]
    fifo = tmp_path / f"recovery-{writer}.json"
    os.mkfifo(fifo)
    fifos.append(fifo)
    good = _good(tmp_path, good_writer)
    assert [r.file for r in _within(RecoveryStore(tmp_path, pid=reader).pending)] == [good]  # it used to hang
    found = _within(RecoveryStore(tmp_path, pid=reader).look)
    assert [r.file for r in found.copies] == [good]
    (said,) = found.unreadable
    assert str(fifo) in said and "FIFO" in said, said
    assert fifo.is_fifo()  # left where it is


def test_a_copy_nested_too_deeply_is_not_offered(tmp_path: Path, pids: list[int]) -> None:
    reader, writer, good_writer = pids[:3]
    deep = tmp_path / f"recovery-{writer}.json"
    deep.write_text("[" * 100_000)
    good = _good(tmp_path, good_writer)
    assert [r.file for r in RecoveryStore(tmp_path, pid=reader).pending()] == [good]  # RecursionError, it was
    found = RecoveryStore(tmp_path, pid=reader).look()
    assert [r.file for r in found.copies] == [good]
    (said,) = found.unreadable
    assert str(deep) in said and "nested too deeply" in said, said
    assert deep.read_text() == "[" * 100_000


def test_a_copy_larger_than_a_network_file_may_be_is_not_read(tmp_path: Path, pids: list[int]) -> None:
    reader, writer = pids[:2]
    big = tmp_path / f"recovery-{writer}.json"
    with big.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: its size is seen before any reading
    found = _within(RecoveryStore(tmp_path, pid=reader).look)
    assert found.copies == []
    (said,) = found.unreadable
    assert str(big) in said and "more than the 100 MB" in said, said


def test_links_are_followed_only_to_regular_files(tmp_path: Path, pids: list[int], fifos: list[Path]) -> None:
    reader, to_copy, to_fifo, to_nothing, to_device = pids
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    state = tmp_path / "state"
    state.mkdir()
    copy = _good(elsewhere, to_copy)
    fifo = elsewhere / "pipe"
    os.mkfifo(fifo)
    fifos.append(fifo)
    links = {to_copy: copy, to_fifo: fifo, to_nothing: elsewhere / "gone.json", to_device: Path(os.devnull)}
    for pid, target in links.items():
        (state / f"recovery-{pid}.json").symlink_to(target)
    assert [r.file for r in _within(RecoveryStore(state, pid=reader).pending)] == [state / f"recovery-{to_copy}.json"]
    found = _within(RecoveryStore(state, pid=reader).look)
    assert [r.file for r in found.copies] == [state / f"recovery-{to_copy}.json"]
    assert len(found.unreadable) == 3
    said = "\n".join(found.unreadable)
    assert "FIFO" in said and "no such file" in said and "device" in said, said


def test_a_copy_that_is_not_one_is_said_and_left(tmp_path: Path, pids: list[int]) -> None:
    """What pending() skipped silently before is now said, as one line naming the file."""
    reader, *writers = pids
    documents = {
        "not json": "this is not json {",
        "another format": json.dumps({"format": "nntui-network", "version": 1}),
        "bad network": json.dumps(
            {
                "format": RECOVERY_FORMAT,
                "version": 1,
                "saved_at": "2024-05-01T12:00:00",
                "network": {**network_to_dict(random_network([2, 1])), "layers": []},
            }
        ),
        "bad date": json.dumps(
            {
                "format": RECOVERY_FORMAT,
                "version": 1,
                "saved_at": "yesterday",
                "network": network_to_dict(random_network([2, 1])),
            }
        ),
    }
    files = [tmp_path / f"recovery-{pid}.json" for pid in writers]
    for file, text in zip(files, documents.values()):
        file.write_text(text)
    found = RecoveryStore(tmp_path, pid=reader).look()
    assert found.copies == []
    assert len(found.unreadable) == len(documents)
    for file in files:
        assert sum(str(file) in line for line in found.unreadable) == 1
        assert file.exists()
    assert all("\n" not in line for line in found.unreadable)
    assert RecoveryStore(tmp_path, pid=reader).pending() == []  # pending() is still the copies alone


def test_solved_challenges_are_read_only_from_a_regular_file(tmp_path: Path, fifos: list[Path]) -> None:
    fifo = tmp_path / PROGRESS_FILE
    os.mkfifo(fifo)
    fifos.append(fifo)
    assert _within(SolvedStore(tmp_path).solved) == set()
    fifo.unlink()
    (tmp_path / PROGRESS_FILE).write_text("[" * 100_000)
    assert SolvedStore(tmp_path).solved() == set()
    (tmp_path / PROGRESS_FILE).write_text(json.dumps({"format": PROGRESS_FORMAT, "version": 1, "solved": ["a"]}))
    assert SolvedStore(tmp_path).solved() == {"a"}
