"""The PDF edition: pdf_html.py's document typeset by WeasyPrint with pdf.css, tagged (PDF/UA-1).

Deterministic: the document's dates are the edition's date (data/edition.yml), not the clock, and the file
identifier is a hash of the input, so two builds of the same data are byte-identical. Imported only by the
`pdf` command (pdf_build.py runs it), because importing WeasyPrint alone takes about a second.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import sys
from pathlib import Path

from mkdocs.config import load_config
from weasyprint import CSS, HTML

from .cli import MKDOCS_CONFIG
from .errors import DataErrors
from .model import Edition
from .paths import DATA_DIR
from .pdf_build import STYLESHEET, source, store
from .validate import check

# PDF/UA-1 is WeasyPrint's tagged variant for screen readers: a structure tree, the document's language,
# and the title shown instead of the file name.
VARIANT = "pdf/ua-1"


def render_pdf(edition: Edition, site_url: str) -> bytes:
    html = source(edition, site_url)
    css = STYLESHEET.read_text(encoding="utf-8")
    identifier = hashlib.sha256((html + css).encode("utf-8")).hexdigest()[:32].encode("ascii")
    # WeasyPrint warns about CSS it ignores; the stylesheet is ours, and the PDF tests check the result.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return HTML(string=html).write_pdf(stylesheets=[CSS(string=css)], pdf_variant=VARIANT, pdf_identifier=identifier)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edition.pdf", description="Typeset the PDF edition.")
    parser.add_argument("out", type=Path, help="where to write the PDF")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder (default: %(default)s)")
    parser.add_argument("--site-url", default="", help="the site's address, for the ¶ links (default: mkdocs.yml's)")
    parser.add_argument("--cache", type=Path, help="also store the PDF here (pdf_build.py's cache)")
    args = parser.parse_args(argv)
    try:
        edition = check(args.data)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    site_url = args.site_url or load_config(str(MKDOCS_CONFIG)).site_url or ""
    store(render_pdf(edition, site_url), args.out, args.cache)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
