"""``python -m nntui.cli``, as ``python -m nntui`` (the old cli.py module ran as a script too)."""

from nntui.cli import main

raise SystemExit(main())
