"""The templates' indentation taken out of the built pages, where the browser collapses white space anyway.

Material's templates (and ours) are indented for their readers; a page carries that indentation, about 0.4 KB
compressed of each, which a phone waits for before it can ask for the stylesheets (README, Performance). In text
whose white space collapses (CSS `white-space: normal` or `nowrap`, everything but what is kept whole below), a
run of white space that holds a line break shows as one space, or as nothing at the start or end of a line,
whatever its length: such a run becomes the line break alone, so the page shows the same. Kept whole, white space
and all: the elements whose white space shows or is not the page's text (`pre`, `textarea`, `code` and `kbd`,
which the theme sets `pre-wrap`, `script`, `style`, `title`), SVG `text` (its own rules for white space), comments,
and every tag with its attribute values.

A regular expression over the UTF-8 bytes, as the finishing step reads pages, in one pass without a call per
match; tests/test_whitespace.py proves on every page of a real build that the text a reader sees, the text of
every element kept whole and every attribute are the same.
"""

from __future__ import annotations

import re

# What shows as it is written, or is not text of the page: kept whole, from its start tag to its end tag.
KEPT_WHOLE = ("pre", "textarea", "code", "kbd", "script", "style", "title", "text")
_ATTRIBUTES = rb"""(?:"[^"]*"|'[^']*'|[^"'<>])*"""
_RUNS = re.compile(
    # Group 1: what is kept, written back as it is: an element kept whole, a comment, a tag.
    rb"(<(" + "|".join(KEPT_WHOLE).encode() + rb")(?=[\s/>])" + _ATTRIBUTES + rb">.*?</\2\s*>"
    rb"|<!--.*?-->"
    rb"|</?[a-zA-Z]" + _ATTRIBUTES + rb">)"
    # Group 3: the line break of a run of spaces, tabs and line breaks that holds one.
    rb"|[ \t]*(\n)[ \t\n]*",
    re.DOTALL | re.IGNORECASE,
)


def collapse(page_html: bytes) -> bytes:
    """The page with each run of white space that holds a line break, outside what is kept whole, as one line
    break."""
    return _RUNS.sub(rb"\1\3", page_html)
