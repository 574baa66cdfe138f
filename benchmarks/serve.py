"""Measure how fast the archive's pages answer when served with Datasette.

    python benchmarks/serve.py 10000 [--workdir DIR] [--requests 20] [--time-cap 600] [--json]

Builds (or reuses) ``workdir/archive.db`` with N generated articles, starts ``news-archive serve`` on
127.0.0.1 at a free port (falling back to plain ``datasette -i`` with the repository's metadata.yml
while that command does not exist; the output says which), waits until it answers, then requests
each page of issue 6 repeatedly and reports p50/p95/max latency:

- the articles table with its default facets (HTML and .json), filtered by a month and by an entity;
- each canned query in metadata.yml, its parameters filled with real values from the database;
- full-text search for a common and a rare word (table search, and the ``search`` canned query);
- an article row page, and a JSON page of 1,000 rows;
- diagnostics: the articles JSON without facets, and without facets and count.

Facets that timed out are listed: from the "These facets timed out" line of the HTML pages, and on JSON
pages the default facets missing from ``facet_results`` (Datasette 0.65 drops a timed-out facet from the
JSON without naming it; ``facets_timed_out`` exists only in the HTML page's context). Requests go to loopback
only; each URL gets at most --requests timed requests after one warm-up, within --per-url-cap
seconds, and the whole run stops requesting after --time-cap seconds. The server is always stopped.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import REPO, default_workdir, ensure_archive, machine, tool  # noqa: E402

SETTINGS = {"sql_time_limit_ms": "1000", "facet_time_limit_ms": "200"}  # Datasette's defaults, made explicit
ENTITY_COLUMNS = ("people", "places", "organizations")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="articles in the archive")
    parser.add_argument("--workdir", type=Path, help="default: $TMPDIR/news-archive-bench/nN (shared with ingest.py)")
    parser.add_argument("--metadata", type=Path, default=REPO / "metadata.yml", help="read for canned queries")
    parser.add_argument("--requests", type=int, default=20, help="timed requests per URL")
    parser.add_argument("--per-url-cap", type=float, default=60, help="seconds of requests per URL at most")
    parser.add_argument("--time-cap", type=float, default=600, help="seconds of requests in total at most")
    parser.add_argument("--timeout", type=float, default=60, help="seconds one request may take")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args(argv)
    workdir = args.workdir or default_workdir(args.n)
    archive = ensure_archive(args.n, workdir)
    values = pick_values(archive)
    metadata = read_metadata(args.metadata)
    urls = urls_to_measure(values, metadata)
    command, note = server_command(archive, args.metadata, free_port())
    results = {"articles": args.n, "archive": str(archive), "command": command, "note": note, "values": values}
    results["machine"] = machine()
    log = open(workdir / "serve.log", "w")
    server = subprocess.Popen(command, cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{command[command.index('--port') + 1]}"
        results["startup_seconds"] = wait_until_up(base, server)
        results["pages"] = measure_all(base, urls, args, default_facets(metadata))
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    print_table(results)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_command(archive: Path, metadata: Path, port: int) -> tuple[list[str], str]:
    help_text = subprocess.run([tool("news-archive"), "serve", "--help"], capture_output=True, text=True)
    if help_text.returncode == 0:
        command = [tool("news-archive"), "serve", str(archive), "--port", str(port)]
        if "--host" in help_text.stdout:
            command += ["--host", "127.0.0.1"]
        return command, ""
    command = [tool("datasette"), "serve", "-i", str(archive), "-m", str(metadata), "--host", "127.0.0.1"]
    command += ["--port", str(port)]
    for name, value in SETTINGS.items():
        command += ["--setting", name, value]
    return command, "news-archive serve does not exist yet: measured plain datasette -i (immutable) with metadata.yml"


def wait_until_up(base: str, server: subprocess.Popen, limit: float = 300) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with status {server.returncode}; see serve.log")
        try:
            with urllib.request.urlopen(base + "/-/versions.json", timeout=5):
                return time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer within {limit:.0f} s")


def pick_values(archive: Path) -> dict:
    """Real values to put in URLs: a busy month, a frequent entity, an id, a common and a rare word."""
    db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    values = {}
    values["month"] = one(db, "select month from articles where month is not null group by month order by count(*) desc limit 1")
    values["source"] = one(db, "select source from articles where source is not null group by source order by count(*) desc limit 1")
    values["year"] = one(db, "select year from articles where year is not null group by year order by count(*) desc limit 1")
    max_id = one(db, "select max(id) from articles") or 1
    values["id"] = one(db, "select id from articles where id >= ? order by id limit 1", [max_id // 2])
    step = max(1, max_id // 5000)  # sample about 5,000 articles
    for column in ENTITY_COLUMNS:
        try:
            value = one(
                db,
                f"select value from articles, json_each(articles.[{column}]) where articles.id % {step} = 0 "
                "group by value order by count(*) desc limit 1",
            )
        except sqlite3.Error:
            value = None
        if value:
            values["entity"] = {"column": column, "value": value}
            break
    entity_row = None
    try:
        entity_row = db.execute("select id, name from entities order by article_count desc limit 1").fetchone()
    except sqlite3.Error:
        pass
    if entity_row:
        values["entity_id"], values["entity_name"] = entity_row
    words = collections.Counter()
    for (body,) in db.execute(f"select body from articles where id % {step} = 0"):
        words.update(w.lower() for w in re.findall(r"[^\W\d_]{6,}", body or ""))
    values["common_word"] = words.most_common(1)[0][0] if words else "nieuws"
    values["common_word_articles"] = fts_count(db, values["common_word"])
    # The rarest words of the sample, checked against the whole archive; a generated corpus has a small
    # vocabulary, so "rare" is the fewest articles found, not necessarily one.
    counted = [(fts_count(db, w), w) for w, _ in sorted(words.items(), key=lambda w: (w[1], w[0]))[:50]]
    counted = sorted(c for c in counted if c[0])
    values["rare_word_articles"], values["rare_word"] = counted[0] if counted else (None, None)
    db.close()
    return values


def one(db: sqlite3.Connection, sql: str, params=()):
    row = db.execute(sql, params).fetchone()
    return row[0] if row else None


def fts_count(db: sqlite3.Connection, word: str) -> int | None:
    try:
        return one(db, "select count(*) from articles_fts where articles_fts match ?", [f'"{word}"'])
    except sqlite3.Error:
        return None


def read_metadata(path: Path) -> dict:
    if not path.exists():
        return {}
    text = path.read_text()
    if path.suffix == ".json":
        return json.loads(text)
    import yaml  # installed with Datasette

    return yaml.safe_load(text) or {}


WORD_PARAMETERS = ("q", "query", "search", "term", "text", "word", "zoek", "zoekterm")


def fill_parameter(name: str, sql: str, values: dict, rare: bool = False) -> str:
    """A real value for a canned query parameter, guessed from its name; '' when the SQL makes it optional."""
    n = name.lower()
    if n in WORD_PARAMETERS:
        return values["rare_word"] if rare and values.get("rare_word") else values["common_word"]
    if re.search(rf":{name}\s*=\s*''", sql):  # "(:source = '' or ...)": leave it out, the widest query
        return ""
    for key in ("month", "source", "year"):
        if key in n and values.get(key) is not None:
            return str(values[key])
    if "entity" in n and "id" in n and values.get("entity_id") is not None:
        return str(values["entity_id"])
    if any(k in n for k in ("entity", "name", "person", "place", "organi")):
        return values.get("entity_name") or (values.get("entity") or {}).get("value") or values["common_word"]
    if n == "id" or n.endswith("id"):
        return str(values["id"])
    if "date" in n or n in ("from", "to"):
        return str(values.get("month") or "")
    return values["common_word"]


def urls_to_measure(values: dict, metadata: dict) -> list[tuple[str, str]]:
    q = urllib.parse.urlencode
    urls = [
        ("articles (facets)", "/archive/articles"),
        ("articles.json (facets)", "/archive/articles.json"),
        (f"articles month={values['month']}", "/archive/articles?" + q({"month": values["month"]})),
        ("articles.json by month", "/archive/articles.json?" + q({"month": values["month"]})),
    ]
    entity = values.get("entity")
    if entity:
        query = q({f"{entity['column']}__arraycontains": entity["value"]})
        urls += [
            (f"articles {entity['column']} ∋ {entity['value']}", f"/archive/articles?{query}"),
            ("articles.json by entity", f"/archive/articles.json?{query}"),
        ]
    queries = ((metadata.get("databases") or {}).get("archive") or {}).get("queries") or {}
    for name, spec in queries.items():
        sql = spec["sql"] if isinstance(spec, dict) else spec
        params = sorted(set(re.findall(r"(?<![:\w]):(\w+)", re.sub(r"'[^']*'", "", sql))))
        has_word = any(p.lower() in WORD_PARAMETERS for p in params)
        for rare in [False, True] if has_word and values.get("rare_word") else [False]:
            query = q({p: fill_parameter(p, sql, values, rare) for p in params})
            label = f"canned {name}" + (" (rare word)" if rare else "")
            urls.append((label, f"/archive/{urllib.parse.quote(name)}.json?{query}"))
            if not rare:
                urls.append((label + " HTML", f"/archive/{urllib.parse.quote(name)}?{query}"))
    urls += [
        (f"search common '{values['common_word']}'", "/archive/articles?" + q({"_search": values["common_word"]})),
        ("search.json common", "/archive/articles.json?" + q({"_search": values["common_word"]})),
    ]
    if values.get("rare_word"):
        urls += [
            (f"search rare '{values['rare_word']}'", "/archive/articles?" + q({"_search": values["rare_word"]})),
            ("search.json rare", "/archive/articles.json?" + q({"_search": values["rare_word"]})),
        ]
    urls += [
        (f"article row {values['id']}", f"/archive/articles/{values['id']}"),
        ("articles.json _size=1000", "/archive/articles.json?_size=1000"),
        # Diagnostics, to tell the cost of facets and counts from the rest of a table page.
        ("(diag) articles.json _nofacet", "/archive/articles.json?_nofacet=1"),
        ("(diag) articles.json _nofacet _nocount", "/archive/articles.json?_nofacet=1&_nocount=1"),
    ]
    return urls


def default_facets(metadata: dict) -> list[str]:
    """Column names of the facets metadata.yml turns on for the articles table."""
    tables = ((metadata.get("databases") or {}).get("archive") or {}).get("tables") or {}
    facets = (tables.get("articles") or {}).get("facets") or []
    return [f if isinstance(f, str) else next(iter(f.values())) for f in facets]


_HTML_TIMED_OUT = re.compile(rb'class="facets-timed-out">These facets timed out: ([^<]*)<')


def timed_out_facets(path: str, body: bytes, expected: list[str]) -> list[str] | None:
    """Facets that timed out: listed on HTML pages; on JSON pages, Datasette 0.65 leaves them out silently,
    so a default facet missing from ``facet_results`` counts as timed out."""
    if ".json" not in path:
        match = _HTML_TIMED_OUT.search(body)
        return [f.strip() for f in match.group(1).decode().split(",")] if match else []
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict) or "facet_results" not in data or "_nofacet" in path:
        return None
    return [f for f in expected if f not in data["facet_results"]]


def fetch(url: str, timeout: float) -> tuple[float, int, bytes]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body, status = response.read(), response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    except (urllib.error.URLError, socket.timeout, ConnectionError):
        body, status = b"", 0
    return time.perf_counter() - started, status, body


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def measure_all(base: str, urls: list[tuple[str, str]], args: argparse.Namespace, facets: list[str]) -> list[dict]:
    results = []
    run_started = time.perf_counter()
    for label, path in urls:
        if time.perf_counter() - run_started > args.time_cap:
            results.append({"label": label, "path": path, "skipped": "total time cap reached"})
            continue
        _, status, body = fetch(base + path, args.timeout)  # warm-up; also read facets from it
        timings, statuses = [], collections.Counter([status])
        url_started = time.perf_counter()
        while len(timings) < args.requests and time.perf_counter() - url_started < args.per_url_cap:
            seconds, status, _ = fetch(base + path, args.timeout)
            timings.append(seconds)
            statuses[status] += 1
            if time.perf_counter() - run_started > args.time_cap:
                break
        timings.sort()
        result = {
            "label": label,
            "path": path,
            "requests": len(timings),
            "p50_ms": percentile(timings, 50) * 1000,
            "p95_ms": percentile(timings, 95) * 1000,
            "max_ms": timings[-1] * 1000,
            "statuses": dict(statuses),
            "bytes": len(body),
        }
        table_page = re.match(r"/archive/articles(\.json)?(\?|$)", path)
        timed_out = timed_out_facets(path, body, facets) if table_page else None
        if timed_out is not None:
            result["facets_timed_out"] = timed_out
        if ".json" in path:
            try:
                data = json.loads(body)
                if isinstance(data, dict) and "rows" in data:
                    result["rows"] = len(data["rows"])
            except ValueError:
                pass
        results.append(result)
    return results


def print_table(r: dict) -> None:
    m = r["machine"]
    print(f"serve benchmark: {r['articles']:,} articles ({r['archive']})")
    print(f"machine: {m['cpus']} CPUs, {m['memory']}, Python {m['python']}, SQLite {m['sqlite']}, load {m['load_average'][0]}, {m['date']}")
    print("server: " + " ".join(Path(c).name if i == 0 else c for i, c in enumerate(r["command"])))
    if r["note"]:
        print(f"NOTE: {r['note']}")
    v = r["values"]
    print(
        f"values: month {v['month']}, entity {v.get('entity') or 'none (no entity lists in the archive yet)'}, "
        f"common word '{v['common_word']}' ({v['common_word_articles']} articles), "
        f"rare word '{v.get('rare_word')}' ({v.get('rare_word_articles')} articles)"
    )
    print(f"server answered after {r['startup_seconds']:.1f} s")
    header = f"{'page':<44} {'n':>3} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'status':>8} {'kB':>7}  facets timed out"
    print(header)
    print("-" * len(header))
    timed_out = set()
    for p in r["pages"]:
        if "skipped" in p:
            print(f"{p['label'][:44]:<44} skipped: {p['skipped']}")
            continue
        statuses = ",".join(str(s) for s in p["statuses"])
        facets = ", ".join(p.get("facets_timed_out", []))
        timed_out.update(p.get("facets_timed_out", []))
        print(
            f"{p['label'][:44]:<44} {p['requests']:>3} {p['p50_ms']:>8.1f} {p['p95_ms']:>8.1f} {p['max_ms']:>8.1f} "
            f"{statuses:>8} {p['bytes'] / 1000:>7.1f}  {facets}"
        )
    slowest = max((p for p in r["pages"] if "p95_ms" in p), key=lambda p: p["p95_ms"])
    print(f"slowest p95: {slowest['label']} {slowest['p95_ms']:.0f} ms; facets timed out anywhere: {sorted(timed_out) or 'none'}")


if __name__ == "__main__":
    main()
