"""Reading and writing the values of a JSON document: shared by the parts of the network file.

Each check raises :class:`Problem` with the place and the problem in words;
the reader of the whole file (:mod:`nntui.core.fileformat`) puts the file's
name in front.  A JSON object is read as a :class:`JsonObject`, which
remembers a key written twice, so that the message can say in which object.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np

from nntui.core.locations import quoted, shortened, shown
from nntui.i18n import t


class Problem(Exception):
    """A problem found at some place in the document; its text says where and what."""


class JsonObject(dict[str, Any]):
    """A JSON object as read; ``repeated`` is its first key written twice, if any.

    A repeated key is reported where the object is checked, so the message
    says which input or layer it is in.
    """

    repeated: str | None = None

    @classmethod
    def of(cls, pairs: list[tuple[str, Any]]) -> JsonObject:
        result = cls(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    result.repeated = key
                    break
                seen.add(key)
        return result


def parse_json(text: str) -> Any:
    """``text`` parsed as JSON: objects as :class:`JsonObject`, NaN and Infinity refused (Problem)."""
    return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=JsonObject.of)


def _reject_constant(name: str) -> float:
    raise Problem(t("core.file.constant", name=name))


def check_keys(item: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    """No key twice and none outside ``allowed`` in ``item``."""
    repeated = getattr(item, "repeated", None)
    if repeated is not None:
        raise Problem(t("core.file.duplicate_key", where=where, field=shown(repeated)))
    for key in item:
        if key not in allowed:
            raise Problem(t("core.file.unknown_key", where=where, field=shown(key), allowed=", ".join(allowed)))


def optional_string(item: Mapping[str, Any], key: str, where: str) -> str | None:
    """``item[key]``: a string, or None when it is missing or null."""
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise Problem(t("core.file.not_string", where=where, field=key, found=kind(value)))
    return value


def number(value: Any, where: Callable[..., str]) -> float:
    """``value`` as a finite float; ``where`` puts its place in words, only if it is not one.

    (``Callable[..., str]``: callers bind loop variables as defaults, ``lambda k=k: ...``,
    which mypy cannot match against ``Callable[[], str]``.)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Problem(t("core.file.not_number", where=where(), found=kind(value)))
    try:
        result = float(value)
    except OverflowError:
        result = math.inf
    if not math.isfinite(result):
        raise Problem(t("core.file.too_large", where=where()))
    return result


_NUMBER_TYPES = frozenset((int, float))  # what json.loads makes of a number (bool is not one)


def finite_array(values: Iterable[Any], count: int, again: Iterable[Any]) -> np.ndarray | None:
    """The ``count`` ``values`` as float64 if each is a finite JSON number, else None.

    ``again`` goes over the same values, for the check of their types: NumPy
    would take "2", true or null for numbers.
    """
    if not set(map(type, again)) <= _NUMBER_TYPES:
        return None
    try:
        array = np.fromiter(values, dtype=np.float64, count=count)
    except (OverflowError, ValueError, TypeError):  # an integer too large for a float
        return None
    return array if bool(np.isfinite(array).all()) else None


def kind(value: Any) -> str:
    """What ``value`` is, in words, with the value itself when it is short: for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return t("core.file.found.number", value=shortened(repr(value)))
    if isinstance(value, str):
        return t("core.file.found.text", text=quoted(value, 20))
    if isinstance(value, list):
        return t("core.file.found.list")
    if isinstance(value, Mapping):
        return t("core.file.found.object")
    return type(value).__name__


def dump(value: Any, depth: int = 0) -> str:
    """``value`` as JSON text: indented, with each object or list of plain values on one line."""
    pad = "  " * depth
    inner = "  " * (depth + 1)
    if isinstance(value, dict):
        if all(not isinstance(v, (dict, list)) for v in value.values()):
            return json.dumps(value, ensure_ascii=False, allow_nan=False)
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dump(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            # json.dumps writes floats with repr(), which round-trips exactly.
            return json.dumps(value, ensure_ascii=False, allow_nan=False)
        items = [inner + dump(v, depth + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)
