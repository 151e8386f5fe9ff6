"""Phone figures beside the bare theme (issue 16), part of `make bench`.

In one run: the edition is built (for https://example.org/lee2025/, as `make lighthouse` does), and so is a
bare-theme site made from the same data/ (the paper's paragraph text only, one page per section, a home page
with the abstract, in a default mkdocs-material site with no features and no configuration of the theme).
One local server of ours serves both folders, compressing every text response with gzip (level 6, as a host
compressing on the fly would), and Lighthouse 12.2.3 (mobile default, simulated throttling) measures each
page RUNS times, in rounds that take every page of both sites once, so that a change of the shared machine's load
falls on both alike. Medians are printed per page: performance score, LCP, total blocking time, requests and
bytes transferred, and the edition's LCP and request count against the bare theme's page of the same kind.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml

from edition import chromium
from edition.validate import check

from . import local_server

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
SITE_URL = "https://example.org/lee2025/"
GZIP_LEVEL = 6
COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
# The edition's page types, each with the bare theme's page it is held against: the bare theme has a home page
# and section pages only, so every other page type is compared with its largest section page (`largest`).
EDITION_PAGES = {
    "home": "",
    "section": "sections/v/",
    "proposals index": "proposals/",
    "proposal": "proposals/joint-response-to-de-globalization/",
    "facet page": "proposals/by-class/recommended/",
    "print": "print/",
    "cite (largest)": "cite/proposals/",
    "references": "references/",
    "glossary": "glossary/",
    "matrix": "matrix/",
    "actor": "actors/rok/",
    "area": "areas/north-korea-roadmap/",
    "challenge": "challenges/shrinking-global-weight/",
    "timeline": "timeline/",
    "about": "about/",
    "method": "method/",
    "changelog": "changelog/",
    "cite (section)": "cite/iv/",
    "map": "map/",
}


def bare_docs(data: Path, docs: Path) -> list[str]:
    """The bare theme's Markdown: the abstract on the home page, each section's paragraphs on its own page.
    Returns the section pages' folders, largest first."""
    edition = check(data)
    docs.mkdir(parents=True, exist_ok=True)
    paper = edition.paper
    home = [f"# {paper.title}", "", f"{paper.author.given} {paper.author.family}", "", edition.text("abstract"), ""]
    sizes = {}
    for section in edition.sections:
        lines = [f"# {section.label} {section.title}".strip(), ""]
        for subsection, paragraphs in section.groups():
            if subsection is not None:
                lines += [f"## {subsection.title}", ""]
            lines += [text for paragraph in paragraphs for text in (edition.text(paragraph.id), "")]
        body = "\n".join(lines)
        (docs / "sections").mkdir(exist_ok=True)
        (docs / "sections" / f"{section.id}.md").write_text(body, encoding="utf-8")
        sizes[f"sections/{section.id}/"] = len(body)
        home.append(f"- [{section.label} {section.title}](sections/{section.id}.md)")
    (docs / "index.md").write_text("\n".join(home) + "\n", encoding="utf-8")
    return sorted(sizes, key=lambda page: -sizes[page])


def build_bare(data: Path, folder: Path) -> list[str]:
    """The bare-theme site in folder/site; its section pages, largest first."""
    sections = bare_docs(data, folder / "docs")
    config = {"site_name": "The paper, bare theme", "site_url": SITE_URL, "theme": {"name": "material"}}
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(folder / "mkdocs.yml")]
    subprocess.run(command, cwd=folder, env=env, check=True)
    return sections


def build_edition(data: Path, folder: Path) -> None:
    env = dict(os.environ, SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1", EDITION_DATA=str(data))
    command = [sys.executable, "-m", "edition", "build", "--site-dir", str(folder)]
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Files of the folder, text compressed with gzip when the browser accepts it (compressed once, kept)."""

    cache: dict[Path, bytes] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not wants or not kind.startswith(COMPRESSED):
            return super().send_head()
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Bytes(body)


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(folder))
    with local_server.running(http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)) as base:
        yield base


def lighthouse(url: str) -> dict[str, float]:
    report = chromium.lighthouse(url, "--only-categories=performance")
    audits = report["audits"]
    # Icons inlined in the theme's CSS appear as data: URLs; they are not requests.
    requests = [item for item in audits["network-requests"]["details"]["items"] if not item["url"].startswith("data:")]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        # LCP above FCP on a page whose largest paint is its first means Lighthouse's LCP graph counted a request
        # or task that its FCP graph did not (README, Performance: the data: URL icons, the search's set-up).
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "requests": len(requests),
        "transfer_bytes": sum(item.get("transferSize", 0) for item in requests),
        "request_urls": [item["url"] for item in requests],
        # Where the main thread's time goes (ms by kind of work, by script): what to cut when TBT is high.
        "main_thread_ms": {
            item["groupLabel"]: item["duration"] for item in audits["mainthread-work-breakdown"]["details"]["items"]
        },
        "bootup_ms": {
            item["url"]: item["total"] for item in audits["bootup-time"]["details"]["items"] if "total" in item
        },
    }


def medians(runs: list[dict]) -> dict:
    keys = ("performance", "lcp_ms", "fcp_ms", "tbt_ms", "cls", "requests", "transfer_bytes")
    out: dict = {key: statistics.median(run[key] for run in runs) for key in keys}
    out["runs"] = len(runs)
    # Every run's LCP: a median hides whether one run lost the start-up race.
    out["lcp_runs_ms"] = [run["lcp_ms"] for run in runs]
    out["request_urls"] = runs[0]["request_urls"]
    for key in ("main_thread_ms", "bootup_ms"):
        names = {name for run in runs for name in run[key]}
        out[key] = {name: statistics.median(run[key].get(name, 0) for run in runs) for name in sorted(names)}
    return out


def measure(data: Path, runs: int, pages: dict[str, str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="edition-phone-") as tmp:
        work = Path(tmp)
        build_edition(data, work / "both" / "edition")
        largest = build_bare(data, work / "bare")
        (work / "bare" / "site").rename(work / "both" / "bare")
        bare_pages = {"home": "", "section": largest[0]}
        found: dict = {"bare": {}, "edition": {}, "bare_pages": bare_pages, "pages": pages, "runs": runs}
        found["load_average"] = [os.getloadavg()[0]]
        # Round by round, every page of both sites once per round: a change of the machine's load during the run
        # (it is shared) then falls on both sites alike, and the ratios stay fair.
        measured: dict[str, dict[str, list[dict]]] = {"bare": {kind: [] for kind in bare_pages}, "edition": {}}
        measured["edition"] = {kind: [] for kind in pages}
        with serve(work / "both") as base:
            for run in range(runs):
                for site, site_pages in (("bare", bare_pages), ("edition", pages)):
                    for kind, page in site_pages.items():
                        measured[site][kind].append(lighthouse(f"{base}{site}/{page}"))
                        print(f"  run {run + 1} {site} {kind}: {_line(measured[site][kind][-1])}", file=sys.stderr)
                found["load_average"].append(os.getloadavg()[0])
        for site in ("bare", "edition"):
            found[site] = {kind: medians(results) for kind, results in measured[site].items()}
    return found


def _line(m: dict) -> str:
    return f"perf {m['performance']:g}, LCP {m['lcp_ms'] / 1000:.2f} s, TBT {m['tbt_ms']:.0f} ms, {m['requests']:g} requests"


def table(found: dict) -> str:
    bare = found["bare"]
    lines = [
        "| page | bare theme: perf / LCP / requests | this edition: perf / LCP / TBT / requests | LCP ratio | requests over bare |",
        "| --- | --- | --- | --- | --- |",
    ]
    for kind, m in found["edition"].items():
        against = bare["home"] if kind == "home" else bare["section"]
        lines.append(
            f"| {kind} (`/{found['pages'][kind]}`) | {against['performance']:g} / {against['lcp_ms'] / 1000:.2f} s / "
            f"{against['requests']:g} | {m['performance']:g} / {m['lcp_ms'] / 1000:.2f} s / {m['tbt_ms']:.0f} ms / "
            f"{m['requests']:g} | {m['lcp_ms'] / against['lcp_ms']:.2f} | {m['requests'] - against['requests']:+g} |"
        )
    lines += [
        "",
        f"Lighthouse 12.2.3, mobile default, medians of {found['runs']} runs per page, taken in rounds (every page of "
        "both sites once per round); both sites from data/, served by one local server with gzip (level 6). Bare theme "
        f"pages: home and its largest section page (`/{found['bare_pages']['section']}`), against which every page "
        "type but home is held. Load average (1 min) at the start and after each round: "
        + ", ".join(f"{load:.1f}" for load in found["load_average"])
        + ".",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.phone", description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (default: %(default)s)")
    parser.add_argument("--pages", help="comma-separated page types to measure (default: all)")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    pages = EDITION_PAGES
    if args.pages:
        pages = {kind: EDITION_PAGES[kind] for kind in args.pages.split(",")}
    found = measure(args.data, args.runs, pages)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "phone-latest.json").write_text(json.dumps(found, indent=2), encoding="utf-8")
    print(table(found))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
