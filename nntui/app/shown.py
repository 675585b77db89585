"""State that something on screen is derived from, outside the document.

The document tells its listener (the screen) after every change, and the
screen derives every view from it again.  The controllers keep a little
state of their own (the panels open, the open challenge, the truth table's
range, the training view shown...).  Each such attribute is declared
``Shown``: setting it tells the controller's ``views_stale`` callback, and
the screen derives every view again once the message being handled is done
(once, however many attributes were set).  No call site has to remember to
redraw, and no panel can be left showing a state that is gone.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class Shown(Generic[T]):
    """An attribute whose every assignment marks the views stale (see the module's docstring)."""

    def __init__(self, default: T) -> None:
        self.default = default
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = f"_shown_{name}"

    @overload
    def __get__(self, instance: None, owner: type) -> Shown[T]: ...
    @overload
    def __get__(self, instance: object, owner: type) -> T: ...

    def __get__(self, instance: object | None, owner: type) -> Shown[T] | T:
        if instance is None:
            return self
        value: T = instance.__dict__.get(self.name, self.default)
        return value

    def __set__(self, instance: Any, value: T) -> None:
        instance.__dict__[self.name] = value
        instance.views_stale()
