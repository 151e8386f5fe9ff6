"""Cite pages: "Data and citation" (the paper, the downloads) and one page per section with a cite box
for the section and for each of its paragraphs, and one for the proposals.

Each box gives, per style, the reference entry (with the style's italics) and the citation for the text
(with the pinpoint in the style's words), then BibTeX, RIS and CSL-JSON. Everything is text in the page,
visible and selectable without JavaScript; a small script only reveals and runs the copy buttons. The
boxes sit on their own pages, not under each paragraph, so the section pages stay light.
"""

from __future__ import annotations

import dataclasses

from .. import records as r
from .. import urls
from ..cite_styles import STYLE_LONG_NAMES, STYLES, Pinpoint, proposal_paragraphs, proposal_pinpoint, styled
from ..csl import FORMATS, PAPER_KEY, manager_formats
from ..escape import esc, md_text
from ..model import pinpoint
from ..publish import is_local
from .common import Context

# Reveals the copy buttons with one class on the root, which edition.css reads (a cite page has hundreds of
# buttons, and touching each at load held a phone's main thread), and copies a box's text, one listener for
# all. A styled entry goes on the clipboard twice, as HTML (its italics kept when pasted into a word processor)
# and as plain text; BibTeX, RIS and CSL-JSON as plain text. Without a secure context (file://) it selects the
# text and uses the older copy command, which copies the selection in both forms too.
COPY_SCRIPT = """<script>
document.documentElement.classList.add("cite-copy-ready");
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("button.cite-copy");
  if (!button) return;
  var target = document.getElementById(button.getAttribute("data-copy"));
  var label = button.dataset.label || (button.dataset.label = button.textContent);
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
  function write() {
    var text = target.textContent;
    if (target.tagName === "PRE" || typeof ClipboardItem === "undefined") {
      return navigator.clipboard.writeText(text);
    }
    return navigator.clipboard.write([new ClipboardItem({
      "text/html": new Blob([target.innerHTML], {type: "text/html"}),
      "text/plain": new Blob([text], {type: "text/plain"})
    })]);
  }
  if (navigator.clipboard && window.isSecureContext) {
    write().then(function () { done("Copied"); }, fallback);
  } else {
    fallback();
  }
});
</script>"""


def render(ctx: Context, site_url: str, downloads: list[tuple[str, str, str]]) -> dict[str, str]:
    """The cite pages. Exact URLs need the published address, so this takes `site_url` as well.
    `downloads` lists (path, title, note) for each download."""
    note = preview_note(site_url)
    pages = {urls.CITE: data_page(ctx, site_url, downloads, note)}
    for section in ctx.edition.sections:
        pages[urls.cite_page(section.id)] = section_page(ctx, site_url, section, note)
    if ctx.edition.proposals:
        pages[urls.CITE_PROPOSALS] = proposals_page(ctx, site_url, note)
    return pages


PREVIEW_NOTE = "Preview build: these URLs are local"


def preview_note(site_url: str) -> str:
    """A visible warning in every box of a build whose URLs point at this machine ("" when published)."""
    if not is_local(site_url):
        return ""
    return (
        f'<p class="cite-preview admonition warning"><strong>{PREVIEW_NOTE}</strong> ({esc(site_url or "no site URL")}). '
        "A published build (<code>make publish SITE_URL=…</code>) gives the site’s real address.</p>"
    )


@dataclasses.dataclass(frozen=True)
class CiteBox:
    """What one box cites: the paper or a part of it, at an exact URL."""

    what: str  # names the box's elements: "paper", a section, paragraph or proposal id
    url: str  # the exact URL the reference entry ends with
    pinpoint: Pinpoint  # the section or paragraphs, for the citation in the text; empty for the whole paper
    key: str  # the BibTeX key and CSL-JSON id
    label: str  # what the copy buttons say they copy, e.g. "¶18"
    note: str = ""  # the preview warning, if the build is one


def box(ctx: Context, cited: CiteBox) -> list[str]:
    """One cite box: each style's reference entry and in-text citation, then BibTeX, RIS and CSL-JSON."""
    formats = manager_formats(ctx.edition, cited.url, cited.pinpoint.symbols, cited.key)
    citations = styled(ctx.edition)
    lines = ['<div class="cite-box" data-search-exclude>'] + ([cited.note] if cited.note else [])
    lines += [
        f'<p class="cite-url">URL: <a href="{esc(cited.url)}">{esc(cited.url)}</a></p>',
        '<dl class="cite-formats">',
    ]
    for name, title in FORMATS.items():
        element = urls.cite_anchor(cited.what, name)
        copied = f"the {title} reference entry" if name in STYLES else title
        lines.append(f"<dt>{esc(title)} {_button(element, f'Copy {copied}: {cited.label}')}</dt>")
        if name not in STYLES:
            lines.append(f'<dd><pre class="cite-text" id="{element}">{esc(formats[name].rstrip())}</pre></dd>')
            continue
        intext = urls.cite_anchor(cited.what, name + "-intext")
        lines += [
            f'<dd><p class="cite-text cite-text--prose" id="{element}">{citations.entry_html(name, cited.url)}</p>',
            f'<p class="cite-intext">In the text: <span class="cite-text" id="{intext}">'
            f"{esc(citations.citation(name, cited.pinpoint))}</span> "
            f"{_button(intext, f'Copy the {title} in-text citation: {cited.label}')}</p></dd>",
        ]
    lines += ["</dl>", "</div>", ""]
    return lines


def _button(target: str, name: str) -> str:
    return (
        f'<button type="button" class="cite-copy md-button" data-copy="{esc(target)}" '
        f'aria-label="{esc(name)}" hidden>Copy</button>'
    )


def data_page(ctx: Context, site_url: str, downloads: list[tuple[str, str, str]], note: str) -> str:
    src = urls.CITE
    styles = ", ".join(STYLE_LONG_NAMES[s] for s in STYLES[:-1]) + " and " + STYLE_LONG_NAMES[STYLES[-1]]
    lines = ["# Data and citation", ""] + ([note, ""] if note else [])
    lines += [
        '<p class="editorial"><span class="editorial-label">Editor’s note:</span> the citations below are formatted '
        f"from the paper’s own details by a CSL engine (citeproc-js, the engine Zotero uses) in {esc(styles)}. "
        "Each gives the reference entry, which names the paper and ends with the URL cited, and the citation "
        "for the text, which carries the pinpoint in the style’s words (“para. 18”: the edition’s ¶ numbers are "
        "paragraph numbers). To cite a section or a paragraph, use the <em>Cite</em> link beside its ¶ number, or "
        f'the pages listed under <a href="#{urls.CITE_PARTS_ANCHOR}">Sections and paragraphs</a>. Reference managers '
        "such as Zotero also read each page of the site directly.</p>",
        "",
        f"## Cite the paper {{#{urls.CITE_PAPER_ANCHOR}}}",
        "",
    ]
    lines += box(
        ctx, CiteBox("paper", urls.absolute_url(site_url, urls.HOME), Pinpoint(), PAPER_KEY, "the paper", note)
    )
    lines += pdf_box(ctx, site_url, src, note)
    lines += parts_list(ctx, src)
    lines += ["", f"## Downloads {{#{urls.DOWNLOADS_ANCHOR}}}", ""]
    lines.append(
        '<p class="editorial"><span class="editorial-label">Editor’s note:</span> generated from the edition’s '
        "data each time the site is built.</p>"
    )
    lines += ["", "<ul>"]
    for path, title, description in downloads:
        href = ctx.linker.file_href(src, path)
        lines.append(
            f'<li><a href="{esc(href)}" download>{esc(title)}</a> (<code>{esc(path)}</code>): {esc(description)}</li>'
        )
    lines += ["</ul>", "", LETTERS_NOTE, "", COPY_SCRIPT, ""]
    return "\n".join(lines)


# No CSL processor keeps a/b/c that differ from the style's own order; what the downloads do instead.
LETTERS_NOTE = (
    '<p class="editorial" id="letters"><span class="editorial-label">Editor’s note on a/b/c:</span> the paper '
    "letters three works of the Office of the President 2023a, 2023b and 2023c in an order of its own. CSL "
    "processors (citeproc-js, Zotero, pandoc) ignore letters given in the data and letter works of one author "
    "and year by the style’s order, so a bibliography made from these files may letter them differently (as "
    "the references page, formatted the same way, does). The paper’s letters are in each entry’s key "
    "(<code>office-of-the-president-2023a</code>) and in its note (“Listed in the paper’s references as "
    "Office of the President 2023a”).</p>"
)


def pdf_box(ctx: Context, site_url: str, src: str, note: str) -> list[str]:
    """The PDF edition: the same paper, § and ¶ numbers, at the PDF's own URL."""
    href = ctx.linker.file_href(src, urls.PDF)
    return [
        f"## Cite the PDF {{#{urls.CITE_PDF_ANCHOR}}}",
        "",
        f'<p class="editorial"><span class="editorial-label">Editor’s note:</span> the <a href="{esc(href)}">PDF edition</a> '
        "is typeset from the same data, with the same section (§) and paragraph (¶) numbers; each ¶ number in it "
        "links to the paragraph’s URL here. To cite a part of it, give the pinpoint as for the web.</p>",
        "",
    ] + box(
        ctx, CiteBox("pdf", urls.absolute_file_url(site_url, urls.PDF), Pinpoint(), f"{PAPER_KEY}-pdf", "the PDF", note)
    )


def cite_the_pdf(ctx: Context, src: str) -> str:
    href = ctx.href(src, urls.CITE, urls.CITE_PDF_ANCHOR)
    return f'<p class="cite-pdf">Reading the PDF edition? It has the same § and ¶ numbers: <a href="{esc(href)}">cite the PDF</a>.</p>'


def parts_list(ctx: Context, src: str) -> list[str]:
    """Links to the cite pages of the sections (and their paragraphs) and of the proposals."""
    edition = ctx.edition
    lines = [f"## Sections and paragraphs {{#{urls.CITE_PARTS_ANCHOR}}}", "", "<ul>"]
    for section in edition.sections:
        href = ctx.href(src, urls.cite_page(section.id))
        lines.append(
            f'<li><a href="{esc(href)}">Cite {esc(pinpoint(section.label))}. {esc(edition.text(section.id))}</a> '
            "and its paragraphs</li>"
        )
    if edition.proposals:
        href = ctx.href(src, urls.CITE_PROPOSALS)
        lines.append(f'<li><a href="{esc(href)}">Cite a proposal</a> (the paragraphs it rests on)</li>')
    return lines + ["</ul>"]


# Cite pages repeat each paragraph's opening words; kept out of search, a hit lands on the paragraph itself.
NOT_SEARCHED = ["---", "search:", "  exclude: true", "---", ""]


def section_page(ctx: Context, site_url: str, section: r.Section, note: str) -> str:
    src = urls.cite_page(section.id)
    edition = ctx.edition
    section_src = urls.section_page(section.id)
    title = f"{pinpoint(section.label)}. {edition.text(section.id)}"
    lines = NOT_SEARCHED + [
        f"# Cite {md_text(title)}",
        "",
        f'<p class="editorial"><span class="editorial-label">Editor’s note:</span> citations of '
        f'<a href="{esc(ctx.href(src, section_src))}">section {esc(section.label)}</a> of the paper and of each of its '
        "paragraphs: the reference entry ends with the exact URL, and the citation for the text gives the section or "
        "paragraph in each style’s words. "
        f'The whole paper and the downloads are on <a href="{esc(ctx.href(src, urls.CITE))}">Data and citation</a>.</p>',
        "",
        cite_the_pdf(ctx, src),
        "",
        f"## Section {esc(section.label)} {{#{urls.CITE_SECTION_ANCHOR}}}",
        "",
    ]
    lines += box(
        ctx,
        CiteBox(
            section.id,
            urls.absolute_url(site_url, section_src),
            Pinpoint(section=section.label),
            f"{PAPER_KEY}-{section.id}",
            f"section {section.label}",
            note,
        ),
    )
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
        lines += box(
            ctx,
            CiteBox(
                paragraph.id,
                urls.absolute_url(site_url, section_src, anchor),
                Pinpoint(paragraphs=(paragraph.number,)),
                f"{PAPER_KEY}-{paragraph.id}",
                f"¶{paragraph.number}",
                note,
            ),
        )
    lines += [COPY_SCRIPT, ""]
    return "\n".join(lines)


def proposals_page(ctx: Context, site_url: str, note: str) -> str:
    src = urls.CITE_PROPOSALS
    edition = ctx.edition
    lines = NOT_SEARCHED + [
        "# Cite a proposal",
        "",
        '<p class="editorial"><span class="editorial-label">Editor’s note:</span> the proposals are the editor’s '
        "summaries; what can be cited is the paper. Each box cites the paper at the paragraphs the proposal quotes: "
        "the citation for the text names them, and the reference entry gives the URL of the first.</p>",
        "",
        cite_the_pdf(ctx, src),
        "",
    ]
    for proposal in edition.proposals:
        paragraph_ids = proposal_paragraphs(edition, proposal)
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
        lines += box(
            ctx,
            CiteBox(
                proposal.id,
                url,
                proposal_pinpoint(edition, proposal),
                f"{PAPER_KEY}-{proposal.id}",
                f"proposal {proposal.title}",
                note,
            ),
        )
    lines += [COPY_SCRIPT, ""]
    return "\n".join(lines)


def _opening(text: str, words: int = 12) -> str:
    return " ".join(text.split()[:words])


def _more(text: str, words: int = 12) -> str:
    return " …" if len(text.split()) > words else ""
