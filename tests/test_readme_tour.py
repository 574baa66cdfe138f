"""The README's tour, run as a reader would: every `$ command` in it, in order, gives the output shown.

The commands run in a shell in an empty directory holding a copy of ``seeds/``,
with this environment's ``news-archive`` and ``sqlite-utils`` first on PATH.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

EXAMPLE = re.compile(r"^    \$ (?P<command>.+)\n(?P<output>(?:    .*\S.*\n)*)", re.MULTILINE)


def tour_examples() -> list[tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## A tour", 1)[1].split("\n## ", 1)[0]
    return [
        (match.group("command"), "\n".join(line[4:].rstrip() for line in match.group("output").rstrip("\n").split("\n")))
        for match in EXAMPLE.finditer(tour)
    ]


def test_the_tour_has_examples_to_run():
    commands = [command for command, _ in tour_examples()]
    assert any(command.startswith("news-archive ingest") for command in commands)
    assert any(command.startswith("sqlite-utils") for command in commands)


def test_every_tour_command_prints_what_the_readme_shows(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    for command, documented in tour_examples():
        result = subprocess.run(command, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True)
        printed = "\n".join(line.rstrip() for line in result.stdout.rstrip("\n").split("\n"))
        assert printed == documented, f"$ {command}\n{result.stderr}"
