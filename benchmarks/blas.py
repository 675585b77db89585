"""How many threads NumPy's BLAS uses, read and set at run time (OpenBLAS only).

NumPy wheels bundle OpenBLAS under a prefixed name; its ``*_set_num_threads``
is found in the libraries this process has loaded.  Anything else (MKL,
Accelerate, a build without threads) is reported as not controllable, and
the benchmark then skips its one-thread NumPy measurements.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager

import numpy

_SETTERS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)
_GETTERS = (
    "scipy_openblas_get_num_threads64_",
    "scipy_openblas_get_num_threads",
    "openblas_get_num_threads64_",
    "openblas_get_num_threads",
)


def _find() -> tuple[str, object, object] | None:
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
    except OSError:
        return None
    for path in sorted(paths):
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        setter = next((getattr(library, name) for name in _SETTERS if hasattr(library, name)), None)
        getter = next((getattr(library, name) for name in _GETTERS if hasattr(library, name)), None)
        if setter is not None and getter is not None:
            setter.argtypes = [ctypes.c_int]
            getter.restype = ctypes.c_int
            return path, setter, getter
    return None


_LOADED_BY = numpy.__name__  # importing NumPy loaded the BLAS library _find() looks for
_FOUND = _find()


def controllable() -> bool:
    return _FOUND is not None


def library() -> str | None:
    return None if _FOUND is None else _FOUND[0].rsplit("/", 1)[-1]


def threads() -> int | None:
    return None if _FOUND is None else int(_FOUND[2]())  # type: ignore[operator]


@contextmanager
def limited_to(n: int | None) -> Iterator[None]:
    """BLAS limited to ``n`` threads inside the block (None: leave it as it is)."""
    if n is None or _FOUND is None:
        yield
        return
    before = threads()
    _FOUND[1](n)  # type: ignore[operator]
    try:
        yield
    finally:
        _FOUND[1](before)  # type: ignore[operator]
