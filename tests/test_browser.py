"""The served archive in a real browser: Debian's headless Chromium driven by Playwright.

`news-archive serve` runs in a subprocess on 127.0.0.1 and a free port. The
browser may reach that server only: any other request is blocked and fails the
test. Screenshots of the pages land in the test's temporary directory.

Without /usr/bin/chromium these tests are skipped with the reason, unless the
environment sets NEWS_ARCHIVE_BROWSER_TESTS=required (as .ci/run does): then a
missing browser fails them.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from fixtures.frontend_archive import build_archive

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_REQUIRED = os.environ.get("NEWS_ARCHIVE_BROWSER_TESTS") == "required"
MISSING = "Debian's chromium is missing (apt-get install chromium); .ci/run installs it"

if not CHROMIUM.exists() and not BROWSER_REQUIRED:
    pytest.skip(MISSING + ": browser tests skipped", allow_module_level=True)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PERSON, PLACE = "Vladimir Poetin", "Turkije"
STARTUP_SECONDS = 60


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url, process):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"news-archive serve exited with {process.returncode}: {process.stderr.read()}")
        try:
            with urllib.request.urlopen(url + "/-/versions.json", timeout=5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"news-archive serve did not answer at {url} within {STARTUP_SECONDS}s")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def server(archive):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "ingest", "serve", str(archive), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), MISSING
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside = []

    def only_the_server(route):
        if route.request.url.startswith(server + "/") or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_server)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.screenshot(path=tmp_path / "page.png", full_page=True)
    context.close()
    assert outside == [], "the page reached beyond the Datasette server"
    assert errors == [], "the page raised JavaScript errors"


@pytest.fixture(scope="module")
def sql(archive):
    conn = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    yield lambda statement, params=(): [row[0] for row in conn.execute(statement, params)]
    conn.close()


def article_rows(page):
    return page.locator("table.rows-and-columns tbody tr").count()


def test_clicking_entity_facets_narrows_the_articles_to_those_that_mention_them(page, server, sql):
    page.goto(server + "/archive/articles")
    everything = article_rows(page)
    assert everything == sql("select count(*) from articles")[0]

    page.locator(".facet-info[data-column='people'] a", has_text=PERSON).first.click()
    page.wait_for_url("**people__arraycontains=Vladimir+Poetin**")
    with_person = sql("select count(*) from articles, json_each(people) where json_each.value = ?", [PERSON])[0]
    assert article_rows(page) == with_person < everything

    page.locator(".facet-info[data-column='places'] a", has_text=PLACE).first.click()
    page.wait_for_url("**places__arraycontains=Turkije**")
    with_both = sql(
        """select count(*) from articles where exists (select 1 from json_each(people) where value = ?)
        and exists (select 1 from json_each(places) where value = ?)""",
        [PERSON, PLACE],
    )[0]
    assert article_rows(page) == with_both
    assert 0 < with_both < with_person


MARK_PIXELS = """chart => {
    // Pixels of Vega's default mark colour (steelblue #4c78a8) in the chart's canvas, or its SVG marks.
    const canvas = document.querySelector(`#chart-${chart} canvas`);
    if (!canvas) return document.querySelectorAll(`#chart-${chart} svg .mark-rect path, #chart-${chart} svg .mark-line path`).length;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let marks = 0;
    for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - 76) < 8 && Math.abs(data[i + 1] - 120) < 8 && Math.abs(data[i + 2] - 168) < 8) marks++;
    }
    return marks;
}"""
CHARTS = ["per-month", "top-people", "top-places", "top-organizations", "entity-timeline"]


def test_dashboard_draws_every_chart_with_marks(page, server):
    page.goto(server + "/-/dashboards/archive-overview")
    for chart in CHARTS:
        page.wait_for_function(f"({MARK_PIXELS})('{chart}') > 0", timeout=20_000)


def test_dashboard_shows_the_archive_totals(page, server, sql):
    page.goto(server + "/-/dashboards/archive-overview")
    expect(page.locator("#chart-articles")).to_have_text(str(sql("select count(*) from articles")[0]))
    expect(page.locator("#chart-mentions")).to_have_text(str(sql("select count(*) from mentions")[0]))


def test_article_page_links_highlighted_mentions_to_their_entity(page, server, sql):
    page.goto(server + "/archive/articles/1")
    mentions = page.locator("a.mention")
    assert mentions.count() == sql("select count(*) from mentions where article_id = 1")[0]
    name = mentions.first.get_attribute("title").rsplit(" (", 1)[0]
    mentions.first.click()
    page.wait_for_url("**/archive/entities/*")
    assert name in page.locator("table.rows-and-columns").inner_text()


def test_search_form_finds_and_highlights_matches(page, server):
    page.goto(server + "/")
    page.get_by_role("link", name="Search articles").click()
    page.fill("input[name=q]", "mobilisatie")
    page.get_by_role("button", name="Run SQL").click()
    page.wait_for_url("**q=mobilisatie**")
    assert page.locator("td.col-snippet mark").first.inner_text().lower() == "mobilisatie"
