"""news-archive: ingest dirty Dutch news into a clean SQLite archive."""
