"""Write a synthetic but realistic corpus of Dutch news articles for the benchmarks.

    python benchmarks/make_corpus.py 100000 /tmp/corpus-100k [--seed 1] [--sentences ned.testa]

Writes the same N input records twice:

- ``OUTDIR/txt/part-NNNNN.txt``: the seed format (``date YYYY-MM[-DD] text``), 10,000 records a file;
- ``OUTDIR/corpus.jsonl``: one JSON object a line with ``date``, ``source``, ``title``, ``text``;
- ``OUTDIR/truth.jsonl``: the ground truth, one line per record in the same order: ``story`` (records
  of the same story share it), ``kind`` and ``source``. Near-duplicate detection is scored on it
  (``near_duplicates_eval.py``).

Articles recombine sentences into 8-24 sentences (about 1.8 kB of text on average) in paragraphs of 1-3 sentences, dated over ten
years (2015-2024, days and months), from ten outlets. Sentences come from the repository's own text
(``seeds/``, ``tests/fixtures/``, the mention gold set with its markup stripped), from
``vocabulary.TEMPLATES`` filled with names, places and numbers, and optionally from CoNLL files
(``--sentences``; read at run time, never copied). Controllable shares of the dirt the ingest must
handle: exact duplicates (whitespace or case changed), near-duplicates (one sentence changed or
added), glued repeats (the last paragraphs pasted again without spaces, as in the seed) and
per-outlet boilerplate closing paragraphs, and (``--agency``) agency stories run by 2-4 outlets in a row,
each copy exact or with one sentence changed or added, and with the outlet's own closing paragraph.

The output depends only on N, the options and the sentence files: the same seed gives the same
bytes. Records are streamed to disk; memory stays flat whatever N is.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import vocabulary as V  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
RECORDS_PER_TXT = 10_000
RECENT = 2_000  # earlier articles kept to copy duplicates from
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = (dt.date(2024, 12, 31) - FIRST_DAY).days + 1

# A paywall blurb of about 150 words that an outlet puts under the lead of its paid stories (--paywall):
# different stories that share it must not be taken for near-duplicates.
PAYWALL = (
    "Dit verhaal is alleen te lezen voor abonnees van {outlet}. Neem nu een abonnement en lees onbeperkt alle "
    "verhalen op onze site en in de app, inclusief de digitale krant, het archief en alle nieuwsbrieven van de "
    "redactie. De eerste maand betaalt u maar een euro, daarna het normale tarief, en u kunt elke maand opzeggen. "
    "Heeft u al een abonnement? Log dan in met uw account om verder te lezen. Lukt het inloggen niet, bel dan met "
    "onze klantenservice, die op werkdagen bereikbaar is tussen negen en vijf uur. Onze verslaggevers werken elke "
    "dag aan betrouwbaar en onafhankelijk nieuws uit de regio, uit Nederland en uit de rest van de wereld. Met uw "
    "abonnement steunt u die journalistiek en helpt u ons om ook in de toekomst verhalen te vertellen die er voor "
    "onze lezers toe doen. Op de pagina met aanbiedingen ziet u alle voordelen van een abonnement op een rij."
)
_GOLD_MARKUP = re.compile(r"\[\[([^|\]]+)\|[^|\]]*\|[^\]]*\]\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-ZÀ-Þ0-9])")
_GLUED = re.compile(r"[a-zà-ÿ]\.[A-Z]")
_DATE_HEADER = re.compile(r"^\s*\ufeff?\s*date\s+\d{4}-\d{1,2}(?:-\d{1,2})?\s*", re.MULTILINE | re.IGNORECASE)


def repository_sentences() -> list[str]:
    """Unique sentences of the repository's own Dutch text (seeds, fixtures, the gold set)."""
    files = sorted(REPO.glob("seeds/*.txt")) + sorted(REPO.glob("tests/fixtures/*.txt"))
    sentences: dict[str, None] = {}
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        text = _GOLD_MARKUP.sub(r"\1", text)
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        text = _DATE_HEADER.sub("\n\n", text)
        for paragraph in re.split(r"\n\s*\n", text):
            for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
                if _usable(sentence) and not _GLUED.search(sentence):
                    sentences[sentence] = None
    return list(sentences)


def conll_sentences(path: Path) -> list[str]:
    """Sentences of a CoNLL file (first column = token, blank line between sentences), detokenized."""
    sentences, tokens = [], []
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            token = line.split(" ", 1)[0].strip()
            if token and token != "-DOCSTART-":
                tokens.append(token)
                continue
            if tokens:
                sentence = detokenize(tokens)
                if _usable(sentence) and len(tokens) >= 5:
                    sentences.append(sentence)
                tokens = []
    if tokens and _usable(detokenize(tokens)):
        sentences.append(detokenize(tokens))
    return sentences


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([.,:;!?%)\]}»])", r"\1", text)
    text = re.sub(r"([(\[{«]) ", r"\1", text)
    text = re.sub(r'" ([^"]*?) "', r'"\1"', text)
    text = re.sub(r"' ([^']*?) '", r"'\1'", text)
    text = re.sub(r" ' s\b", " 's", text)
    return text


def _usable(sentence: str) -> bool:
    return 20 <= len(sentence) <= 400 and sentence[-1] in ".!?\"'”" and sentence[0].isupper()


class Slots(dict):
    """Per-article slot values; number slots missing from the dict are drawn fresh at every use."""

    def __init__(self, rng: random.Random, values: dict):
        super().__init__(values)
        self.rng = rng

    def __missing__(self, key):
        r = self.rng
        if key == "num":
            return str(r.randint(2, 400))
        if key == "n":
            return str(r.randint(2, 12))
        if key == "big":
            return f"{r.randint(1, 95) * 1000 + r.randint(0, 9) * 100:,}".replace(",", ".")
        if key == "pct":
            return f"{r.randint(0, 12)},{r.randint(1, 9)}"
        if key == "amount":
            return f"{r.randint(2, 950)} {r.choice(['miljoen', 'miljoen', 'miljard'])}"
        if key == "score":
            return f"{r.randint(1, 5)}-{r.randint(0, 3)}"
        if key == "age":
            return str(r.randint(17, 89))
        if key == "year":
            return str(r.randint(1995, 2030))
        if key == "hour":
            return f"{r.randint(6, 23)}.{r.choice(['00', '15', '30', '45'])}"
        if key == "month":
            return r.choice(V.MONTHS)
        raise KeyError(key)


def person(rng: random.Random) -> tuple[str, str]:
    """A person's full name and the surname used on second mention ("Jan van der Meer", "Van der Meer")."""
    if rng.random() < 0.3:
        full = rng.choice(V.PUBLIC_FIGURES)
        last = full.split(" ", 1)[-1]
        return full, last[0].upper() + last[1:]
    surname = rng.choice(V.SURNAMES).replace("_", " ")
    return f"{rng.choice(V.FIRST_NAMES)} {surname}", surname[0].upper() + surname[1:]


class Generator:
    def __init__(self, rng: random.Random, real_sentences: list[str], args: argparse.Namespace):
        self.rng = rng
        self.real = real_sentences
        self.args = args
        # A larger pool of real text gets a larger share of the sentences.
        self.real_share = min(0.5, len(real_sentences) / 5000) if real_sentences else 0.0
        self.templates = {topic: block.strip().splitlines() for topic, block in V.TEMPLATES.items()}
        self.topics = [t for t in self.templates if t != "algemeen"]
        self.sources = [s[0] for s in V.SOURCES]
        self.source_weights = [s[1] for s in V.SOURCES]
        self.boilerplate = {name: text for name, _, text in V.SOURCES}
        self.recent: collections.deque = collections.deque(maxlen=RECENT)
        self.kinds = collections.Counter()
        self.stories = 0
        self.pending: collections.deque = collections.deque()  # agency copies still to emit

    def slots(self) -> Slots:
        r = self.rng
        values = {
            "weekday": r.choice(V.WEEKDAYS),
            "city": r.choice(V.CITIES),
            "city2": r.choice(V.CITIES),
            "province": r.choice(V.PROVINCES),
            "country": r.choice(V.COUNTRIES),
            "org": r.choice(V.ORGANISATIONS),
            "org2": r.choice(V.ORGANISATIONS),
            "party": r.choice(V.PARTIES),
            "club": r.choice(V.CLUBS),
            "club2": r.choice(V.CLUBS),
            "minister": r.choice(V.MINISTERS),
        }
        for i in (1, 2, 3):
            values[f"p{i}"], values[f"p{i}s"] = person(r)
        return Slots(r, values)

    def sentence(self, topic: str, slots: Slots) -> str:
        r = self.rng
        if self.real and r.random() < self.real_share:
            return r.choice(self.real)
        pool = self.templates["algemeen"] if r.random() < 0.15 else self.templates[topic]
        text = r.choice(pool)
        if text.endswith(".") and r.random() < 0.5:
            text = text[:-1] + r.choice(V.CLAUSES) + "."
        text = text.format_map(slots)
        return text[0].upper() + text[1:]

    def new_article(self) -> dict:
        """Paragraphs as lists of sentences, plus title, date and source."""
        r = self.rng
        topic = r.choice(self.topics)
        slots = self.slots()
        count = round(r.triangular(8, 24, 20))  # 8-24, mean about 17
        seen: set[str] = set()
        sentences = []
        while len(sentences) < count:
            sentence = self.sentence(topic, slots)
            if sentence not in seen or len(seen) > 200:
                seen.add(sentence)
                sentences.append(sentence)
        paragraphs = []
        while sentences:
            size = r.choice((1, 2, 2, 3, 3))
            paragraphs.append(sentences[:size])
            sentences = sentences[size:]
        title = r.choice(V.HEADLINES).format_map(slots)
        self.stories += 1
        return {"paragraphs": paragraphs, "title": title[0].upper() + title[1:], "topic": topic, "slots": slots, "story": self.stories}

    def near_duplicate(self, original: dict) -> dict:
        r = self.rng
        paragraphs = [list(p) for p in original["paragraphs"]]
        p = r.randrange(len(paragraphs))
        fresh = self.sentence(original["topic"], original["slots"])
        if r.random() < 0.5:
            paragraphs[p][r.randrange(len(paragraphs[p]))] = fresh
        else:
            paragraphs[p].insert(r.randint(0, len(paragraphs[p])), fresh)
        return dict(original, paragraphs=paragraphs)

    def date(self) -> str:
        day = FIRST_DAY + dt.timedelta(days=self.rng.randrange(DAYS))
        return day.isoformat() if self.rng.random() < 0.8 else day.isoformat()[:7]

    def next_record(self) -> tuple[dict, dict]:
        """One input record, {date, source, title, text}, and its truth: {story, kind, source}."""
        if self.pending:
            return self.pending.popleft()
        r, a = self.rng, self.args
        roll = r.random()
        if self.recent and roll < a.duplicates:
            self.kinds["exact duplicate"] += 1
            original = r.choice(self.recent)
            source = original["source"] if r.random() < 0.5 else r.choices(self.sources, self.source_weights)[0]
            record = {"date": original["date"], "source": source, "title": original["title"], "text": vary(r, original["text"])}
            return record, {"story": original["article"]["story"], "kind": "exact duplicate", "source": source}
        if self.recent and roll < a.duplicates + a.near_duplicates:
            self.kinds["near duplicate"] += 1
            article = self.near_duplicate(r.choice(self.recent)["article"])
            kind = "near duplicate"
        elif roll < a.duplicates + a.near_duplicates + a.agency:
            return self.agency_story()
        elif roll < a.duplicates + a.near_duplicates + a.agency + a.paywall:
            self.kinds["paywalled"] += 1
            article = self.new_article()
            source = r.choices(self.sources, self.source_weights)[0]
            lead = article["paragraphs"][0][:2]
            article = dict(article, paragraphs=[lead, [PAYWALL.format(outlet=source)]])
            return self.publish(article, source, "paywalled")
        else:
            self.kinds["new"] += 1
            article = self.new_article()
            kind = "new"
        return self.publish(article, r.choices(self.sources, self.source_weights)[0], kind)

    def agency_story(self) -> tuple[dict, dict]:
        """An agency story run by 2-4 outlets in a row: each copy exact (60%) or with a sentence changed or added."""
        r = self.rng
        self.kinds["agency story"] += 1
        article = self.new_article()
        outlets = r.sample(self.sources, r.randint(2, 4))
        date = self.date()
        for n, outlet in enumerate(outlets):
            copy, kind = (article, "agency copy") if n == 0 or r.random() < 0.6 else (self.near_duplicate(article), "agency near copy")
            self.kinds[kind] += 1
            record, truth = self.publish(copy, outlet, kind)
            record["date"] = date
            self.pending.append((record, truth))
        return self.pending.popleft()

    def publish(self, article: dict, source: str, kind: str) -> tuple[dict, dict]:
        """One outlet's record of an article, maybe with its closing paragraph and a glued repeat."""
        r, a = self.rng, self.args
        paragraphs = [" ".join(p) for p in article["paragraphs"]]
        if r.random() < a.boilerplate:
            self.kinds["with boilerplate"] += 1
            paragraphs.append(self.boilerplate[source])
        if len(paragraphs) > 1 and r.random() < a.glued:
            self.kinds["with glued repeat"] += 1
            tail = paragraphs[r.randint(max(1, len(paragraphs) - 4), len(paragraphs) - 1) :]
            paragraphs.append("".join(tail))
        record = {"date": self.date(), "source": source, "title": article["title"], "text": "\n\n".join(paragraphs)}
        self.recent.append(dict(record, article=article))
        return record, {"story": article["story"], "kind": kind, "source": source}


def vary(rng: random.Random, text: str) -> str:
    """The same text as far as deduplication goes: whitespace or case changed, or not at all."""
    roll = rng.random()
    if roll < 0.4:
        return text
    if roll < 0.8:  # re-wrapped: line breaks inside paragraphs, doubled spaces
        paragraphs = text.split("\n\n")
        return "\n\n".join(re.sub(r" (?=\S{4,})", lambda m: rng.choice([" ", " ", "  ", "\n"]), p) for p in paragraphs)
    return text.upper() if roll < 0.85 else text.lower()


def seed_format(record: dict) -> str:
    return f"date {record['date']} {record['text']}\n\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of input records (articles, duplicates included)")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duplicates", type=float, default=0.05, help="share of exact duplicates")
    parser.add_argument("--near-duplicates", type=float, default=0.05, help="share of near-duplicates")
    parser.add_argument("--glued", type=float, default=0.1, help="share with the last paragraphs pasted again, glued")
    parser.add_argument("--boilerplate", type=float, default=0.3, help="share with the outlet's closing paragraph")
    parser.add_argument(
        "--paywall", type=float, default=0.0, help="share of stories cut to their lead and the outlet's long paywall blurb"
    )
    parser.add_argument(
        "--agency", type=float, default=0.0, help="share of draws that start an agency story run by 2-4 outlets (0 keeps the default corpus unchanged)"
    )
    parser.add_argument("--sentences", type=Path, nargs="*", default=[], help="CoNLL files with more real sentences")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    summary = make_corpus(args)
    if not args.quiet:
        print(json.dumps(summary, indent=2, ensure_ascii=False))


def make_corpus(args: argparse.Namespace) -> dict:
    started = time.perf_counter()
    real = repository_sentences()
    for path in args.sentences:
        real += conll_sentences(path)
    generator = Generator(random.Random(args.seed), real, args)
    txt_dir = args.outdir / "txt"
    txt_dir.mkdir(parents=True, exist_ok=True)
    for old in txt_dir.glob("part-*.txt"):
        old.unlink()
    txt = None
    with open(args.outdir / "corpus.jsonl", "w", encoding="utf-8") as jsonl, open(args.outdir / "truth.jsonl", "w", encoding="utf-8") as truths:
        for i in range(args.n):
            if i % RECORDS_PER_TXT == 0:
                if txt:
                    txt.close()
                txt = open(txt_dir / f"part-{i // RECORDS_PER_TXT:05d}.txt", "w", encoding="utf-8")
            record, truth = generator.next_record()
            txt.write(seed_format(record))
            jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
            truths.write(json.dumps(truth, ensure_ascii=False) + "\n")
    if txt:
        txt.close()
    summary = {
        "records": args.n,
        "seed": args.seed,
        "kinds": dict(sorted(generator.kinds.items())),
        "real_sentences": len(real),
        "real_sentence_share": round(generator.real_share, 3),
        "templates": sum(len(t) for t in generator.templates.values()),
        "txt_files": len(list(txt_dir.glob("part-*.txt"))),
        "txt_bytes": sum(p.stat().st_size for p in txt_dir.glob("part-*.txt")),
        "jsonl_bytes": (args.outdir / "corpus.jsonl").stat().st_size,
        "seconds": round(time.perf_counter() - started, 2),
    }
    (args.outdir / "corpus.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    return summary


if __name__ == "__main__":
    main()
