"""Pickled messages through a pipe, the same on every platform.

The training child talks with the playground through its standard input and
output, which ``subprocess`` makes into pipes everywhere. ``multiprocessing``'s
``Connection`` takes any file descriptor on POSIX but only sockets on Windows,
and ``select`` takes no pipe there; so each message goes as its length (8
bytes) then its pickle, and the receiving side reads in a thread of its own
into a queue, which waiting with a timeout needs nothing else of the platform.
A pipe that ends (its writer closed it, or ended) is an ``EOFError`` for the
reader once the messages before it are read, as with ``Connection``.
"""

from __future__ import annotations

import pickle
import queue
import threading
from typing import IO

LENGTH_BYTES = 8
_END = object()  # the pipe ended: every recv() from then on is an EOFError
_NOTHING = object()  # no message taken out of the queue yet


class Outbox:
    """The writing end: ``send`` pickles a message and writes it whole."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._lock = threading.Lock()  # one message at a time, whoever sends

    @property
    def closed(self) -> bool:
        return self._stream.closed

    def send(self, message: object) -> None:
        """OSError (the reader is gone) or ValueError (this end is closed) when it cannot."""
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        with self._lock:
            self._stream.write(len(data).to_bytes(LENGTH_BYTES, "big"))
            self._stream.write(data)
            self._stream.flush()

    def close(self) -> None:
        """The reader sees the end of the pipe after the messages already sent."""
        try:
            self._stream.close()
        except OSError:  # the reader is gone with a message unread: nothing to tell it
            pass


class Inbox:
    """The reading end: a thread reads every message as it comes; ``poll`` waits for one."""

    def __init__(self, stream: IO[bytes], name: str) -> None:
        self._stream = stream
        self._queue: queue.Queue[object] = queue.Queue()
        self._next: object = _NOTHING
        self._reader = threading.Thread(target=self._read, name=name, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            while True:
                header = self._stream.read(LENGTH_BYTES)
                if len(header) < LENGTH_BYTES:
                    return  # the end of the pipe
                length = int.from_bytes(header, "big")
                data = self._stream.read(length)
                if len(data) < length:
                    return  # ended halfway through a message: the writer is gone
                self._queue.put(pickle.loads(data))
        except Exception:  # noqa: BLE001 — a broken pipe or message ends it the same way
            return
        finally:
            self._queue.put(_END)

    def poll(self, timeout: float = 0.0) -> bool:
        """Whether ``recv`` answers at once (a message, or the end of the pipe), waiting up to
        ``timeout`` seconds for it."""
        if self._next is _NOTHING:
            try:
                self._next = self._queue.get(timeout=timeout) if timeout > 0 else self._queue.get_nowait()
            except queue.Empty:
                return False
        return True

    def recv(self) -> object:
        """The next message, waiting for it; EOFError once the pipe has ended."""
        if self._next is _NOTHING:
            self._next = self._queue.get()
        message = self._next
        if message is _END:
            raise EOFError("the pipe has ended")
        self._next = _NOTHING
        return message

    def close(self, wait: float = 1.0) -> None:
        """Close the stream once its reader has ended (it does when the writer has gone): closing
        it under a thread blocked reading it would wait for that read."""
        self._reader.join(wait)
        if not self._reader.is_alive():
            self._stream.close()
