"""Cite pages: "Data and citation" (the paper, the downloads) and one page per section with a cite box
for the section and for each of its paragraphs.

Every format is plain, selectable text without JavaScript; a small script only reveals and runs the copy
buttons. The boxes sit on their own pages, not under each paragraph, so the section pages stay light.
"""

from __future__ import annotations

import dataclasses

from .. import records as r
from .. import urls
from ..csl import FORMATS, STYLES, cite_formats, in_text
from ..escape import esc, md_text
from ..model import Edition, pinpoint
from .common import Context

# Reveals the copy buttons and copies a box's text; without a secure context (file://) it selects the
# text and uses the older copy command instead.
COPY_SCRIPT = """<script>
document.querySelectorAll("button.cite-copy").forEach(function (button) {
  var target = document.getElementById(button.getAttribute("data-copy"));
  var label = button.textContent;
  function done(message) {
    button.textContent = message;
    setTimeout(function () { button.textContent = label; }, 2000);
  }
  function fallback() {
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    done(document.execCommand("copy") ? "Copied" : "Press Ctrl+C");
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(target.textContent).then(function () { done("Copied"); }, fallback);
    } else {
      fallback();
    }
  });
});
</script>"""


def render(ctx: Context, site_url: str, downloads: list[tuple[str, str, str]]) -> dict[str, str]:
    """The cite pages. Exact URLs need the published address, so this takes `site_url` as well.
    `downloads` lists (path, title, note) for each download."""
    pages = {urls.CITE: data_page(ctx, site_url, downloads)}
    for section in ctx.edition.sections:
        pages[urls.cite_page(section.id)] = section_page(ctx, site_url, section)
    if ctx.edition.proposals:
        pages[urls.CITE_PROPOSALS] = proposals_page(ctx, site_url)
    return pages


@dataclasses.dataclass(frozen=True)
class CiteBox:
    """What one box cites: the paper or a part of it, at an exact URL."""

    what: str  # names the box's elements: "paper", a section, paragraph or proposal id
    url: str  # the exact URL the citation carries
    pinpoint: str  # e.g. "§IV.1, ¶18"; empty for the whole paper
    key: str  # the BibTeX key and CSL-JSON id
    label: str  # what the copy buttons say they copy, e.g. "¶18"


def box(ctx: Context, cited: CiteBox) -> list[str]:
    formats = cite_formats(ctx.edition, cited.url, cited.pinpoint, cited.key)
    citations = " · ".join(
        f"{esc(FORMATS[style])}: {esc(in_text(ctx.edition, style, cited.pinpoint))}" for style in STYLES
    )
    lines = [
        '<div class="cite-box" data-search-exclude>',
        f'<p class="cite-url">URL: <a href="{esc(cited.url)}">{esc(cited.url)}</a></p>',
        f'<p class="cite-intext">In the text — {citations}</p>',
        '<dl class="cite-formats">',
    ]
    for name, title in FORMATS.items():
        element = urls.cite_anchor(cited.what, name)
        lines.append(
            f"<dt>{esc(title)} "
            f'<button type="button" class="cite-copy md-button" data-copy="{element}" '
            f'aria-label="Copy {esc(title)}: {esc(cited.label)}" hidden>Copy</button></dt>'
        )
        kind = "cite-text cite-text--prose" if name in STYLES else "cite-text"
        lines.append(f'<dd><pre class="{kind}" id="{element}">{esc(formats[name].rstrip())}</pre></dd>')
    lines += ["</dl>", "</div>", ""]
    return lines


def data_page(ctx: Context, site_url: str, downloads: list[tuple[str, str, str]]) -> str:
    src = urls.CITE
    lines = [
        "# Data and citation",
        "",
        '<p class="editorial"><span class="editorial-label">Editor’s note:</span> the citations below are formatted '
        "from the paper’s own details by a CSL engine (citeproc-py with the official Chicago, APA and MLA styles). "
        "To cite a section or a paragraph, use the <em>Cite</em> link beside its ¶ number, or the pages listed "
        f'under <a href="#{urls.CITE_PARTS_ANCHOR}">Sections and paragraphs</a>. Reference managers such as Zotero '
        "also read each page of the site directly.</p>",
        "",
        f"## Cite the paper {{#{urls.CITE_PAPER_ANCHOR}}}",
        "",
    ]
    lines += box(ctx, CiteBox("paper", urls.absolute_url(site_url, urls.HOME), "", "lee2025", "the paper"))
    lines += parts_list(ctx, src)
    lines += ["", f"## Downloads {{#{urls.DOWNLOADS_ANCHOR}}}", ""]
    lines.append(
        '<p class="editorial"><span class="editorial-label">Editor’s note:</span> generated from the edition’s '
        "data each time the site is built.</p>"
    )
    lines += ["", "<ul>"]
    for path, title, note in downloads:
        href = ctx.linker.file_href(src, path)
        lines.append(f'<li><a href="{esc(href)}" download>{esc(title)}</a> (<code>{esc(path)}</code>): {esc(note)}</li>')
    lines += ["</ul>", "", COPY_SCRIPT, ""]
    return "\n".join(lines)


def parts_list(ctx: Context, src: str) -> list[str]:
    """Links to the cite pages of the sections (and their paragraphs) and of the proposals."""
    edition = ctx.edition
    lines = [f"## Sections and paragraphs {{#{urls.CITE_PARTS_ANCHOR}}}", "", "<ul>"]
    for section in edition.sections:
        href = ctx.href(src, urls.cite_page(section.id))
        lines.append(f'<li><a href="{esc(href)}">Cite {esc(pinpoint(section.label))}. {esc(edition.text(section.id))}</a> '
                     "and its paragraphs</li>")
    if edition.proposals:
        href = ctx.href(src, urls.CITE_PROPOSALS)
        lines.append(f'<li><a href="{esc(href)}">Cite a proposal</a> (the paragraphs it rests on)</li>')
    return lines + ["</ul>"]


# Cite pages repeat each paragraph's opening words; kept out of search, a hit lands on the paragraph itself.
NOT_SEARCHED = ["---", "search:", "  exclude: true", "---", ""]


def section_page(ctx: Context, site_url: str, section: r.Section) -> str:
    src = urls.cite_page(section.id)
    edition = ctx.edition
    section_src = urls.section_page(section.id)
    title = f"{pinpoint(section.label)}. {edition.text(section.id)}"
    lines = NOT_SEARCHED + [
        f"# Cite {md_text(title)}",
        "",
        f'<p class="editorial"><span class="editorial-label">Editor’s note:</span> citations of '
        f'<a href="{esc(ctx.href(src, section_src))}">section {esc(section.label)}</a> of the paper and of each of its '
        "paragraphs, with the section (§) and paragraph (¶) as pinpoint and the exact URL. "
        f'The whole paper and the downloads are on <a href="{esc(ctx.href(src, urls.CITE))}">Data and citation</a>.</p>',
        "",
        f"## Section {esc(section.label)} {{#{urls.CITE_SECTION_ANCHOR}}}",
        "",
    ]
    lines += box(ctx, CiteBox(section.id, urls.absolute_url(site_url, section_src), pinpoint(section.label),
                              f"lee2025-{section.id}", f"section {section.label}"))
    for paragraph in section.all_paragraphs():
        anchor = urls.paragraph_anchor(paragraph.id)
        back = ctx.href(src, section_src, anchor)
        lines += [
            f"## ¶{paragraph.number} ({esc(edition.place[paragraph.id].pinpoint)}) {{#{anchor}}}",
            "",
            f'<p class="cite-excerpt"><a href="{esc(back)}">Read ¶{paragraph.number}</a>: '
            # The publisher's words as printed: an excerpt has no room for marked corrections.
            f'<span class="author-words" data-source-line="{paragraph.source_line}">'
            f"{esc(_opening(edition.printed(paragraph.id)))}</span>{_more(edition.printed(paragraph.id))}</p>",
            "",
        ]
        lines += box(ctx, CiteBox(paragraph.id, urls.absolute_url(site_url, section_src, anchor),
                                  edition.paragraph_pinpoint(paragraph.id), f"lee2025-{paragraph.id}", f"¶{paragraph.number}"))
    lines += [COPY_SCRIPT, ""]
    return "\n".join(lines)


def pinpoint_of(edition: Edition, paragraph_ids: list[str]) -> str:
    """"§IV.1, ¶18, ¶19" for paragraphs in one part, "§IV.1, ¶18; §IV.2, ¶22" across parts."""
    groups: dict[str, list[str]] = {}
    for paragraph_id in paragraph_ids:
        groups.setdefault(edition.place[paragraph_id].pinpoint, []).append(f"¶{edition.paragraph[paragraph_id].number}")
    return "; ".join(f"{part}, " + ", ".join(numbers) for part, numbers in groups.items())


def proposals_page(ctx: Context, site_url: str) -> str:
    src = urls.CITE_PROPOSALS
    edition = ctx.edition
    lines = NOT_SEARCHED + [
        "# Cite a proposal",
        "",
        '<p class="editorial"><span class="editorial-label">Editor’s note:</span> the proposals are the editor’s '
        "summaries; what can be cited is the paper. Each box cites the paper at the paragraphs the proposal quotes, "
        "with the URL of the first of them.</p>",
        "",
    ]
    for proposal in edition.proposals:
        paragraph_ids = sorted(dict.fromkeys(q.paragraph for q in proposal.quotes), key=lambda p: edition.paragraph[p].number)
        first = paragraph_ids[0]
        section_src = urls.section_page(edition.place[first].section.id)
        url = urls.absolute_url(site_url, section_src, urls.paragraph_anchor(first))
        href = ctx.href(src, urls.proposal_page(proposal.id))
        lines += [
            f"## {md_text(proposal.title)} {{#{urls.proposal_cite_anchor(proposal.id)}}}",
            "",
            f'<p class="cite-excerpt"><a href="{esc(href)}">The proposal</a> rests on '
            + ", ".join(ctx.paragraph_link(src, paragraph_id) for paragraph_id in paragraph_ids)
            + ".</p>",
            "",
        ]
        lines += box(ctx, CiteBox(proposal.id, url, pinpoint_of(edition, paragraph_ids), f"lee2025-{proposal.id}",
                                  f"proposal {proposal.title}"))
    lines += [COPY_SCRIPT, ""]
    return "\n".join(lines)


def _opening(text: str, words: int = 12) -> str:
    return " ".join(text.split()[:words])


def _more(text: str, words: int = 12) -> str:
    return " …" if len(text.split()) > words else ""
