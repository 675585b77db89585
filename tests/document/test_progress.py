"""The solved challenges, kept in challenges.json in the state folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nntui.document.progress import PROGRESS_FILE, SolvedStore


def test_nothing_is_solved_at_first(tmp_path: Path) -> None:
    assert SolvedStore(tmp_path).solved() == set()
    assert SolvedStore(tmp_path / "not" / "yet").solved() == set()


def test_marked_challenges_are_remembered(tmp_path: Path) -> None:
    store = SolvedStore(tmp_path)
    store.mark("and_step")
    store.mark("or")
    store.mark("and_step")
    assert store.solved() == {"and_step", "or"}
    assert SolvedStore(tmp_path).solved() == {"and_step", "or"}  # another run reads them
    document = json.loads((tmp_path / PROGRESS_FILE).read_text("utf-8"))
    assert document == {"format": "nntui-challenges", "version": 1, "solved": ["and_step", "or"]}


def test_the_default_folder_is_the_state_folder(private_state_dir: Path) -> None:
    store = SolvedStore()
    assert store.directory == private_state_dir
    store.mark("nand")
    assert (private_state_dir / "challenges.json").is_file()


def test_the_folder_is_made_when_missing(tmp_path: Path) -> None:
    store = SolvedStore(tmp_path / "a" / "b")
    store.mark("xor_hidden")
    assert store.solved() == {"xor_hidden"}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"\xff\xfe not utf-8",
        b"[]",
        b'"and_step"',
        b'{"format": "something else", "solved": ["or"]}',
        b'{"format": "nntui-challenges", "solved": "or"}',
        b'{"format": "nntui-challenges"}',
        b"[" * 100_000 + b"]" * 100_000,
    ],
)
def test_a_damaged_file_counts_as_nothing_solved(tmp_path: Path, content: bytes) -> None:
    (tmp_path / PROGRESS_FILE).write_bytes(content)
    store = SolvedStore(tmp_path)
    assert store.solved() == set()
    store.mark("or")  # and marking replaces it
    assert store.solved() == {"or"}


def test_entries_that_are_not_ids_are_skipped(tmp_path: Path) -> None:
    (tmp_path / PROGRESS_FILE).write_text(
        '{"format": "nntui-challenges", "version": 1, "solved": ["or", 3, null, ["x"]]}', "utf-8"
    )
    assert SolvedStore(tmp_path).solved() == {"or"}


def test_a_folder_in_place_of_the_file_counts_as_nothing_solved(tmp_path: Path) -> None:
    (tmp_path / PROGRESS_FILE).mkdir()
    store = SolvedStore(tmp_path)
    assert store.solved() == set()
    with pytest.raises(OSError):
        store.mark("or")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a folder we cannot write to")
def test_writing_errors_pass_through(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(OSError):
            SolvedStore(tmp_path).mark("or")
        assert SolvedStore(tmp_path).solved() == set()
    finally:
        tmp_path.chmod(0o700)


def test_a_failed_write_keeps_the_old_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = SolvedStore(tmp_path)
    store.mark("or")

    def fail(path: object, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("nntui.document.progress.write_text_atomically", fail)
    with pytest.raises(OSError, match="No space left"):
        store.mark("nand")
    assert store.solved() == {"or"}
