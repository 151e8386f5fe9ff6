"""The text layer and its fingerprint per numbered edition.

The text layer is everything the edition shows as text: the paper (sections, paragraphs, headings, figures,
references, the abstract), the errata and queries, and every record of the argument map with its quotes,
summaries and classifications: every field of the Edition built from data/, except the list of numbered
editions itself. Each record gets a short digest; the layer's fingerprint is the SHA-256 of the sorted
digests. data/text-layer.json keeps, for each edition, its fingerprint and its records' digests, so a change
to the text layer can be named record by record, and a new edition's changelog checked against it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from .model import Edition

MANIFEST = "text-layer.json"
# Not part of the text layer: the numbered editions describe it.
LEFT_OUT = {"numbered"}
DIGEST_CHARS = 16


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def _digest(value) -> str:
    text = json.dumps(_plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def records(edition: Edition) -> dict[str, str]:
    """{"errata/e4": digest, "paper": digest, …}: one entry per record with an id, one per other field."""
    out: dict[str, str] = {}
    for f in dataclasses.fields(edition):
        if f.name in LEFT_OUT:
            continue
        value = getattr(edition, f.name)
        if isinstance(value, list) and value and all(hasattr(item, "id") for item in value):
            for position, item in enumerate(value):
                # The position is part of the record: the order is what readers see.
                out[f"{f.name}/{item.id}"] = _digest([position, item])
        else:
            out[f.name] = _digest(value)
    return dict(sorted(out.items()))


def fingerprint(digests: dict[str, str]) -> str:
    lines = "".join(f"{key} {digest}\n" for key, digest in sorted(digests.items()))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


@dataclasses.dataclass(frozen=True)
class Difference:
    added: list[str]
    removed: list[str]
    changed: list[str]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def lines(self) -> list[str]:
        return ([f"added: {key}" for key in self.added] + [f"withdrawn or renamed: {key}" for key in self.removed]
                + [f"changed: {key}" for key in self.changed])


def difference(before: dict[str, str], after: dict[str, str]) -> Difference:
    return Difference(
        added=sorted(after.keys() - before.keys()),
        removed=sorted(before.keys() - after.keys()),
        changed=sorted(key for key in before.keys() & after.keys() if before[key] != after[key]),
    )


def read_manifest(data_dir: Path) -> dict[int, dict]:
    """{edition number: {"sha256": …, "records": {…}}}; empty if the file is missing."""
    path = data_dir / MANIFEST
    if not path.is_file():
        return {}
    document = json.loads(path.read_text(encoding="utf-8"))
    return {entry["number"]: entry for entry in document["editions"]}


def write_manifest(data_dir: Path, manifest: dict[int, dict]) -> None:
    entries = [manifest[number] for number in sorted(manifest)]
    text = json.dumps({"editions": entries}, ensure_ascii=False, indent=1) + "\n"
    (data_dir / MANIFEST).write_text(text, encoding="utf-8")


def entry(number: int, edition: Edition) -> dict:
    digests = records(edition)
    return {"number": number, "sha256": fingerprint(digests), "records": digests}
