"""What every page renderer shares: the edition, the link builder, and the paper's text as safe HTML, both
readings of each correction in it and the author's words marked as such."""

from __future__ import annotations

import dataclasses

from .. import records as r
from .. import urls
from ..escape import esc, md_attr
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
        """A '¶18' link as HTML, with the pinpoint ("§IV, ¶18") as its accessible name. Not a `title`: the theme
        mounts a script tooltip on every titled element when a page loads, and pages list these links by the
        hundred (glossary, cite pages), which held a phone's main thread for hundreds of milliseconds."""
        paragraph = self.edition.paragraph[paragraph_id]
        return (
            f'<a class="para-ref" href="{esc(self.paragraph_href(from_src, paragraph_id))}" '
            f'aria-label="{esc(self.edition.paragraph_pinpoint(paragraph_id))}">¶{paragraph.number}</a>'
        )

    # The markers are written on Markdown lines too (in headings), so their attributes escape Markdown's syntax.
    def erratum_marker(self, from_src: str, erratum: r.Erratum) -> str:
        href = self.href(from_src, urls.ABOUT, urls.erratum_anchor(erratum.id))
        label = f"Correction {erratum.id}: the source reads “{erratum.original}”"
        return (
            f'<a class="erratum-mark" href="{esc(href)}" title="{md_attr(label)}" aria-label="{md_attr(label)}" '
            f"data-search-exclude>†</a>"
        )

    def query_marker(self, from_src: str, query: r.Query, tooltip: bool = True) -> str:
        """The ? after queried words, linked to the query; its words as a tooltip unless `tooltip` is False
        (the method page's register: see render/method.py)."""
        href = self.href(from_src, urls.ABOUT, urls.query_anchor(query.id))
        label = f"Editor’s query {query.id}: {query.query}"
        title = f' title="{md_attr(label)}"' if tooltip else ""
        return (
            f'<a class="query-mark" href="{esc(href)}"{title} aria-label="Editor’s query {esc(query.id)}" '
            f"data-search-exclude>?</a>"
        )

    def correction(self, segment: Segment, corrected_html: str, printed_html: str) -> str:
        """Both readings of a corrected spot: the corrected one shown, the printed one shown "as printed"
        (docs/stylesheets/reading.css switches them). Search indexes the corrected reading here; the
        printed words of paragraphs are added by search.py."""
        if segment.erratum is None:
            raise ValueError("only a corrected segment has two readings")
        return (
            f'<span class="corrected" data-erratum="{esc(segment.erratum.id)}">'
            f'<span class="reading-corrected">{corrected_html}</span>'
            f'<span class="reading-printed" data-search-exclude>{printed_html}</span></span>'
        )

    def text_html(self, from_src: str, target_id: str, abbreviations: bool = True) -> str:
        """The text of a target (paragraph, heading, abstract, figure, reference) as HTML: corrections marked
        and linked (both readings), queried words marked, abbreviations explained, in-text citations linked."""
        linked = linked_text(self, from_src, target_id, lambda text: self.words_html(text, abbreviations))
        if linked is not None:
            return linked
        return self.segments_html(from_src, self.edition.segments(target_id), abbreviations)

    def segments_html(
        self,
        from_src: str,
        segments: list[Segment],
        abbreviations: bool = True,
        markers: bool = True,
        query_tooltips: bool = True,
    ) -> str:
        """Segments as HTML: corrections in both readings with their † link, queried words with their ? link.
        Without markers (inside a link, where links cannot nest) the caller places `markers_html` after it."""
        parts = []
        for segment in segments:
            if segment.erratum:
                corrected = self.words_html(segment.text, abbreviations)
                parts.append(self.correction(segment, corrected, self.words_html(segment.original, abbreviations)))
                if markers:
                    parts.append(self.erratum_marker(from_src, segment.erratum))
            elif segment.query:
                parts.append(f'<span class="queried">{self.words_html(segment.text, abbreviations)}</span>')
                if markers:
                    parts.append(self.query_marker(from_src, segment.query, query_tooltips))
            else:
                parts.append(self.words_html(segment.text, abbreviations))
        return "".join(parts)

    def markers_html(self, from_src: str, segments: list[Segment]) -> str:
        parts = []
        for segment in segments:
            if segment.erratum:
                parts.append(self.erratum_marker(from_src, segment.erratum))
            elif segment.query:
                parts.append(self.query_marker(from_src, segment.query))
        return "".join(parts)

    def author_words(
        self,
        from_src: str,
        target_id: str,
        words: str | None = None,
        tag: str = "span",
        css_class: str = "",
        abbreviations: bool = True,
        markers: bool = True,
        query_tooltips: bool = True,
    ) -> str:
        """The author's printed words (all of a target's text, or an excerpt of it), marked as the author's
        with the source line they are checked against (tests/test_author_text.py walks the built HTML)."""
        edition = self.edition
        segments = edition.segments(target_id) if words is None else edition.excerpt(target_id, words)
        classes = f"author-words {css_class}".strip()
        return (
            f'<{tag} class="{classes}" data-source-line="{edition.source_line(target_id)}">'
            f"{self.segments_html(from_src, segments, abbreviations, markers, query_tooltips)}</{tag}>"
        )

    def words_html(self, text: str, abbreviations: bool = True) -> str:
        """Escape text and wrap each glossary abbreviation in a focusable <abbr> with its expansion."""
        if not abbreviations:
            return esc(text)
        out, position = [], 0
        for start, end, form in self.edition.abbreviations.spans(text):
            out.append(esc(text[position:start]))
            expansion = self.edition.expansion_of[form]
            if self.edition.abbreviation_term[form].expansion_by != "paper":
                # An expansion the paper does not print is labelled as the editor's wherever it shows.
                expansion += " (editor’s expansion)"
            out.append(f'<abbr title="{esc(expansion)}" tabindex="0">{esc(text[start:end])}</abbr>')
            position = end
        out.append(esc(text[position:]))
        return "".join(out)
