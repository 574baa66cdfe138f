"""What people type into a search box, as an FTS5 query: the one query builder.

Every place where a user's words reach FTS5 goes through ``fts_query``: the
table search box (``_search``), the ``search`` and ``kwic`` canned queries (as
the SQL function ``fts_query(:q)``) and anything new.

- Ordinary words are searched as typed, punctuation and all: each word becomes
  an FTS5 phrase, so ``Noord-Holland``, ``nu.nl``, ``2,5``, ``C&A``, ``10:30``,
  ``zo'n`` and ``'s-Hertogenbosch`` find the text a reader means.
- Deliberate syntax keeps working: ``"quoted phrases"`` (also with curly
  quotes), ``OR``, ``AND`` and ``NOT`` in capitals, ``NEAR(a b, 5)``, a prefix
  ``mobili*``, brackets, and column filters such as ``title:navo``.
- Slips are repaired: a dangling operator (``kabinet AND``) or an operator with
  nothing to join is left out, a missing ``)`` or ``"`` is added, a stray ``)``
  dropped.
- What cannot be repaired without guessing the opposite of what was meant (a
  ``NOT`` with nothing before it) raises ``SearchQueryError`` with a message
  for the reader.

The text is first put through ``ingest.textclean.normalize`` (NFC, invisible
characters removed) with typographic quotes folded to ASCII ones.
"""

from __future__ import annotations

import re
import unicodedata

from ingest.textclean import fold_quotes

DEFAULT_COLUMNS = ("title", "body", "text")
MAX_DEPTH = 10  # FTS5's parser overflows on deep nesting; deeper brackets are ignored
MAX_NEAR_DISTANCE = 1_000_000
NOTHING = '""'  # an FTS5 query that is valid and matches nothing

EXAMPLES = (
    ("Noord-Holland", "words as you write them, punctuation and all"),
    ('"export van graan"', "the exact phrase"),
    ("zweden OR finland", "either word (operators in capitals)"),
    ("navo NOT turkije", "the first but not the second"),
    ("NEAR(poetin erdogan, 5)", "at most 5 words apart"),
    ("mobili*", "words starting with mobili"),
    ("title:navo", "only in the title"),
)


class SearchQueryError(ValueError):
    """A search that cannot be run; ``message`` says what is wrong, for the reader."""

    def __init__(self, message: str, query: str = ""):
        super().__init__(message)
        self.message = message
        self.query = query

    def friendly(self) -> str:
        examples = ", ".join(example for example, _ in EXAMPLES)
        return f"The search “{self.query}” cannot be run: {self.message} Examples: {examples}."


def is_blank(text: str | None) -> bool:
    """Whether a search holds nothing at all (empty or whitespace, invisible characters included)."""
    return text is None or not fold_quotes(text).strip()


def _has_token_chars(text: str) -> bool:
    """Whether FTS5's unicode61 tokenizer finds a word in ``text`` (letters, digits, private use)."""
    return any(unicodedata.category(c)[0] in "LN" or unicodedata.category(c) == "Co" for c in text)


def _phrase(text: str, prefix: bool = False) -> str | None:
    if not _has_token_chars(text):
        return None
    return '"' + text.replace('"', '""') + '"' + (" *" if prefix else "")


# Characters that are never part of a query: control characters (NUL ends an
# FTS5 string), surrogates and noncharacters.
_UNUSABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_OPERATORS = ("AND", "OR", "NOT")
_COLUMN_FILTER = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(.*)", re.DOTALL)


def _tokens(text: str, columns: set[str]):
    """Yield (kind, value): ("P", phrase), ("OP", name), ("(", ""), (")", ""), ("COL", name)."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end
            content = text[i + 1 : end]
            i = end + 1
            prefix = i < n and text[i] == "*"
            if prefix:
                i += 1
            phrase = _phrase(content, prefix)
            if phrase:
                yield "P", phrase
        elif c == "(":
            yield "(", ""
            i += 1
        elif c == ")":
            yield ")", ""
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '"()':
                j += 1
            word = text[i:j]
            i = j
            if word == "NEAR" and i < n and text[i] == "(":
                i, near = _near(text, i + 1)
                if near:
                    yield "P", near
                continue
            if word in _OPERATORS:
                yield "OP", word
                continue
            column = _COLUMN_FILTER.fullmatch(word)
            if column and column.group(1).lower() in columns:
                yield "COL", column.group(1).lower()
                word = column.group(2)
                if not word:
                    continue
            prefix = word.endswith("*")
            phrase = _phrase(word.rstrip("*") if prefix else word, prefix)
            if phrase:
                yield "P", phrase


def _near(text: str, start: int) -> tuple[int, str | None]:
    """Parse the inside of ``NEAR(`` from ``start``; return the position after it and the NEAR group."""
    end = text.find(")", start)
    end = len(text) if end < 0 else end
    inside = text[start:end]
    distance = None
    head, comma, tail = inside.rpartition(",")
    if comma and tail.strip().isdigit() and tail.strip().isascii():
        inside, distance = head, min(int(tail.strip()), MAX_NEAR_DISTANCE)
    phrases = [
        p for kind, p in _tokens(inside.replace("(", " ").replace(")", " "), set()) if kind == "P"
    ]
    if not phrases:
        return end + 1, None
    return end + 1, "NEAR(" + " ".join(phrases) + (f", {distance}" if distance is not None else "") + ")"


def fts_query(user_text: str | None, columns=DEFAULT_COLUMNS) -> str:
    """The FTS5 query for what a reader typed; ``'""'`` (matches nothing) when it holds no word.

    ``columns`` are the column names that ``name:`` may filter on. Raises
    ``SearchQueryError`` for a query that cannot be repaired.
    """
    if user_text is None:
        return NOTHING
    text = _UNUSABLE.sub(" ", fold_quotes(user_text))
    columns = {c.lower() for c in columns}
    out: list[tuple[str, str]] = []
    depth = ignored = 0

    def last():
        return out[-1][0] if out else None

    for kind, value in _tokens(text, columns):
        if kind == "P" or kind == "COL":
            if last() in ("P", ")"):
                out.append(("OP", "AND"))
            if kind == "COL" and last() == "COL":
                out.pop()
            out.append((kind, value))
        elif kind == "OP":
            if last() in (None, "(") and value == "NOT":
                raise SearchQueryError(
                    "NOT needs a word before it, as in navo NOT turkije (articles with navo but not turkije).",
                    user_text,
                )
            if last() in ("P", ")"):
                out.append((kind, value))
            elif last() == "OP" and value == "NOT":
                if out[-1][1] == "OR":
                    raise SearchQueryError(
                        "OR NOT cannot be searched: FTS5 finds words, not their absence; "
                        "write navo NOT turkije for articles with navo but not turkije.",
                        user_text,
                    )
                out[-1] = ("OP", "NOT")  # "a AND NOT b" is "a NOT b"
        elif kind == "(":
            if depth >= MAX_DEPTH:
                ignored += 1
                continue
            if last() in ("P", ")"):
                out.append(("OP", "AND"))
            out.append(("(", ""))
            depth += 1
        elif kind == ")":
            if ignored:
                ignored -= 1
                continue
            if not depth:
                continue
            while last() in ("OP", "COL"):
                out.pop()
            depth -= 1
            if last() == "(":
                out.pop()
                while last() in ("OP", "COL"):
                    out.pop()
            else:
                out.append((")", ""))
    while last() in ("OP", "COL", "("):
        if out.pop()[0] == "(":
            depth -= 1
    out.extend([(")", "")] * depth)
    if not out:
        return NOTHING
    parts = []
    for kind, value in out:
        parts.append({"P": value, "OP": value, "(": "(", ")": ")", "COL": f"{value} :"}[kind])
    return " ".join(parts)
