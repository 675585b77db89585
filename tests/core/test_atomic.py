"""Atomic writes never replace what is not a regular file, and tidy up after a killed save."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest

from nntui.core.atomic import (
    STALE_SECONDS,
    TEMP_MARK,
    NotARegularFileError,
    refuse_special,
    write_text_atomically,
)
from nntui.core.export import export_npz
from nntui.core.fileformat import save_network
from nntui.core.presets import load_preset


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path)
    with pytest.raises(NotARegularFileError, match="named pipe"):
        save_network(load_preset("xor"), fifo)
    assert fifo.is_fifo() and os.listdir(tmp_path) == ["pipe.json"]  # no temporary file left


def test_a_device_is_refused_before_anything_is_written() -> None:
    devnull = Path("/dev/null")
    if not devnull.is_char_device():
        pytest.skip("no /dev/null here")
    before = devnull.stat()
    for write in (lambda: save_network(load_preset("xor"), devnull), lambda: export_npz(load_preset("xor"), devnull)):
        with pytest.raises(NotARegularFileError, match="device"):
            write()
    after = devnull.stat()
    assert devnull.is_char_device() and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_folder_and_a_socket_are_refused(tmp_path: Path) -> None:
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(NotARegularFileError, match="folder"):
        write_text_atomically(tmp_path / "folder.json", "{}")
    sock_path = tmp_path / "s.json"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        with pytest.raises(NotARegularFileError, match="socket"):
            refuse_special(sock_path)


def test_a_symlink_to_a_regular_file_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text_atomically(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_stale_temporaries_of_a_killed_save_are_removed_by_the_next_save(tmp_path: Path) -> None:
    stale = tmp_path / f".net.json{TEMP_MARK}abcd1234.tmp"
    fresh = tmp_path / f".other.json{TEMP_MARK}efgh5678.tmp"  # maybe a save running right now
    foreign = tmp_path / ".net.json.abcd1234.tmp"  # not of our naming: never ours to delete
    for path in (stale, fresh, foreign):
        path.write_text("half a network")
    old = time.time() - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(foreign, (old, old))
    save_network(load_preset("xor"), tmp_path / "net.json")
    assert not stale.exists() and fresh.exists() and foreign.exists()
    assert (tmp_path / "net.json").exists()
