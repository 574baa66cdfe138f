"""Regenerate `ingest/data/companies.tsv`: companies named in Dutch and Flemish news, from two packages.

Development-time only: the package reads the generated file, never these packages. Both are MIT-licensed:

- Faker's `nl_NL` company provider lists about 480 large companies in the Netherlands ("Coolblue",
  "Tata Steel", "Havenbedrijf Rotterdam");
- pytickersymbols lists the companies of stock indices; we take those whose companies Dutch and Flemish
  news names most: AEX, BEL 20, EURO STOXX 50, DAX, CAC 40, FTSE 100, S&P 100, NASDAQ 100 and the SMI
  ("Umicore", "Ackermans & van Haaren", "Airbus", "Nvidia"). Their legal forms are dropped from the
  name ("Apple Inc." is "Apple", with "Apple Inc." as an alias).

A name is kept as an organisation when it

- is no common Dutch word, no nationality or place, and does not open with a given name ("Jan de Rijk",
  "Simon Loos": the rules read those as people);
- is not a family name alone ("Van Oord", "Ten Brinke": as often a person's; "De Bijenkorf" stays);
- from Faker, when it is one plain word: is no surname (Faker's person providers: "Driessen"), no frequent
  word in Dutch or English (wordfreq Zipf 3.5 and up: "Mars", "Metro", "Gamma", "Portaal"; this costs
  "Ikea" and "Starbucks") and none of the Dutch nouns below that frequency the provider lists ("Kramp",
  "Mammoet", "Fluor"). Listed companies are brands first ("Ferrari", "Philips"), so this test is not made
  for them;
- is none of the few entries that more often name something else: "Sita" (a given name), "Rochdale" (a
  town), "Bavaria" (a region), "In Person" (an English phrase);
- is not a spelling the other shipped entity files have (they are read first and win).

"Q8 (Kuwait Petroleum Europe)" gives the alias in brackets, "BMW Nederland" the name without
"Nederland" or "Benelux". Two Faker entries that are glued together ("KruidvatVan Merksteijn Steel") are
left out.

Usage:
    pip install faker wordfreq pytickersymbols
    python tools/build_companies.py
"""

import importlib
import re
import sys
from pathlib import Path

from wordfreq import zipf_frequency

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ingest.gazetteer import DATA_DIR, DEFAULT_ENTITY_FILES, build_gazetteer  # noqa: E402
from ingest.mention_words import PARTICLE_WORDS  # noqa: E402
from tools.build_first_names import LOCALES  # noqa: E402

OUTPUT = DATA_DIR / "companies.tsv"
INDICES = ("AEX", "BEL 20", "EURO STOXX 50", "DAX", "CAC_40", "FTSE 100", "S&P 100", "NASDAQ 100", "Switzerland 20")
MAX_WORD_ZIPF = 3.5
DUTCH_NOUNS = {"Kramp", "Mammoet", "Fluor"}
# Entries that more often name something else in Dutch news: a given name, a town, a region, an English phrase.
NOT_COMPANIES = {"Sita", "Rochdale", "Bavaria", "In Person"}
GLUED = re.compile(r"[a-z][A-Z][a-z]+ ")  # "KruidvatVan Merksteijn": two entries without their separator
LEGAL_FORM = re.compile(r",?(?: (?:N\.V\.|NV|B\.V\.|S\.A\.|SA|SE|AG|plc|Inc\.|Inc|Corp\.|Corporation|Group|Holding|Holdings))+$")
COUNTRY_SUFFIX = re.compile(r" (?:Nederland|Benelux)$")


def faker_companies():
    from faker.providers.company.nl_NL import Provider

    return [raw for raw in Provider.large_companies if not GLUED.search(raw)]


def listed_companies(indices=INDICES):
    from pytickersymbols import PyTickerSymbols

    tickers = PyTickerSymbols()
    return sorted({stock["name"] for index in indices for stock in tickers.get_stocks_by_index(index)})


def faker_surnames(locales=LOCALES):
    names = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        names.update(getattr(provider, "last_names", None) or ())
    return names


def spellings(raw):
    """(name, aliases) of one source entry: the name without brackets, legal form or country; the legal
    form stays when the name without it would be a frequent word ("Compass Group", "Diploma plc") or a
    family name ("De Rijke Group")."""
    name, aliases = raw.split(", a ")[0], []
    bracket = re.fullmatch(r"(.+?) \((.+)\)", name)
    if bracket:
        name, alias = bracket.groups()
        if alias[:1].isupper():  # "Q8 (Kuwait Petroleum Europe)", not "Rio Tinto (corporation)"
            aliases.append(alias)
    short = LEGAL_FORM.sub("", name)
    if short != name and len(short) > 1 and not is_frequent_word(short) and short.split()[0].lower() not in PARTICLE_WORDS:
        aliases.append(name)
        name = short
    without_country = COUNTRY_SUFFIX.sub("", name)
    if without_country != name:
        aliases.append(without_country)
    return name, aliases


def excluded(spelling, gazetteer, word_test=None):
    """Whether a spelling must not name an organisation of its own; `word_test(spelling)` adds a test
    for names of one word."""
    words = spelling.split()
    return (
        spelling in gazetteer.surfaces
        or spelling in NOT_COMPANIES
        or spelling.lower() in gazetteer.common_words
        or spelling in gazetteer.nationalities
        or words[0] in gazetteer.first_names
        or (words[0].lower() in ("van", "ten", "ter") and all(w.lower() in PARTICLE_WORDS for w in words[1:-1]))
        or (len(words) == 1 and word_test is not None and word_test(spelling))
    )


def is_frequent_word(spelling):
    """One plain word, frequent in Dutch or English (wordfreq Zipf 3.5 and up)."""
    lower = spelling.lower()
    return spelling.isalpha() and not spelling.isupper() and (
        max(zipf_frequency(lower, "nl"), zipf_frequency(lower, "en")) >= MAX_WORD_ZIPF)


def faker_word_test(surnames):
    def is_word(spelling):
        return spelling in surnames or spelling in DUTCH_NOUNS or is_frequent_word(spelling)

    return is_word


def main():
    gazetteer = build_gazetteer([f for f in DEFAULT_ENTITY_FILES if f != OUTPUT])
    sources = ((faker_companies(), faker_word_test(faker_surnames())), (listed_companies(), None))
    rows = {}
    for entries, word_test in sources:
        for raw in entries:
            name, aliases = spellings(raw)
            if name in rows or excluded(name, gazetteer, word_test):
                continue
            rows[name] = [a for a in aliases if not excluded(a, gazetteer, word_test)]
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write("name\ttype\twikidata\taliases\n")
        for name, aliases in sorted(rows.items()):
            f.write(f"{name}\torganization\t\t{'|'.join(aliases)}\n")
    print(f"{len(rows)} companies")


if __name__ == "__main__":
    main()
