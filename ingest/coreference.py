"""Coreference within one article: one type per spelling, and a surname alone is the full name.

"Peeters" after "Jan Peeters" in the same article is linked to Jan Peeters; a spelling
read as a place once with strong evidence is a place wherever only weak evidence
typed it. Linking across articles, against the whole archive, is entities.py's job
(`link_partial_names`).
"""

import re
from bisect import bisect_right

from .mention_words import _START, PARTICLE_WORDS, USER, WEAK, Candidate, surname_keys


def _type_evidence(c):
    """Sort key: strength first; at equal strength a reading with a type beats `other`."""
    return c.strength, c.type != "other"


BRACKETED = re.compile(r" ?\(([A-Z][\w&.-]{0,11})\)")


def resolve(article, chosen):
    """Give every spelling one type per article, abbreviations to the names they abbreviate, and
    link surnames to full names."""
    text = article.text
    if "(" in text:
        chosen = abbreviations(article, chosen)
    full_names, first_names, by_surname = {}, {}, {}
    known_first_names = article.gazetteer.first_names
    for c in chosen:
        if c.type == "person" and " " in c.entity:
            first = c.entity.split(" ", 1)[0]
            in_full = text.startswith(first, c.start)  # named in full here, not by an alias
            for key in surname_keys(c.entity):
                if key not in full_names:
                    full_names[key] = c
                if in_full:
                    by_surname.setdefault(key, {})[c.entity] = c
            if first in known_first_names:
                first_names.setdefault(first, {})[c.entity] = c
    best_type = {}
    for c in sorted(chosen, key=_type_evidence):  # the strongest reading last; a typed one beats `other`
        best_type[text[c.start:c.end]] = c.type
    for c in chosen:
        if c.method == "gazetteer" and c.type == "person":
            # "Van Dijk" after "Peter van Dijk": the article's own full name beats the gazetteer's person
            people = by_surname.get(text[c.start:c.end], {})
            if len(people) == 1 and c.entity not in people:
                person = next(iter(people.values()))
                c.entity, c.wikidata, c.method = person.entity, person.wikidata, "coreference"
            continue
        if c.method != "rule":
            continue
        surface = text[c.start:c.end]
        person = full_names.get(" ".join(surface.split()))
        if person is None and len(first_names.get(surface, ())) == 1:  # "Ruud" after "Ruud Hendriksen"
            person = next(iter(first_names[surface].values()))
        if person is not None and person is not c and person.entity != c.entity:
            c.type, c.entity, c.wikidata, c.method = "person", person.entity, person.wikidata, "coreference"
        elif c.strength == WEAK:
            c.type = best_type.get(surface, c.type)
    return surnames_missed(article, chosen, full_names)


def surnames_missed(article, chosen, full_names):
    """Surnames of the article's people where no rule looked, such as "De Wever" opening a sentence, or
    where the gazetteer read a company ("Eriks" after "Willem Eriks")."""
    common, common_word = article.words.common, article.words.common_word
    keys = []
    for key in full_names:
        is_common = common.get(key)
        if is_common is None:
            is_common = common_word(key)
        if key[:1].isupper() and is_common is not True:  # is_common: key.lower() in the common words
            keys.append(key)
    if not keys:
        return chosen
    text = article.text
    length = len(text)
    # Where each key occurs with no word character or hyphen on either side; as with one regex
    # alternation of the keys, longest first, the longest key wins at an offset and matches do
    # not overlap, scanning left to right.
    longest = {}
    find = text.find
    for key in keys:
        size = len(key)
        i = find(key)
        while i >= 0:
            j = i + size
            if ((i == 0 or not ((c := text[i - 1]).isalnum() or c == "_" or c == "-"))
                    and (j == length or not ((c := text[j]).isalnum() or c == "_" or c == "-"))
                    and size > longest.get(i, 0)):
                longest[i] = size
            i = find(key, i + 1)
    if not longest:
        return chosen
    # Until the first replacement, `chosen` is sorted and does not overlap: the candidate over a
    # match's start, found by bisection, often settles it; the map of every offset is only drawn
    # when a match needs more than that.
    starts = [c.start for c in chosen]
    by_position = None
    replaced = set()
    last_end = 0
    for m_start in sorted(longest):
        if m_start < last_end:
            continue
        m_end = last_end = m_start + longest[m_start]
        if by_position is None:
            index = bisect_right(starts, m_start) - 1
            if index >= 0 and chosen[index].end > m_start:
                first = chosen[index]  # the candidate over the match's start
                if (first.type != "person" and not _company_named_as(first, text)) or first.start < m_start or first.end > m_end:
                    continue  # part of something else
                if first.end == m_end and first.start == m_start and first.type == "person":
                    continue  # already a mention of exactly this span
            by_position = [None] * length
            for c in chosen:
                by_position[c.start:c.end] = [c] * (c.end - c.start)
        else:
            first = by_position[m_start]
            if first is not None and first.start == m_start and first.end == m_end and first.type == "person":
                continue
        inside = {id(c): c for c in by_position[m_start:m_end] if c is not None}
        # A particle opening the surname makes a place inside it part of it: "Van Rijswijk" after "Steven van Rijswijk".
        particle = text[m_start:m_end].split(" ", 1)[0].lower() in PARTICLE_WORDS
        if any((c.type != "person" and not (particle and c.start > m_start) and not _company_named_as(c, text))
               or c.start < m_start or c.end > m_end for c in inside.values()):
            continue
        if any(c.start == m_start and c.end == m_end and c.type == "person" for c in inside.values()):
            continue
        replaced.update(inside)
        person = full_names[text[m_start:m_end]]
        found = Candidate(m_start, m_end, "person", person.entity, person.wikidata, "coreference", WEAK)
        chosen.append(found)
        by_position[m_start:m_end] = [found] * (m_end - m_start)
    if replaced:
        chosen = [c for c in chosen if id(c) not in replaced]
    return sorted(chosen, key=_START)


def _company_named_as(candidate, text):
    """A company the gazetteer knows by one word, as families are named ("Eriks", "Fokker"): in an
    article about Willem Eriks, a later "Eriks" is the person."""
    surface = text[candidate.start:candidate.end]
    return (candidate.method == "gazetteer" and candidate.type == "organization" and " " not in surface
            and not surface.isupper())


def abbreviations(article, chosen):
    """"Openbaar Ministerie (OM)": the abbreviation in brackets after a name is that name's alias in
    this article, wherever it stands; a user's own spelling is left alone."""
    text = article.text
    aliases = {}
    for c in chosen:
        if " " not in c.entity:
            continue
        bracket = BRACKETED.match(text, c.end)
        if bracket is None:
            continue
        abbreviation, name = bracket.group(1), text[c.start:c.end]
        if c.type == "person":
            # "Jan Peter Balkenende (JPB)", "Jan de Vries (JdV)": the person's initials are the person;
            # "Degroof Petercam (DP)": a name without a first name so abbreviated is an organisation;
            # "Jan Peeters (CD&V)" names his party.
            if abbreviation not in _initials(name):
                continue
            if c.method == "rule" and not article.is_first_name(name.split()[0]):
                c.type = "organization"
        capitals = sum(ch.isupper() for ch in abbreviation)
        if capitals >= 2 and abbreviation[0] == _first_capital(name):
            aliases.setdefault(abbreviation, c)
    if not aliases:
        return chosen
    found = {text[c.start:c.end] for c in chosen}
    for c in chosen:
        full = aliases.get(text[c.start:c.end])
        if full is not None and c.strength < USER and c is not full:
            c.type, c.entity, c.wikidata, c.method = full.type, full.entity, full.wikidata, "alias"
    added = []
    for abbreviation, full in aliases.items():
        if abbreviation not in found:  # the rules passed it over: the brackets are evidence enough
            start = BRACKETED.match(text, full.end).start(1)
            added.append(Candidate(start, start + len(abbreviation), full.type, full.entity, full.wikidata,
                                   "alias", WEAK))
    return sorted(chosen + added, key=_START) if added else chosen


def _initials(name):
    """"Jan Peter Balkenende" -> ("JPB", "JPB"); "Jan de Vries" -> ("JV", "JdV"): of the capitalised words, of all."""
    words = name.split()
    return "".join(word[0] for word in words if word[0].isupper()), "".join(word[0] for word in words)


def _first_capital(name):
    return next((ch for ch in name if ch.isupper()), "")
