"""What keeps a 50x build's memory down (README, Performance; benchmarks/memory.py measures it): the adapter
hands the generated files to MkDocs through a folder MkDocs reads them from, and keeps no copy; the finishing
step works on a page's UTF-8 bytes, resolving links piece by piece, and gives the same bytes as working on the
whole page as a str."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from edition import handover, links, metadata
from edition.docs_folder import with_extras
from edition.finish import SiteSettings
from edition.handover import MarkdownOf, handed_over
from edition.mkdocs_adapter import MkDocsAdapter
from edition.paths import ROOT
from edition.render import render_site
from edition.validate import check

from .helpers import MINIMAL

FILES = {"index.md", "sections/iv.md", "sections/v.md", "downloads/x.csv"}
# Links, images, characters of one to four bytes in UTF-8 right before and after a ">", a tag with a line break,
# and a ">" inside text: where pieces may end.
PAGE = (
    '<html><head><title>§ “x”</title></head><body><p>é><a href="iv.md#p18">¶18</a>—'
    '<img alt="😀" src="../downloads/x.csv">😀<a\nclass="k" href="v.md?x=1">a > b</a>'
    '<a href="https://example.org/a.md">x</a>' + "<p>ω>text</p>" * 5 + '<a href="iv.md">end</a></body></html>'
)


@pytest.mark.parametrize("piece", [1, 2, 3, 7, 40, 1 << 20])
def test_links_resolved_in_pieces_are_those_of_the_whole_page(monkeypatch, piece):
    monkeypatch.setattr(links, "PIECE", piece)
    whole = links.resolve(PAGE, "sections/v.md", FILES, True)
    assert whole != PAGE  # the page has links to resolve
    assert links.resolve_utf8(PAGE.encode(), "sections/v.md", FILES, True) == whole.encode()


INJECTED = [
    # (page, page with the head tags and the body tags put in)
    ("<head>h</head><body>b</body>", "<head>h<m>\n</head><body>b<c></body>"),
    ("<head>é</head><body>😀</body></html>", "<head>é<m>\n</head><body>😀<c></body></html>"),
    # The last of each marker, as str.rpartition found it.
    ("<head></head></head><body></body>x</body>", "<head></head><m>\n</head><body></body>x<c></body>"),
    ("<head>h</head><body>no end", "<head>h<m>\n</head><body>no end"),
    ("<p>no head</p></body>", "<p>no head</p></body>"),
    ("</body><head></head>", "<c></body><head><m>\n</head>"),
]


@pytest.mark.parametrize(("page", "expected"), INJECTED)
def test_metadata_goes_before_the_last_head_and_body_end(page, expected):
    assert metadata.inject(page.encode(), "<m>", "<c>") == expected.encode()


@pytest.fixture()
def config(tmp_path):
    return load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))


LONG = "x" * handover.ON_DISK_FROM


@pytest.mark.parametrize(
    ("text", "on_disk"),
    [
        (LONG + "# §18 “x”\n", True),
        ("# §18 “x”\n", False),  # small: in memory, as UTF-8
        (LONG + "a\r\nb\rc", False),  # MkDocs reads a file as text, with universal newlines
        ("\ufeff# x" + LONG, False),  # and as utf-8-sig, as it decodes bytes: such a text stays a str
        ("\ufeff# x", False),
    ],
)
def test_mkdocs_reads_a_handed_over_file_as_it_was_rendered(config, tmp_path, text, on_disk):
    config.plugins._current_plugin = "edition"  # File.generated asks the event runner which plugin is running
    file = handed_over(config, "sections/x.md", text, tmp_path)
    assert file.content_string == text
    assert file.content_bytes == text.encode()
    assert (file.abs_src_path is not None) == on_disk


def test_the_adapter_keeps_no_copy_of_the_files_it_hands_to_mkdocs(config):
    """A second copy of every generated file, held while MkDocs holds each page's Markdown and HTML, was the
    largest part of a 50x build's memory of our own (204 MB)."""
    adapter = MkDocsAdapter(MINIMAL)
    config = adapter.on_config(config)
    # Through MkDocs' event runner (File.generated asks it which plugin is running), with our adapter alone.
    config.plugins.events["files"] = [adapter.on_files]
    files = config.plugins.on_files(Files([]), config=config)
    assert adapter._files == {}
    edition = check(MINIMAL)
    settings = SiteSettings.from_config(config)
    rendered = with_extras(edition, settings, render_site(edition, config.use_directory_urls, config.site_url or ""))
    generated = {file.src_uri: file for file in files if file.src_uri in rendered}
    assert set(generated) == set(rendered)
    assert {path: file.content_bytes for path, file in generated.items()} == {
        path: text.encode() for path, text in rendered.items()
    }
    # None of 16 KB or more kept in memory (the small ones as UTF-8).
    on_disk = {path for path, file in generated.items() if file.abs_src_path}
    assert on_disk == {path for path, text in rendered.items() if len(text) >= handover.ON_DISK_FROM} != set()
    pages = adapter._docs.pages
    assert isinstance(pages, MarkdownOf)
    assert dict(pages) == {path: text for path, text in rendered.items() if path.endswith(".md")}
    path = min(on_disk)
    folder = Path(generated[path].abs_src_path.removesuffix(path))
    assert folder.name.startswith("edition-docs-")
    assert folder.is_dir()
    adapter.on_shutdown()  # MkDocs' run ends: the folder goes
    assert not folder.exists()
