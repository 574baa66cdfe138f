"""Regenerate the README's generated sections from the code, or check that they are current.

    python tools/readme.py           # rewrite the sections in README.md
    python tools/readme.py --check   # exit 1 and name the stale sections (CI runs this through the tests)

A generated section stands between ``<!-- generated: NAME -->`` and
``<!-- end generated -->``. Sections:

- ``cli``: the ``--help`` of every ``news-archive`` command;
- ``schema``: the SQL schema of a new, empty archive (``ensure_db_shape``);
- ``inspect``: ``news-archive inspect`` run on a LexisNexis export from the tests' fixtures.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import sqlite_utils
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SECTION = re.compile(r"(<!-- generated: (?P<name>[a-z]+) -->\n)(?P<body>.*?)(<!-- end generated -->)", re.DOTALL)


def cli_reference() -> str:
    """Every command's ``--help``, as the terminal shows it at 100 columns."""
    from ingest.cli import cli

    parts = []
    for name in sorted(cli.commands):
        result = CliRunner().invoke(cli, [name, "--help"], terminal_width=100, prog_name="news-archive")
        parts.append(f"    $ news-archive {name} --help\n" + indent(result.output))
    return "\n".join(parts)


def schema() -> str:
    """The SQL of a new archive: every table, index, trigger and FTS table, in creation order."""
    from ingest.schema import ensure_db_shape

    with tempfile.TemporaryDirectory() as directory:
        db = sqlite_utils.Database(Path(directory) / "archive.db")
        ensure_db_shape(db)
        text = db.schema
        db.close()
    return indent(text + "\n")


INSPECT_EXAMPLE = ["tests/fixtures/formats/lexisnexis-3docs-one-damaged.txt", "--records", "1"]


def inspect_example() -> str:
    """The README's ``inspect`` example, run from the repository root so the paths read as written."""
    import os

    from ingest.cli import cli

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, ["inspect", *INSPECT_EXAMPLE], terminal_width=100)
    finally:
        os.chdir(here)
    return indent(f"$ news-archive inspect {' '.join(INSPECT_EXAMPLE)}\n" + result.output)


def indent(text: str) -> str:
    return "".join(f"    {line}".rstrip() + "\n" for line in text.rstrip("\n").split("\n"))


GENERATORS = {"cli": cli_reference, "schema": schema, "inspect": inspect_example}


def regenerate(text: str) -> str:
    """``text`` with every generated section's body replaced by its current output."""

    def replace(match):
        body = "\n" + GENERATORS[match.group("name")]() + "\n"
        return match.group(1) + body + match.group(4)

    return SECTION.sub(replace, text)


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    new = regenerate(text)
    if "--check" in argv:
        if new != text:
            stale = [m.group("name") for m, n in zip(SECTION.finditer(text), SECTION.finditer(new)) if m.group(0) != n.group(0)]
            print(f"README.md: generated sections out of date: {', '.join(stale)}; run python tools/readme.py")
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
