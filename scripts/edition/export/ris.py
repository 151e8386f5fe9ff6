"""CSL-JSON items as RIS, written by rispy."""

from __future__ import annotations

import rispy

# The closest RIS reference type for each CSL type used in the data.
RIS_TYPES = {
    "report": "RPRT",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "webpage": "ELEC",
    "speech": "GEN",
}


def _name(name: dict) -> str:
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {name['given']}" if name.get("given") else name["family"]


def _date(parts: list[int]) -> str:
    # RIS dates are YYYY/MM/DD with empty parts left blank.
    padded = [f"{parts[0]:04d}"] + [f"{part:02d}" for part in parts[1:]]
    return "/".join(padded + [""] * (3 - len(padded)))


def record(item: dict, note: str | None = None) -> dict:
    out: dict = {"type_of_reference": RIS_TYPES.get(item["type"], "GEN"), "title": item["title"]}
    out["authors"] = [_name(name) for name in item.get("author", [])]
    if "container-title" in item:
        out["secondary_title"] = item["container-title"]
    if "collection-title" in item:
        out["tertiary_title"] = item["collection-title"]
    if "collection-number" in item:
        out["number"] = item["collection-number"]
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
    if "URL" in item:
        out["urls"] = [item["URL"]]
    if note:
        out["notes"] = [note]
    return out


class _Writer(rispy.RisWriter):
    # rispy numbers records ("1.") by default; the RIS format has no such line and readers skip it.
    def set_header(self, count: int) -> str:
        return ""


def dumps(records: list[dict]) -> str:
    return rispy.dumps(records, implementation=_Writer)
