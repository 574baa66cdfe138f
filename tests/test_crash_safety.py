"""kill -9 in the middle of an ingest, run it again: the archive equals an uninterrupted one."""

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
import sqlite_utils

import ingest.archive

from ingest.archive import ingest_paths
from conftest import write_corpus

def snapshot(db):
    return {
        "articles": sorted(r[0] for r in db.execute("select content_hash from articles")),
        "paragraphs": sorted(r[0] for r in db.execute("select hash from paragraphs")),
        "records": sorted(db.execute("select position, raw_hash, status from records").fetchall()),
        "versions": sorted(r[0] for r in db.execute("select content_hash from article_versions")),
        "mentions": db["mentions"].count,
        "links": sorted(
            db.execute("select m.start, m.[end], m.text, e.name, m.method from mentions m join entities e on e.id = m.entity_id")
        ),
        "boilerplate": sorted(r[0] for r in db.execute("select hash from paragraphs where boilerplate")),
        "bodies": sorted(r[0] for r in db.execute("select body from articles")),
    }


def count_records(path):
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from records").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_an_ingest_killed_midway_completes_on_the_next_run(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.txt")
    killed = tmp_path / "killed.db"
    command = [sys.executable, "-m", "ingest", "ingest", str(corpus), "--db", str(killed), "--workers", "1", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while count_records(killed) < 1000 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    interrupted_at = count_records(killed)
    assert 0 < interrupted_at < 4000, "the ingest was not interrupted midway"

    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr

    db = sqlite_utils.Database(killed)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    for fts in ("articles_fts", "paragraphs_fts"):
        db.execute(f"insert into {fts}({fts}, rank) values ('integrity-check', 1)")  # 1: also against the content table
    clean = sqlite_utils.Database(tmp_path / "clean.db")
    ingest_paths(clean, [corpus])
    assert snapshot(db) == snapshot(clean)


def write_footer_corpus(path):
    """30 articles of one outlet that end in the same footer: boilerplate, found when the ingest finishes."""
    towns = ["Zwolle", "Delft", "Tilburg", "Almere", "Leiden", "Breda"]
    with open(path, "w", encoding="utf-8") as f:
        for n in range(30):
            text = (
                f"In {towns[n % 6]} is op dag {n} van de proef een nieuwe fietsbrug van {n + 20} meter geopend.\n\n"
                f"Burgemeester Joris Bakkerveld noemde brug nummer {n} een aanwinst voor de stad.\n\n"
                "Volg het laatste nieuws over uw regio in de app van de omroep."
            )
            f.write(json.dumps({"date": f"2023-05-{n % 28 + 1:02d}", "source": "Omroep Oost", "text": text}) + "\n")
    return path


def test_an_ingest_killed_after_its_last_batch_is_finished_by_the_next_run(tmp_path, monkeypatch):
    corpus = write_footer_corpus(tmp_path / "corpus.jsonl")
    killed = sqlite_utils.Database(tmp_path / "killed.db")

    def dies(*args, **kwargs):
        raise KeyboardInterrupt  # the process stops after every batch is committed, before the archive-wide steps

    monkeypatch.setattr(ingest.archive, "update_boilerplate", dies)
    with pytest.raises(KeyboardInterrupt):
        ingest_paths(killed, [corpus])
    monkeypatch.undo()
    assert killed.execute("select completed_at is not null from sources").fetchone()[0]  # the file counts as read
    ingest_paths(killed, [corpus])

    clean = sqlite_utils.Database(tmp_path / "clean.db")
    ingest_paths(clean, [corpus])
    assert snapshot(clean)["boilerplate"]  # the footer is boilerplate, and out of the bodies...
    assert snapshot(killed) == snapshot(clean)  # ...of the archive whose first run was killed, too
    assert not killed.execute("select * from archive_state").fetchall()
