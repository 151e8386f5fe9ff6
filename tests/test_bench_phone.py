"""The phone benchmark's own logic (benchmarks/phone.py): the bare-theme site carries the paper's paragraphs
and nothing else of the edition, the local server sends gzip, and the table's ratios come from the medians.
Lighthouse itself runs only in `make bench`."""

from __future__ import annotations

import gzip
import urllib.request

from benchmarks import phone
from edition.paths import DATA_DIR, ROOT


def test_the_bare_site_has_every_paragraph_word_for_word_and_one_page_per_section(tmp_path, edition):
    largest = phone.bare_docs(DATA_DIR, tmp_path)
    pages = {path.relative_to(tmp_path).as_posix(): path.read_text(encoding="utf-8") for path in tmp_path.rglob("*.md")}
    assert set(pages) == {"index.md"} | {f"sections/{section.id}.md" for section in edition.sections}
    assert sorted(largest) == sorted(f"sections/{section.id}/" for section in edition.sections)
    assert len(pages[largest[0].removesuffix("/") + ".md"]) == max(len(text) for text in pages.values())
    text = "\n".join(pages.values())
    for paragraph in edition.paragraphs:
        assert edition.text(paragraph.id) in text
    # Paragraph text only: no numbers, anchors, notes or links of the edition.
    assert "¶" not in text and "{#" not in text and "<" not in text


def test_the_server_sends_text_with_gzip_and_other_files_as_they_are(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>" + "words " * 500 + "</p>", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG not text")
    with phone.serve(tmp_path) as base:
        asked = urllib.request.Request(base + "page/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(asked) as answer:
            assert answer.headers["Content-Encoding"] == "gzip"
            body = answer.read()
        assert gzip.decompress(body) == (tmp_path / "page" / "index.html").read_bytes()
        assert len(body) < 200
        image = urllib.request.Request(base + "image.png", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(image) as answer:
            assert answer.headers["Content-Encoding"] is None and answer.read() == b"\x89PNG not text"


def test_the_table_holds_each_page_against_the_bare_page_of_its_kind():
    def m(perf: int, lcp: float, requests: int) -> dict:
        return {"performance": perf, "lcp_ms": lcp, "tbt_ms": 50.0, "requests": requests}

    found = {
        "runs": 3,
        "pages": {"home": "", "print": "print/"},
        "bare_pages": {"home": "", "section": "sections/vi/"},
        "bare": {"home": m(99, 1000.0, 7), "section": m(98, 1200.0, 7)},
        "edition": {"home": m(97, 1100.0, 8), "print": m(90, 1800.0, 9)},
        "load_average": [1.25, 3.5, 2.0],
    }
    rows = phone.table(found).splitlines()
    assert rows[2] == "| home (`/`) | 99 / 1.00 s / 7 | 97 / 1.10 s / 50 ms / 8 | 1.10 | +1 |"
    assert rows[3] == "| print (`/print/`) | 98 / 1.20 s / 7 | 90 / 1.80 s / 50 ms / 9 | 1.50 | +2 |"
    # The machine's load beside the figures: at the start and after each round.
    assert rows[-1].endswith("Load average (1 min) at the start and after each round: 1.2, 3.5, 2.0.")


def test_every_kind_of_published_page_is_measured():
    # `make bench` is to cover every page type: each folder of published pages has a page in the list, and each
    # page in the list is a published URL (a page that moved would otherwise be measured as a 404).
    published = [
        line.strip()
        for line in (ROOT / "tests" / "published_urls.txt").read_text(encoding="utf-8").splitlines()
        if line.strip().endswith("/") and "#" not in line
    ]
    folders = {url.split("/")[1] for url in published}
    measured = {f"/{page}" for page in phone.EDITION_PAGES.values()}
    assert measured <= set(published), sorted(measured - set(published))
    assert folders == {url.split("/")[1] for url in measured}


def test_medians_keep_every_runs_lcp_beside_the_median():
    def run(lcp: float, fcp: float) -> dict:
        return {
            "performance": 99,
            "lcp_ms": lcp,
            "fcp_ms": fcp,
            "tbt_ms": 40.0,
            "cls": 0.0,
            "requests": 8,
            "transfer_bytes": 70000,
            "request_urls": ["http://127.0.0.1/"],
            "main_thread_ms": {"Style & Layout": 30.0},
            "bootup_ms": {"http://127.0.0.1/": 20.0},
        }

    found = phone.medians([run(1400.0, 1400.0), run(1610.0, 1390.0), run(1380.0, 1380.0)])
    assert found["lcp_ms"] == 1400.0 and found["fcp_ms"] == 1390.0
    assert found["lcp_runs_ms"] == [1400.0, 1610.0, 1380.0]
    assert found["runs"] == 3 and found["main_thread_ms"] == {"Style & Layout": 30.0}
