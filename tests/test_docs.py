"""The README is the manual: every command, option and table must be in it."""

import re
import subprocess
import sys

import click
import pytest

from ingest.cli import cli
from ingest.schema import TABLES
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands():
    return sorted(cli.commands.items())


@pytest.mark.parametrize("name, command", commands())
def test_every_command_is_in_the_readme(name, command):
    assert f"news-archive {name}" in README


@pytest.mark.parametrize(
    "name, option",
    [
        (name, option)
        for name, command in commands()
        for param in command.params
        if isinstance(param, click.Option)
        for option in param.opts
        if option.startswith("--")
    ],
)
def test_every_option_is_in_the_readme(name, option):
    assert f"`{option}" in README or f"{option} " in README, f"{name} {option} is not documented"


@pytest.mark.parametrize("table, column", [(t, c) for t, spec in TABLES.items() for c in spec["columns"]])
def test_every_column_is_in_the_readme_schema(table, column):
    schema = README.split("## Schema", 1)[1]
    row = next(line for line in schema.splitlines() if line.startswith(f"| `{table}` |"))
    assert f"`{column}`" in row


def test_readme_starts_with_the_two_commands():
    commands = re.findall(r"^    (python3 -m venv .*)$", README.split("## ", 1)[0], re.MULTILINE)
    assert len(commands) == 2
    assert "news-archive ingest seeds --db archive.db" in commands[0] and "127.0.0.1" in commands[0]
    assert commands[1].endswith("python -m pytest")


def test_ci_runs_the_readme_test_command():
    commands = re.findall(r"^    (python3 -m venv .*)$", README, re.MULTILINE)
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_generated_readme_sections_are_current():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "readme.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
