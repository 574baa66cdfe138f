"""The entity tables and word lists that mention extraction reads.

The shipped tables live in `ingest/data/` (see the README there for sources and
licences). Users extend them with their own CSV or TSV files in the same format:
one entity per row, columns `name`, `type`, `wikidata`, `aliases` (aliases
separated by `|`). A row whose name already exists adds its aliases to that
entity, so a user file can teach the extractor new spellings of known entities.
"""

import csv
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import ahocorasick

from .textclean import normalize

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_ENTITY_FILES = (DATA_DIR / "entities.tsv", DATA_DIR / "places.tsv", DATA_DIR / "companies.tsv")
COLUMNS = ("name", "type", "wikidata", "aliases")
ARTICLE_OPENING = re.compile(r"(De|de|Het|het) (?=[A-Z])")
ENTITY_TYPES = ("person", "location", "organization", "other")
WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True)
class Entity:
    name: str
    type: str
    wikidata: str | None


class Gazetteer:
    """Canonical entities, the surface forms that name them, and the word lists.

    When two entities claim the same surface form, a canonical name beats an
    alias and otherwise the entity read first keeps it; user files are read
    before the shipped ones, so users can redirect an ambiguous alias.
    """

    def __init__(self, rows, first_names=(), common_words=(), nationalities=(), user_rows=(), english_words=(),
                 lowercase_words=()):
        user_rows = list(user_rows)
        rows = user_rows + list(rows)
        # Spellings from users' own files: they win over every rule, for spans and for types.
        self.user_surfaces = frozenset(
            surface for name, _, _, row_aliases in user_rows for surface in (name, *row_aliases)
        )
        self.entities: dict[str, Entity] = {}
        aliases: dict[str, list[str]] = {}
        for name, type_, wikidata, row_aliases in rows:
            known = self.entities.get(name)
            if known is None:
                self.entities[name] = Entity(name, type_, wikidata)
            elif known.wikidata is None and wikidata:
                self.entities[name] = Entity(name, known.type, wikidata)
            aliases.setdefault(name, []).extend(row_aliases)
        self.surfaces: dict[str, Entity] = {name: e for name, e in self.entities.items()}
        for name, names in aliases.items():
            for alias in names:
                self.surfaces.setdefault(alias, self.entities[name])
        for name, _, _, row_aliases in user_rows:
            for alias in row_aliases:
                self.surfaces[alias] = self.entities[name]
        self.capitals_forms = set()  # "DEN HAAG (BELGA) -": datelines write names in capitals
        for surface, entity in list(self.surfaces.items()):
            if entity.type in ("location", "organization") and len(surface) > 3 and surface.upper() not in self.surfaces:
                self.surfaces[surface.upper()] = entity
                self.capitals_forms.add(surface.upper())
            # The first letter in the other case: "De Standaard" is "de Standaard" in running text, "de
            # Volkskrant" and "ministerie van Defensie" open a sentence as "De Volkskrant", "Ministerie van ...".
            if ARTICLE_OPENING.match(surface) or (surface[:1].islower() and " " in surface):
                self.surfaces.setdefault(surface[0].swapcase() + surface[1:], entity)
        self.first_names = frozenset(first_names)
        self.common_words = frozenset(common_words)
        self.lowercase_words = frozenset(lowercase_words)  # "btw", "gsm": in capitals a noun, not an acronym
        # Nationality and inhabitant words: the hand-written list and the inhabitants of every known place.
        self.nationalities = frozenset(nationalities).union(
            name for surface, entity in self.surfaces.items()
            if entity.type == "location" and surface.isalpha() and not surface.isupper()
            for name in inhabitant_names(surface)
        )
        self.english_words = frozenset(english_words)

    @cached_property
    def automaton(self):
        """Aho-Corasick automaton over every surface form, built on first use."""
        automaton = ahocorasick.Automaton()
        for surface, entity in self.surfaces.items():
            automaton.add_word(surface, (len(surface), entity))
        automaton.make_automaton()
        return automaton


INHABITANT_ENDINGS = ("enaren", "enaars", "naren", "naars", "aren", "aars", "lingen", "ers")


def inhabitant_names(place):
    """The regular inhabitant names of `place` in the plural, formed with the Dutch suffixes of inhabitant
    names (Genootschap Onze Taal, "Inwonersnamen"): "Eindhovenaren", "Gentenaars", "Bruggelingen",
    "Amsterdammers", "Groningers", "Zwollenaren". Not the singular ("Molenaar", "Breeling", "Groninger"
    are surnames too), not for places under five letters ("Molenaars" from Mol), and "-ers" after a
    dropped "-en" only for longer places ("Groningers", but not "Bergers" from Bergen). Irregular
    names ("Hagenaars", "Friezen") are for nationalities.txt."""
    if len(place) < 5:
        return []
    names = [place + ending for ending in INHABITANT_ENDINGS]
    if place.endswith("en") and len(place) >= 7:
        names.append(place[:-2] + "ers")  # Groningers
    if place.endswith("e"):
        names += [place[:-1] + ending for ending in ("enaren", "enaars")]  # Zwollenaren
    if place[-1] not in "aeiou" and place[-2] in "aeiou" and place[-3] not in "aeiou":
        names.append(place + place[-1] + "ers")  # Amsterdammers
    return names


def read_entity_file(path):
    """Yield (name, type, wikidata, aliases) rows; raise ValueError naming file and line."""
    path = Path(path)
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            lines = list(csv.reader(f, delimiter=delimiter))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ValueError(f"{path}: cannot read entity file: {e}") from e
    if not lines or tuple(c.strip().lower() for c in lines[0]) != COLUMNS:
        found = ", ".join(lines[0]) if lines else "an empty file"
        raise ValueError(f"{path}, line 1: header must be {', '.join(COLUMNS)}; found {found}")
    for number, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        yield parse_entity_row(f"{path}, line {number}", cells)


def parse_entity_row(where, cells):
    """(name, type, wikidata, aliases list) of one row's four cells (strings; aliases separated by "|");
    raises ValueError starting with `where` ("mine.csv, line 3") and saying what is wrong."""
    if len(cells) != len(COLUMNS):
        raise ValueError(f"{where}: expected {len(COLUMNS)} columns, found {len(cells)}")
    name, type_, wikidata, aliases = (normalize(c).strip() for c in cells)
    if not name:
        raise ValueError(f"{where}: the name is empty")
    if type_ not in ENTITY_TYPES:
        raise ValueError(f"{where}: type {type_!r} is not one of {', '.join(ENTITY_TYPES)}")
    if wikidata and not WIKIDATA_ID.fullmatch(wikidata):
        raise ValueError(f"{where}: wikidata {wikidata!r} is not a Q-id such as Q7747")
    alias_list = [a.strip() for a in aliases.split("|") if a.strip()]
    return name, type_, wikidata or None, alias_list


def read_word_list(path):
    """Words separated by whitespace; lines starting with # are comments."""
    with open(path, encoding="utf-8") as f:
        return [w for line in f if not line.startswith("#") for w in line.split()]


def load_gazetteer(extra_files=(), user_rows=()):
    """The shipped gazetteer extended with user entity files (CSV or TSV) and rows read from such files
    before ((name, type, wikidata, aliases) tuples, as `read_entity_file` gives; the files win)."""
    if not extra_files and not user_rows:
        return default_gazetteer()
    return build_gazetteer(DEFAULT_ENTITY_FILES, user_files=tuple(extra_files), user_rows=tuple(user_rows))


@lru_cache(maxsize=1)
def default_gazetteer():
    return build_gazetteer(DEFAULT_ENTITY_FILES)


def build_gazetteer(entity_files, user_files=(), user_rows=()):
    """A `Gazetteer` of these entity files (paths, read in order: the first to claim a spelling keeps it),
    users' files and rows (which win over every rule; the files before the rows) and the shipped word
    lists; raises ValueError for a bad file."""
    rows = [row for path in entity_files for row in read_entity_file(path)]
    return Gazetteer(
        rows,
        user_rows=[row for path in user_files for row in read_entity_file(path)] + list(user_rows),
        first_names=read_word_list(DATA_DIR / "first_names.txt") + read_word_list(DATA_DIR / "first_names_faker.txt"),
        common_words=read_word_list(DATA_DIR / "common_words.txt")
        + read_word_list(DATA_DIR / "common_words_europeana.txt")
        + read_word_list(DATA_DIR / "common_words_wordfreq.txt"),
        nationalities=read_word_list(DATA_DIR / "nationalities.txt"),
        english_words=read_word_list(DATA_DIR / "english_words_wordfreq.txt"),
        lowercase_words=read_word_list(DATA_DIR / "lowercase_words_opentaal.txt"),
    )
