"""A search index that stays flat: the online site searches with Pagefind, loaded in fragments on demand.

Material's search loads the whole index (search/search_index.json) on a visitor's first page and builds a lunr
index from it in a worker, so every paper the edition hosts makes every first visit heavier (484 KB gzip at 50x).
On the online site the same entries (search.py, search_ranking.py: one per paragraph at its anchor, per heading,
per glossary term and per work, the exclusions) are indexed by Pagefind instead, whose browser side fetches only
the index chunks and result fragments a query needs. Material's search dialog stays (its box, result list,
keyboard and highlighting): the worker it starts is replaced by edition/search_worker.js, which answers its QUERY
messages from Pagefind in Material's result shape, loading Pagefind on the first query, not with the page; the
index Material fetches at start-up keeps its configuration (the highlighting on the target page reads it) and no
entries.

Boosts: each entry carries its boost (search_ranking.py) as a Pagefind filter value, and the worker searches once
per value and multiplies the scores by it, so the paper still ranks above the editor's pages as it did in lunr.

The offline edition (file://, where Pagefind's fetches and WebAssembly cannot run) and Zensical keep their own
engines' search: the adapter calls this only for an online MkDocs build.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from typing import IO

from pagefind_bin import get_executable

from . import links, search
from .escape import esc
from .paths import ROOT

# Pagefind's bundle, beside the site's pages; its files but pagefind.js and pagefind-entry.json are named by hash.
BUNDLE = "pagefind"
# Pagefind's own search interfaces, which the site does not use (Material's dialog shows the results).
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    # Its own worker: Pagefind runs inside the edition's search worker already, where it starts none.
    "pagefind-worker.js",
)
# No stemming, as in Material's index (mkdocs.yml's pipeline has no stemmer): Pagefind's English stemmer makes
# "populism" find "population" and "regionalism" find "regional" first. A language Pagefind has no stemmer for
# ("unknown") indexes words as written, and a word is still found by its prefix, as Material's search box did.
LANGUAGE = "unknown"
# Bundles made before, by their entries (cached_bundle says why); EDITION_PAGEFIND_CACHE names another folder, or
# "off" to index on every build.
CACHE_SETTING = "EDITION_PAGEFIND_CACHE"
CACHE_DIR = Path(os.environ.get(CACHE_SETTING, "") or ROOT / ".build" / "pagefind")
CACHE_KEPT = 6
CACHE_GRACE = 600  # seconds
# A fragment file: gzip of this marker and the entry's JSON.
_FRAGMENT_MARK = b"pagefind_dcd"
# The worker that answers Material's search dialog (in the search folder, beside the index it replaces).
WORKER_SOURCE = ROOT / "scripts" / "edition" / "search_worker.js"
WORKER = Path("search") / "worker.js"
# Material's search worker as its configuration names it (the page's relative prefix, then the hashed file).
_MATERIAL_WORKER = re.compile(r'("search": ")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js(")')
_CONFIG = re.compile(r'<script id="__config" type="application/json">.*?</script>', re.DOTALL)
_CONFIG_UTF8 = re.compile(_CONFIG.pattern.encode("utf-8"), re.DOTALL)
# The title's weight beside the text's 1: Material's title boost in mkdocs.yml (3), so that a title word counts
# as it did in lunr.
TITLE_WEIGHT = 3.0


def page_of(location: str) -> str:
    return location.split("#", 1)[0]


def record_html(doc: dict, page_title: str) -> str:
    """One entry of the index as a page of its own for Pagefind. Titles and texts in the index are HTML already
    (escaped from data/ by search.py and search_ranking.py, or Material's own); the meta values carry the title
    HTML as an attribute, escaped once more, so the worker gets the index's HTML back, no more trusted than it
    was in Material's index."""
    boost = f"{float(doc.get('boost', 1.0)):g}"
    return (
        '<!DOCTYPE html><html lang="en"><head>'
        f'<meta data-pagefind-meta="title[content]" content="{esc(doc["title"])}">'
        f'<meta data-pagefind-meta="page[content]" content="{esc(page_title)}">'
        f'<meta data-pagefind-filter="boost[content]" content="{boost}">'
        "</head><body>"
        f'<p data-pagefind-weight="{TITLE_WEIGHT:g}">{doc["title"]}</p>'
        f"<div>{doc['text']}</div>"
        "</body></html>"
    )


def records(index: dict) -> list[tuple[str, str]]:
    """(URL, HTML) of every entry of the rewritten Material index, by URL: the engine lists the pages in the order
    it found the files, and the bundle should not depend on it. An entry's page title heads its group in the
    result list, as Material groups results by page."""
    titles = {doc["location"]: doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    return sorted(
        # Pagefind joins a result's URL to the site's base; the worker strips the slash again.
        ("/" + doc["location"], record_html(doc, titles.get(page_of(doc["location"]), "")))
        for doc in index["docs"]
    )


def _message(message_id: int, payload: dict) -> bytes:
    return base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8")) + b","


def _responses(stream: IO[bytes], count: int) -> list[dict]:
    """The next `count` responses of the service: base64 JSON, each ended by a comma. One request is answered at a
    time, so a response ends where the output read so far ends with a comma."""
    found = []
    for _ in range(count):
        chunk = bytearray()
        while not chunk.endswith(b","):
            part = stream.read1(1 << 16)  # type: ignore[attr-defined]
            if not part:
                raise RuntimeError("Pagefind's indexer stopped: " + bytes(chunk[:200]).decode("utf-8", "replace"))
            chunk += part
        payload = json.loads(base64.b64decode(bytes(chunk[:-1])))["payload"]
        if payload["type"] == "Error":
            raise RuntimeError(f"Pagefind's indexer: {payload['message']}")
        found.append(payload)
    return found


def _send(process: subprocess.Popen[bytes], message_id: int, payload: dict) -> dict:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(_message(message_id, payload))
    process.stdin.flush()
    return _responses(process.stdout, 1)[0]


def run_indexer(entries: list[tuple[str, str]], out: Path) -> None:
    """Pagefind's bundle for (URL, HTML) entries, written by its binary in service mode. The `pagefind` package's
    own client polls for each answer every 0.1 s (32 s for this edition's 320 entries), so the edition talks to
    the binary itself. One file at a time, each answered before the next is sent: files sent at once are indexed
    in the order they finish, and the bundle would differ from build to build."""
    process = subprocess.Popen([str(get_executable()), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        index_id = _send(process, 0, {"type": "NewIndex", "config": {"force_language": LANGUAGE}})["index_id"]
        for n, (url, html) in enumerate(entries, start=1):
            _send(process, n, {"type": "AddFile", "index_id": index_id, "url": url, "file_contents": html})
        # The files come back in the answer and are written here: the service answers a request to write them before
        # it has, and stops when its input closes, which left truncated files.
        files = _send(process, len(entries) + 1, {"type": "GetFiles", "index_id": index_id})["files"]
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait()
    for file in files:
        path = out / file["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(file["content"]))


def make_bundle(entries: list[tuple[str, str]], out: Path) -> None:
    """The bundle the site serves: Pagefind's, without the interfaces and worker the site does not use."""
    run_indexer(entries, out)
    for name in UNUSED:
        (out / name).unlink(missing_ok=True)


def _cache_key(entries: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256(f"{version('pagefind_bin')} {LANGUAGE}".encode())
    for url, html in entries:
        digest.update(b"\0" + url.encode("utf-8") + b"\0" + html.encode("utf-8"))
    return digest.hexdigest()[:32]


def cached_bundle(entries: list[tuple[str, str]]) -> Path:
    """The bundle for these entries, from the cache or made into it. Pagefind writes its filter values in an order
    that changes from run to run (a hash map), so the same entries would give other bytes on each build; the
    cache gives the same bundle for the same entries, as the build's determinism wants, and saves the indexing
    when an edit leaves the entries as they were. Safe to delete; old bundles beyond the newest few are removed."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    bundle = CACHE_DIR / _cache_key(entries)
    if not bundle.is_dir():
        # Made aside and moved in at once: two builds at the same time (the tests') never see half a bundle.
        scratch = Path(tempfile.mkdtemp(dir=CACHE_DIR, prefix=".new-"))
        make_bundle(entries, scratch / BUNDLE)
        try:
            (scratch / BUNDLE).rename(bundle)
        except OSError:
            pass  # another build made the same bundle meanwhile
        shutil.rmtree(scratch, ignore_errors=True)
    bundle.touch()
    # Not one another build may be copying now: only bundles unused for a while go.
    for old in sorted(CACHE_DIR.iterdir(), key=lambda p: p.stat().st_mtime)[:-CACHE_KEPT]:
        if not old.name.startswith(".") and time.time() - old.stat().st_mtime > CACHE_GRACE:
            shutil.rmtree(old, ignore_errors=True)
    return bundle


def write_bundle(site_dir: Path, index: dict) -> None:
    """Pagefind's bundle for the index's entries, into site/pagefind/ (a stale bundle is replaced)."""
    out = site_dir / BUNDLE
    if out.exists():
        shutil.rmtree(out)
    entries = records(index)
    if os.environ.get(CACHE_SETTING) == "off":  # the benchmark's timing of the indexing
        make_bundle(entries, out)
        return
    shutil.copytree(cached_bundle(entries), out)


def bundle_entries(site_dir: Path) -> list[dict]:
    """The entries of a built bundle as the browser gets them (location, title, page title, text), read back
    from its fragment files: what tests and the benchmark check."""
    entries = []
    for path in sorted((site_dir / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(_FRAGMENT_MARK):
            raise ValueError(f"{path}: not a Pagefind fragment")
        fragment = json.loads(data[len(_FRAGMENT_MARK) :])
        meta = fragment["meta"]
        location = fragment["url"].removeprefix("/")
        boost = float(fragment["filters"]["boost"][0])
        entries.append(
            {
                "location": location,
                "title": meta["title"],
                "page": meta["page"],
                "text": fragment["content"],
                "boost": boost,
            }
        )
    return entries


def with_worker(page_html: str) -> str:
    """The page with Material's configuration naming the edition's worker instead of the lunr one; the same
    relative prefix reaches the site's root."""

    def config(match: re.Match[str]) -> str:
        return _MATERIAL_WORKER.sub(lambda m: m[1] + m[2] + WORKER.as_posix() + m[3], match[0])

    return _CONFIG.sub(config, page_html)


def use_worker(site_dir: Path) -> None:
    for page in sorted(site_dir.rglob("*.html")):
        # Bytes, only the configuration decoded: a whole page as a str is two bytes a character (links.resolve_utf8).
        data = links.read_html(page)
        changed = _CONFIG_UTF8.sub(lambda config: with_worker(config[0].decode("utf-8")).encode("utf-8"), data)
        if changed != data:
            page.write_bytes(changed)
    (site_dir / WORKER).write_bytes(WORKER_SOURCE.read_bytes())


def flatten(site_dir: Path) -> None:
    """Material's search on the online site, answered by Pagefind: the bundle, the worker, and the start-up
    index left with the configuration only. Runs after finish.finish_site (the index is rewritten there); a
    second run finds the index empty and keeps the bundle it made."""
    path = site_dir / search.INDEX
    if not path.is_file():
        return  # search is switched off
    index = json.loads(path.read_text(encoding="utf-8"))
    if index["docs"]:
        write_bundle(site_dir, index)
        text = json.dumps(dict(index, docs=[]), ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
    use_worker(site_dir)
