import random
from pathlib import Path

import pytest
import sqlite_utils

from ingest.archive import ingest_paths

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
SEED = ROOT / "seeds" / "000_bddd90c52c43196c.txt"


@pytest.fixture
def db(tmp_path):
    return sqlite_utils.Database(tmp_path / "archive.db")


@pytest.fixture
def seed_db(tmp_path):
    db = sqlite_utils.Database(tmp_path / "archive.db")
    ingest_paths(db, [SEED])
    return db


WORDS = (
    "kabinet gemeente minister rechter politie haven stadion ziekenhuis school brug trein storm "
    "begroting verkiezing onderzoek museum festival bedrijf vakbond staking rapport boete"
).split()


def write_corpus(path, articles=4000):
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as f:
        for n in range(articles):
            sentences = [
                f"Het {rng.choice(WORDS)} meldt dat de {rng.choice(WORDS)} in week {rng.randint(1, 52)} "
                f"{rng.randint(2, 900)} keer de {rng.choice(WORDS)} besprak met nummer {n}."
                for _ in range(rng.randint(4, 9))
            ]
            f.write(f"date 2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} " + " ".join(sentences[:3]))
            f.write("\n\n" + " ".join(sentences[3:]) + "\n")
    return path


def assert_fts_in_sync(db):
    """FTS5's integrity check, with 1: the index must match its content table row for row."""
    for fts in ("articles_fts", "paragraphs_fts"):
        db.execute(f"insert into {fts}({fts}, rank) values ('integrity-check', 1)")
