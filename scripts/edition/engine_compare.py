"""The same CSL-JSON through citeproc-py and citeproc-js, compared on what the manuals decide.

`python -m edition.engine_compare` prints the table the README records; tests/test_csl_engines.py checks
each claim in it. citeproc-py runs the stock style files here (the build used to patch two of them for it).
"""

from __future__ import annotations

import html
import io
import re
import warnings

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator, formatter
from citeproc.source.json import CiteProcJSON

from . import csl_engine
from .cite_styles import PAPER_ID, STYLES, style_item
from .csl import reference_csl
from .model import Edition
from .paths import DATA_DIR
from .validate import check

URL = "https://example.org/lee2025/sections/iv/#p18"


def _py(style: str, items: list[dict], locator: tuple[str, str] | None = None) -> tuple[dict[str, str], str]:
    """citeproc-py's bibliography {id: html} and the first item's in-text citation."""
    with warnings.catch_warnings():
        # citeproc-py warns about CSL features it does not implement; the styles still format.
        warnings.simplefilter("ignore")
        with open(csl_engine.style_path(style), "rb") as handle:
            parsed = CitationStylesStyle(io.BytesIO(handle.read()), validate=False)
        bib = CitationStylesBibliography(parsed, CiteProcJSON(items), formatter.html)
        first = Citation([CitationItem(items[0]["id"], **({"locator": Locator(*locator)} if locator else {}))])
        bib.register(first)
        for item in items[1:]:
            bib.register(Citation([CitationItem(item["id"])]))
        cite = str(bib.cite(first, lambda _item: None))
        entries = [str(entry) for entry in bib.bibliography()]
    ids = [item["id"] for item in items]
    return dict(zip(ids, entries, strict=False)), html.unescape(re.sub(r"<[^>]+>", "", cite))


def _js_job(style: str, items: list[dict], locator: tuple[str, str] | None = None) -> dict:
    cite = [dict(id=items[0]["id"], **({"label": locator[0], "locator": locator[1]} if locator else {}))]
    return csl_engine.job(style, items, citations=[cite])


def _js(style: str, items: list[dict], locator: tuple[str, str] | None = None) -> tuple[dict[str, str], str]:
    [out] = csl_engine.run([_js_job(style, items, locator)])
    entries = {
        ref_id: re.sub(r'^\s*<div class="csl-entry">(.*)</div>\s*$', r"\1", entry, flags=re.S).strip()
        for ref_id, entry in out["bibliography"].items()
    }
    return entries, html.unescape(re.sub(r"<[^>]+>", "", out["citations"][0]))


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def compare(edition: Edition) -> dict:
    """Per engine: the facts the README's table states."""
    refs = [reference_csl(ref) for ref in edition.references]
    headline = dict(style_item(edition, "apa", URL), title=edition.paper.title)
    # Every citeproc-js job in one node process; `_js` then finds them formatted.
    csl_engine.run(
        [_js_job(style, [style_item(edition, style, URL)], ("paragraph", "18")) for style in STYLES]
        + [_js_job(style, refs) for style in STYLES]
        + [_js_job("apa", [headline])]
    )
    out: dict = {}
    for engine, run in (("citeproc-py", _py), ("citeproc-js", _js)):
        facts: dict = {}
        entries = {}
        for style in STYLES:
            bib, cite = run(style, [style_item(edition, style, URL)], ("paragraph", "18"))
            facts[f"paper_{style}"] = _text(bib[PAPER_ID])
            facts[f"cite_{style}"] = cite
            entries[style], _ = run(style, refs)
        # Given the printed (headline-case) title, does APA's style make it sentence case?
        facts["apa_keeps_headline_case"] = edition.paper.title in _text(run("apa", [headline])[0][PAPER_ID])
        chicago = {ref_id: _text(entry) for ref_id, entry in entries["chicago"].items()}
        facts["chicago_refs"] = chicago
        # US English: a full stop or comma goes inside the closing quotation mark.
        facts["punctuation_outside_quotes"] = sum(bool(re.search(r"”[.,]", text)) for text in chicago.values())
        facts["italic_entries"] = sum("<i>" in entry for entry in entries["chicago"].values())
        facts["letters"] = {
            ref_id: m.group(0) for ref_id, text in chicago.items() if (m := re.search(r"\b2023[a-z]\b", text))
        }
        facts["hyphenated_headline"] = "Cross-Ministerial" in chicago["cabinet-office-sip"]
        # A label printed for a variable the item does not have (Chicago's edition label).
        facts["stray_edition"] = sum("Edition" in text for text in chicago.values())
        out[engine] = facts
    return out


def table(facts: dict) -> str:
    py, js = facts["citeproc-py"], facts["citeproc-js"]
    rows = [
        (
            "Full stop or comma outside a closing quotation mark (US English puts it inside), Chicago list",
            f"{py['punctuation_outside_quotes']} of 10 entries",
            f"{js['punctuation_outside_quotes']} of 10",
        ),
        (
            "A bare “Edition” in entries with no edition, Chicago list",
            f"{py['stray_edition']} of 10",
            f"{js['stray_edition']} of 10",
        ),
        (
            "Italics (titles of reports, websites, periodicals)",
            f"{py['italic_entries']} entries with <i>",
            f"{js['italic_entries']} entries with <i>",
        ),
        (
            "Headline case of a hyphenated compound (Chicago)",
            "“Cross-ministerial”" if not py["hyphenated_headline"] else "“Cross-Ministerial”",
            "“Cross-Ministerial”" if js["hyphenated_headline"] else "“Cross-ministerial”",
        ),
        (
            "Sentence case for APA, given the printed title",
            "none: prints it as given" if py["apa_keeps_headline_case"] else "converts",
            "none: prints it as given" if js["apa_keeps_headline_case"] else "converts",
        ),
        (
            "a/b/c of the Office of the President 2023 (a = the paper's Camp David statement)",
            ", ".join(f"{k.rsplit('-', 1)[1]}→{v[-1]}" for k, v in sorted(py["letters"].items())),
            ", ".join(f"{k.rsplit('-', 1)[1]}→{v[-1]}" for k, v in sorted(js["letters"].items())),
        ),
        ("MLA in-text citation of ¶18", py["cite_mla"], js["cite_mla"]),
        ("Chicago in-text citation of ¶18", py["cite_chicago"], js["cite_chicago"]),
        (
            "Author in Chicago and MLA entries (both want the full given name)",
            f"{py['paper_chicago'].split(' 2025.')[0]} / {py['paper_mla'].split('. ')[0]}.",
            f"{js['paper_chicago'].split(' 2025.')[0]} / {js['paper_mla'].split('. ')[0]}.",
        ),
    ]
    lines = ["| | citeproc-py | citeproc-js |", "| --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


def main() -> int:
    print(table(compare(check(DATA_DIR))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
