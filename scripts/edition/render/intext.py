"""A paragraph's text as HTML with each in-text citation linked to its entry on the references page.

Corrections and queried words may fall inside a citation (the printed "Farell", query q31). Links cannot
nest, so the words stay inside the citation link and the † or ? marker follows the link.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from typing import Protocol

from .. import records as r
from .. import urls
from ..cite_styles import styled
from ..escape import esc
from ..intext_citations import Cite, Work
from ..model import Edition, Segment


@dataclasses.dataclass(frozen=True)
class Piece:
    text: str
    segment: Segment
    cite: Cite | None
    ends_segment: bool
    starts_segment: bool = True


def pieces(segments: list[Segment], cites: list[Cite]) -> list[Piece]:
    """The segments cut at every citation boundary, each piece knowing the citation it lies in."""
    cuts = sorted({0} | {c.found.start for c in cites} | {c.found.end for c in cites})
    out: list[Piece] = []
    offset = 0
    for segment in segments:
        start, end = offset, offset + len(segment.text)
        inner = [cut for cut in cuts if start < cut < end]
        bounds = [start, *inner, end]
        for left, right in itertools.pairwise(bounds):
            cite = next((c for c in cites if c.found.start <= left and right <= c.found.end), None)
            out.append(Piece(segment.text[left - start : right - start], segment, cite, right == end, left == start))
        offset = end
    return out


def work_title(edition: Edition, work: Work) -> str:
    """The hover and focus preview of a cited work: its formatted entry (the same as the references page's)."""
    if work.reference is None:
        return f"{work.key}: cited in the text; not in the paper’s reference list"
    return styled(edition).reference_text(work.reference.id)


class PageContext(Protocol):
    """What this module needs of render.common.Context, which sits above it."""

    edition: Edition

    def href(self, from_src: str, to_src: str, anchor: str = "") -> str: ...

    def erratum_marker(self, from_src: str, erratum: r.Erratum) -> str: ...

    def query_marker(self, from_src: str, query: r.Query, tooltip: bool = True) -> str: ...

    def correction(self, segment: Segment, corrected_html: str, printed_html: str) -> str: ...


def linked_text(ctx: PageContext, from_src: str, target_id: str, words_html: Callable[[str], str]) -> str | None:
    """The HTML of a text that holds citations, or None if it holds none. `ctx` is the page's render Context;
    `words_html` escapes words and explains abbreviations."""
    cites = ctx.edition.citations.cites.get(target_id)
    if not cites:
        return None
    parts: list[str] = []
    deferred: list[str] = []  # correction markers waiting for the open citation link to close
    open_cite: Cite | None = None
    for piece in pieces(ctx.edition.segments(target_id), cites):
        if piece.cite is not open_cite:
            if open_cite is not None:
                parts.append("</a>")
                parts.extend(deferred)
                deferred = []
            if piece.cite is not None:
                work = piece.cite.work
                href = ctx.href(from_src, urls.REFERENCES, urls.reference_anchor(work.id))
                parts.append(f'<a class="cite-ref" href="{esc(href)}" title="{esc(work_title(ctx.edition, work))}">')
            open_cite = piece.cite
        # Abbreviation tooltips are focusable, so none are put inside a link.
        text = esc if piece.cite else words_html
        if piece.segment.erratum:
            # The printed words go with the first piece of a correction cut by a citation boundary, so
            # that each reading, read whole, is exact.
            printed = text(piece.segment.original) if piece.starts_segment else ""
            parts.append(ctx.correction(piece.segment, text(piece.text), printed))
            if piece.ends_segment:
                marker = ctx.erratum_marker(from_src, piece.segment.erratum)
                (deferred if piece.cite else parts).append(marker)
        elif piece.segment.query:
            parts.append(f'<span class="queried">{text(piece.text)}</span>')
            if piece.ends_segment:
                marker = ctx.query_marker(from_src, piece.segment.query)
                (deferred if piece.cite else parts).append(marker)
        else:
            parts.append(text(piece.text))
    if open_cite is not None:
        parts.append("</a>")
        parts.extend(deferred)
    return "".join(parts)
