"""The tiers match their names: each test under ``tests/e2e`` is of the ``e2e`` tier.

Checked on the tests collected with this one: in a run that leaves ``e2e`` out (the quick
tier), an unmarked one would be collected, and named here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

E2E = Path(__file__).parent / "e2e"


def test_every_test_under_e2e_is_of_the_e2e_tier(request: pytest.FixtureRequest) -> None:
    items = request.session.items
    assert request.node in items  # the collection is at hand
    unmarked = [item.nodeid for item in items if E2E in item.path.parents and not item.get_closest_marker("e2e")]
    assert unmarked == []
