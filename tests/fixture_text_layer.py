"""Re-records tests/fixtures/minimal/text-layer.json after the fixture's data changes:
`.venv/bin/python -m tests.fixture_text_layer`.

The fixture's edition 2 renamed the proposal "stockpiling" to "stockpile" (its edition.yml), so edition 1's
record is made from a copy with the old id and edition 1 alone, and edition 2's from the fixture itself.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from edition import text_layer
from edition.validate import check

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        before = Path(tmp) / "data"
        shutil.copytree(FIXTURE, before)
        proposals = before / "proposals.yml"
        proposals.write_text(
            re.sub(r"id: stockpile$", "id: stockpiling", proposals.read_text("utf-8"), flags=re.M), "utf-8"
        )
        editions = before / "edition.yml"
        editions.write_text(editions.read_text("utf-8").split("  - number: 2")[0], "utf-8")
        first = text_layer.entry(1, check(before))
    manifest = {1: first, 2: text_layer.entry(2, check(FIXTURE))}
    text_layer.write_manifest(FIXTURE, manifest)
    print(f"recorded editions 1 and 2 of {FIXTURE}")


if __name__ == "__main__":
    main()
