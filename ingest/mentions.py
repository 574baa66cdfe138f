"""Find people, places and organisations in Dutch news text.

`extract_mentions(text)` reads one whole article and returns its mentions, each
linked to a canonical entity. Three passes, cheapest evidence first:

1. gazetteer: every surface form of a known entity, matched case-sensitively on
   word boundaries with one Aho-Corasick automaton (mention_rules.py);
2. rules: sequences of capitalised words (with name particles and initials) that
   the gazetteer does not cover, typed by cues around and inside them (a first
   name, "president", "Universiteit", "in", ...); a capital at the start of a
   sentence is no evidence when the word is a common Dutch word (mention_rules.py,
   with the word lists of mention_words.py);
3. coreference: a surname alone ("Peeters") is the full name ("Jan Peeters")
   used elsewhere in the article, and one spelling gets one type per article
   (coreference.py).

Where candidates overlap, the strongest and then the longest wins (here).
"""

from dataclasses import dataclass

from .coreference import resolve
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .mention_rules import MentionRules
from .mention_words import _START
from .organisation_names import (
    with_channels, with_digit_names, with_institutions, with_legal_forms, with_ministries, with_organisation_tails,
    without_portfolios,
)
from .signatures import signatures

__all__ = ["Mention", "extract_mentions", "load_gazetteer"]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: str
    entity: str
    wikidata: str | None
    method: str


def extract_mentions(text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Mentions in `text` (a whole article), sorted by start and non-overlapping."""
    gazetteer = gazetteer or default_gazetteer()
    article = MentionRules(text, gazetteer)
    matches = article.gazetteer_candidates()
    chosen = _without_overlaps(matches + article.rule_candidates(matches) + article.compound_owners() + signatures(article, matches))
    chosen = with_institutions(article, with_ministries(article, with_organisation_tails(article, chosen)))
    chosen = with_legal_forms(article, with_digit_names(article, with_channels(article, chosen)))
    chosen = resolve(article, without_portfolios(article, chosen))
    chosen = article.with_coordinated_types(chosen)
    new = _new_mention
    return [new(c.start, c.end, text[c.start:c.end], c.type, c.entity, c.wikidata, c.method) for c in chosen]


def _new_mention(start, end, text, type_, entity, wikidata, method):
    """`Mention(...)`, without the frozen dataclass's seven `object.__setattr__` calls."""
    mention = _object_new(Mention)
    fields = mention.__dict__
    fields["start"] = start
    fields["end"] = end
    fields["text"] = text
    fields["type"] = type_
    fields["entity"] = entity
    fields["wikidata"] = wikidata
    fields["method"] = method
    return mention


_object_new = object.__new__
if hasattr(Mention, "__post_init__") or hasattr(Mention, "__slots__"):  # then only the real constructor will do
    _new_mention = Mention  # noqa: F811


def _without_overlaps(candidates):
    """Keep the strongest, then longest, candidate wherever candidates overlap.

    Only candidates in one run of overlapping spans compete, so each run is ranked on its own.
    """
    chosen, run, run_end = [], [], -1
    for c in sorted(candidates, key=_START):
        if c.start >= c.end:
            return _without_overlaps_ranked(candidates)
        if c.start >= run_end:
            if len(run) == 1:
                chosen.append(run[0])
            elif run:
                chosen.extend(_without_overlaps_ranked(run))
            run, run_end = [c], c.end
        else:
            run.append(c)
            if c.end > run_end:
                run_end = c.end
    if len(run) == 1:
        chosen.append(run[0])
    elif run:
        chosen.extend(_without_overlaps_ranked(run))
    return chosen


def _without_overlaps_ranked(candidates):
    ranked = sorted(candidates, key=lambda c: (-c.strength, c.start - c.end, c.start))
    chosen, taken = [], []
    for c in ranked:
        start, end = c.start, c.end
        if start >= end:  # no offsets: overlaps nothing
            chosen.append(c)
            continue
        for other_start, other_end in taken:
            if other_start < end and start < other_end:
                break
        else:
            taken.append((start, end))
            chosen.append(c)
    return sorted(chosen, key=_START)

