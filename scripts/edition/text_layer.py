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
# Not part of the text layer: the numbered editions describe it, and declared_ids only says where each id
# is written in data/ (file:line marks, for messages).
LEFT_OUT = {"numbered", "declared_ids"}
DIGEST_CHARS = 16


def _plain(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def _digest(value: object) -> str:
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
        return (
            [f"added: {key}" for key in self.added]
            + [f"withdrawn or renamed: {key}" for key in self.removed]
            + [f"changed: {key}" for key in self.changed]
        )


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


def _what_to_do(number: int, since: str) -> str:
    return (
        f"To publish these changes, add edition {number + 1} to data/edition.yml (its date, and one change for each "
        f"line above: erratum-added, erratum-withdrawn, proposal-added, proposal-reclassified, record-revised, "
        f"id-renamed with 'from'…), then run `make text-layer` to record its text layer. While edition {number} is "
        f"not yet published, `make text-layer AMEND=1` records these changes into edition {number} instead{since}."
    )


def status(edition: Edition, data_dir: Path) -> list[str]:
    """What is out of step between data/edition.yml, data/text-layer.json and the data; empty when all agree."""
    manifest = read_manifest(data_dir)
    problems = []
    numbers = [numbered.number for numbered in edition.numbered]
    for number in numbers:
        if number not in manifest:
            problems.append(f"edition {number} has no recorded text layer in data/{MANIFEST}: run `make text-layer`")
    for number in sorted(set(manifest) - set(numbers)):
        problems.append(
            f"data/{MANIFEST} records edition {number}, which data/edition.yml does not list: "
            "list it there, or remove its entry"
        )
    latest = numbers[-1] if numbers else None
    if latest in manifest:
        recorded = manifest[latest]["records"]
        now = records(edition)
        if fingerprint(now) != manifest[latest]["sha256"] or recorded != now:
            lines = "\n".join(f"  {line}" for line in difference(recorded, now).lines())
            problems.append(
                f"the text layer has changed since edition {latest} was recorded in data/{MANIFEST}:\n"
                f"{lines}\n{_what_to_do(latest, '')}"
            )
    problems += unexplained(edition, manifest)
    return problems


def unexplained(edition: Edition, manifest: dict[int, dict]) -> list[str]:
    """Each edition after the first names every record its text layer added, withdrew or changed."""
    problems = []
    for previous, numbered in zip(edition.numbered, edition.numbered[1:], strict=False):
        if previous.number not in manifest or numbered.number not in manifest:
            continue
        named = {record_id for change in numbered.changes for record_id in change.ids}
        named |= {change.renamed_from for change in numbered.changes if change.renamed_from}
        diff = difference(manifest[previous.number]["records"], manifest[numbered.number]["records"])
        missing = [key for key in diff.added + diff.removed + diff.changed if key.rsplit("/", 1)[-1] not in named]
        if missing:
            problems.append(
                f"edition {numbered.number}'s changes in data/edition.yml do not name every record that changed since "
                f"edition {previous.number}: " + ", ".join(missing) + " (add a change whose ids name each)"
            )
    return problems


def record(edition: Edition, data_dir: Path, amend: bool = False) -> str:
    """Record the current text layer for the newest edition; refuse to overwrite another edition's record."""
    manifest = read_manifest(data_dir)
    latest = edition.current.number
    now = entry(latest, edition)
    if latest in manifest and manifest[latest]["sha256"] != now["sha256"] and not amend:
        raise ValueError(
            f"edition {latest} is already recorded with another text layer; a published edition never changes. "
            + _what_to_do(latest, " (only if nobody can have cited it yet)")
        )
    manifest[latest] = now
    write_manifest(data_dir, manifest)
    return f"recorded the text layer of edition {latest}: sha256 {now['sha256']} ({len(now['records'])} records)"
