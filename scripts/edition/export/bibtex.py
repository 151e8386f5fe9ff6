"""CSL-JSON items as BibTeX (BibLaTeX fields), written by bibtexparser so quoting and escaping are the library's.

What Zotero's BibTeX translator can and cannot take in (checked with translation-server, tests/test_zotero.py):
its item type comes from the entry type alone, and it has no entry type for a magazine or newspaper article
or a speech, nor a field for a report's series. Those entries carry BibLaTeX's own marks (`entrysubtype`,
`type`, `series`) for BibLaTeX and other readers; Zotero users get every field from the RIS or CSL-JSON files.
"""

from __future__ import annotations

import bibtexparser
from bibtexparser import model

# The closest BibTeX entry type for each CSL type used in the data, and BibLaTeX's `entrysubtype` where
# it tells a magazine from a newspaper.
ENTRY_TYPES = {
    "report": ("techreport", None),
    "article-magazine": ("article", "magazine"),
    "article-newspaper": ("article", "newspaper"),
    "webpage": ("online", None),
    "speech": ("misc", None),
}
# `type` for entries whose CSL type BibTeX has no entry type for.
TYPE_FIELD = {"speech": "Speech"}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _name(name: dict) -> str:
    if "literal" in name:
        # Braces keep an organisation's name whole, so its "and"s do not split it into several authors.
        return "{" + name["literal"] + "}"
    return f"{name['family']}, {name['given']}" if name.get("given") else name["family"]


def _date(parts: list[int]) -> str:
    return "-".join(f"{part:02d}" if i else str(part) for i, part in enumerate(parts))


def entry(item: dict, key: str | None = None, note: str | None = None) -> model.Entry:
    entry_type, subtype = ENTRY_TYPES.get(item["type"], ("misc", None))
    fields: list[tuple[str, str]] = [
        ("author", " and ".join(_name(name) for name in item.get("author", []))),
        # Double braces keep the title's capitals in styles that lowercase titles.
        ("title", "{" + item["title"] + "}"),
    ]
    if subtype:
        fields.append(("entrysubtype", subtype))
    if "container-title" in item:
        fields.append(("journal", item["container-title"]))
    if item["type"] == "report" and "publisher" in item:
        fields.append(("institution", item["publisher"]))
    elif "publisher" in item:
        fields.append(("publisher", item["publisher"]))
    if "genre" in item:
        fields.append(("type", item["genre"]))
    elif item["type"] in TYPE_FIELD:
        fields.append(("type", TYPE_FIELD[item["type"]]))
    if "collection-title" in item:
        fields.append(("series", item["collection-title"]))
    if "number" in item:
        fields.append(("number", item["number"]))
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        # The year alone: BibTeX styles add their own a/b/c, and "2023a" is not a year. The key and the
        # note carry the letter the paper prints.
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", MONTHS[parts[1] - 1]))
        fields.append(("date", _date(parts)))
    if "language" in item:
        fields.append(("language", item["language"]))
    if "abstract" in item:
        fields.append(("abstract", item["abstract"]))
    if "URL" in item:
        fields.append(("url", item["URL"]))
    if "accessed" in item:
        fields.append(("urldate", _date(item["accessed"]["date-parts"][0])))
    if note:
        fields.append(("note", note))
    return model.Entry(entry_type, key or item["id"], [model.Field(k, v) for k, v in fields])


def dumps(entries: list[model.Entry]) -> str:
    blocks: list[model.Block] = [*entries]
    return bibtexparser.write_string(bibtexparser.Library(blocks))
