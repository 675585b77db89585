"""A path is checked where it enters, before any system call: a NUL character, a character the
system cannot write (a lone surrogate), a name over 255 bytes or a path over 4,096 are refused
in one line, by the readers, the writers and the prompts alike (they used to end in a traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nntui.core.atomic import write_text_atomically
from nntui.core.datasets import DataFileError, load_csv
from nntui.core.paths import PathError, checked_path
from nntui.core.reading import FileReadError, read_limited

HOSTILE = {
    "nul": "a\x00b.csv",
    "surrogate": "\ud800.csv",
    "long name": "n" * 256 + ".csv",
    "long path": "/".join(["d" * 200] * 21) + "/x.csv",
}


@pytest.mark.parametrize("name", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_path_the_system_cannot_take_is_refused_in_one_line(name: str, tmp_path: Path) -> None:
    with pytest.raises(PathError) as refused:
        checked_path(name)
    message = str(refused.value)
    assert "\n" not in message and "\x00" not in message and len(message) < 200, message
    with pytest.raises(FileReadError):
        read_limited(name, "the file", "a network file")
    with pytest.raises(DataFileError):
        load_csv(name)
    with pytest.raises(OSError):  # the writers' own error: every caller of a save says it
        write_text_atomically(tmp_path / name if "/" not in name else name, "{}")


def test_an_undecodable_name_the_system_gave_is_a_path_like_any_other(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 come back from the system as \\udc80…\\udcff: those are written fine."""
    name = "caf\udce9.csv"
    assert checked_path(name) == name
    write_text_atomically(tmp_path / name, "{}")
    assert read_limited(tmp_path / name, name, "a network file") == b"{}"
