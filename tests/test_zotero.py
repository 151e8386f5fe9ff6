"""Reference managers keep every field: what Zotero itself saves from each page type and imports from each
download and cite box, asked of Zotero's translation-server (../shared/zotero/) on loopback.

Skipped, with the reason printed, where ../shared/zotero/ is absent (a reader's clone); CI has it.
A server already running on 127.0.0.1:1969 is used as it is; one these tests start is stopped again.
"""

from __future__ import annotations

import datetime
import fcntl
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition import urls
from edition.paths import ROOT

from .helpers import PUBLISHED_URL

pytestmark = pytest.mark.slow


def shared_zotero() -> Path | None:
    """../shared/zotero beside the clone (CI) or beside the worktrees' folder (developers)."""
    for folder in ROOT.parents:
        candidate = folder / "shared" / "zotero"
        if (candidate / "zotero_check.py").is_file():
            return candidate
    return None


ZOTERO = shared_zotero()
# One translation-server at a time: test workers take turns, so none stops a server another is using.
LOCK = Path(tempfile.gettempdir()) / "lee2025-zotero-tests.lock"

# The CSL types of the reference list and the Zotero item types they are (Zotero's own CSL mapping).
ZOTERO_TYPES = {
    "report": "report",
    "webpage": "webpage",
    "article-magazine": "magazineArticle",
    "article-newspaper": "newspaperArticle",
    "speech": "presentation",
}
# What no BibTeX file can give Zotero: its BibTeX translator takes the item type from the entry type alone
# and has no entry type for these, and it reads `series` into a field reports do not have. Asserted as
# they are, so that a translator that learns them makes this list fail rather than hide it.
BIBTEX_CANNOT = {
    "seriesTitle": "BibTeX.js reads `series` into Zotero's `series`, which a report lacks",
    "magazineArticle": "BibTeX.js imports @article as journalArticle",
    "newspaperArticle": "BibTeX.js imports @article as journalArticle",
    "presentation": "BibTeX.js has no entry type for a presentation; @misc imports as document",
}
BIBTEX_GETS = {"magazineArticle": "journalArticle", "newspaperArticle": "journalArticle", "presentation": "document"}


def zotero_check(*args: str) -> list[dict]:
    if ZOTERO is None:
        reason = "../shared/zotero is absent, so Zotero's translation-server cannot be asked (CI has it)"
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    setup = subprocess.run(["bash", str(ZOTERO / "setup.sh")], capture_output=True, text=True)
    assert setup.returncode == 0, setup.stderr
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = subprocess.run(
            [sys.executable, str(ZOTERO / "zotero_check.py"), *args], capture_output=True, text=True, timeout=600
        )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def iso(date: str) -> str:
    """Zotero keeps a date as the file gave it ("2025-03-12", "March 12, 2025"); compare the day."""
    for form in ("%Y-%m-%d", "%B %d, %Y"):
        try:
            return datetime.datetime.strptime(date, form).date().isoformat()
        except ValueError:
            pass
    return date


def paper_fields(item: dict) -> dict:
    return {
        "itemType": item["itemType"],
        "title": item["title"],
        "creators": item["creators"],
        "date": iso(item["date"] or ""),
        "institution": item["institution"],
        "seriesTitle": item["seriesTitle"],
        "reportNumber": item["other_fields"].get("reportNumber"),
        "reportType": item["other_fields"].get("reportType"),
        "url": item["url"],
    }


def expected_paper(edition, url: str) -> dict:
    paper = edition.paper
    return {
        "itemType": "report",
        "title": paper.title,
        "creators": [{"lastName": paper.author.family, "firstName": paper.author.given, "creatorType": "author"}],
        "date": paper.date,
        "institution": paper.publisher,
        "seriesTitle": paper.series.title,
        "reportNumber": str(paper.series.number),
        "reportType": paper.type,
        "url": url,
    }


# One page of each type.
PAGES = ["", "sections/iv/", "proposals/bilateral-norm-cooperation/", "references/", "cite/iv/", "glossary/"]


def test_saving_any_page_gives_a_complete_report_with_that_pages_url(published_site, edition):
    challenge = f"challenges/{edition.challenges[0].id}/"
    pages = PAGES + [challenge]
    results = zotero_check("--dir", str(published_site), *[page or "index.html" for page in pages])
    assert len(results) == len(pages)
    for page, result in zip(pages, results, strict=True):
        assert "error" not in result, result
        # unAPI (unapi.py) is the translator that carries every field; COinS would lose number and type.
        assert result.get("translator") in ("RIS", None), result
        assert paper_fields(result) == expected_paper(edition, PUBLISHED_URL + page), page
        assert result["language"] == edition.paper.language
        if page == "":
            assert result["abstract_present"] and result["abstract_chars"] == len(edition.text("abstract"))


def box_files(site: Path, tmp: Path) -> list[tuple[Path, str]]:
    """Each cite box's BibTeX, RIS and CSL-JSON as files, with the URL the box cites."""
    boxes = [
        (urls.CITE, "paper", PUBLISHED_URL),
        (urls.cite_page("iv"), "iv", PUBLISHED_URL + "sections/iv/"),
        (urls.cite_page("iv"), "p18", PUBLISHED_URL + "sections/iv/#p18"),
        (urls.CITE_PROPOSALS, "bilateral-norm-cooperation", PUBLISHED_URL + "sections/iv/#p22"),
    ]
    out = []
    for src, what, url in boxes:
        page = BeautifulSoup((site / urls.page_url(src) / "index.html").read_text(encoding="utf-8"), "html.parser")
        for name, suffix in (("bibtex", "bib"), ("ris", "ris"), ("csl-json", "json")):
            path = tmp / f"{what}.{suffix}"
            path.write_text(page.select_one(f"#{urls.cite_anchor(what, name)}").get_text(), encoding="utf-8")
            out.append((path, url))
    for suffix in ("bib", "ris", "json"):
        out.append((site / urls.DOWNLOADS_DIR / f"lee2025.{suffix}", PUBLISHED_URL))
    return out


def test_importing_each_download_and_box_gives_the_papers_fields(published_site, edition, tmp_path):
    files = box_files(published_site, tmp_path)
    results = zotero_check(*[arg for path, _url in files for arg in ("--import", str(path))])
    assert len(results) == len(files) == 15
    for (path, url), result in zip(files, results, strict=True):
        [item] = result["items"]
        expected = expected_paper(edition, url)
        got = paper_fields(item)
        if path.suffix == ".bib":
            assert got.pop("seriesTitle") is None, BIBTEX_CANNOT["seriesTitle"]
            expected.pop("seriesTitle")
        assert got == expected, path.name


def test_importing_the_reference_list_gives_each_work_its_type(published_site, edition):
    files = [published_site / urls.DOWNLOADS_DIR / f"references.{suffix}" for suffix in ("bib", "ris", "json")]
    csl = json.loads(files[2].read_text(encoding="utf-8"))
    wanted = [ZOTERO_TYPES[item["type"]] for item in csl]
    results = zotero_check(*[arg for path in files for arg in ("--import", str(path))])
    for path, result in zip(files, results, strict=True):
        got = [item["itemType"] for item in result["items"]]
        if path.suffix == ".bib":
            wanted_here = [BIBTEX_GETS.get(kind, kind) for kind in wanted]
        else:
            wanted_here = wanted
        assert got == wanted_here, path.name
        # Every work keeps its title, and each organisation stays one author.
        for item, ref in zip(result["items"], edition.references, strict=True):
            assert item["title"] == ref.title
            names = [c.get("name") or c["lastName"] for c in item["creators"]]
            assert names == [n.literal or n.family for n in ref.author], (path.name, ref.id)
