"""The app's process ends quietly: keys that reach Textual while it closes say nothing on stderr.

``nntui serve`` forwards an app's stderr to its own output, so a warning there
reaches the server's log (seen in CI: a session flooded with keys, then ended).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

# A key handed to the event loop as it closes: the coroutine is made, never run.
LATE_KEY = """
import gc
from textual.app import App
from textual.events import Key
{quiet}
app = App()
coroutine = app._post_message(Key("a", "a"))
del coroutine
gc.collect()
"""


@pytest.mark.parametrize("quiet", [False, True], ids=["textual alone", "nntui"])
def test_a_key_that_arrives_while_the_app_closes_writes_nothing_to_stderr(quiet: bool) -> None:
    setup = "from nntui.app.lifetime import ignore_late_keys\nignore_late_keys()" if quiet else ""
    done = subprocess.run([sys.executable, "-c", LATE_KEY.format(quiet=setup)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    if quiet:
        assert done.stderr == ""
    else:  # the warning this guards against, so the test can fail
        assert "was never awaited" in done.stderr
