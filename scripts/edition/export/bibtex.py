"""CSL-JSON items as BibTeX, written by bibtexparser so quoting and escaping are the library's."""

from __future__ import annotations

import bibtexparser
from bibtexparser import model

# The closest BibTeX entry type for each CSL type used in the data.
ENTRY_TYPES = {
    "report": "techreport",
    "article-magazine": "article",
    "article-newspaper": "article",
    "webpage": "misc",
    "speech": "misc",
}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _name(name: dict) -> str:
    if "literal" in name:
        # Braces keep an organisation's name whole instead of read as "Last, First".
        return "{" + name["literal"] + "}"
    return f"{name['family']}, {name['given']}" if name.get("given") else name["family"]


def _date(parts: list[int]) -> str:
    return "-".join(f"{part:02d}" if i else str(part) for i, part in enumerate(parts))


def entry(item: dict, key: str | None = None, note: str | None = None) -> model.Entry:
    fields: list[tuple[str, str]] = [
        ("author", " and ".join(_name(name) for name in item.get("author", []))),
        # Double braces keep the title's capitals in styles that lowercase titles.
        ("title", "{" + item["title"] + "}"),
    ]
    if "container-title" in item:
        fields.append(("journal", item["container-title"]))
    if item["type"] == "report" and "publisher" in item:
        fields.append(("institution", item["publisher"]))
    elif "publisher" in item:
        fields.append(("publisher", item["publisher"]))
    if "genre" in item:
        fields.append(("type", item["genre"]))
    if "collection-title" in item:
        fields.append(("series", item["collection-title"]))
    if "collection-number" in item:
        fields.append(("number", item["collection-number"]))
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        # No "a/b/c": BibTeX styles add their own suffixes, and "2023a" is not a year.
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", MONTHS[parts[1] - 1]))
        fields.append(("date", _date(parts)))
    if "version" in item:
        # BibLaTeX's `version` (a revision of a report or manual): the numbered edition of this edition.
        fields.append(("version", item["version"]))
    if "language" in item:
        fields.append(("language", item["language"]))
    if "URL" in item:
        fields.append(("url", item["URL"]))
    if "accessed" in item:
        fields.append(("urldate", _date(item["accessed"]["date-parts"][0])))
    if note:
        fields.append(("note", note))
    return model.Entry(ENTRY_TYPES.get(item["type"], "misc"), key or item["id"], [model.Field(k, v) for k, v in fields])


def dumps(entries: list[model.Entry]) -> str:
    return bibtexparser.write_string(bibtexparser.Library(entries))
