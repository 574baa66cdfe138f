"""Store mentions and keep the entity tables and article facets in step with them.

The extractor (mentions.py) works on text; this module is its database side:
the ``entities`` and ``mentions`` tables, the JSON array columns ``people``,
``places`` and ``organizations`` on articles (for Datasette's array facets),
and the per-entity counts.
"""

from __future__ import annotations

import json
from typing import Iterable

import sqlite_utils
from sqlite_utils.utils import chunks

from .articles import find_paragraph_mentions
from .mention_words import PARTICLE_WORDS, surname_keys
from .mentions import Mention

FACET_COLUMNS = {"person": "people", "location": "places", "organization": "organizations"}


class MentionStore:
    """Writes mentions, remembering entity ids and which entities need their counts refreshed."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.entity_ids: dict[tuple[str, str], int] = {}
        self.added: dict[int, list[int]] = {}  # entity id -> [mentions, articles] added since last flush
        self.pending: list[tuple] = []  # mention rows not written yet

    def entity_id(self, name: str, type_: str, wikidata: str | None) -> int:
        key = (name, type_)
        if key not in self.entity_ids:
            # A Q-id given now (a user's file, a gazetteer update) is kept; none given keeps the stored one.
            self.db.execute(
                "insert into entities (name, type, wikidata) values (?, ?, ?) on conflict (name, type) do update"
                " set wikidata = excluded.wikidata where excluded.wikidata is not null",
                [name, type_, wikidata],
            )
            self.entity_ids[key] = self.db.execute(
                "select id from entities where name = ? and type = ?", [name, type_]
            ).fetchone()[0]
        return self.entity_ids[key]

    def store(self, article_id: int, paragraph_ids: list[int], mentions: Iterable[tuple[int, Mention]], skip: set[int]) -> dict:
        """Queue the mentions outside paragraphs in ``skip``; return the article's facet columns."""
        facets = {column: [] for column in FACET_COLUMNS.values()}
        rows = []
        counted: set[int] = set()
        for paragraph, m in mentions:
            paragraph_id = paragraph_ids[paragraph]
            if paragraph_id in skip:
                continue
            entity_id = self.entity_id(m.entity, m.type, m.wikidata)
            counts = self.added.setdefault(entity_id, [0, 0])
            counts[0] += 1
            if entity_id not in counted:
                counted.add(entity_id)
                counts[1] += 1
            rows.append((article_id, paragraph_id, entity_id, m.start, m.end, m.text, m.type, m.method))
            column = FACET_COLUMNS.get(m.type)
            if column and m.entity not in facets[column]:
                facets[column].append(m.entity)
        self.pending.extend(rows)
        return {column: json.dumps(names, ensure_ascii=False) for column, names in facets.items()}

    def flush(self) -> None:
        """Write the queued mentions and add their counts (call inside the batch's transaction)."""
        self.db.conn.executemany(
            "insert into mentions (article_id, paragraph_id, entity_id, start, [end], text, type, method) values (?, ?, ?, ?, ?, ?, ?, ?)",
            self.pending,
        )
        self.db.conn.executemany(
            "update entities set mention_count = mention_count + ?, article_count = article_count + ? where id = ?",
            [(mentions, articles, entity_id) for entity_id, (mentions, articles) in self.added.items()],
        )
        self.pending.clear()
        self.added.clear()


def recount_entities(db: sqlite_utils.Database, entity_ids: Iterable[int]) -> None:
    """Recount these entities from the mentions table; drop those left without mentions."""
    ids = sorted(set(entity_ids))
    for chunk in map(list, chunks(ids, 10_000)):
        placeholders = ",".join("?" * len(chunk))
        db.execute(
            f"""update entities set
                mention_count = (select count(*) from mentions where entity_id = entities.id),
                article_count = (select count(distinct article_id) from mentions where entity_id = entities.id)
            where id in ({placeholders})""",
            chunk,
        )
        db.execute(f"delete from entities where id in ({placeholders}) and mention_count = 0", chunk)


def facet_columns(db: sqlite_utils.Database, article_ids: list[int]) -> dict[int, dict]:
    """The people/places/organizations columns of these articles, from their mentions."""
    facets = {a: {column: [] for column in FACET_COLUMNS.values()} for a in article_ids}
    placeholders = ",".join("?" * len(article_ids))
    for article_id, name, type_ in db.execute(
        f"""select m.article_id, e.name, e.type from mentions m join entities e on e.id = m.entity_id
        where m.article_id in ({placeholders}) order by m.id""",
        article_ids,
    ):
        column = FACET_COLUMNS.get(type_)
        if column and name not in facets[article_id][column]:
            facets[article_id][column].append(name)
    return {a: {c: json.dumps(names, ensure_ascii=False) for c, names in f.items()} for a, f in facets.items()}


def set_facet_columns(db: sqlite_utils.Database, facets: dict[int, dict]) -> None:
    """Write the people/places/organizations columns of these articles, in one statement."""
    db.conn.executemany(
        "update articles set people = :people, places = :places, organizations = :organizations where id = :id",
        [columns | {"id": article_id} for article_id, columns in facets.items()],
    )


def reextract_mentions(db: sqlite_utils.Database, article_ids: Iterable[int], gazetteer=None, on_progress=None) -> None:
    """Run extraction again for these articles, replacing their mentions and facet columns."""
    ids = list(article_ids)
    for chunk in map(list, chunks(ids, 500)):
        placeholders = ",".join("?" * len(chunk))
        paragraphs: dict[int, list[tuple[int, str, int]]] = {a: [] for a in chunk}
        for article_id, paragraph_id, text, boilerplate in db.execute(
            f"""select ap.article_id, p.id, p.text, p.boilerplate
            from article_paragraphs ap join paragraphs p on p.id = ap.paragraph_id
            where ap.article_id in ({placeholders}) order by ap.article_id, ap.position""",
            chunk,
        ):
            paragraphs[article_id].append((paragraph_id, text, boilerplate))
        found = {a: find_paragraph_mentions([r[1] for r in rows], gazetteer) for a, rows in paragraphs.items()}
        with db.atomic():
            touched = {row[0] for row in db.execute(f"select distinct entity_id from mentions where article_id in ({placeholders})", chunk)}
            db.execute(f"delete from mentions where article_id in ({placeholders})", chunk)
            store = MentionStore(db)
            set_facet_columns(
                db,
                {
                    article_id: store.store(article_id, [r[0] for r in rows], found[article_id], skip={r[0] for r in rows if r[2]})
                    for article_id, rows in paragraphs.items()
                },
            )
            touched |= set(store.added)
            store.flush()
            recount_entities(db, touched)
        if on_progress:
            on_progress(len(chunk))
    link_partial_names(db, gazetteer)


def remembered_entities(db: sqlite_utils.Database, entity_files: Iterable = ()) -> list[tuple]:
    """Users' entity rows for this archive: those of `entity_files` (paths, read now and stored in
    ``user_entities``, a row replacing a stored row of the same name), then those stored by earlier runs.

    Returns (name, type, wikidata, aliases) tuples for `load_gazetteer(user_rows=...)`. Raises
    ValueError, before anything is stored, naming file and line for a bad file, or the row for a
    stored row edited into a bad one; the message ends in what to do.
    """
    from .gazetteer import parse_entity_row, read_entity_file

    merged: dict[str, tuple] = {}  # a name's rows in one run add up, as in the gazetteer
    try:
        for name, type_, wikidata, aliases in (row for path in entity_files for row in read_entity_file(path)):
            known = merged.get(name)
            merged[name] = (name, type_, wikidata, list(aliases)) if known is None else (
                name, known[1], known[2] or wikidata, known[3] + [a for a in aliases if a not in known[3]])
    except ValueError as error:
        raise ValueError(f"{error}. Fix the entities file, or leave out --entities") from error
    given = list(merged.values())
    archive = db.execute("pragma database_list").fetchone()[2] or "the archive"
    try:
        stored = [
            parse_entity_row(f"{archive}, table user_entities, rowid {rowid}", [name, type_, wikidata or "", aliases or ""])
            for rowid, name, type_, wikidata, aliases in db.execute(
                "select rowid, name, type, wikidata, aliases from user_entities order by rowid")
            if name not in merged
        ] if db["user_entities"].exists() else []
    except ValueError as error:
        raise ValueError(f"{error}. Correct or delete that row (sqlite-utils, Datasette), or give an "
                         "entities file with a row of the same name, which replaces it") from error
    if given:
        with db.atomic():
            db["user_entities"].upsert_all(
                ({"name": name, "type": type_, "wikidata": wikidata, "aliases": "|".join(aliases)}
                 for name, type_, wikidata, aliases in given),
                pk="name",
            )
    return given + stored


def link_partial_names(db: sqlite_utils.Database, gazetteer=None) -> int:
    """Apply `archive_links` to the archive: move the mentions of each linked entity to its target.

    The mentions move (method ``archive``), the counts and the articles' facet columns follow.
    Returns the number of entities linked.
    """
    from .gazetteer import default_gazetteer

    gazetteer = gazetteer or default_gazetteer()
    rows = db.execute("select id, name, type, wikidata from entities").fetchall()
    ids = {(name, type_): entity_id for entity_id, name, type_, _ in rows}
    links = archive_links(((name, type_, wikidata) for _, name, type_, wikidata in rows), gazetteer)
    if not links:
        return 0
    store = MentionStore(db)
    with db.atomic():
        articles: set[int] = set()
        moved = set()
        for source, (name, type_, wikidata) in links.items():
            source_id = ids[source]
            target_id = ids.get((name, type_)) or store.entity_id(name, type_, wikidata)
            articles.update(row[0] for row in db.execute(
                "select distinct article_id from mentions where entity_id = ?", [source_id]))
            db.execute("update mentions set entity_id = ?, type = ?, method = 'archive' where entity_id = ?",
                       [target_id, type_, source_id])
            moved |= {source_id, target_id}
        recount_entities(db, moved)
        article_ids = sorted(articles)
        for chunk in map(list, chunks(article_ids, 500)):
            set_facet_columns(db, facet_columns(db, chunk))
    return len(links)


def archive_links(entities: Iterable[tuple[str, str, str | None]], gazetteer) -> dict[tuple[str, str], tuple]:
    """Which entities of an archive are another one, seen across all its articles.

    `entities` gives (name, type, wikidata) for every entity of the archive. Two rules:

    - a person (or `other`) entity whose name is one word ("Halsema", "Femke") or a surname with its
      particles ("De Vries") is the full-name person of the archive (one that opens with a known first
      name) or of the gazetteer that it names: by its surname, or by its first name when it is a known
      first name. Within an article coreference.py did this already; this is across articles.
    - an `other` entity (a name no cue typed where it stood) is the entity of the same name that cues
      typed elsewhere in the archive ("Veltrama" after "bij Veltrama" in another article).

    When two or more targets fit ("De Vries": Jan de Vries and Peter R. de Vries; a name typed both a
    place and an organisation), the entity stays as it is: unlinked rather than wrong.
    Returns {(name, type): (target name, target type, target wikidata)}.
    """
    entities = list(entities)
    full_names = {name: wikidata for name, type_, wikidata in entities
                  if type_ == "person" and _is_full_name(name) and name.split()[0] in gazetteer.first_names}
    known = dict(full_names)
    for entity in gazetteer.entities.values():
        if entity.type == "person" and _is_full_name(entity.name):
            known.setdefault(entity.name, entity.wikidata)
    by_key: dict[str, set[str]] = {}
    for name in known:
        for key in surname_keys(name):
            by_key.setdefault(key, set()).add(name)
        first = name.split()[0]
        if first in gazetteer.first_names:
            by_key.setdefault(first, set()).add(name)
    typed: dict[str, list] = {}
    for name, type_, wikidata in entities:
        if type_ in FACET_COLUMNS:
            typed.setdefault(name, []).append((name, type_, wikidata))
    links = {}
    for name, type_, _ in entities:
        if type_ not in ("person", "other") or name in gazetteer.entities:
            continue
        targets = () if _is_full_name(name) else by_key.get(name, ())
        if len(targets) == 1:
            target = next(iter(targets))
            links[(name, type_)] = (target, "person", known[target])
        elif type_ == "other" and len(typed.get(name, ())) == 1:
            links[(name, type_)] = typed[name][0]
    return links


def _is_full_name(name: str) -> bool:
    """"Jan de Vries", not "De Vries" or "Vries": two words or more, the first not a particle."""
    words = name.split()
    return len(words) > 1 and not words[0].lower() in PARTICLE_WORDS and words[0][:1].isupper()
