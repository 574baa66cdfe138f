"""Entities found by what people type: any name, alias or surname, in any case and accent form.

``EntityIndex`` maps the ``match_key`` (normalised, quotes folded, accents and
case ignored) of every canonical name in ``entities``, of every alias the
gazetteer knows for it (``ingest/data``) and of the last words of every
person's name ("Poetin", "Tayyip Erdogan") to the entities it may name.
``resolve`` prefers an exact name over an alias over a surname; among several
entities at the same level it takes the most covered one and lists the others,
so a page can say which one it used and offer the choices. A name it does not
know is looked up among the texts of the mentions (``resolve_by_mentions``).

The index is built once per database on first use and rebuilt when the
entities table changes (its row count or largest id).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from datasette.database import QueryInterrupted

from ingest.textclean import match_key

EXACT, ALIAS, SURNAME = 0, 1, 2


@dataclass
class Resolution:
    given: str
    name: str | None  # the canonical entity used; None when nothing matches
    type: str | None = None
    choices: list[str] = field(default_factory=list)  # other entities the name may mean

    @property
    def changed(self) -> bool:
        return self.name is not None and (self.name != self.given or bool(self.choices))

    def note(self) -> str:
        if self.name is None:
            return f"No entity is called “{self.given}”."
        text = f"“{self.given}” is {self.name} ({self.type})."
        if self.choices:
            text += " It may also mean: " + ", ".join(self.choices) + "."
        return text

    def as_json(self) -> dict:
        return {"given": self.given, "entity": self.name, "type": self.type, "choices": self.choices}


@dataclass
class EntityIndex:
    entities: dict[str, list[tuple[str, int]]]  # name -> [(type, article_count)]
    keys: dict[str, list[tuple[int, str, str]]]  # key -> [(level, name, type)]
    searchable: list[tuple[str, str]] = field(default_factory=list)  # (key of a name or alias, name)

    @classmethod
    def build(cls, rows, aliases: dict[str, list[str]]) -> "EntityIndex":
        entities: dict[str, list[tuple[str, int]]] = {}
        keys: dict[str, set[tuple[int, str, str]]] = {}
        searchable: list[tuple[str, str]] = []
        for name, type_, article_count in rows:
            entities.setdefault(name, []).append((type_, article_count or 0))
            key = match_key(name)
            keys.setdefault(key, set()).add((EXACT, name, type_))
            searchable.append((key, name))
            for alias in aliases.get(name, ()):
                alias_key = match_key(alias)
                keys.setdefault(alias_key, set()).add((ALIAS, name, type_))
                searchable.append((alias_key, name))
            if type_ == "person":
                words = key.split()
                for i in range(1, len(words)):
                    keys.setdefault(" ".join(words[i:]), set()).add((SURNAME, name, type_))
        return cls(entities, {k: sorted(v) for k, v in keys.items()}, searchable)

    def _count(self, name: str, type_: str) -> int:
        return next((count for t, count in self.entities.get(name, ()) if t == type_), 0)

    def resolve(self, text: str, types: tuple[str, ...] | None = None) -> Resolution:
        candidates = [c for c in self.keys.get(match_key(text), ()) if not types or c[2] in types]
        if not candidates:
            return Resolution(text, None)
        best_level = min(level for level, _, _ in candidates)
        found = {(name, type_) for level, name, type_ in candidates if level == best_level}
        ranked = sorted(found, key=lambda nt: (-self._count(*nt), nt[0]))
        name, type_ = ranked[0]
        choices = [other for other, _ in ranked[1:] if other != name]
        return Resolution(text, name, type_, choices)

    def search(self, text: str, limit: int = 10_000) -> list[str]:
        """Names of the entities whose name or an alias contains every word of ``text``, as typed."""
        words = match_key(text).split()
        if not words:
            return []
        found: dict[str, None] = {}
        first, rest = words[0], words[1:]
        for key, name in self.searchable:
            if first in key and all(word in key for word in rest):
                found[name] = None
                if len(found) >= limit:
                    break
        return list(found)


def gazetteer_aliases() -> dict[str, list[str]]:
    """Canonical name -> every surface form the shipped gazetteer knows for it."""
    from ingest.gazetteer import default_gazetteer

    aliases: dict[str, list[str]] = {}
    for surface, entity in default_gazetteer().surfaces.items():
        if surface != entity.name:
            aliases.setdefault(entity.name, []).append(surface)
    return aliases


_cache: dict[tuple, tuple[tuple, EntityIndex]] = {}
_aliases: dict[str, list[str]] | None = None
_lock = asyncio.Lock()


async def entity_index(datasette, database: str) -> EntityIndex | None:
    """The index of ``database``, built on first use; None when it has no entities table."""
    global _aliases
    db = datasette.get_database(database)
    if "entities" not in await db.table_names():
        return None
    stamp = tuple((await db.execute("select count(*), max(id) from entities")).first())
    database = (database, db.path, id(datasette))
    cached = _cache.get(database)
    if cached and cached[0] == stamp:
        return cached[1]
    async with _lock:
        cached = _cache.get(database)
        if cached and cached[0] == stamp:
            return cached[1]
        if _aliases is None:
            _aliases = await asyncio.get_running_loop().run_in_executor(None, gazetteer_aliases)
        rows = [tuple(r) for r in await db.execute("select name, type, article_count from entities", custom_time_limit=30_000)]
        index = await asyncio.get_running_loop().run_in_executor(None, EntityIndex.build, rows, _aliases)
        _cache[database] = (stamp, index)
        return index


MENTION_LOOKUP_MS = 500


async def resolve_by_mentions(datasette, database: str, text: str, types: tuple[str, ...] | None) -> Resolution:
    """A name the index does not know, looked up among the texts of the mentions (ignoring ASCII case).

    This finds aliases that only a user's entity file gave at ingest. The mentions
    table has no index on its text, so the look-up is given at most half a second:
    on a very large archive it may find nothing.
    """
    type_filter = f"and entities.type in ({', '.join('?' * len(types))})" if types else ""
    try:
        rows = await datasette.get_database(database).execute(
            f"""select entities.name, entities.type, count(*) as n
            from mentions join entities on entities.id = mentions.entity_id
            where mentions.text = ? collate nocase {type_filter}
            group by entities.id order by n desc, entities.name limit 5""",
            [text, *(types or ())],
            custom_time_limit=MENTION_LOOKUP_MS,
        )
    except QueryInterrupted:
        return Resolution(text, None)
    rows = list(rows)
    if not rows:
        return Resolution(text, None)
    return Resolution(text, rows[0][0], rows[0][1], [row[0] for row in rows[1:] if row[0] != rows[0][0]])
