"""Regenerate the word lists taken from maintained packages and open data, and prune the hand list.

Development-time only: the package reads the generated files in `ingest/data/`, never this script
and never the packages it uses here. Sources:

- `common_words_wordfreq.txt`: Dutch words with a Zipf frequency of at least 4.5 (about 30 per
  million words) in `wordfreq`'s Dutch data, which ships inside the wheel (nothing is downloaded);
  less the words that are first names or any spelling of a shipped entity ("amsterdam", "poetin":
  wordfreq lowercases names too). wordfreq's data is CC BY-SA 4.0 (code Apache-2.0), so this file is
  too; see `ingest/data/README.md`.
- `english_words_wordfreq.txt`: English words with a Zipf frequency of at least 4.5 in wordfreq's
  English data, less first names and entity spellings: a capitalised English phrase ("Black Friday",
  "Breaking News") made of them is no person's name. CC BY-SA 4.0 too.
- `lowercase_words_opentaal.txt`: words that the OpenTaal word list (Debian's `wdutch`,
  `/usr/share/dict/dutch`) spells in lower case only ("btw", "havo", "accepteer"; not "bakker", which it
  also lists as the name "Bakker"), less entity spellings: all of two to five letters, longer ones with a
  Zipf frequency of 3.0 and up in wordfreq. In capitals ("BTW") such a word is a common noun or
  emphasis, not an acronym, which OpenTaal writes in capitals ("NAVO"); opening a sentence before a
  name ("Accepteer Cookies") it is no part of the name. OpenTaal: BSD or CC BY 3.0; with wordfreq's
  frequencies, CC BY-SA 4.0.
- `common_words.txt` (hand-written) keeps only what the generated lists miss: with `--prune`, every
  word that a generated list already holds is dropped from it.

Usage:
    pip install wordfreq; apt install wdutch
    python tools/build_word_lists.py [--prune] [--opentaal /usr/share/dict/dutch]
"""

import argparse
import sys
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ingest.gazetteer import DATA_DIR, DEFAULT_ENTITY_FILES, read_entity_file, read_word_list  # noqa: E402

MIN_ZIPF = 4.5


def entity_spellings():
    spellings = set()
    for path in DEFAULT_ENTITY_FILES:
        for name, _, _, aliases in read_entity_file(path):
            spellings.update(s.lower() for s in (name, *aliases))
    return spellings


def wordfreq_common_words(first_names, spellings, min_zipf=MIN_ZIPF):
    """Frequent Dutch words, most frequent first, that name nothing we know."""
    names = {n.lower() for n in first_names}
    return [
        w for w in top_n_list("nl", 100_000)
        if w.isalpha() and len(w) > 1 and zipf_frequency(w, "nl") >= min_zipf and w not in names and w not in spellings
    ]


def wordfreq_english_words(first_names, spellings, min_zipf=MIN_ZIPF):
    """Frequent English words, most frequent first, that are no first name and name nothing we know."""
    names = {n.lower() for n in first_names}
    return [
        w for w in top_n_list("en", 20_000)
        if w.isalpha() and len(w) > 1 and zipf_frequency(w, "en") >= min_zipf and w not in names and w not in spellings
    ]


def opentaal_lowercase_words(path, spellings, min_zipf=3.0):
    """Words OpenTaal lists in lower case only (neither "Bos" nor "BOS" listed), alphabetically: all of
    2-5 letters, longer ones only with a Zipf frequency of `min_zipf` and up in wordfreq's Dutch data."""
    listed = set(Path(path).read_text(encoding="utf-8").split("\n"))
    return sorted(
        w for w in listed
        if w.isalpha() and w.islower() and len(w) > 1 and w.upper() not in listed and w.capitalize() not in listed
        and w not in spellings and (len(w) <= 5 or zipf_frequency(w, "nl") >= min_zipf)
    )


def write_words(path, header, words):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(f"# {line}\n" for line in header)
        for start in range(0, len(words), 20):
            f.write(" ".join(words[start:start + 20]) + "\n")


def prune_hand_list(path, generated):
    """Keep the hand list's comment lines and only the words no generated list holds."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    kept = [w for line in lines if not line.startswith("#") for w in line.split() if w not in generated]
    Path(path).write_text("\n".join(comments + [" ".join(kept[i:i + 20]) for i in range(0, len(kept), 20)]) + "\n",
                          encoding="utf-8")
    return len(kept)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prune", action="store_true", help="drop hand-written words a generated list holds")
    parser.add_argument("--opentaal", metavar="PATH", help="OpenTaal word list (Debian wdutch: /usr/share/dict/dutch)")
    args = parser.parse_args()
    common = wordfreq_common_words(read_word_list(DATA_DIR / "first_names.txt"), entity_spellings())
    write_words(DATA_DIR / "common_words_wordfreq.txt", [
        "Generated by tools/build_word_lists.py from wordfreq's Dutch data (CC BY-SA 4.0; wordfreq by Robyn Speer,",
        f"Elia Robyn Lake and contributors). Zipf frequency {MIN_ZIPF} and up, less first names and entity spellings.",
    ], common)
    print(f"{len(common)} common words")
    first_names = read_word_list(DATA_DIR / "first_names.txt") + read_word_list(DATA_DIR / "first_names_faker.txt")
    english = wordfreq_english_words(first_names, entity_spellings())
    write_words(DATA_DIR / "english_words_wordfreq.txt", [
        "Generated by tools/build_word_lists.py from wordfreq's English data (CC BY-SA 4.0; wordfreq by Robyn Speer,",
        f"Elia Robyn Lake and contributors). Zipf frequency {MIN_ZIPF} and up, less first names and entity spellings.",
    ], english)
    print(f"{len(english)} English words")
    if args.opentaal:
        lowercase = opentaal_lowercase_words(args.opentaal, entity_spellings())
        write_words(DATA_DIR / "lowercase_words_opentaal.txt", [
            "Generated by tools/build_word_lists.py from the OpenTaal word list (Debian wdutch; BSD or CC BY 3.0,",
            "(c) OpenTaal, Simon Brouwer, Sander van Geloven and others) and wordfreq's Dutch frequencies (CC BY-SA 4.0).",
            "Words it spells in lower case only: all of 2-5 letters, longer ones with a Zipf frequency of 3.0 and up.",
        ], lowercase)
        print(f"{len(lowercase)} lower-case words")
    if args.prune:
        generated = set(common) | set(read_word_list(DATA_DIR / "common_words_europeana.txt"))
        print(f"common_words.txt keeps {prune_hand_list(DATA_DIR / 'common_words.txt', generated)} words")


if __name__ == "__main__":
    main()
