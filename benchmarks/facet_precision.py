"""Facet precision at a glance: the most frequent entities of each type in an archive.

    python benchmarks/make_corpus.py 10000 /tmp/corpus
    news-archive ingest /tmp/corpus/corpus.jsonl --db /tmp/corpus/archive.db --quiet
    python benchmarks/facet_precision.py /tmp/corpus/archive.db [--top 30] [--mark FILE]

Prints, for person, location and organization (and `other`, apart), the top entities by
number of articles, as the facets and the dashboard show them. A person judges each line:
is it a real name, of the right type, not cut out of a longer one? With `--mark FILE` (a
TSV of `name<TAB>type<TAB>ok|wrong` lines from an earlier judgement), the judged share of
wrong entries is printed per type, so a change can be measured against the same judgement.
"""

import argparse
import csv
import sqlite3
from pathlib import Path

TYPES = ("person", "location", "organization", "other")


def top_entities(db_path, type_, top):
    """(name, articles, mentions) of the `top` entities of this type, most articles first."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        return conn.execute(
            "select name, article_count, mention_count from entities where type = ? "
            "order by article_count desc, name limit ?",
            [type_, top],
        ).fetchall()


def read_marks(path):
    with open(path, encoding="utf-8", newline="") as f:
        return {(row[0], row[1]): row[2] == "ok" for row in csv.reader(f, delimiter="\t") if len(row) == 3}


def report(db_path, top=30, marks=None):
    lines = []
    for type_ in TYPES:
        rows = top_entities(db_path, type_, top)
        title = f"{type_} (not a facet: shown apart)" if type_ == "other" else type_
        lines.append(f"== top {len(rows)} {title}")
        judged = wrong = 0
        for rank, (name, articles, mentions) in enumerate(rows, 1):
            mark = ""
            if marks is not None and (name, type_) in marks:
                judged += 1
                wrong += not marks[(name, type_)]
                mark = "  ok" if marks[(name, type_)] else "  WRONG"
            lines.append(f"{rank:>3}  {articles:>7}  {mentions:>7}  {name}{mark}")
        if judged:
            lines.append(f"     judged {judged}, wrong {wrong} ({wrong / judged:.0%})")
        lines.append("")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="an archive database")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--mark", type=Path, help="TSV of name, type, ok|wrong from an earlier judgement")
    args = parser.parse_args(argv)
    print(" rank  articles  mentions  name")
    print(report(args.db, args.top, read_marks(args.mark) if args.mark else None))


if __name__ == "__main__":
    main()
