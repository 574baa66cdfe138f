"""Regenerate `ingest/data/companies_faker.tsv`: companies from the Faker package's Dutch company provider.

Development-time only: the package reads the generated file, never Faker. Faker is MIT-licensed; its
`nl_NL` company provider lists about 480 large companies in the Netherlands ("Coolblue", "Tata Steel",
"Havenbedrijf Rotterdam"). A name is kept as an organisation when it

- is no common Dutch word and no given name or surname (Faker's person providers: "Dirk", "Driessen"),
  no place and no nationality;
- if it is one plain word, is no frequent word in Dutch or English either (wordfreq Zipf 3.5 and up:
  "Mars", "Metro", "Gamma", "Portaal"; this costs "Ikea" and "Starbucks") and none of the Dutch nouns
  below that frequency that the provider lists ("Kramp", "Mammoet");
- does not open with a given name ("Jan de Rijk", "Simon Loos": the rules read those as people) and is
  not a surname alone ("Van Oord", "Ten Brinke": a family's name, as often a person's; "De Bijenkorf" stays);
- is not a spelling the shipped entity files already have (they win).

"Q8 (Kuwait Petroleum Europe)" gives the alias in brackets, "NSI N.V." the name without its legal form,
"BMW Nederland" the name without "Nederland" or "Benelux" (when that is no excluded word either).
Two entries that the provider glues together ("KruidvatVan Merksteijn Steel") are left out.

Usage:
    pip install faker wordfreq
    python tools/build_companies.py
"""

import importlib
import re
import sys
from pathlib import Path

from wordfreq import zipf_frequency

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ingest.mention_words import PARTICLE_WORDS  # noqa: E402
from ingest.gazetteer import DATA_DIR, DEFAULT_ENTITY_FILES, build_gazetteer  # noqa: E402
from tools.build_first_names import LOCALES  # noqa: E402

MAX_WORD_ZIPF = 3.5
DUTCH_NOUNS = {"Kramp", "Mammoet"}
GLUED = re.compile(r"[a-z][A-Z][a-z]+ ")  # "KruidvatVan Merksteijn": two entries without their separator
LEGAL_FORM = re.compile(r",? (?:N\.V\.|B\.V\.)$")
COUNTRY_SUFFIX = re.compile(r" (?:Nederland|Benelux)$")


def faker_companies():
    from faker.providers.company.nl_NL import Provider

    return list(Provider.large_companies)


def faker_surnames(locales=LOCALES):
    names = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        names.update(getattr(provider, "last_names", None) or ())
    return names


def spellings(raw):
    """(name, aliases) of one provider entry, or None when it is glued to the next."""
    if GLUED.search(raw):
        return None
    name, aliases = raw.split(", a ")[0], []
    bracket = re.fullmatch(r"(.+?) \((.+)\)", name)
    if bracket:
        name, alias = bracket.groups()
        aliases.append(alias)
    short = LEGAL_FORM.sub("", name)
    if short != name:
        aliases.append(name)
        name = short
    without_country = COUNTRY_SUFFIX.sub("", name)
    if without_country != name:
        aliases.append(without_country)
    return name, aliases


def excluded(spelling, gazetteer, surnames):
    """Whether a spelling must not name an organisation of its own."""
    words = spelling.split()
    lower = spelling.lower()
    return (
        spelling in gazetteer.surfaces
        or lower in gazetteer.common_words
        or spelling in gazetteer.nationalities
        or words[0] in gazetteer.first_names
        or (words[0].lower() in ("van", "ten", "ter") and all(w.lower() in PARTICLE_WORDS for w in words[1:-1]))
        or (len(words) == 1 and (spelling in surnames or spelling in DUTCH_NOUNS or (spelling.isalpha() and not spelling.isupper() and max(
            zipf_frequency(lower, "nl"), zipf_frequency(lower, "en")) >= MAX_WORD_ZIPF)))
    )


def main():
    path = DATA_DIR / "companies_faker.tsv"
    gazetteer = build_gazetteer([f for f in DEFAULT_ENTITY_FILES if f != path])
    surnames = faker_surnames()
    rows = []
    for raw in faker_companies():
        found = spellings(raw)
        if found is None:
            continue
        name, aliases = found
        if excluded(name, gazetteer, surnames):
            continue
        aliases = [a for a in aliases if not excluded(a, gazetteer, surnames)]
        rows.append((name, aliases))
    with open(path, "w", encoding="utf-8") as f:
        f.write("name\ttype\twikidata\taliases\n")
        for name, aliases in sorted(rows):
            f.write(f"{name}\torganization\t\t{'|'.join(aliases)}\n")
    print(f"{len(rows)} companies")


if __name__ == "__main__":
    main()
