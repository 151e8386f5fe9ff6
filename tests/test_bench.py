"""The benchmark's own logic: synthetic editions are valid and cross-linked, page weights add up.

The benchmark itself (`make bench`) is never run here.
"""

from __future__ import annotations

import gzip

import pytest

from benchmarks import report, weight
from benchmarks.synth import copy_id, make_edition
from edition.paths import DATA_DIR
from edition.validate import check

SCALE = 10


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / f"data-{SCALE}x"
    counts = make_edition(DATA_DIR, out, SCALE)
    return counts, check(out)


@pytest.mark.slow  # checks a 10x synthetic edition
def test_synthetic_edition_passes_every_check_and_scales_the_text(scaled, edition):
    counts, big = scaled
    for kind in ("sections", "paragraphs", "proposals", "references", "challenges", "areas"):
        assert len(getattr(big, kind)) == SCALE * len(getattr(edition, kind)), kind
    # There is one abstract: corrections to it are not multiplied.
    on_text = [e for e in edition.errata if e.target != "abstract"]
    assert len(big.errata) == len(edition.errata) + (SCALE - 1) * len(on_text)
    assert counts["paragraphs"] == len(big.paragraphs)
    assert counts["proposals"] == len(big.proposals)
    assert len(big.terms) > (SCALE - 1) * len(edition.terms)


@pytest.mark.slow  # checks a 10x synthetic edition
def test_each_copy_links_only_to_its_own_copy(scaled, edition):
    _counts, big = scaled
    suffix = f"-c{SCALE}"
    copies = [p for p in big.proposals if p.id.endswith(suffix)]
    assert len(copies) == len(edition.proposals)
    for proposal in copies:
        assert proposal.area.endswith(suffix)
        assert all(c.endswith(suffix) for c in proposal.challenges)
        assert all(q.paragraph.endswith(suffix) for q in proposal.quotes)
        # The 3P elements are a fixed set, never copied.
        assert set(proposal.three_p) <= {t.id for t in edition.three_p}


@pytest.mark.slow  # checks a 10x synthetic edition
def test_copied_paragraphs_keep_their_text_on_new_source_lines(scaled, edition):
    _counts, big = scaled
    original = edition.paragraphs[0]
    copy = big.paragraph[copy_id(original.id, SCALE)]
    assert copy.text == original.text
    assert copy.source_line > len(edition.source_lines)
    assert big.source_lines[copy.source_line - 1] == original.text
    assert copy.number == (SCALE - 1) * len(edition.paragraphs) + original.number


@pytest.mark.slow  # checks a 10x synthetic edition
def test_copied_section_gets_its_own_label(scaled, edition):
    _counts, big = scaled
    section = edition.sections[0]
    copy = big.section_of[copy_id(section.id, 2)]
    assert copy.label == f"{section.label}-2"
    assert big.source_lines[copy.source_line - 1] == f"{section.label}-2. {section.title}"


def test_scale_below_one_is_refused(tmp_path):
    with pytest.raises(ValueError) as error:
        make_edition(DATA_DIR, tmp_path / "none", 0)
    assert str(error.value) == "expected a scale of at least 1, found 0"


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def tiny_site(tmp_path):
    site = tmp_path / "site"
    _write(site / "index.html", "<html>home</html>")
    _write(
        site / "sections/iv/index.html",
        '<html><head><link rel="stylesheet" href="../../assets/a.css"><link rel="icon" href="../../x.png">'
        '<link rel="stylesheet" href="https://cdn.example/b.css"></head>'
        '<body>text<script src="../../assets/b.js"></script><script>inline()</script></body></html>',
    )
    _write(site / "assets/a.css", "@font-face{src:url('fonts/f.woff2')} body{background:url(bg.png)}")
    _write(site / "assets/b.js", "console.log(1);" * 50)
    _write(site / "assets/fonts/f.woff2", "F" * 321)
    _write(site / "assets/bg.png", "P" * 999)
    _write(site / "proposals/index.html", "<html>list</html>")
    _write(site / "proposals/one/index.html", "<html>one</html>")
    _write(site / "references/index.html", "<html>refs</html>")
    _write(site / "glossary/index.html", "<html>terms</html>")
    _write(site / "404.html", "<html>missing</html>")
    _write(site / "search/search_index.json", '{"docs": []}')
    return site


def test_page_types_follow_the_url_layout(tiny_site):
    kinds = {page: weight.page_type(page, tiny_site) for page in weight.html_pages(tiny_site)}
    assert kinds == {
        "index.html": "home",
        "sections/iv/index.html": "section",
        "proposals/index.html": "index",
        "proposals/one/index.html": "proposal",
        "references/index.html": "references",
        "glossary/index.html": "glossary",
    }


def test_phone_weight_counts_local_css_js_and_fonts_only(tiny_site):
    found = weight.phone_weight(tiny_site, "sections/iv/index.html")
    assert set(found["files"]) == {"sections/iv/index.html", "assets/a.css", "assets/b.js", "assets/fonts/f.woff2"}
    js = (tiny_site / "assets/b.js").read_bytes()
    assert found["files"]["assets/b.js"] == len(gzip.compress(js, compresslevel=weight.GZIP_LEVEL, mtime=0)) < len(js)
    assert found["files"]["assets/fonts/f.woff2"] == 321
    assert found["gzip_bytes"] == sum(found["files"].values())


def test_page_weights_summarise_each_type_and_the_search_index(tiny_site):
    weights = weight.page_weights(tiny_site)
    assert weights["pages"] == 6
    assert weights["by_type"]["proposal"]["raw"] == {
        "count": 1,
        "median": len("<html>one</html>"),
        "max": len("<html>one</html>"),
    }
    assert weights["search_index"]["raw"] == len('{"docs": []}')


def _result(share, phone, time_ratio, rss, html_ratio):
    return {
        "scales": [{"scale": 1, "ours_share_of_total": share, "phone": {"gzip_bytes": phone}}],
        "growth": {
            "from": 1,
            "to": 50,
            "time_ratio": time_ratio,
            "peak_rss_bytes_at_top": rss,
            "html_per_page_ratio": html_ratio,
        },
    }


def test_targets_are_met_up_to_their_limits():
    met = report.targets(_result(0.10, 149_999, 50.0, 999_999_999, 1.2))
    assert [t["met"] for t in met] == [True] * 5


def test_targets_are_missed_past_their_limits():
    missed = report.targets(_result(0.11, 150_000, 50.1, 1_000_000_000, 1.21))
    assert [(t["target"], t["met"]) for t in missed] == [
        ("our stages ≤ 10% of the build at 1x (CSL cache warm)", False),
        ("phone weight of a section page < 150 KB (gzip) at 1x", False),
        ("t(50x)/t(1x) ≤ 50", False),
        ("peak memory at 50x < 1 GB", False),
        ("median HTML per page 50x/1x ≤ 1.2", False),
    ]


def test_a_run_without_1x_reports_no_overhead_target():
    result = {"scales": [{"scale": 50, "ours_share_of_total": 0.119, "phone": {"gzip_bytes": 86_318}}]}
    assert [t["target"] for t in report.targets(result)] == ["phone weight of a section page < 150 KB (gzip) at 50x"]
