"""Signatures: the author's initials in brackets that close a piece of Flemish or Dutch news.

"... aldus de minister. (KDW)", "(HvdM)" on a line of its own, "(ANP/EB)" after an agency: these
letters name the person who wrote the piece, not an organisation. Read from the article's text alone.
"""

import re

from .mention_words import STRONG, Candidate, is_lowercase_word

# Initials in brackets after a sentence or opening a line, and ending it: two or three capitals, with
# lower-case particles between ("HvdM"), after an agency and a slash ("ANP/EB").
SIGNATURE = re.compile(
    r"(?:^|(?<=[.!?)]))[ \t]*\( ?(?:[^()\n/]{1,20}/ ?)?([A-Z](?:[a-z]{0,3}[A-Z]){1,2}) ?\) ?\.?[ \t]*$", re.MULTILINE
)


def signatures(article, gazetteer_matches):
    """Person candidates (strength STRONG + 1, over the rules' reading of the letters) for the initials
    that sign `article` (a `MentionRules`), unless an entity file knows them (`gazetteer_matches` cover
    them: "(ANP)", "(Belga)"), they spell a word ("(RED)") or the article names them elsewhere
    ("Vakbond ACOD ... (ACOD)")."""
    text = article.text
    if "(" not in text:
        return []
    known = {(c.start, c.end) for c in gazetteer_matches}
    return [
        Candidate(m.start(1), m.end(1), "person", m.group(1), None, "rule", STRONG + 1)
        for m in SIGNATURE.finditer(text)
        if (m.start(1), m.end(1)) not in known and not _names_more_than_a_signature(article, m.group(1))
    ]


def _names_more_than_a_signature(article, letters):
    """"(RED)", "(TIP)": three letters that spell a word are a label ("(EB)": two are too few to tell);
    letters the article has elsewhere name something it is about."""
    gazetteer = article.gazetteer
    return article.text.count(letters) > 1 or len(letters) > 2 and (
        article.is_common_word(letters) or is_lowercase_word(letters, gazetteer)
        or letters.lower() in gazetteer.english_words)
