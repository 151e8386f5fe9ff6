"""What every page renderer shares: the edition, the link builder, and safe text-to-HTML helpers."""

from __future__ import annotations

import dataclasses
import html
import re

from .. import urls
from ..model import Edition, Segment

# Characters that Markdown would read as markup; exactly Python-Markdown's escapable set, because
# a backslash before any other character would be shown.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+.!-])")


def md_text(text: str) -> str:
    """Text that Markdown shows literally (for headings and link labels written in Markdown)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def esc(text: str) -> str:
    return html.escape(text, quote=True)


# Characters written as character references inside a Markdown attribute list: HTML's own, Markdown's
# inline syntax (Python-Markdown reads links and emphasis in a heading before its attribute list) and
# the braces that end the list even inside quotes.
_ATTR_LIST_SPECIAL = {char: f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]()"}


def attr_list_value(text: str) -> str:
    """Text for a quoted value in a heading's attribute list, `{#id data-toc-label="…"}`."""
    return "".join(_ATTR_LIST_SPECIAL.get(char, char) for char in text)


@dataclasses.dataclass
class Context:
    edition: Edition
    linker: urls.Linker

    def href(self, from_src: str, to_src: str, anchor: str = "") -> str:
        return self.linker.href(from_src, to_src, anchor)

    def paragraph_href(self, from_src: str, paragraph_id: str) -> str:
        place = self.edition.place[paragraph_id]
        return self.href(from_src, urls.section_page(place.section.id), urls.paragraph_anchor(paragraph_id))

    def paragraph_link(self, from_src: str, paragraph_id: str) -> str:
        """A '¶18' link as HTML, with the pinpoint in its accessible name."""
        paragraph = self.edition.paragraph[paragraph_id]
        place = self.edition.place[paragraph_id]
        return (
            f'<a class="para-ref" href="{esc(self.paragraph_href(from_src, paragraph_id))}" '
            f'title="§{esc(place.label)}, ¶{paragraph.number}">¶{paragraph.number}</a>'
        )

    def erratum_marker(self, from_src: str, segment: Segment) -> str:
        erratum = segment.erratum
        href = self.href(from_src, urls.ABOUT, urls.erratum_anchor(erratum.id))
        label = f"Correction {erratum.id}: the source reads “{erratum.original}”"
        return f'<a class="erratum-mark" href="{esc(href)}" title="{esc(label)}" aria-label="{esc(label)}">†</a>'

    def inline(self, from_src: str, target_id: str, abbreviations: bool = True) -> str:
        """The corrected text of a target as HTML: corrections marked and linked, abbreviations explained,
        in-text citations linked to the references page."""
        from .intext import linked_text  # it needs this module's helpers

        linked = linked_text(self, from_src, target_id, lambda text: self.plain(text, abbreviations), esc)
        if linked is not None:
            return linked
        parts = []
        for segment in self.edition.segments(target_id):
            if segment.erratum:
                parts.append(
                    f'<span class="corrected">{self.plain(segment.text, abbreviations)}</span>'
                    + self.erratum_marker(from_src, segment)
                )
            else:
                parts.append(self.plain(segment.text, abbreviations))
        return "".join(parts)

    def plain(self, text: str, abbreviations: bool = True) -> str:
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

    def text_only(self, target_id: str) -> str:
        return self.edition.text(target_id)
