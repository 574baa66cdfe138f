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
