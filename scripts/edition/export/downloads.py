"""Every download, as {path under the site: Download(title, description, content)}."""

from __future__ import annotations

import dataclasses
import json
from typing import NamedTuple

from .. import urls
from ..csl import PAPER_KEY, listed_as, paper_item, reference_csl
from ..load import SECTIONS_DIR
from ..model import Edition
from . import bibtex, ris, schema, tables

# The Edition's fields that are data; the source lines are the provenance copy, published on their own.
EDITION_FIELDS = (
    "paper",
    "sections",
    "figures",
    "references",
    "errata",
    "queries",
    "challenges",
    "three_p",
    "areas",
    "proposal_paragraphs",
    "proposals",
    "actors",
    "terms",
    "events",
    "numbered",
)
SCHEMA_DIR = "schema"


class Download(NamedTuple):
    title: str  # the link's words on the "Data and citation" page
    note: str  # what the file holds
    content: str


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def edition_json(edition: Edition) -> str:
    data = {name: _plain(getattr(edition, name)) for name in EDITION_FIELDS}
    # The corrected reading of each paragraph, which the records keep only as source text plus errata.
    data["corrected_text"] = {p.id: edition.text(p.id) for p in edition.paragraphs}
    return _json(data)


def _plain(value: object) -> object:
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def reference_items(edition: Edition) -> list[dict]:
    """The listed works as CSL-JSON, each with a note that keeps the paper's key ("… 2023a")."""
    return [dict(reference_csl(ref), note=listed_as(ref)) for ref in edition.references]


def files(edition: Edition, site_url: str = "") -> dict[str, Download]:
    items = reference_items(edition)
    d = urls.DOWNLOADS_DIR
    # The paper itself, at the site's home page, with its abstract.
    paper = paper_item(
        edition, (site_url.rstrip("/") + "/" + urls.page_url(urls.HOME)) if site_url else None, abstract=True
    )
    out = {
        f"{d}/{PAPER_KEY}.bib": Download(
            "The paper (BibTeX)", "the paper, for reference managers", bibtex.dumps([bibtex.entry(paper, PAPER_KEY)])
        ),
        f"{d}/{PAPER_KEY}.ris": Download(
            "The paper (RIS)", "the paper, for reference managers", ris.dumps([ris.record(paper, key=PAPER_KEY)])
        ),
        f"{d}/{PAPER_KEY}.json": Download(
            "The paper (CSL-JSON)",
            "the paper, for reference managers and CSL processors",
            _json([dict(paper, id=PAPER_KEY)]),
        ),
        f"{d}/edition.json": Download(
            "The whole edition (JSON)",
            "every record of the edition, with each paragraph’s corrected text",
            edition_json(edition),
        ),
        f"{d}/proposals.csv": Download("Proposals (CSV)", "one row per proposal", tables.proposals(edition)),
        f"{d}/challenges.csv": Download("Challenges (CSV)", "one row per challenge", tables.challenges(edition)),
        f"{d}/references.csv": Download(
            "References (CSV)", "every work the paper lists or cites, and where it is cited", tables.references(edition)
        ),
        f"{d}/references.bib": Download(
            "References (BibTeX)",
            "the paper’s reference list",
            bibtex.dumps([bibtex.entry(i, i["id"], i["note"]) for i in items]),
        ),
        f"{d}/references.ris": Download(
            "References (RIS)",
            "the paper’s reference list",
            ris.dumps([ris.record(i, i["note"], i["id"]) for i in items]),
        ),
        f"{d}/references.json": Download("References (CSL-JSON)", "the paper’s reference list", _json(items)),
    }
    for kind, document in schema.schemas().items():
        where = f"data/{kind}/*.yml" if kind == SECTIONS_DIR else f"data/{kind}.yml"
        out[f"{d}/{SCHEMA_DIR}/{kind}.schema.json"] = Download(
            f"JSON Schema: {kind}", f"what {where} may hold", _json(document)
        )
    return out
