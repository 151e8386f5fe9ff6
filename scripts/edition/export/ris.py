"""CSL-JSON items as RIS, written by rispy, with the tags Zotero's RIS translator reads for each type.

Checked with Zotero's translation-server (tests/test_zotero.py), not with the RIS specification alone:
for a report Zotero reads the series from T2, the report number from SN and the report type from M3
(T3 and IS are dropped), and a speech comes in as a presentation only from TY SLIDE.
"""

from __future__ import annotations

import rispy

# The RIS reference type Zotero imports as the item type the CSL-JSON gives (CSL -> Zotero):
# report -> report, article-magazine -> magazineArticle, article-newspaper -> newspaperArticle,
# webpage -> webpage, speech -> presentation.
RIS_TYPES = {
    "report": "RPRT",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "webpage": "ELEC",
    "speech": "SLIDE",
}


def _name(name: dict) -> str:
    if "literal" in name:
        # An organisation has no comma, so RIS readers keep it as one name.
        return name["literal"]
    return f"{name['family']}, {name['given']}" if name.get("given") else name["family"]


def _date(parts: list[int]) -> str:
    # RIS dates are YYYY/MM/DD with empty parts left blank.
    padded = [f"{parts[0]:04d}"] + [f"{part:02d}" for part in parts[1:]]
    return "/".join(padded + [""] * (3 - len(padded)))


def record(item: dict, note: str | None = None, key: str | None = None) -> dict:
    out: dict = {"type_of_reference": RIS_TYPES.get(item["type"], "GEN")}
    if key:
        out["id"] = key
    out["title"] = item["title"]
    out["authors"] = [_name(name) for name in item.get("author", [])]
    # T2: the periodical of an article, the series of a report (each item has one or the other).
    if "container-title" in item:
        out["secondary_title"] = item["container-title"]
    elif "collection-title" in item:
        out["secondary_title"] = item["collection-title"]
    if "number" in item:
        out["issn"] = item["number"]  # SN: Zotero's report number
    if "genre" in item:
        out["type_of_work"] = item["genre"]  # M3: Zotero's report type
    if "publisher" in item:
        out["publisher"] = item["publisher"]
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        out["year"] = str(parts[0])
        out["date"] = _date(parts)
    if "accessed" in item:
        out["access_date"] = _date(item["accessed"]["date-parts"][0])
    if "version" in item:
        out["edition"] = item["version"]  # ET: the numbered edition of this edition
    if "language" in item:
        out["language"] = item["language"]
    if "abstract" in item:
        out["abstract"] = item["abstract"]
    if "URL" in item:
        out["urls"] = [item["URL"]]
    if note:
        out["notes"] = [note]
    return out


class _Writer(rispy.RisWriter):
    # rispy numbers records ("1.") by default; the RIS format has no such line and readers skip it.
    def set_header(self, count: int) -> str:
        return ""


def one_line(value: object) -> object:
    """RIS is one tag per line: a line break inside a value would start a line the reader takes for a tag
    ("ER  -" ends the record). Line breaks become spaces."""
    if isinstance(value, str):
        return " ".join(value.splitlines())
    if isinstance(value, list):
        return [one_line(item) for item in value]
    return value


def dumps(records: list[dict]) -> str:
    return rispy.dumps(
        [{tag: one_line(value) for tag, value in record.items()} for record in records], implementation=_Writer
    )
