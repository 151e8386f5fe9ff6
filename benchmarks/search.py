"""Search at scale: what a visitor's first page fetches for search, what the first query adds, how long the first
result takes to show, and how long Pagefind's indexing adds to a build (README, Performance).

Bytes are counted as a host with compression sends them: a text file gzip-compressed (level 6), a file that is
compressed already (Pagefind's index chunks, fragments and WebAssembly) as it is. Times are medians over fresh
browser contexts (nothing cached), on a local server. `python -m benchmarks.search SITE` measures a built site;
`make bench` measures the site of each scale it builds.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from edition import search_pagefind
from edition.chromium import CHROMIUM, FLAGS
from edition.escape import esc

from . import local_server

# What belongs to search: Material's index and worker (and lunr's languages), the edition's worker, Pagefind.
SEARCH_PATHS = ("search/", "pagefind/", "assets/javascripts/workers/", "assets/javascripts/lunr/")
QUERY = "hydrogen"
# A reader who opens the search box and starts typing this much later (the box fetches Pagefind when focused).
PAUSE_MS = 500
FOCUSED = "document.activeElement && document.activeElement.matches('.md-search__input')"
FOCUS_ATTEMPTS = 3
FOCUS_WAIT_MS = 2000
# Timed from the page's clock: the first result in the list (of what was typed so far: the list follows the typing),
# the first result of the whole query (Material's link names the words it matched in its `h` parameter), and the
# last key typed.
WATCH_RESULTS = """query => {
  const list = document.querySelector('.md-search-result__list');
  const when = found => new Promise(resolve => {
    new MutationObserver((_, observer) => {
      if (found()) { observer.disconnect(); resolve(performance.now()); }
    }).observe(list, { childList: true, subtree: true });
  });
  const links = () => [...list.querySelectorAll('.md-search-result__item a')];
  window.__firstResult = when(() => links().length > 0);
  window.__wholeQuery = when(() => links().some(link => new URL(link.href).searchParams.get('h') === query));
  document.querySelector('.md-search__input').addEventListener('keydown', () => {
    window.__lastKey = performance.now();
  });
}"""


class _Logged(http.server.SimpleHTTPRequestHandler):
    """Serves the site and notes each path it sends: what the browser took from its cache is not sent again."""

    sent: list[str]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.sent.append(unquote(urlsplit(self.path).path))
        super().do_GET()


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser context closed while its fetches were under way


@contextmanager
def served(site: Path, sent: list[str]) -> Iterator[str]:
    """The site on a local server; `sent` gets the path of every file sent."""
    handler = functools.partial(type("Handler", (_Logged,), {"sent": sent}), directory=str(site))
    with local_server.running(_Server(("127.0.0.1", 0), handler)) as base:
        yield base


def sent_bytes(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, compresslevel=6))


def search_bytes(site: Path, paths: list[str]) -> int:
    """The compressed size of the search files among the paths sent (the site is served at the root)."""
    relative = [path.removeprefix("/") for path in paths]
    return sum(
        sent_bytes(site / path) for path in relative if path.startswith(SEARCH_PATHS) and (site / path).is_file()
    )


def open_search_box(page: Page) -> None:
    """The reader's "/" until the box has the focus: typed outside it, a query's letters would be Material's
    shortcuts ("n" opens the next page), and on a loaded machine the first "/" can come before Material listens."""
    for attempt in range(1, FOCUS_ATTEMPTS + 1):
        page.keyboard.press("/")
        try:
            page.wait_for_function(FOCUSED, timeout=FOCUS_WAIT_MS)
            return
        except PlaywrightTimeoutError:
            if attempt == FOCUS_ATTEMPTS:
                raise


def one_visit(page: Page, site: Path, base: str, sent: list[str], pause_ms: int = 0) -> dict:
    """A first visit: the home page loads, the reader opens the search box and, `pause_ms` later, types a query."""
    sent.clear()
    page.goto(base, wait_until="networkidle")
    first_page = search_bytes(site, sent)
    sent.clear()
    open_search_box(page)
    page.wait_for_timeout(pause_ms)
    page.evaluate(WATCH_RESULTS, QUERY)
    started = page.evaluate("performance.now()")
    page.keyboard.type(QUERY)
    first_result_ms = page.evaluate("window.__firstResult") - started
    whole_query = page.evaluate("window.__wholeQuery")
    last_key = page.evaluate("window.__lastKey")
    page.wait_for_timeout(1000)  # the rest of the list's fragments
    return {
        "first_page_bytes": first_page,
        "first_query_bytes": search_bytes(site, sent),
        "first_result_ms": first_result_ms,
        "whole_query_ms": whole_query - started,
        "after_last_key_ms": whole_query - last_key,
    }


def browser_figures(site: Path, runs: int) -> dict:
    """Visits in fresh contexts, by turns: the query typed as soon as the box opens, and PAUSE_MS after."""
    visits: dict[int, list[dict]] = {0: [], PAUSE_MS: []}
    sent: list[str] = []
    with served(site, sent) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        for _ in range(runs):
            for pause, done in visits.items():
                context = browser.new_context(viewport={"width": 1366, "height": 900})
                done.append(one_visit(context.new_page(), site, base, sent, pause))
                context.close()
        browser.close()
    at_once, paused = visits[0], visits[PAUSE_MS]
    return {
        "first_page_gzip_bytes": statistics.median(v["first_page_bytes"] for v in at_once),
        "first_query_gzip_bytes": statistics.median(v["first_query_bytes"] for v in at_once),
        "first_result_ms": statistics.median(v["first_result_ms"] for v in at_once),
        "first_result_ms_runs": [round(v["first_result_ms"], 1) for v in at_once],
        "whole_query_ms": statistics.median(v["whole_query_ms"] for v in at_once),
        "after_last_key_ms": statistics.median(v["after_last_key_ms"] for v in at_once),
        "first_result_after_pause_ms": statistics.median(v["first_result_ms"] for v in paused),
        "whole_query_after_pause_ms": statistics.median(v["whole_query_ms"] for v in paused),
        "pause_ms": PAUSE_MS,
    }


def indexing_seconds(site: Path, runs: int) -> float | None:
    """Pagefind's indexing of the site's entries, without the cache: the entries read back from the bundle (their
    text as text where the build gives HTML, the same words)."""
    entries = search_pagefind.bundle_entries(site)
    if not entries:
        return None
    docs = [dict(entry, text=esc(entry["text"])) for entry in entries]
    records = search_pagefind.records({"docs": docs})
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as scratch:
            started = time.perf_counter()
            search_pagefind.run_indexer(records, Path(scratch) / search_pagefind.BUNDLE)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def figures(site: Path, runs: int) -> dict:
    return {**browser_figures(site, runs), "indexing_s": indexing_seconds(site, runs), "runs": runs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search", description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(figures(args.site, args.runs), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
