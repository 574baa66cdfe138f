"""Measure repeat removal (ingest/paragraphs.py): speed per article, and errors on glued-copy articles.

    python benchmarks/make_corpus.py 2000 /tmp/corpus-2k --quiet
    python benchmarks/repeats_eval.py --speed /tmp/corpus-2k/corpus.jsonl --baseline main
    python benchmarks/repeats_eval.py --eval 300 --seed 1 --baseline main

``--speed``: seconds per article of ``clean_article_text`` over a corpus's texts (best of 3 runs).
``--eval``: N articles from ``glued_copies.py`` (make_corpus sentences, hard glued boundaries, partial
and mid-sentence copies, case and whitespace changes), plus N from make_corpus's own glued repeats;
counts articles whose cleaned text keeps part of a copy (words beyond the original) or loses
original text (original words missing), and articles of distinct sentences that are changed.
``--baseline REF`` runs the same on ``ingest/paragraphs.py`` as of git REF, for before/after.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
from ingest import paragraphs as current  # noqa: E402

sys.path.remove(str(REPO))


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


glued_copies = load(HERE / "glued_copies.py", "glued_copies")
make_corpus = glued_copies.make_corpus


def baseline(ref: str):
    source = subprocess.run(["git", "show", f"{ref}:ingest/paragraphs.py"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    path = Path(tempfile.mkdtemp()) / "baseline_paragraphs.py"
    path.write_text(source, encoding="utf-8")
    return load(path, "baseline_paragraphs")


def speed(module, texts: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text in texts:
            module.clean_article_text(text)
        best = min(best, time.perf_counter() - started)
    return best / len(texts)


def verdict(module, text: str, original: list[str]) -> tuple[bool, bool]:
    """(keeps part of a copy, loses original text), comparing words."""
    clean = module.clean_article_text(text)
    got = collections.Counter(w for p in clean.paragraphs for w in p.split())
    want = collections.Counter(w for p in original for w in p.split())
    return bool(got - want), bool(want - got)


def make_corpus_glued(n: int, seed: int) -> list[tuple[str, list[str]]]:
    """make_corpus's own glued repeats: the last paragraphs pasted again, glued, as the last paragraph."""
    args = argparse.Namespace(duplicates=0, near_duplicates=0, agency=0.0, paywall=0.0, glued=1.0, boilerplate=0.3)
    generator = make_corpus.Generator(random.Random(seed), make_corpus.repository_sentences(), args)
    cases = []
    while len(cases) < n:
        text = generator.next_record()[0]["text"]
        paragraphs = text.split("\n\n")
        if len(paragraphs) > 2:
            cases.append((text, paragraphs[:-1]))
    return cases


def evaluate(module, n: int, seed: int) -> dict:
    counts = collections.Counter()
    counts["distinct sentences changed"] = 0
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        original = glued_copies.article(rng)
        if module.clean_article_text("\n\n".join(original)).paragraphs != original:
            counts["distinct sentences changed"] += 1
        text, _ = glued_copies.with_copies(rng, original)
        keeps, loses = verdict(module, text, original)
        counts["glued_copies: keeps part of a copy"] += keeps
        counts["glued_copies: loses original text"] += loses
        counts["glued_copies: wrong"] += keeps or loses
    for text, original in make_corpus_glued(n, seed):
        keeps, loses = verdict(module, text, original)
        counts["make_corpus glued: keeps part of a copy"] += keeps
        counts["make_corpus glued: loses original text"] += loses
    return {"articles": n, **{k: counts[k] for k in sorted(counts)}}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speed", type=Path, help="a corpus.jsonl from make_corpus.py")
    parser.add_argument("--limit", type=int, default=2000, help="articles to time")
    parser.add_argument("--eval", type=int, help="number of generated articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--baseline", help="git ref of the paragraphs.py to compare with")
    args = parser.parse_args(argv)
    modules = {"current": current}
    if args.baseline:
        modules = {f"baseline ({args.baseline})": baseline(args.baseline), **modules}
    result = {}
    if args.speed:
        with args.speed.open(encoding="utf-8") as lines:
            texts = [json.loads(line)["text"] for _, line in zip(range(args.limit), lines)]
        for name, module in modules.items():
            result[f"{name}: ms per article"] = round(1000 * speed(module, texts), 4)
        result["articles timed"] = len(texts)
    if args.eval:
        for name, module in modules.items():
            result[name] = evaluate(module, args.eval, args.seed)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
