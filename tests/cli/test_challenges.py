"""``nntui challenges``, run as a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from nntui.core.challenges import CHALLENGES
from nntui.i18n import set_language, t
from tests.cli.test_cli import assert_usage_error, probe, run_cli


def test_every_challenge_is_listed_in_order_then_how_to_open_one(private_state_dir: Path) -> None:
    result = run_cli("challenges")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == len(CHALLENGES) + 1
    for number, (line, entry) in enumerate(zip(lines, CHALLENGES), start=1):
        assert line.split()[:2] == [f"{number}.", entry.id]
        assert line.rstrip().endswith(t(entry.title))
        assert "✓" not in line
    assert lines[-1] == "To take one up, press g in the playground (run nntui)."
    assert not (private_state_dir / "challenges.json").exists()  # listing writes nothing


def test_solved_challenges_are_ticked(private_state_dir: Path) -> None:
    (private_state_dir / "challenges.json").write_text(
        json.dumps({"format": "nntui-challenges", "version": 1, "solved": ["or", "xor_hidden", "gone"]}),
        "utf-8",
    )
    lines = run_cli("challenges").stdout.splitlines()
    ticked = [line.split()[1] for line in lines[:-1] if line.endswith("✓ solved")]
    assert ticked == ["or", "xor_hidden"]


def test_a_damaged_progress_file_lists_nothing_solved(private_state_dir: Path) -> None:
    (private_state_dir / "challenges.json").write_text("{", "utf-8")
    result = run_cli("challenges")
    assert result.returncode == 0 and "✓" not in result.stdout


def test_in_french(private_state_dir: Path) -> None:
    (private_state_dir / "challenges.json").write_text(
        json.dumps({"format": "nntui-challenges", "version": 1, "solved": ["and_step"]}), "utf-8"
    )
    result = run_cli("challenges", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    set_language("fr")
    assert lines[2].endswith(f"{t('core.challenge.and_step.title')}  ✓ réussi")
    assert lines[0].endswith("Ignorer le saxophone")
    assert lines[-1].startswith("Pour en relever un, appuyez sur g")


def test_help_and_errors_are_worded_by_the_catalogue() -> None:
    result = run_cli("challenges", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: nntui challenges")
    assert "List the challenges of the playground" in result.stdout
    french = run_cli("challenges", "--help", "--lang", "fr")
    assert french.stdout.startswith("utilisation : nntui challenges")
    message = assert_usage_error(run_cli("challenges", "extra"))
    assert message == "unrecognized arguments: extra (see 'nntui challenges --help')"


def test_the_main_help_mentions_the_command() -> None:
    assert "nntui challenges" in run_cli("--help").stdout


def test_challenges_does_not_import_textual() -> None:
    report = probe(["challenges"])
    assert report["code"] == 0 and report["textual"] is False and report["out"]
