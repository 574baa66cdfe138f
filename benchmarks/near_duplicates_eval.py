"""Score near-duplicate detection and story grouping on a generated corpus with known truth.

    python benchmarks/near_duplicates_eval.py 20000 [--agency 0.05] [--paywall 0.03] [--thresholds 0.7 0.8 0.9] [--seed 1]
        [--workdir DIR] [--code DIR] [--json]

Generates the corpus with ``make_corpus.py N --agency A --paywall P`` (reused when present), ingests its
``corpus.jsonl`` into a new archive at each threshold, and compares the archive with ``truth.jsonl``:

- **precision and recall of near-duplicate detection**, over pairs of distinct texts (records with the
  same cleaned text count once): a pair is truly near-duplicate when the generator made both from one
  story (a near-duplicate, an agency copy), and detected when the archive put both in one group: the
  same story (``articles.story_id``), or, in an archive without stories, the same article;
- **per-outlet counts**: each outlet's articles must equal the records it contributed minus its own
  duplicates and versions; a duplicate or version linked to another outlet's article is counted as an
  error (``cross_outlet_folds``). ``truth_expected`` is what a perfect detector would give (records minus
  the outlet's exact repeats and its own near-duplicates of a story it already ran);
- **multi-outlet stories**: of the true stories run by several outlets, how many are one story in the
  archive whose ``outlets`` list every one of them.

``--code DIR`` runs the ingest from another checkout (``PYTHONPATH=DIR``), to compare with the old rule.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def pairs(n: int) -> int:
    """Number of unordered pairs among n items."""
    return n * (n - 1) // 2


def make_corpus(n: int, agency: float, paywall: float, seed: int, workdir: Path) -> Path:
    """Generate the corpus in ``workdir`` unless it is there already."""
    if not (workdir / "truth.jsonl").exists():
        options = ["--seed", str(seed), "--agency", str(agency), "--paywall", str(paywall), "--quiet"]
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(n), str(workdir), *options], check=True)
    return workdir


def ingest(corpus: Path, db: Path, threshold: float, code: Path | None) -> float:
    """Ingest the corpus into a new archive ``db``; return the seconds it took."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = dict(os.environ)
    if code:
        env["PYTHONPATH"] = str(code)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ingest", "ingest", str(corpus / "corpus.jsonl"), "--db", str(db), "--quiet", "--near-duplicate-threshold", str(threshold)],
        check=True,
        env=env,
        cwd=code,  # python -m puts the working directory first on the path
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def score(db_path: Path, truth_path: Path) -> dict:
    """Compare an archive with the generator's truth (see the module docstring)."""
    truth = [json.loads(line) for line in truth_path.open(encoding="utf-8")]
    db = sqlite3.connect(db_path)
    has_stories = any(row[1] == "story_id" for row in db.execute("pragma table_info(articles)"))
    group = "a.story_id" if has_stories else "a.id"
    rows = db.execute(
        f"""select r.position, r.status, a.source, {group}, coalesce(v.content_hash, a.content_hash)
        from records r join articles a on a.id = r.article_id left join article_versions v on v.id = r.version_id
        order by r.position"""
    ).fetchall()
    assert len(rows) == len(truth), (len(rows), len(truth))

    # Pairs of distinct texts: one record per cleaned text.
    first_of_text: dict[str, tuple[int, int]] = {}
    for position, _, _, predicted, text in rows:
        first_of_text.setdefault(text, (truth[position]["story"], predicted))
    cells = collections.Counter(first_of_text.values())
    true_groups = collections.Counter(t for t, _ in first_of_text.values())
    predicted_groups = collections.Counter(p for _, p in first_of_text.values())
    tp = sum(pairs(n) for n in cells.values())
    true_pairs = sum(pairs(n) for n in true_groups.values())
    predicted_pairs = sum(pairs(n) for n in predicted_groups.values())

    # Per-outlet counts.
    outlets: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    seen_texts: set[tuple[str, str]] = set()
    seen_stories: set[tuple[str, int]] = set()
    for position, status, article_source, _, text in rows:
        outlet = truth[position]["source"]
        counts = outlets[outlet]
        counts["records"] += 1
        if status in ("duplicate", "near_duplicate"):
            counts["own_" + status if article_source == outlet else "cross_outlet_folds"] += 1
        story = truth[position]["story"]
        if (outlet, text) not in seen_texts and (outlet, story) not in seen_stories:
            counts["truth_expected"] += 1
        seen_texts.add((outlet, text))
        seen_stories.add((outlet, story))
    for outlet, n in db.execute("select source, count(*) from articles group by source"):
        outlets[outlet]["articles"] = n
    per_outlet = {}
    for outlet, c in sorted(outlets.items(), key=lambda item: str(item[0])):
        expected = c["records"] - c["own_duplicate"] - c["own_near_duplicate"]
        per_outlet[outlet] = dict(c, expected=expected, ok=c["articles"] == expected and not c["cross_outlet_folds"])

    # Multi-outlet stories: one archive story listing every outlet.
    story_outlets: dict[int, set] = collections.defaultdict(set)
    story_groups: dict[int, set] = collections.defaultdict(set)
    for position, _, _, predicted, _ in rows:
        story_outlets[truth[position]["story"]].add(truth[position]["source"])
        story_groups[truth[position]["story"]].add(predicted)
    listed = {}
    if has_stories:
        listed = {row[0]: set(json.loads(row[1])) for row in db.execute("select id, outlets from stories where outlet_count > 1")}
    multi = [story for story, names in story_outlets.items() if len(names) > 1]
    complete = sum(
        1 for story in multi if len(story_groups[story]) == 1 and story_outlets[story] <= listed.get(next(iter(story_groups[story])), set())
    )
    return {
        "precision": round(tp / predicted_pairs, 4) if predicted_pairs else 1.0,
        "recall": round(tp / true_pairs, 4) if true_pairs else 1.0,
        "true_pairs": true_pairs,
        "detected_pairs": predicted_pairs,
        "correct_pairs": tp,
        "distinct_texts": len(first_of_text),
        "outlets_ok": all(c["ok"] for c in per_outlet.values()),
        "per_outlet": per_outlet,
        "multi_outlet_stories": len(multi),
        "multi_outlet_stories_complete": complete,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--agency", type=float, default=0.05, help="share of agency stories run by 2-4 outlets")
    parser.add_argument("--paywall", type=float, default=0.03, help="share of stories cut to a lead and a shared paywall blurb")
    parser.add_argument("--thresholds", type=float, nargs="*", default=[0.7, 0.8, 0.9])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--code", type=Path, help="a checkout to run the ingest from (PYTHONPATH)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    base = Path(os.environ.get("TMPDIR", "/tmp")) / "news-archive-bench"
    workdir = args.workdir or base / f"dedup-n{args.n}-agency{args.agency}-paywall{args.paywall}-seed{args.seed}"
    corpus = make_corpus(args.n, args.agency, args.paywall, args.seed, workdir)
    results = {}
    for threshold in args.thresholds:
        db = workdir / f"archive-{threshold}.db"
        seconds = ingest(corpus, db, threshold, args.code)
        results[threshold] = dict(score(db, corpus / "truth.jsonl"), ingest_seconds=round(seconds, 1))
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    print(f"corpus: {workdir} ({args.n:,} records, agency {args.agency}, paywall {args.paywall})")
    print("threshold  precision  recall  true pairs  detected  correct  outlets ok  multi-outlet stories complete")
    for threshold, r in results.items():
        print(
            f"{threshold:<9}  {r['precision']:<9}  {r['recall']:<6}  {r['true_pairs']:<10,}  {r['detected_pairs']:<8,}  "
            f"{r['correct_pairs']:<7,}  {str(r['outlets_ok']):<10}  {r['multi_outlet_stories_complete']:,} / {r['multi_outlet_stories']:,}"
        )
    for threshold, r in results.items():
        bad = {o: c for o, c in r["per_outlet"].items() if not c["ok"]}
        if bad:
            print(f"{threshold}: per-outlet mismatches: {json.dumps(bad, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
