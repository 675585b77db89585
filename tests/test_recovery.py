"""Recovery copies of unsaved work (nntui.document.recovery.RecoveryStore)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from nntui.core.fileformat import dumps_network, network_to_dict
from nntui.core.presets import load_preset
from nntui.document.recovery import RECOVERY_FORMAT, Recovery, RecoveryStore, default_state_dir
from tests.factory import random_network


class Pids(NamedTuple):
    """dead…dead_3: processes that wrote copies and are gone; reader: a later nntui process."""

    dead: int
    dead_2: int
    dead_3: int
    reader: int


@pytest.fixture(scope="module")
def pid(gone_pids: Callable[[int], list[int]]) -> Pids:
    """Processes these tests started and reaped: never a running one, whatever the machine runs
    (the few seconds of this module are far too short for the kernel to hand a pid out again)."""
    return Pids(*gone_pids(4))


def _reader(directory: Path, pid: Pids) -> RecoveryStore:
    """A store acting as a later nntui process (a pid no file uses)."""
    return RecoveryStore(directory, pid=pid.reader)


def _document(**overrides: Any) -> dict[str, Any]:
    """A valid recovery document, with some keys replaced."""
    document: dict[str, Any] = {
        "format": RECOVERY_FORMAT,
        "version": 1,
        "saved_at": "2024-05-01T12:00:00+00:00",
        "source_path": None,
        "preset": "xor",
        "network": network_to_dict(random_network([2, 2, 1])),
    }
    document.update(overrides)
    return document


def _set_saved_at(file: Path, saved_at: str) -> None:
    document = json.loads(file.read_text(encoding="utf-8"))
    document["saved_at"] = saved_at
    file.write_text(json.dumps(document), encoding="utf-8")


# --- writing and finding ----------------------------------------------------------


def test_write_then_pending_from_another_process(tmp_path: Path, pid: Pids) -> None:
    """A copy left by a dead process is found with its network and origin."""
    net = load_preset("layers")
    writer = RecoveryStore(tmp_path, pid=pid.dead)
    before = datetime.now(timezone.utc)
    path = writer.write(net, Path("/work/nets/mine.json"), None)
    assert path == writer.own_file == tmp_path / f"recovery-{pid.dead}.json"
    assert path.is_file()
    (found,) = _reader(tmp_path, pid).pending()
    assert isinstance(found, Recovery)
    assert found.file == path
    assert dumps_network(found.network) == dumps_network(net)
    assert found.source_path == Path("/work/nets/mine.json")
    assert found.preset is None
    assert found.source == "/work/nets/mine.json"
    assert found.saved_at.tzinfo is not None and found.saved_at.utcoffset() is not None
    assert before - timedelta(seconds=2) <= found.saved_at <= datetime.now(timezone.utc) + timedelta(seconds=2)


def test_write_records_preset_or_new_network(tmp_path: Path, pid: Pids) -> None:
    """Without a source file the preset (or 'a new network') is what the copy came from."""
    RecoveryStore(tmp_path, pid=pid.dead).write(load_preset("xor"), None, "xor")
    RecoveryStore(tmp_path, pid=pid.dead_2).write(random_network([1, 1]), None, None)
    found = {r.file.name: r for r in _reader(tmp_path, pid).pending()}
    xor = found[f"recovery-{pid.dead}.json"]
    assert xor.preset == "xor" and xor.source_path is None and xor.source == "preset xor"
    assert dumps_network(xor.network) == dumps_network(load_preset("xor"))
    new = found[f"recovery-{pid.dead_2}.json"]
    assert new.preset is None and new.source_path is None and new.source == "a new network"


def test_write_replaces_own_copy(tmp_path: Path, pid: Pids) -> None:
    """Writing again replaces this process's single copy."""
    writer = RecoveryStore(tmp_path, pid=pid.dead)
    writer.write(random_network([2, 1], seed=1), None, None)
    second = random_network([3, 2], seed=2)
    writer.write(second, None, "and")
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"recovery-{pid.dead}.json"]
    (found,) = _reader(tmp_path, pid).pending()
    assert dumps_network(found.network) == dumps_network(second) and found.preset == "and"


def test_write_creates_missing_directory(tmp_path: Path, pid: Pids) -> None:
    """The state directory (and its parents) is created on first write."""
    directory = tmp_path / "a" / "b" / "nntui"
    RecoveryStore(directory, pid=pid.dead).write(random_network([1, 1]), None, None)
    assert len(_reader(directory, pid).pending()) == 1


def test_pending_in_missing_directory_is_empty(tmp_path: Path, pid: Pids) -> None:
    """No state directory yet means nothing to recover, not an error."""
    assert _reader(tmp_path / "nowhere", pid).pending() == []


def test_own_file_never_offered_to_itself(tmp_path: Path, pid: Pids) -> None:
    """A process does not offer its own copy back, even though its pid looks dead."""
    store = RecoveryStore(tmp_path, pid=pid.dead)
    store.write(random_network([2, 1]), None, None)
    assert store.pending() == []
    assert len(_reader(tmp_path, pid).pending()) == 1


def test_live_process_copy_not_offered(tmp_path: Path, pid: Pids) -> None:
    """The copy of a process still running (this test's own pid) is left alone."""
    writer = RecoveryStore(tmp_path, pid=os.getpid())
    writer.write(random_network([2, 1]), None, None)
    assert writer.own_file.name == f"recovery-{os.getpid()}.json"
    assert _reader(tmp_path, pid).pending() == []
    RecoveryStore(tmp_path, pid=pid.dead).write(random_network([2, 1]), None, None)
    assert [r.file.name for r in _reader(tmp_path, pid).pending()] == [f"recovery-{pid.dead}.json"]


def test_default_pid_is_this_process(tmp_path: Path) -> None:
    """Without a pid the store writes under the current process id."""
    store = RecoveryStore(tmp_path)
    assert store.pid == os.getpid()
    assert store.write(random_network([1, 1]), None, None) == tmp_path / f"recovery-{os.getpid()}.json"


# --- clearing and discarding ---------------------------------------------------------


def test_clear_removes_only_own_file(tmp_path: Path, pid: Pids) -> None:
    """clear() deletes this process's copy and no other; clearing twice is fine."""
    mine = RecoveryStore(tmp_path, pid=pid.dead)
    other = RecoveryStore(tmp_path, pid=pid.dead_2)
    mine.write(random_network([1, 1]), None, None)
    other.write(random_network([1, 1]), None, None)
    mine.clear()
    assert not mine.own_file.exists() and other.own_file.exists()
    mine.clear()
    assert [r.file for r in _reader(tmp_path, pid).pending()] == [other.own_file]


def test_discard_removes_the_recovery(tmp_path: Path, pid: Pids) -> None:
    """discard() deletes the offered copy so it is not offered again."""
    RecoveryStore(tmp_path, pid=pid.dead).write(random_network([2, 1]), None, None)
    reader = _reader(tmp_path, pid)
    (found,) = reader.pending()
    reader.discard(found)
    assert not found.file.exists()
    assert reader.pending() == []
    RecoveryStore.discard(found)  # already gone: no error


def test_pending_sorted_newest_first(tmp_path: Path, pid: Pids) -> None:
    """Copies come newest first, comparing instants across time zones."""
    stamps = {
        pid.dead: "2024-01-01T10:00:00+00:00",
        pid.dead_2: "2024-01-01T12:00:00+05:00",  # 07:00 UTC: the oldest
        pid.dead_3: "2024-01-01T09:30:00-02:00",  # 11:30 UTC: the newest
    }
    for writer, stamp in stamps.items():
        _set_saved_at(RecoveryStore(tmp_path, pid=writer).write(random_network([1, 1]), None, None), stamp)
    found = _reader(tmp_path, pid).pending()
    assert [r.file.name for r in found] == [f"recovery-{p}.json" for p in (pid.dead_3, pid.dead, pid.dead_2)]
    assert found[0].saved_at == datetime(2024, 1, 1, 11, 30, tzinfo=timezone.utc)


# --- damaged files ---------------------------------------------------------------------

_NETWORK = network_to_dict(random_network([2, 2, 1]))

CORRUPT: dict[str, str | bytes] = {
    "not json": "this is not json {",
    "empty": "",
    "truncated": json.dumps(_document())[:-20],
    "not utf-8": b"\xff\xfe\x00garbage",
    "a list": "[1, 2, 3]",
    "null": "null",
    "a string": '"recovery"',
    "a number": "42",
    "wrong format": json.dumps(_document(format="nntui-network")),
    "no format": json.dumps({k: v for k, v in _document().items() if k != "format"}),
    "a network file": json.dumps(_NETWORK),
    "bad network": json.dumps(_document(network={**_NETWORK, "layers": []})),
    "network wrong shape": json.dumps(_document(network={**_NETWORK, "inputs": [{"name": "x", "value": 0}]})),
    "network a list": json.dumps(_document(network=[1, 2])),
    "network null": json.dumps(_document(network=None)),
    "missing network": json.dumps({k: v for k, v in _document().items() if k != "network"}),
    "missing saved_at": json.dumps({k: v for k, v in _document().items() if k != "saved_at"}),
    "saved_at a number": json.dumps(_document(saved_at=1714564800)),
    "saved_at null": json.dumps(_document(saved_at=None)),
    "saved_at garbage": json.dumps(_document(saved_at="yesterday at noon")),
    "source_path a number": json.dumps(_document(source_path=17)),
    "source_path a list": json.dumps(_document(source_path=["a", "b"])),
    "source_path an object": json.dumps(_document(source_path={"a": 1})),
}


@pytest.mark.parametrize("content", list(CORRUPT.values()), ids=list(CORRUPT))
def test_corrupted_file_skipped_silently(tmp_path: Path, content: str | bytes, pid: Pids) -> None:
    """A damaged copy is skipped without an error; good copies are still offered."""
    bad = tmp_path / f"recovery-{pid.dead}.json"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    good = RecoveryStore(tmp_path, pid=pid.dead_2).write(random_network([2, 1]), None, None)
    assert [r.file for r in _reader(tmp_path, pid).pending()] == [good]
    assert bad.exists()  # skipped, not deleted


def test_recovery_file_that_is_a_directory_is_skipped(tmp_path: Path, pid: Pids) -> None:
    """A directory with a recovery name is not a copy."""
    (tmp_path / f"recovery-{pid.dead}.json").mkdir()
    assert _reader(tmp_path, pid).pending() == []


@pytest.mark.parametrize("preset", [123, ["xor"]], ids=["number", "list"])
def test_wrong_type_preset_skipped(tmp_path: Path, preset: Any, pid: Pids) -> None:
    """A preset that is not a string (or null) is a damaged copy, like a bad source_path."""
    (tmp_path / f"recovery-{pid.dead}.json").write_text(json.dumps(_document(preset=preset)))
    found = _reader(tmp_path, pid).pending()
    assert all(isinstance(r.preset, (str, type(None))) for r in found), [r.preset for r in found]
    assert found == []


def test_naive_saved_at_does_not_break_pending(tmp_path: Path, pid: Pids) -> None:
    """A hand-edited time without a zone never makes pending() raise; results stay tz-aware."""
    (tmp_path / f"recovery-{pid.dead}.json").write_text(json.dumps(_document(saved_at="2024-05-01T12:00:00")))
    good = RecoveryStore(tmp_path, pid=pid.dead_2).write(random_network([2, 1]), None, None)
    found = _reader(tmp_path, pid).pending()
    assert good in [r.file for r in found]
    assert all(r.saved_at.utcoffset() is not None for r in found)


NON_MATCHING = [
    "recovery-abc.json",
    "recovery-.json",
    "recovery-12x.json",
    "recovery--5.json",
    "recovery-4242.txt",  # names only: no process is asked about them
    "recovery-4242.json.bak",
    "Recovery-4242.json",
    "old-recovery-4242.JSON",
    ".recovery-abcd.tmp",
    "network.json",
]


def test_non_matching_filenames_ignored(tmp_path: Path, pid: Pids) -> None:
    """Only recovery-<pid>.json files count, even if others hold valid documents."""
    text = json.dumps(_document())
    for name in NON_MATCHING:
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert _reader(tmp_path, pid).pending() == []
    good = RecoveryStore(tmp_path, pid=pid.dead).write(random_network([2, 1]), None, None)
    assert [r.file for r in _reader(tmp_path, pid).pending()] == [good]


@pytest.mark.parametrize(
    "stem",
    ["²", "99999999999999999999", str(2**31)],
    ids=["superscript two", "huge pid", "2**31"],
)
def test_odd_pid_in_filename_never_raises(tmp_path: Path, stem: str, pid: Pids) -> None:
    """Names whose 'pid' is not a usable process id never make pending() raise."""
    (tmp_path / f"recovery-{stem}.json").write_text(json.dumps(_document()), encoding="utf-8")
    good = RecoveryStore(tmp_path, pid=pid.dead).write(random_network([2, 1]), None, None)
    assert good in [r.file for r in _reader(tmp_path, pid).pending()]


# --- atomic writing ----------------------------------------------------------------------


class _HalfWriter:
    """A file handle that writes half of what it is given, then fails like a full disk."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, data: Any) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise OSError("disk full")

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def _break_serialising(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError("disk full")

    monkeypatch.setattr(json, "dump", broken)
    monkeypatch.setattr(json, "dumps", broken)


def _break_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _HalfWriter(real_fdopen(fd, *a, **k)))


def _break_renaming(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)


BREAKERS = {"serialising": _break_serialising, "writing": _break_writing, "renaming": _break_renaming}


@pytest.mark.parametrize("breaker", list(BREAKERS.values()), ids=list(BREAKERS))
def test_failed_write_keeps_previous_copy_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, breaker: Any, pid: Pids
) -> None:
    """A write that fails half-way leaves the old copy intact and no temporary file."""
    writer = RecoveryStore(tmp_path, pid=pid.dead)
    first = random_network([2, 2, 1], seed=3)
    writer.write(first, None, "or")
    old_bytes = writer.own_file.read_bytes()
    with monkeypatch.context() as patch:
        breaker(patch)
        with pytest.raises(OSError, match="disk full"):
            writer.write(random_network([3, 1], seed=4), None, None)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"recovery-{pid.dead}.json"]
    assert writer.own_file.read_bytes() == old_bytes
    (found,) = _reader(tmp_path, pid).pending()
    assert dumps_network(found.network) == dumps_network(first) and found.preset == "or"


@pytest.mark.parametrize("breaker", list(BREAKERS.values()), ids=list(BREAKERS))
def test_failed_first_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, breaker: Any, pid: Pids
) -> None:
    """Failing before any copy exists leaves the directory without files."""
    with monkeypatch.context() as patch:
        breaker(patch)
        with pytest.raises(OSError, match="disk full"):
            RecoveryStore(tmp_path, pid=pid.dead).write(random_network([1, 1]), None, None)
    assert [p for p in tmp_path.iterdir() if not p.is_dir()] == []
    assert _reader(tmp_path, pid).pending() == []


# --- where copies live ---------------------------------------------------------------------


def test_default_state_dir_prefers_nntui_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """$NNTUI_STATE_DIR wins over XDG_STATE_HOME."""
    monkeypatch.setenv("NNTUI_STATE_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert default_state_dir() == tmp_path / "mine"
    assert RecoveryStore().directory == tmp_path / "mine"


# XDG is the convention of Linux and the BSDs (platformdirs follows it there); macOS and Windows
# have folders of their own.
xdg = pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="XDG folders are the Unix desktops'")


def test_default_state_dir_is_the_platforms_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without $NNTUI_STATE_DIR: platformdirs' state folder for nntui, on every platform."""
    import platformdirs

    monkeypatch.delenv("NNTUI_STATE_DIR", raising=False)
    assert default_state_dir() == Path(platformdirs.user_state_dir("nntui", appauthor=False))
    assert default_state_dir().name == "nntui"


@xdg
def test_default_state_dir_uses_xdg_state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without $NNTUI_STATE_DIR (unset or empty), $XDG_STATE_HOME/nntui is used."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("NNTUI_STATE_DIR")
    assert default_state_dir() == tmp_path / "xdg" / "nntui"
    monkeypatch.setenv("NNTUI_STATE_DIR", "")
    assert default_state_dir() == tmp_path / "xdg" / "nntui"


@xdg
def test_default_state_dir_falls_back_to_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With neither variable set (or both empty), ~/.local/state/nntui is used."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("NNTUI_STATE_DIR")
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    assert default_state_dir() == tmp_path / "home" / ".local" / "state" / "nntui"
    monkeypatch.setenv("XDG_STATE_HOME", "")
    monkeypatch.setenv("NNTUI_STATE_DIR", "")
    assert default_state_dir() == tmp_path / "home" / ".local" / "state" / "nntui"


def test_default_store_writes_into_state_dir(private_state_dir: Path, pid: Pids) -> None:
    """A store built without arguments writes where $NNTUI_STATE_DIR points."""
    path = RecoveryStore().write(random_network([1, 1]), None, None)
    assert path.parent == private_state_dir
    assert RecoveryStore(pid=pid.reader).pending() == []  # the writer (this test) is alive
