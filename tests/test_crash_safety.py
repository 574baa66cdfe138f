"""kill -9 in the middle of an ingest, run it again: the archive equals an uninterrupted one."""

import signal
import sqlite3
import subprocess
import sys
import time

import sqlite_utils

from ingest.archive import ingest_paths
from conftest import write_corpus

def snapshot(db):
    return {
        "articles": sorted(r[0] for r in db.execute("select content_hash from articles")),
        "paragraphs": sorted(r[0] for r in db.execute("select hash from paragraphs")),
        "records": sorted(db.execute("select position, raw_hash, status from records").fetchall()),
        "versions": sorted(r[0] for r in db.execute("select content_hash from article_versions")),
        "mentions": db["mentions"].count,
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
