"""Machine-readable metadata for every page: what Zotero, Google Scholar, search engines and link previews read.

- Highwire Press tags: Zotero's Embedded Metadata translator and Google Scholar read these; with
  `citation_technical_report_institution` Zotero saves the paper as a Report.
- A COinS span: Zotero's translator for it wins over Highwire and keeps the series title, which the
  Highwire translator drops for reports, so its data is complete.
- schema.org JSON-LD, Dublin Core and OpenGraph for search engines and link previews.
Never `citation_journal_title`, `citation_isbn` or `citation_doi`: there is no journal, ISBN or DOI, and the
first two would make Zotero save an article or a book. `citation_pdf_url` names the PDF edition, which every
build serves (urls.PDF, typeset by pdf.py).
The page's canonical link is the theme's own (Material writes it from `site_url`).
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

from . import editions, urls
from .escape import esc, script_json
from .model import ABSTRACT_ID, Edition

SCHEMA_DC = "http://purl.org/dc/elements/1.1/"
# Link previews cut descriptions at about this length; the full abstract is in citation_abstract.
DESCRIPTION_CHARS = 200


def author_inverted(edition: Edition) -> str:
    author = edition.paper.author
    return f"{author.family}, {author.given}"


def description(edition: Edition) -> str:
    abstract = edition.text(ABSTRACT_ID)
    if len(abstract) <= DESCRIPTION_CHARS:
        return abstract
    return abstract[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _meta(name: str, content: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{esc(name)}" content="{esc(content)}">'


# Google Scholar reads a paper's references from its landing page; repeating them on every page would make
# each page grow with the size of the reference list, so they go on the landing and references pages only.
REFERENCE_PAGES = (urls.HOME, urls.REFERENCES)


def highwire(edition: Edition, page_url: str, src_uri: str = urls.HOME, site_url: str = "") -> list[str]:
    paper = edition.paper
    tags = [
        _meta("citation_title", paper.title),
        _meta("citation_author", author_inverted(edition)),
        _meta("citation_publication_date", paper.date.replace("-", "/")),
        _meta("citation_technical_report_institution", paper.publisher),
        _meta("citation_technical_report_number", str(paper.series.number)),
        _meta("citation_series_title", paper.series.title),
        _meta("citation_language", paper.language),
        _meta("citation_abstract", edition.text(ABSTRACT_ID)),
        _meta("citation_public_url", page_url),
    ]
    if site_url:
        tags.append(_meta("citation_pdf_url", urls.absolute_file_url(site_url, urls.PDF)))
    if src_uri in REFERENCE_PAGES:
        tags += [_meta("citation_reference", reference) for reference in cited_works(edition)]
    return tags


def cited_works(edition: Edition) -> list[str]:
    """One Google Scholar `citation_reference` value per cited work, with only what the paper gives."""
    values = []
    for work in edition.citations.works:
        fields: list[tuple[str, str]] = []
        ref = work.reference
        if ref is not None:
            fields += [("citation_author", name.literal or f"{name.family}, {name.given}") for name in ref.author]
            fields.append(("citation_title", ref.title))
            if ref.issued:
                fields.append(("citation_publication_date", str(ref.issued.date_parts[0][0])))
            if ref.URL:
                fields.append(("citation_public_url", ref.URL))
        else:
            # The text names authors only as "A and B" or "A et al."; the year is all else it gives.
            for author in key_authors(work.author):
                fields.append(("citation_author", author))
            if work.year:
                fields.append(("citation_publication_date", work.year[:4]))
        values.append("; ".join(f"{key}={value}" for key, value in fields))
    return values


def key_authors(author: str) -> list[str]:
    """The authors an author-date key names. "Tyson and Zysman" is two people; an "and" inside a longer
    name ("Office of Policy Planning and Coordination on Territory and Sovereignty") is one organisation's:
    a key names two people only as two single surnames, so anything else stays one author."""
    parts = author.removesuffix(" et al.").split(" and ")
    if len(parts) == 2 and all(part and " " not in part.strip() for part in parts):
        return [part.strip() for part in parts]
    return [author.removesuffix(" et al.")]


def dublin_core(edition: Edition, page_url: str) -> list[str]:
    paper = edition.paper
    return [
        f'<link rel="schema.DC" href="{SCHEMA_DC}">',
        _meta("DC.title", paper.title),
        _meta("DC.creator", author_inverted(edition)),
        _meta("DC.date", paper.date),
        _meta("DC.publisher", paper.publisher),
        _meta("DC.type", "Text"),
        _meta("DC.language", paper.language),
        _meta("DC.description", edition.text(ABSTRACT_ID)),
        _meta("DC.relation.ispartof", paper.series.title),
        _meta("DC.identifier", page_url),
    ]


def report(edition: Edition, home_url: str) -> dict:
    paper = edition.paper
    return {
        "@type": "Report",
        "@id": home_url,
        "name": paper.title,
        "author": {
            "@type": "Person",
            "name": paper.author.name,
            "givenName": paper.author.given,
            "familyName": paper.author.family,
            "affiliation": {"@type": "Organization", "name": paper.author.university},
        },
        "publisher": {"@type": "Organization", "name": paper.publisher},
        "datePublished": paper.date,
        "inLanguage": paper.language,
        "genre": paper.type,
        "reportNumber": str(paper.series.number),
        # The numbered edition of this reference edition and its date (data/edition.yml); the paper's own
        # date stays datePublished.
        "version": editions.version(edition.current),
        "dateModified": edition.current.date,
        "isPartOf": {"@type": "CreativeWorkSeries", "name": paper.series.title},
        "url": home_url,
    }


def works_cited(edition: Edition) -> list:
    """schema.org `citation`: the listed works with their details, the others as the text names them."""
    out: list = []
    for work in edition.citations.works:
        ref = work.reference
        if ref is None:
            out.append(work.key)
            continue
        entry: dict = {"@type": "CreativeWork", "name": ref.title}
        entry["author"] = [
            {"@type": "Organization", "name": n.literal}
            if n.literal
            else {"@type": "Person", "name": f"{n.given} {n.family}"}
            for n in ref.author
        ]
        if ref.issued:
            entry["datePublished"] = "-".join(
                f"{part:02d}" if i else str(part) for i, part in enumerate(ref.issued.date_parts[0])
            )
        if ref.URL:
            entry["url"] = ref.URL
        out.append(entry)
    return out


def json_ld(edition: Edition, src_uri: str, page_url: str, page_title: str, site_url: str) -> dict:
    home_url = site_url + urls.page_url(urls.HOME)
    paper = report(edition, home_url)
    sections = {urls.section_page(section.id): section for section in edition.sections}
    if src_uri == urls.HOME:
        paper["abstract"] = edition.text(ABSTRACT_ID)
        paper["citation"] = works_cited(edition)
        paper["hasPart"] = [
            {"@type": "CreativeWork", "@id": site_url + urls.page_url(path), "name": f"{s.label}. {edition.text(s.id)}"}
            for path, s in sections.items()
        ]
        data = paper
    elif src_uri in sections:
        section = sections[src_uri]
        data = {
            "@type": "CreativeWork",
            "@id": page_url,
            "name": f"{section.label}. {edition.text(section.id)}",
            "url": page_url,
            "position": edition.sections.index(section) + 1,
            "isPartOf": paper,
        }
    else:
        data = {"@type": "WebPage", "@id": page_url, "name": page_title, "url": page_url, "about": paper}
    return {"@context": "https://schema.org", **data}


def opengraph(edition: Edition, page_url: str, page_title: str, site_name: str) -> list[str]:
    return [
        _meta("og:type", "article", "property"),
        _meta("og:title", page_title, "property"),
        _meta("og:description", description(edition), "property"),
        _meta("og:url", page_url, "property"),
        _meta("og:site_name", site_name, "property"),
        _meta("og:locale", edition.paper.language, "property"),
    ]


def coins(edition: Edition, page_url: str) -> str:
    """A COinS span: an OpenURL book-format record with genre "report", complete so Zotero keeps the series."""
    paper = edition.paper
    fields = [
        ("ctx_ver", "Z39.88-2004"),
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"),
        ("rft.genre", "report"),
        ("rft.btitle", paper.title),
        # One author field only: given both rft.au and rft.aulast/aufirst, a reader may add the author twice.
        ("rft.au", f"{paper.author.family}, {paper.author.given}"),
        ("rft.date", paper.date),
        ("rft.pub", paper.publisher),
        ("rft.series", paper.series.title),
        ("rft.language", paper.language),
        # Zotero's COinS reader takes the abstract from rft.description. It has no key for a report's number
        # or type: unapi.py gives Zotero those.
        ("rft.description", edition.text(ABSTRACT_ID)),
        ("rft_id", page_url),
    ]
    return f'<span class="Z3988" title="{esc(urlencode(fields))}"></span>'


@dataclasses.dataclass(frozen=True)
class PageInfo:
    """What the metadata needs to know of one built page and of the site."""

    src_uri: str  # the page's source path, e.g. "sections/iv.md"
    url: str  # its canonical (absolute where site_url is set) URL
    title: str
    site_url: str
    site_name: str


def head(edition: Edition, page: PageInfo) -> str:
    script = script_json(json_ld(edition, page.src_uri, page.url, page.title, page.site_url))
    lines = (
        highwire(edition, page.url, page.src_uri, page.site_url)
        + dublin_core(edition, page.url)
        + opengraph(edition, page.url, page.title, page.site_name)
    )
    lines.append(f'<script type="application/ld+json">{script}</script>')
    return "\n".join(lines)


def inject(page: bytes, head_html: str, body_html: str) -> bytes:
    """Put the tags before the last </head> and the COinS span before the last </body> of a built page's UTF-8
    bytes (the markers are ASCII, so they are found where they are in the text). The page is joined once from
    views of it: the largest pages are megabytes, and each copy of one counted in the finishing step's memory."""
    head_at = page.rfind(b"</head>")
    if head_at < 0:
        return page
    body_at = page.rfind(b"</body>")
    view = memoryview(page)
    head = (head_html + "\n").encode("utf-8")
    body = body_html.encode("utf-8")
    parts: list[bytes | memoryview]
    if body_at < 0:
        parts = [view[:head_at], head, view[head_at:]]
    elif body_at > head_at:
        parts = [view[:head_at], head, view[head_at:body_at], body, view[body_at:]]
    else:  # a </body> before the </head>: not a page the engines write, placed all the same
        parts = [view[:body_at], body, view[body_at:head_at], head, view[head_at:]]
    return b"".join(parts)
