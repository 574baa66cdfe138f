"""Score the mention extractor on an IOB2 (CoNLL) file or on our gold fixture.

    python benchmarks/mentions_eval.py ../shared/eval/ned.testa
    python benchmarks/mentions_eval.py --gold-fixture tests/fixtures/mentions_gold.txt

Prints exact-span precision, recall and F1 for PER, LOC and ORG, micro-F1, the
most frequent errors and, for the gold fixture, linking accuracy.

`--as-archive` scores what the archive shows after an ingest: every document's mentions,
then the archive-level links (`ingest.entities.archive_links`) over all documents at once.
"""

import dataclasses

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.entities import archive_links  # noqa: E402
from ingest.mentions import extract_mentions, load_gazetteer  # noqa: E402
from mentions_scoring import evaluate, format_report, read_conll, read_gold_fixture  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conll", nargs="?", help="IOB2 file: token first, tag last")
    parser.add_argument("--gold-fixture", help="gold file with inline [[surface|TYPE|Canonical]] mentions")
    parser.add_argument("--entities", action="append", default=[], help="extra entity file (CSV or TSV)")
    parser.add_argument(
        "--errors",
        type=int,
        help="how many of each error kind to print (default: 25 for the gold fixture, none for a CoNLL file: "
        "held-out data is scored, not read)",
    )
    parser.add_argument("--as-archive", action="store_true",
                        help="score after the archive-level links over all documents, as an ingest does")
    parser.add_argument("--by-shape", action="store_true",
                        help="split the error-kind counts by span shape (acronym, words, hyphen, sentence start)")
    args = parser.parse_args(argv)
    if not args.conll and not args.gold_fixture:
        parser.error("give an IOB2 file or --gold-fixture FILE")
    gazetteer = load_gazetteer(args.entities)

    def score(documents):
        extract = archive_extractor(documents, gazetteer) if args.as_archive else (
            lambda text: extract_mentions(text, gazetteer))
        return evaluate(documents, extract, args.by_shape)

    if args.conll:
        print(f"== {args.conll}" + (" (as an archive)" if args.as_archive else ""))
        print(format_report(score(read_conll(args.conll)), errors=args.errors or 0))
    if args.gold_fixture:
        print(f"== {args.gold_fixture}" + (" (as an archive)" if args.as_archive else ""))
        report = score(read_gold_fixture(args.gold_fixture))
        print(format_report(report, errors=25 if args.errors is None else args.errors, linking=True))


def archive_extractor(documents, gazetteer):
    """`extract(text)` answering with each document's mentions after the archive-level links, which
    see the mentions of all `documents` at once."""
    found = {document.text: extract_mentions(document.text, gazetteer) for document in documents}
    entities = {(m.entity, m.type, m.wikidata) for mentions in found.values() for m in mentions}
    links = archive_links(entities, gazetteer)

    def extract(text):
        mentions = found[text]
        for i, m in enumerate(mentions):
            target = links.get((m.entity, m.type))
            if target is not None:
                mentions[i] = dataclasses.replace(m, entity=target[0], type=target[1], wikidata=target[2])
        return mentions

    return extract


if __name__ == "__main__":
    main()
