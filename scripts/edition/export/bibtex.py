"""CSL-JSON items as BibTeX (BibLaTeX fields), written by bibtexparser so quoting and escaping are the library's.

What Zotero's BibTeX translator can and cannot take in (checked with translation-server, tests/test_zotero.py):
its item type comes from the entry type alone, and it has no entry type for a magazine or newspaper article
or a speech, nor a field for a report's series. Those entries carry BibLaTeX's own marks (`entrysubtype`,
`type`, `series`) for BibLaTeX and other readers; Zotero users get every field from the RIS or CSL-JSON files.
"""

from __future__ import annotations

import re
from typing import Any

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


# LaTeX reads these in a field's value as commands or markup; an unbalanced brace would also end the
# field early. Each is written so that LaTeX prints it and BibTeX sees balanced braces only.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_LATEX_RE = re.compile("|".join(re.escape(char) for char in _LATEX))
# Written as they are: URLs are verbatim in BibTeX (the url package reads them so; data URLs have no
# braces, backslashes or spaces, see safety.py), dates are numbers, the id is the cite key's grammar.
AS_IS = ("URL", "accessed", "issued", "id", "type")


def latex_text(value: str) -> str:
    """A value as BibTeX text: LaTeX's special characters escaped, line breaks as spaces."""
    return _LATEX_RE.sub(lambda found: _LATEX[found.group()], " ".join(value.splitlines()))


def as_latex(value: Any) -> Any:
    if isinstance(value, str):
        return latex_text(value)
    if isinstance(value, list):
        return [as_latex(item) for item in value]
    if isinstance(value, dict):
        return {k: as_latex(v) for k, v in value.items()}
    return value


def entry(item: dict, key: str | None = None, note: str | None = None) -> model.Entry:
    """The BibTeX entry of a CSL-JSON item, its text escaped for LaTeX at this boundary."""
    escaped = {name: value if name in AS_IS else as_latex(value) for name, value in item.items()}
    return _entry(escaped, key, latex_text(note) if note else note)


def _entry(item: dict, key: str | None = None, note: str | None = None) -> model.Entry:
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
    if "version" in item:
        # BibLaTeX's `version` (a revision of a report or manual): the numbered edition of this edition.
        fields.append(("version", item["version"]))
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
