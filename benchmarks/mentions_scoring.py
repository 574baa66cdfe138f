"""Score mention extraction against gold annotations.

Two gold formats: IOB2 files in CoNLL layout (token first, tag last, `-DOCSTART-`
between documents, blank lines between sentences) and our own gold fixture, one
paragraph per block with mentions written inline as `[[surface|TYPE|Canonical]]`.
Scores are exact-span precision, recall and F1 for PER, LOC and ORG; MISC gold
mentions and predicted `other` mentions are left out of both sides.
"""

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

SCORED_TYPES = ("PER", "LOC", "ORG")
LABELS = {"person": "PER", "location": "LOC", "organization": "ORG"}
INLINE_MENTION = re.compile(r"\[\[([^\]|]+)\|([A-Z]+)\|([^\]]*)\]\]")


@dataclass(frozen=True)
class Span:
    document: int
    start: int
    end: int
    label: str
    text: str
    entity: str | None = None


@dataclass
class Document:
    """Plain text plus gold spans; `units` maps predicted char spans onto the gold's units."""

    text: str
    gold: list
    units: object = None


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    false_positives: Counter = field(default_factory=Counter)
    false_negatives: Counter = field(default_factory=Counter)
    confusions: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    linked: int = 0
    correct: int = 0

    def scores(self, label=None):
        labels = [label] if label else SCORED_TYPES
        tp = sum(self.counts.get((l, "tp"), 0) for l in labels)
        fp = sum(self.counts.get((l, "fp"), 0) for l in labels)
        fn = sum(self.counts.get((l, "fn"), 0) for l in labels)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def linking_accuracy(self):
        return self.linked / self.correct if self.correct else 0.0


def read_conll(path):
    """Documents of an IOB2 file; text is tokens joined by spaces, sentences by newlines."""
    documents, sentences, sentence = [], [], []

    def close_document():
        if sentence:
            sentences.append(list(sentence))
            sentence.clear()
        if sentences:
            documents.append(_conll_document(list(sentences)))
            sentences.clear()

    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            cells = line.split()
            if not cells:
                if sentence:
                    sentences.append(list(sentence))
                    sentence.clear()
            elif cells[0] == "-DOCSTART-":
                close_document()
            else:
                sentence.append((cells[0], cells[-1]))
    close_document()
    return documents


def _conll_document(sentences):
    pieces, token_starts, token_ends, gold, pos = [], [], [], [], 0
    for sentence in sentences:
        first_token = len(token_starts)
        for i, (token, _) in enumerate(sentence):
            if i:
                pieces.append(" ")
                pos += 1
            token_starts.append(pos)
            pieces.append(token)
            pos += len(token)
            token_ends.append(pos)
        pieces.append("\n")
        pos += 1
        for s, e, label in _spans_from_tags([tag for _, tag in sentence]):
            gold.append((token_starts[first_token + s], token_ends[first_token + e - 1], label, None))
    return Document("".join(pieces), gold, TokenUnits(token_starts, token_ends))


def _spans_from_tags(tags):
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        if start is not None and not (prefix == "I" and kind == label):
            spans.append((start, i, label))
            start = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = i, kind
    return spans


class TokenUnits:
    """Widens a char span to the tokens it touches, so a mention inside a token is scored as that token."""

    def __init__(self, token_starts, token_ends):
        self.token_starts, self.token_ends = token_starts, token_ends

    def align(self, start, end):
        first = bisect.bisect_right(self.token_starts, start) - 1
        last = bisect.bisect_left(self.token_ends, end)
        return self.token_starts[max(first, 0)], self.token_ends[min(last, len(self.token_ends) - 1)]


def read_gold_fixture(path):
    """Paragraph blocks with inline `[[surface|TYPE|Canonical]]` mentions; `#` lines are comments."""
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f if not line.startswith("#")]
    blocks = [b.strip() for b in "\n".join(lines).split("\n\n") if b.strip()]
    return [_fixture_document(block) for block in blocks]


def _fixture_document(block):
    pieces, gold, pos, last = [], [], 0, 0
    for m in INLINE_MENTION.finditer(block):
        before = block[last:m.start()]
        pieces.append(before)
        pos += len(before)
        surface, label, canonical = m.groups()
        gold.append((pos, pos + len(surface), label, canonical.strip() or None))
        pieces.append(surface)
        pos += len(surface)
        last = m.end()
    pieces.append(block[last:])
    return Document("".join(pieces), gold)


def evaluate(documents, extract, by_shape=False):
    """Run `extract(text)` on every document and compare with the gold spans; `by_shape` splits the
    error-kind counts by the shape of each span."""
    report = Report()
    for number, document in enumerate(documents):
        text = document.text
        gold = {
            (s, e): Span(number, s, e, label, text[s:e], canonical)
            for s, e, label, canonical in document.gold
            if label in SCORED_TYPES
        }
        predicted, others = {}, []
        for mention in extract(text):
            s, e = mention.start, mention.end
            if document.units is not None:
                s, e = document.units.align(s, e)
            label = LABELS.get(mention.type)
            if label is None:
                others.append((s, e))
                continue
            predicted[(s, e)] = Span(number, s, e, label, text[s:e], mention.entity)
        _compare(report, gold, predicted)
        _count_kinds(report.kinds, gold, predicted, others, text if by_shape else None)
    return report


def _count_kinds(kinds, gold, predicted, others, text=None):
    """What became of each gold mention, and what each wrong prediction was: counts only, no text,
    so that held-out data can be diagnosed without being read. Given the document's `text`, each
    count is split by the span's shape (`span_shape`)."""
    def overlapping(spans, s, e):
        return [k for k in spans if k[0] < e and s < k[1]]

    def count(s, e, *key):
        kinds[key + ((span_shape(text, s, e),) if text is not None else ())] += 1

    for (s, e), g in gold.items():
        p = predicted.get((s, e))
        crossing = overlapping(predicted, s, e)
        if p is not None:
            count(s, e, g.label, "exact span, " + ("right type" if p.label == g.label else "typed " + p.label))
        elif (s, e) in others:
            count(s, e, g.label, "exact span, typed other")
        elif crossing:
            types = "/".join(sorted({predicted[k].label for k in crossing}))
            count(s, e, g.label, f"{_span_relation(crossing, s, e)} span, typed {types}")
        elif overlapping(others, s, e):
            count(s, e, g.label, f"{_span_relation(overlapping(others, s, e), s, e)} span, typed other")
        else:
            count(s, e, g.label, "missed")
    for (s, e), p in predicted.items():
        if (s, e) not in gold:
            count(s, e, "found " + p.label, "overlaps a gold mention" if overlapping(gold, s, e) else "no gold mention")
    for s, e in others:
        if (s, e) not in gold:
            count(s, e, "found other", "overlaps a gold mention" if overlapping(gold, s, e) else "no gold mention")


def _span_relation(spans, start, end):
    """'longer' when one of the predicted `spans` covers the gold span and more, 'shorter' when they all lie
    inside it, else 'other'."""
    if any(s <= start and end <= e for s, e in spans):
        return "longer"
    return "shorter" if all(start <= s and e <= end for s, e in spans) else "other"


def span_shape(text, start, end):
    """A span's shape without its words: 'acronym' (one all-capital word; with its length when longer
    than three letters), 'one word', 'two words' or 'more words'; then what applies of ', opens with a
    digit', ', hyphen', ', sentence start' (nothing but a space after '.', '!', '?', ':' or the text's
    start before it), ', in brackets', ', digits near' (a digit within 12 characters), ', capitals near'
    (a neighbouring word in capitals), ', ends its line' (nothing but brackets or a full stop after it)
    and ', line of its own' (two other words at most on its line)."""
    surface = text[start:end]
    words = surface.split()
    if len(words) == 1 and surface.isupper():
        letters = sum(c.isalpha() for c in surface)
        shape = "acronym" + (f" {min(letters, 6)}" if letters > 3 else "")
    else:
        shape = {1: "one word", 2: "two words"}.get(len(words), "more words")
    before, after = text[max(0, start - 40):start].split(), text[end:end + 40].split()
    near = before[-1:] + after[:1]
    flags = {
        "opens with a digit": surface[:1].isdigit(),
        "hyphen": "-" in surface,
        "sentence start": not before or before[-1][-1] in ".!?:",
        "in brackets": text[:start].rstrip().endswith("("),
        "digits near": any(c.isdigit() for c in text[max(0, start - 12):end + 12]),
        "capitals near": any(w.isupper() and sum(c.isalpha() for c in w) > 1 for w in near),
        "ends its line": not text[end:].split("\n", 1)[0].strip(" )]."),
        "line of its own": len(text[:start].rsplit("\n", 1)[-1].split() + text[end:].split("\n", 1)[0].split()) <= 2,
    }
    return ", ".join([shape] + [flag for flag, holds in flags.items() if holds])


def _compare(report, gold, predicted):
    counts = report.counts
    for key, g in gold.items():
        p = predicted.get(key)
        if p is not None and p.label == g.label:
            counts[(g.label, "tp")] = counts.get((g.label, "tp"), 0) + 1
            if g.entity is not None:
                report.correct += 1
                report.linked += p.entity == g.entity
        else:
            counts[(g.label, "fn")] = counts.get((g.label, "fn"), 0) + 1
            if p is None:
                report.false_negatives[(g.text, g.label)] += 1
            else:
                report.confusions[(g.text, g.label, p.label)] += 1
    for key, p in predicted.items():
        g = gold.get(key)
        if g is None or g.label != p.label:
            counts[(p.label, "fp")] = counts.get((p.label, "fp"), 0) + 1
            if g is None:
                report.false_positives[(p.text, p.label)] += 1


def format_report(report, errors=25, linking=False):
    lines = [f"{'type':<6}{'precision':>10}{'recall':>10}{'F1':>10}{'gold':>8}{'found':>8}"]
    for label in SCORED_TYPES + (None,):
        precision, recall, f1 = report.scores(label)
        labels = [label] if label else SCORED_TYPES
        gold = sum(report.counts.get((l, k), 0) for l in labels for k in ("tp", "fn"))
        found = sum(report.counts.get((l, k), 0) for l in labels for k in ("tp", "fp"))
        lines.append(f"{label or 'micro':<6}{precision:>10.3f}{recall:>10.3f}{f1:>10.3f}{gold:>8}{found:>8}")
    if linking:
        lines.append(f"linking accuracy: {report.linking_accuracy:.3f} ({report.linked}/{report.correct})")
    lines.append("\nwhat became of each gold mention, and of each wrong one found (counts):")
    for key, count in sorted(report.kinds.items()):
        lines.append(f"{count:>5}  " + ": ".join(key))
    for title, counter in (
        ("false positives", report.false_positives),
        ("false negatives", report.false_negatives),
        ("type confusions (gold -> predicted)", report.confusions),
    ):
        lines.append(f"\nmost frequent {title}:")
        for key, count in counter.most_common(errors):
            lines.append(f"{count:>5}  " + "  ".join(key))
    return "\n".join(lines)
