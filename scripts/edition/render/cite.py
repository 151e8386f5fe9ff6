"""Cite pages: "Data and citation" (the paper, the downloads) and one page per section with a cite box
for the section and for each of its paragraphs.

Every format is plain, selectable text without JavaScript; a small script only reveals and runs the copy
buttons. The boxes sit on their own pages, not under each paragraph, so the section pages stay light.
"""

from __future__ import annotations

from .. import urls
from ..csl import FORMATS, STYLES, cite_formats, in_text
from ..escape import esc, md_text
from ..model import Edition
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
    """The cite pages. Exact URLs need the published address, so this takes `site_url` as well."""
    edition = ctx.edition
    base = site_url if site_url.endswith("/") else site_url + "/"
    pages = {urls.CITE: data_page(ctx, base, downloads)}
    for section in edition.sections:
        pages[urls.cite_page(section.id)] = section_page(ctx, base, section)
    if edition.proposals:
        pages[urls.CITE_PROPOSALS] = proposals_page(ctx, base)
    return pages


def absolute(base: str, src: str, anchor: str = "") -> str:
    return base + urls.page_url(src) + (f"#{anchor}" if anchor else "")


def box(ctx: Context, src: str, what: str, url: str, pinpoint: str, key: str, label: str) -> list[str]:
    formats = cite_formats(ctx.edition, url, pinpoint, key)
    citations = " · ".join(f"{esc(FORMATS[style])}: {esc(in_text(ctx.edition, style, pinpoint))}" for style in STYLES)
    lines = [
        '<div class="cite-box" data-search-exclude>',
        f'<p class="cite-url">URL: <a href="{esc(url)}">{esc(url)}</a></p>',
        f'<p class="cite-intext">In the text — {citations}</p>',
        '<dl class="cite-formats">',
    ]
    for name, title in FORMATS.items():
        element = urls.cite_anchor(what, name)
        lines.append(
            f"<dt>{esc(title)} "
            f'<button type="button" class="cite-copy md-button" data-copy="{element}" '
            f'aria-label="Copy {esc(title)}: {esc(label)}" hidden>Copy</button></dt>'
        )
        kind = "cite-text cite-text--prose" if name in STYLES else "cite-text"
        lines.append(f'<dd><pre class="{kind}" id="{element}">{esc(formats[name].rstrip())}</pre></dd>')
    lines += ["</dl>", "</div>", ""]
    return lines


def data_page(ctx: Context, base: str, downloads: list[tuple[str, str, str]]) -> str:
    src = urls.CITE
    edition = ctx.edition
    lines = [
        "# Data and citation",
        "",
        '<p class="editorial"><span class="editorial-label">Editor’s note:</span> the citations below are formatted '
        "from the paper’s own details by a CSL engine (citeproc-py with the official Chicago, APA and MLA styles). "
        "To cite a section or a paragraph, use the <em>Cite</em> link beside its ¶ number, or the pages listed "
        "under <a href=\"#parts\">Sections and paragraphs</a>. Reference managers such as Zotero also read each page "
        "of the site directly.</p>",
        "",
        "## Cite the paper {#paper}",
        "",
    ]
    lines += box(ctx, src, "paper", absolute(base, urls.HOME), "", "lee2025", "the paper")
    lines += ["## Sections and paragraphs {#parts}", "", "<ul>"]
    for section in edition.sections:
        href = ctx.href(src, urls.cite_page(section.id))
        lines.append(f'<li><a href="{esc(href)}">Cite §{esc(section.label)}. {esc(edition.text(section.id))}</a> '
                     "and its paragraphs</li>")
    if edition.proposals:
        href = ctx.href(src, urls.CITE_PROPOSALS)
        lines.append(f'<li><a href="{esc(href)}">Cite a proposal</a> (the paragraphs it rests on)</li>')
    lines += ["</ul>", "", "## Downloads {#downloads}", ""]
    lines.append(
        '<p class="editorial"><span class="editorial-label">Editor’s note:</span> generated from the edition’s '
        "data each time the site is built.</p>"
    )
    lines += ["", "<ul>"]
    for path, title, note in downloads:
        href = "../" + path  # the page is cite/ (or cite/index.html); downloads sit beside cite/
        lines.append(f'<li><a href="{esc(href)}" download>{esc(title)}</a> (<code>{esc(path)}</code>): {esc(note)}</li>')
    lines += ["</ul>", "", COPY_SCRIPT, ""]
    return "\n".join(lines)


# Cite pages repeat each paragraph's opening words; kept out of search, a hit lands on the paragraph itself.
NOT_SEARCHED = ["---", "search:", "  exclude: true", "---", ""]


def section_page(ctx: Context, base: str, section) -> str:
    src = urls.cite_page(section.id)
    edition = ctx.edition
    section_src = urls.section_page(section.id)
    title = f"{section.label}. {edition.text(section.id)}"
    lines = NOT_SEARCHED + [
        f"# Cite §{md_text(title)}",
        "",
        f'<p class="editorial"><span class="editorial-label">Editor’s note:</span> citations of '
        f'<a href="{esc(ctx.href(src, section_src))}">section {esc(section.label)}</a> of the paper and of each of its '
        "paragraphs, with the section (§) and paragraph (¶) as pinpoint and the exact URL. "
        f'The whole paper and the downloads are on <a href="{esc(ctx.href(src, urls.CITE))}">Data and citation</a>.</p>',
        "",
        f"## Section {esc(section.label)} {{#section}}",
        "",
    ]
    lines += box(ctx, src, section.id, absolute(base, section_src), f"§{section.label}", f"lee2025-{section.id}",
                 f"section {section.label}")
    paragraphs = list(section.paragraphs) + [p for sub in section.subsections for p in sub.paragraphs]
    for paragraph in paragraphs:
        place = edition.place[paragraph.id]
        pinpoint = f"§{place.label}, ¶{paragraph.number}"
        anchor = urls.paragraph_anchor(paragraph.id)
        back = ctx.href(src, section_src, anchor)
        lines += [
            f"## ¶{paragraph.number} (§{esc(place.label)}) {{#{anchor}}}",
            "",
            f'<p class="cite-excerpt"><a href="{esc(back)}">Read ¶{paragraph.number}</a>: '
            f"{esc(_opening(edition.text(paragraph.id)))}</p>",
            "",
        ]
        lines += box(ctx, src, paragraph.id, absolute(base, section_src, anchor), pinpoint,
                     f"lee2025-{paragraph.id}", f"¶{paragraph.number}")
    lines += [COPY_SCRIPT, ""]
    return "\n".join(lines)


def pinpoint_of(edition: Edition, paragraph_ids: list[str]) -> str:
    """"§IV.1, ¶18, ¶19" for paragraphs in one part, "§IV.1, ¶18; §IV.2, ¶22" across parts."""
    groups: dict[str, list[str]] = {}
    for paragraph_id in paragraph_ids:
        groups.setdefault(edition.place[paragraph_id].label, []).append(f"¶{edition.paragraph[paragraph_id].number}")
    return "; ".join(f"§{label}, " + ", ".join(numbers) for label, numbers in groups.items())


def proposals_page(ctx: Context, base: str) -> str:
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
        url = absolute(base, section_src, urls.paragraph_anchor(first))
        href = ctx.href(src, urls.proposal_page(proposal.id))
        lines += [
            f"## {md_text(proposal.title)} {{#{proposal.id}}}",
            "",
            f'<p class="cite-excerpt"><a href="{esc(href)}">The proposal</a> rests on '
            + ", ".join(ctx.paragraph_link(src, paragraph_id) for paragraph_id in paragraph_ids)
            + ".</p>",
            "",
        ]
        lines += box(ctx, src, proposal.id, url, pinpoint_of(edition, paragraph_ids), f"lee2025-{proposal.id}",
                     f"proposal {proposal.title}")
    lines += [COPY_SCRIPT, ""]
    return "\n".join(lines)


def _opening(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
