"""Score the mention extractor on an IOB2 (CoNLL) file or on our gold fixture.

    python benchmarks/mentions_eval.py ../shared/eval/ned.testa
    python benchmarks/mentions_eval.py --gold-fixture tests/fixtures/mentions_gold.txt

Prints exact-span precision, recall and F1 for PER, LOC and ORG, micro-F1, the
most frequent errors and, for the gold fixture, linking accuracy.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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
    args = parser.parse_args(argv)
    if not args.conll and not args.gold_fixture:
        parser.error("give an IOB2 file or --gold-fixture FILE")
    gazetteer = load_gazetteer(args.entities)

    def extract(text):
        return extract_mentions(text, gazetteer)

    if args.conll:
        print(f"== {args.conll}")
        print(format_report(evaluate(read_conll(args.conll), extract), errors=args.errors or 0))
    if args.gold_fixture:
        print(f"== {args.gold_fixture}")
        report = evaluate(read_gold_fixture(args.gold_fixture), extract)
        print(format_report(report, errors=25 if args.errors is None else args.errors, linking=True))


if __name__ == "__main__":
    main()
