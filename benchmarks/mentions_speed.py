"""Measure the default mention extractor's speed in tokens per second on one core.

    python benchmarks/mentions_speed.py            # the issue's seed article, repeated
    python benchmarks/mentions_speed.py FILE       # any UTF-8 text; articles separated by two blank lines

Tokens are whitespace-separated words. The gazetteer is loaded before timing, as in
a long-running ingest; each article is extracted on its own, as ingest does.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.mentions import extract_mentions, load_gazetteer  # noqa: E402

SEED = """De Russische president Vladimir Poetin heeft zondag met zijn Turkse ambtgenoot Recep Tayyip Erdogan gesproken over de eisen van Moskou om een einde te maken aan de uitbreiding van de NAVO naar het oosten. Dat meldt het Kremlin.

Het telefoongesprek van zondag ging over de voorstellen van Poetin voor juridisch bindende overeenkomsten om de veiligheid van Rusland te garanderen. Poetin heeft de VS en de NAVO herhaaldelijk opgeroepen om een meer ontspannen beleid te voeren. Turkije maakt deel uit van de NAVO.

Concreet roept de leider van het Kremlin de NAVO op om Oekraïne niet toe te laten. Zondag staat daarover trouwens een telefonisch gesprek op het programma tussen de Amerikaanse president Joe Biden en de Oekraïense president Volodymyr Zelensky. Oekraïne blijft streven naar lidmaatschap van de NAVO.

Poetin had in gesprekken met onder anderen de Duitse bondskanselier Olaf Scholz en de Franse president Emmanuel Macron duidelijk gemaakt dat Rusland zijn veiligheid bedreigd ziet door de stappen van de NAVO. Volgens het Kremlin bevestigden Poetin en Erdogan opnieuw hun wil om het partnerschap tussen hun twee landen te intensiveren. Zij bespraken ook andere internationale conflicten, waaronder de situatie in de zuidelijke Kaukasus, Syrië en Libië."""


def articles_from(path):
    if path is None:
        return [SEED] * 500
    articles = [a for a in Path(path).read_text(encoding="utf-8").split("\n\n\n") if a.strip()]
    if not articles:
        raise SystemExit(f"{path}: no text")
    return articles


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="text file (default: the seed article repeated)")
    parser.add_argument("--min-seconds", type=float, default=2.0, help="repeat the corpus for at least this long")
    args = parser.parse_args(argv)
    articles = articles_from(args.file)
    tokens_per_pass = sum(len(a.split()) for a in articles)
    gazetteer = load_gazetteer()
    extract_mentions(articles[0], gazetteer)
    tokens, mentions, started = 0, 0, time.process_time()
    while time.process_time() - started < args.min_seconds:
        for article in articles:
            mentions += len(extract_mentions(article, gazetteer))
        tokens += tokens_per_pass
    seconds = time.process_time() - started
    print(f"{tokens} tokens, {mentions} mentions in {seconds:.2f} s CPU")
    print(f"{tokens / seconds:,.0f} tokens/s")


if __name__ == "__main__":
    main()
