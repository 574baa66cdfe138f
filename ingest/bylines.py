"""Bylines: the words before an author's name ("Door Petra Jansen", "By Peter Brown").

One place for every reader: the readers keep a byline as the export wrote it, and
``records.clean_record`` stores the name without its prefix. The Factiva reader
also uses it to tell a byline line from a headline.
"""

from __future__ import annotations

import re

# What a byline may say the author is: "Van onze verslaggever", "Door onze correspondent", "By our staff writer".
_ROLE = (
    r"(?:eigen[ \t]+|vaste[ \t]+|staff[ \t]+)?"
    r"(?:verslaggeefster|verslaggevers?|correspondente?n?|correspondents?|redacteuren|redacteur|redactie"
    r"|medewerkers?|reporters?|writers?)\b"
)
# "Door", "By" (and Factiva's German and French "Von", "Par"), followed by a space or a colon, optionally with
# a role ("Door onze correspondent"); or "Van onze <role>". "Van" alone is no prefix: it starts names ("Van
# Dijk"), nor is "von der" ("von der Leyen").
_PREFIX = re.compile(
    r"^(?:(?:door|by|par|von(?![ \t]+(?:der|den|dem|zu)\b))(?:[ \t]*:|[ \t])[ \t]*"
    rf"(?:(?:onze|our)[ \t]+{_ROLE}[ \t]*:?[ \t]*)?"
    rf"|van[ \t]+onze[ \t]+{_ROLE}[ \t]*:?[ \t]*)",
    re.IGNORECASE,
)


def byline_name(line: str) -> str | None:
    """The name after a byline prefix ("Door Petra Jansen" -> "Petra Jansen"), "" when the line is only a
    prefix ("Van onze verslaggever"), None when it has no prefix."""
    prefix = _PREFIX.match(line.strip())
    return None if prefix is None else line.strip()[prefix.end() :].strip()


def is_byline(line: str) -> bool:
    """Whether a line is a byline by its prefix: a name (capitalised) or nothing follows it, so that a
    headline such as "Door de storm vallen bomen om" is none."""
    name = byline_name(line)
    return name is not None and (not name or name[0].isupper())


def author_without_prefix(author: str) -> str:
    """An author without the byline words before the name; a byline that is only such words is kept."""
    return byline_name(author) or author
