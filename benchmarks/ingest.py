"""Time ``news-archive ingest`` against the bare sqlite-utils load a user would otherwise type.

    python benchmarks/ingest.py 10000 [--workdir DIR] [--keep] [--format auto|txt|jsonl] [--seed S]
        [--grown LARGE_ARCHIVE] [--timeout S] [--json]

In one run, on one generated corpus of N articles (see make_corpus.py; reused when present):

1. baseline: ``sqlite-utils insert raw.db raw corpus.jsonl --nl`` then
   ``sqlite-utils enable-fts raw.db raw text --fts5 --tokenize "unicode61 remove_diacritics 2"``;
2. ours: ``news-archive ingest INPUT --db archive.db --quiet`` into a new database (JSON Lines when
   the installed ingest reads it, the seed-format .txt files otherwise; the output says which);
3. re-ingest: the same command again on the same database, where nothing is new;
4. with ``--grown LARGE_ARCHIVE``: the same command into a copy of a large archive (an earlier
   ``--keep`` run of a bigger N), against step 2: does adding articles cost more when the archive is
   big? Give the corpus another ``--seed`` than the large archive's (a corpus of a seed is the start of
   every bigger one of that seed); the script warns when the copy gains too few articles.

Each command runs in its own subprocess. Reported: wall time, articles (input records) per second,
peak RSS (largest process, and the sum over the process tree), database size against the input
size, and the ratios the targets of issue 15 are stated in: ours/baseline time (target <= 6 at
100,000), first/re-ingest time, grown/empty time (target <= 1.25). The machine is shared, so only
ratios from the same run compare; the load average is printed with them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import (  # noqa: E402
    default_workdir,
    ensure_corpus,
    file_size,
    ingest_input,
    jsonl_supported,
    machine,
    mb,
    measure,
    remove_db,
    tool,
)

TOKENIZER = "unicode61 remove_diacritics 2"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="articles in the corpus")
    parser.add_argument("--workdir", type=Path, help="corpus and databases (default: $TMPDIR/news-archive-bench/nN)")
    parser.add_argument("--keep", action="store_true", help="keep the databases (serve.py reuses archive.db)")
    parser.add_argument("--format", choices=["auto", "txt", "jsonl"], default="auto", help="input for news-archive")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sentences", type=Path, nargs="*", default=[], help="CoNLL files for make_corpus.py")
    parser.add_argument("--timeout", type=float, help="stop the first ingest after this many seconds (reports progress)")
    parser.add_argument(
        "--grown", type=Path, help="also ingest the corpus into a copy of this (large) archive and compare with the empty one"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args(argv)
    workdir = args.workdir or default_workdir(args.n)
    results = run(args, workdir)
    print_table(results)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))


def run(args: argparse.Namespace, workdir: Path) -> dict:
    corpus = ensure_corpus(args.n, workdir, args.seed, args.sentences)
    fmt = args.format
    note = ""
    if fmt == "auto":
        fmt = "jsonl" if jsonl_supported(workdir) else "txt"
        if fmt == "txt":
            note = "news-archive ingest does not read JSON Lines yet: it ingests the same records as seed-format .txt"
    raw_db, archive = workdir / "raw.db", workdir / "archive.db"
    remove_db(raw_db)
    remove_db(archive)
    before = machine()

    insert = measure([tool("sqlite-utils"), "insert", str(raw_db), "raw", str(workdir / "corpus.jsonl"), "--nl"])
    fts = measure(
        [tool("sqlite-utils"), "enable-fts", str(raw_db), "raw", "text", "--fts5", "--tokenize", TOKENIZER]
    )
    baseline = {
        "seconds": insert["seconds"] + fts["seconds"],
        "max_rss_mb": max(insert["max_rss_mb"], fts["max_rss_mb"]),
        "tree_rss_mb": max(insert["tree_rss_mb"], fts["tree_rss_mb"]),
        "db_bytes": file_size(raw_db),
        "exit": insert["exit"] or fts["exit"],
    }
    command = [tool("news-archive"), "ingest", str(ingest_input(workdir, fmt)), "--db", str(archive), "--quiet"]
    first = measure(command, log=workdir / "ingest-first.log", timeout=args.timeout) | {"db_bytes": file_size(archive)}
    if first["timed_out"]:  # a second run would resume, not re-ingest: report how far the first got
        first["records_done"] = counts(archive).get("records", 0)
        (workdir / "ingest-again.log").write_text("not run: the first ingest timed out\n")
        again = dict(first, seconds=float("nan"), summary="", timed_out=False)
    else:
        again = measure(command, log=workdir / "ingest-again.log") | {"db_bytes": file_size(archive)}
    for result, log in ((first, "ingest-first.log"), (again, "ingest-again.log")):
        lines = (workdir / log).read_text(errors="replace").strip().splitlines()
        result["summary"] = lines[-1] if lines else ""

    grown = measure_grown(args.grown, command, archive, workdir) if args.grown and not first["timed_out"] else None
    results = {
        "grown": grown,
        "ratio_grown_to_empty": grown["seconds"] / first["seconds"] if grown and not first["timed_out"] else None,
        "articles": args.n,
        "workdir": str(workdir),
        "format": fmt,
        "note": note,
        "corpus": corpus,
        "input_bytes": {"jsonl": file_size(workdir / "corpus.jsonl"), "txt": file_size(workdir / "txt")},
        "archive_counts": counts(archive),
        "baseline_insert": insert,
        "baseline_fts": fts,
        "baseline": baseline,
        "first": first,
        "reingest": again,
        "ratio_ours_to_baseline": first["seconds"] / baseline["seconds"],
        "ratio_first_to_reingest": first["seconds"] / again["seconds"],
        "machine": before | {"load_average_after": machine()["load_average"]},
    }
    if not args.keep:
        remove_db(raw_db)
        remove_db(archive)
    return results


def measure_grown(large: Path, command: list[str], archive: Path, workdir: Path) -> dict:
    """Ingest the same input into a copy of a large archive (with its -wal): the cost of adding
    articles to a grown archive, to compare with adding them to an empty one."""
    grown = workdir / "grown.db"
    remove_db(grown)
    for suffix in ("", "-wal"):
        if Path(f"{large}{suffix}").exists():
            shutil.copyfile(f"{large}{suffix}", f"{grown}{suffix}")
    counts_before = counts(grown)
    log = workdir / "ingest-grown.log"
    result = measure([str(grown) if part == str(archive) else part for part in command], log=log)
    lines = log.read_text(errors="replace").strip().splitlines()
    result |= {"archive_before": counts_before, "archive_after": counts(grown), "summary": lines[-1] if lines else ""}
    remove_db(grown)
    return result


def counts(archive: Path) -> dict:
    try:
        with sqlite3.connect(f"file:{archive}?mode=ro", uri=True) as db:
            tables = ["articles", "paragraphs", "records", "mentions"]
            present = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
            return {t: db.execute(f"select count(*) from [{t}]").fetchone()[0] for t in tables if t in present}
    except sqlite3.Error as error:
        return {"error": str(error)}


def print_table(r: dict) -> None:
    n = r["articles"]
    m = r["machine"]
    print(
        f"ingest benchmark: {n:,} articles, corpus {mb(r['input_bytes']['jsonl'])} MB JSON Lines / "
        f"{mb(r['input_bytes']['txt'])} MB seed text ({r['workdir']})"
    )
    print(
        f"machine: {m['cpus']} CPUs, {m['memory']}, Python {m['python']}, SQLite {m['sqlite']}, "
        f"load {m['load_average'][0]} -> {m['load_average_after'][0]}, {m['date']}"
    )
    print(f"news-archive input: {r['format']}" + (f"  (NOTE: {r['note']})" if r["note"] else ""))
    raw = r["input_bytes"]["jsonl"]
    rows = [
        ("sqlite-utils insert --nl", r["baseline_insert"], None),
        ("sqlite-utils enable-fts", r["baseline_fts"], None),
        ("baseline total", r["baseline"], r["baseline"]["db_bytes"]),
        ("news-archive ingest", r["first"], r["first"]["db_bytes"]),
        ("news-archive re-ingest", r["reingest"], r["reingest"]["db_bytes"]),
    ]
    header = f"{'step':<26} {'seconds':>9} {'articles/s':>11} {'RSS MB':>8} {'tree MB':>8} {'db MB':>8} {'db/raw':>7} {'exit':>4}"
    print(header)
    print("-" * len(header))
    for name, x, db in rows:
        db_cols = f"{mb(db):>8} {db / raw:>7.2f}" if db is not None else f"{'':>8} {'':>7}"
        print(
            f"{name:<26} {x['seconds']:>9.2f} {n / x['seconds']:>11,.0f} {x['max_rss_mb']:>8.0f} "
            f"{x['tree_rss_mb']:>8.0f} {db_cols} {x['exit']:>4}"
        )
    if r["grown"]:
        g = r["grown"]
        print(
            f"into a copy of an archive of {g['archive_before'].get('articles', 0):,} articles: {g['seconds']:.2f} s, "
            f"{r['ratio_grown_to_empty']:.2f}x the time into an empty one (target <= 1.25); "
            f"RSS {g['max_rss_mb']:.0f} MB, tree {g['tree_rss_mb']:.0f} MB"
        )
        print(f"into the copy:  {g['summary']}")
        added = g["archive_after"].get("articles", 0) - g["archive_before"].get("articles", 0)
        if added < 0.9 * r["archive_counts"].get("articles", 0):
            print(
                f"WARNING: the copy gained only {added:,} articles against {r['archive_counts'].get('articles', 0):,} "
                "in the empty archive: the large archive holds this corpus already (same seed?); use another --seed"
            )
    print(f"ours / baseline time: {r['ratio_ours_to_baseline']:.2f}x  (target <= 6 at 100,000)")
    print(f"first / re-ingest time: {r['ratio_first_to_reingest']:.1f}x  (target >= 5)")
    print(f"archive: {r['archive_counts']}")
    print(f"first ingest: {r['first']['summary']}")
    print(f"re-ingest:    {r['reingest']['summary']}")
    if r["first"]["timed_out"]:
        done = r["first"]["records_done"]
        print(
            f"TIMED OUT after {r['first']['seconds']:.0f} s with {done:,} of {n:,} records committed "
            f"({done / r['first']['seconds']:,.0f} records/s so far); time, ratio and sizes above are partial"
        )
    elif r["first"]["exit"] not in (0, 1):
        print(f"WARNING: news-archive ingest exited with {r['first']['exit']}; see {r['workdir']}/ingest-first.log")


if __name__ == "__main__":
    main()
