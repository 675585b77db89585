"""All messages, gathered from one module per part of nntui.

Each part defines ``MESSAGES: dict[str, tuple[str, str]]``: key → (English,
French).  Keys start with the part's name (``app.``, ``cli.``, ``core.``) so
parts never clash; a clash would fail here, at import.
"""

from __future__ import annotations

from nntui.i18n import (
    messages_app,
    messages_challenges,
    messages_cli,
    messages_core,
    messages_data,
    messages_digits_challenges,
    messages_digits_data,
    messages_environment,
    messages_experiment,
    messages_features,
    messages_learn,
    messages_metrics,
    messages_softmax,
    messages_tour,
    messages_training,
)

CATALOGUE: dict[str, tuple[str, str]] = {}
for _part in (
    messages_app,
    messages_cli,
    messages_core,
    messages_tour,
    messages_learn,
    messages_challenges,
    messages_experiment,
    messages_training,
    messages_metrics,
    messages_softmax,
    messages_data,
    messages_features,
    messages_environment,
    messages_digits_data,
    messages_digits_challenges,
):
    for _key, _texts in _part.MESSAGES.items():
        if _key in CATALOGUE:
            raise RuntimeError(f"message key {_key!r} is defined twice")
        CATALOGUE[_key] = _texts
