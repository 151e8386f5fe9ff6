"""Citations of the paper and of its reference list in Chicago author-date, APA and MLA, formatted by the CSL
engine (citeproc-js, see csl_engine.py) with each style's own words for pinpoints.

- The reference entry names the work (the paper) and ends with the URL of the page or paragraph cited.
- The pinpoint belongs to the in-text citation, in the style's words: "(Lee 2025, para. 18)" (Chicago),
  "(Lee, 2025, para. 18)" (APA), "(Lee, par. 18)" (MLA). The edition's ¶ numbers are paragraph numbers.
- Everything one edition needs is formatted in one engine run (`styled`), the first time it is asked for.

The CSL item each style sees differs only where the style's manual asks for it (`style_item`); the
exported CSL-JSON keeps the paper's own facts.
"""

from __future__ import annotations

import dataclasses
import html
import re

from . import csl_engine
from . import records as r
from .csl import PAPER_ID, paper_item, reference_csl
from .model import Edition

STYLES = ("chicago", "apa", "mla")
STYLE_NAMES = {
    "chicago": "Chicago (author-date)",
    "apa": "APA",
    "mla": "MLA",
}
# Which edition of each manual the CSL file implements (its <title>), said wherever a style is named.
STYLE_EDITIONS = {
    "chicago": "The Chicago Manual of Style, 18th edition",
    "apa": "Publication Manual of the American Psychological Association, 7th edition",
    "mla": "MLA Handbook, 9th edition",
}
STYLE_LONG_NAMES = {
    "chicago": f"Chicago author-date ({STYLE_EDITIONS['chicago']})",
    "apa": f"APA ({STYLE_EDITIONS['apa']})",
    "mla": f"MLA ({STYLE_EDITIONS['mla']})",
}
# A URL no real page has: the paper is formatted once per style with it, and each box puts its own URL in.
URL_SLOT = "https://url-slot.invalid/"


def style_item(edition: Edition, style: str, url: str) -> dict:
    """The paper as one style should see it.

    - Chicago and MLA: the series number after the series title as "no. 5". The title ends in a year
      ("… World 2050"), so a bare "2050 5" would read as one number; "no." is both manuals' abbreviation
      for "number", and the comma sets it apart ("Korea-Japan Joint Work on the World 2050, no. 5").
    - APA: the title in sentence case (APA 7, 6.17: titles of works in reference entries), the series and
      number in parentheses after the title as "(Series Name No. 5)" (APA 7, 10.4, examples 50-52), and so
      no bracketed "[Working paper]", which APA uses when a report has no number.
    """
    paper = edition.paper
    item = paper_item(edition, url or None)
    del item["number"]
    if style == "apa":
        del item["genre"]
        item["title"] = paper.title_sentence_case or paper.title
        item["collection-number"] = f"No. {paper.series.number}"
    else:
        item["collection-number"] = f"no. {paper.series.number}"
    return item


@dataclasses.dataclass(frozen=True)
class Pinpoint:
    """What a box cites: the whole paper, a section, or paragraphs (numbers, in order)."""

    section: str = ""  # the section's label, e.g. "IV"
    paragraphs: tuple[int, ...] = ()

    def locator(self) -> dict:
        """The CSL locator; each style's terms turn it into "para. 18", "par. 18", "sec. IV" or "Section IV"."""
        if self.paragraphs:
            return {"label": "paragraph", "locator": number_ranges(self.paragraphs)}
        if self.section:
            return {"label": "section", "locator": self.section}
        return {}

    @property
    def symbols(self) -> str:
        """The edition's own marks, "§IV" or "¶18, ¶19", for notes in BibTeX, RIS and CSL-JSON."""
        if self.paragraphs:
            return ", ".join(f"¶{number}" for number in self.paragraphs)
        return f"§{self.section}" if self.section else ""


def number_ranges(numbers: tuple[int, ...]) -> str:
    """18, 19, 20, 22 -> "18–20, 22": consecutive paragraphs as a range with an en dash, as all three manuals do."""
    groups: list[list[int]] = []
    for number in sorted(set(numbers)):
        if groups and number == groups[-1][-1] + 1:
            groups[-1].append(number)
        else:
            groups.append([number])
    return ", ".join(str(g[0]) if len(g) == 1 else f"{g[0]}–{g[-1]}" for g in groups)


def plain(fragment: str) -> str:
    """The text a reader pastes where no formatting is kept: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def _entry_html(entry: str) -> str:
    # citeproc-js wraps each entry in <div class="csl-entry">; the boxes and lists have their own element.
    return re.sub(r'^\s*<div class="csl-entry">(.*)</div>\s*$', r"\1", entry, flags=re.S).strip()


@dataclasses.dataclass
class Styled:
    """Every formatted string one edition needs, from one engine run."""

    paper_entries: dict[str, str]  # style -> HTML entry with URL_SLOT for the URL
    unlinked_entry: str  # the Chicago entry without its URL (the print page, which has no site address)
    in_text: dict[tuple[str, Pinpoint], str]  # (style, pinpoint) -> "(Lee 2025, para. 18)"
    references: dict[str, str]  # reference id -> Chicago HTML entry
    reference_order: list[str]  # reference ids in the style's order

    def entry_html(self, style: str, url: str) -> str:
        return self.paper_entries[style].replace(URL_SLOT, html.escape(url, quote=False))

    def entry_text(self, style: str, url: str) -> str:
        return plain(self.paper_entries[style]).replace(URL_SLOT, url)

    def entry_without_url(self) -> str:
        return plain(self.unlinked_entry)

    def citation(self, style: str, pinpoint: Pinpoint) -> str:
        return plain(self.in_text[(style, pinpoint)])

    def reference_html(self, ref_id: str) -> str:
        return self.references[ref_id]

    def reference_text(self, ref_id: str) -> str:
        return plain(self.references[ref_id])

    def letter(self, ref_id: str) -> str | None:
        """The year with the a/b/c the style gave the entry, e.g. "2023c"; None where it gave none."""
        match = re.search(r"\b(\d{4}[a-z])\b", self.reference_text(ref_id))
        return match.group(1) if match else None


# The style the references page and the hover previews use (and pandoc is compared with).
REFERENCE_STYLE = "chicago"


def pinpoints(edition: Edition) -> list[Pinpoint]:
    """Every pinpoint a cite box of this edition shows."""
    out = [Pinpoint()]
    out += [Pinpoint(section=section.label) for section in edition.sections]
    out += [Pinpoint(paragraphs=(paragraph.number,)) for paragraph in edition.paragraphs]
    out += [proposal_pinpoint(edition, proposal) for proposal in edition.proposals]
    return list(dict.fromkeys(out))


def proposal_paragraphs(edition: Edition, proposal: r.Proposal) -> list[str]:
    """The paragraphs a proposal quotes, in reading order: what its box cites."""
    ids = dict.fromkeys(quote.paragraph for quote in proposal.quotes)
    return sorted(ids, key=lambda paragraph_id: edition.paragraph[paragraph_id].number)


def proposal_pinpoint(edition: Edition, proposal: r.Proposal) -> Pinpoint:
    return Pinpoint(paragraphs=tuple(edition.paragraph[p].number for p in proposal_paragraphs(edition, proposal)))


_latest: list[tuple[Edition, Styled]] = []


def styled(edition: Edition) -> Styled:
    """The edition's formatted citations, made once per edition in one engine run."""
    if not _latest or _latest[0][0] is not edition:
        _latest[:] = [(edition, _format(edition))]
    return _latest[0][1]


def jobs(edition: Edition) -> list[dict]:
    """One engine per style (building one is what costs): the paper with a stand-in URL in each, and in
    Chicago's also the reference list (the paper shares no author with it, so nothing is disambiguated)."""
    refs = [reference_csl(ref) for ref in edition.references]
    return [
        csl_engine.job(
            style,
            [style_item(edition, style, URL_SLOT)] + (refs if style == REFERENCE_STYLE else []),
            citations=[[dict(id=PAPER_ID, **pinpoint.locator())] for pinpoint in pinpoints(edition)],
        )
        for style in STYLES
    ]


def _format(edition: Edition) -> Styled:
    wanted = pinpoints(edition)
    refs = [reference_csl(ref) for ref in edition.references]
    results = dict(zip(STYLES, csl_engine.run(jobs(edition)), strict=True))
    paper_entries = {style: _entry_html(result["bibliography"][PAPER_ID]) for style, result in results.items()}
    in_text = {
        (style, pinpoint): text
        for style, result in results.items()
        for pinpoint, text in zip(wanted, result["citations"], strict=True)
    }
    chicago = results[REFERENCE_STYLE]
    # The print page has no site address: Chicago's entry without its last element, the URL.
    slot = f" {URL_SLOT}."
    assert paper_entries[REFERENCE_STYLE].endswith(slot), "Chicago's entry no longer ends with its URL"
    unlinked = paper_entries[REFERENCE_STYLE][: -len(slot)]
    return Styled(
        paper_entries,
        unlinked,
        in_text,
        {ref["id"]: _entry_html(chicago["bibliography"][ref["id"]]) for ref in refs},
        [ref_id for ref_id in chicago["order"] if ref_id != PAPER_ID],
    )


def paper_citation_text(edition: Edition, url: str = "") -> str:
    """The paper's Chicago reference entry, as plain text, ending with the URL if one is given."""
    return styled(edition).entry_text("chicago", url) if url else styled(edition).entry_without_url()
