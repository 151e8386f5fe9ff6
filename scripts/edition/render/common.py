"""What every page renderer shares: the edition, the link builder, and the corrected text as safe HTML."""

from __future__ import annotations

import dataclasses

from .. import urls
from ..escape import esc
from ..model import Edition, Segment
from .intext import linked_text


@dataclasses.dataclass
class Context:
    edition: Edition
    linker: urls.Linker

    def href(self, from_src: str, to_src: str, anchor: str = "") -> str:
        return self.linker.href(from_src, to_src, anchor)

    def paragraph_href(self, from_src: str, paragraph_id: str) -> str:
        place = self.edition.place[paragraph_id]
        return self.href(from_src, urls.section_page(place.section.id), urls.paragraph_anchor(paragraph_id))

    def paragraph_url(self, from_src: str, paragraph_id: str) -> str:
        """The paragraph's served URL relative to the page's, for a quotation's `cite=`, which no engine rewrites."""
        place = self.edition.place[paragraph_id]
        return self.linker.url_href(from_src, urls.section_page(place.section.id), urls.paragraph_anchor(paragraph_id))

    def paragraph_link(self, from_src: str, paragraph_id: str) -> str:
        """A '¶18' link as HTML, with the pinpoint in its accessible name."""
        paragraph = self.edition.paragraph[paragraph_id]
        return (
            f'<a class="para-ref" href="{esc(self.paragraph_href(from_src, paragraph_id))}" '
            f'title="{esc(self.edition.paragraph_pinpoint(paragraph_id))}">¶{paragraph.number}</a>'
        )

    def erratum_marker(self, from_src: str, segment: Segment) -> str:
        erratum = segment.erratum
        href = self.href(from_src, urls.ABOUT, urls.erratum_anchor(erratum.id))
        label = f"Correction {erratum.id}: the source reads “{erratum.original}”"
        return f'<a class="erratum-mark" href="{esc(href)}" title="{esc(label)}" aria-label="{esc(label)}">†</a>'

    def text_html(self, from_src: str, target_id: str, abbreviations: bool = True) -> str:
        """The corrected text of a target (paragraph, heading, abstract, figure, reference) as HTML:
        corrections marked and linked, abbreviations explained, in-text citations linked to the references."""
        linked = linked_text(self, from_src, target_id, lambda text: self.words_html(text, abbreviations))
        if linked is not None:
            return linked
        parts = []
        for segment in self.edition.segments(target_id):
            if segment.erratum:
                parts.append(
                    f'<span class="corrected">{self.words_html(segment.text, abbreviations)}</span>'
                    + self.erratum_marker(from_src, segment)
                )
            else:
                parts.append(self.words_html(segment.text, abbreviations))
        return "".join(parts)

    def words_html(self, text: str, abbreviations: bool = True) -> str:
        """Escape text and wrap each glossary abbreviation in a focusable <abbr> with its expansion."""
        if not abbreviations:
            return esc(text)
        out, position = [], 0
        for start, end, form in self.edition.abbreviations.spans(text):
            out.append(esc(text[position:start]))
            expansion = self.edition.expansion_of[form]
            out.append(f'<abbr title="{esc(expansion)}" tabindex="0">{esc(text[start:end])}</abbr>')
            position = end
        out.append(esc(text[position:]))
        return "".join(out)
