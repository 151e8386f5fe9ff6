"""The CSL engine's disk cache (csl_cache.py): a hit gives the engine's own bytes, and any change to what
decides the output (style, locale, CSL-JSON, engine) is a miss."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition import cite_styles, csl_cache, csl_engine
from edition.render import render_site

ITEM = {
    "id": "x",
    "type": "report",
    "title": "A title <with> a less-than",
    "author": [{"family": "Doe", "given": "Jane"}],
    "issued": {"date-parts": [[2020, 3, 12]]},
}


def _job(style_path: str | None = None, title: str = ITEM["title"]) -> dict:
    job = csl_engine.job(
        "apa", [dict(ITEM, title=title)], citations=[[{"id": "x", "locator": "18", "label": "paragraph"}]]
    )
    if style_path:
        job["style"] = style_path
    return job


def _key(job: dict, locale: Path = csl_engine.LOCALE, engine: list[Path] | None = None) -> str:
    return csl_cache.key(job, locale, engine or csl_engine.ENGINE_FILES)


def _copy_with_comment(source: Path | str, target: Path, comment: bool) -> str:
    text = Path(source).read_text(encoding="utf-8")
    if comment:
        # An XML comment (or a JS comment) changes the bytes and nothing else, so only the key can tell.
        text += "\n<!-- changed -->\n" if target.suffix != ".js" else "\n// changed\n"
    target.write_text(text, encoding="utf-8")
    return str(target)


def test_the_key_follows_the_styles_bytes_not_its_path(tmp_path):
    style = csl_engine.style_path("apa")
    same = _copy_with_comment(style, tmp_path / "same.csl", comment=False)
    edited = _copy_with_comment(style, tmp_path / "edited.csl", comment=True)
    assert _key(_job(same)) == _key(_job())
    assert _key(_job(edited)) != _key(_job())


def test_the_key_changes_with_the_items_the_locale_and_the_engine(tmp_path):
    base = _key(_job())
    assert _key(_job(title="Another title")) != base
    assert _key(dict(_job(), citations=[])) != base
    locale = Path(_copy_with_comment(csl_engine.LOCALE, tmp_path / "locale.xml", comment=True))
    assert _key(_job(), locale=locale) != base
    for index, part in enumerate(csl_engine.ENGINE_FILES):
        changed = list(csl_engine.ENGINE_FILES)
        changed[index] = Path(_copy_with_comment(part, tmp_path / f"engine-{index}{part.suffix}", comment=True))
        assert _key(_job(), engine=changed) != base
    # Unchanged copies of everything give the same key: the key is made of contents.
    copies = [
        Path(_copy_with_comment(p, tmp_path / f"copy-{i}{p.suffix}", False))
        for i, p in enumerate(csl_engine.ENGINE_FILES)
    ]
    unchanged_locale = Path(_copy_with_comment(csl_engine.LOCALE, tmp_path / "copy-locale.xml", comment=False))
    assert _key(_job(), locale=unchanged_locale, engine=copies) == base


def _fresh_run(jobs: list[dict]) -> tuple[list[dict], int]:
    """Run with the in-memory results forgotten; how many times node started."""
    csl_engine._done.clear()
    before = csl_engine.runs
    out = csl_engine.run(jobs)
    return out, csl_engine.runs - before


@pytest.mark.slow  # starts the CSL engine (node)
def test_a_hit_starts_no_engine_and_gives_the_same_result(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITION_CSL_CACHE", str(tmp_path / "cache"))
    cold, started = _fresh_run([_job()])
    assert started == 1 and len(list((tmp_path / "cache").glob("*.json"))) == 1
    warm, started = _fresh_run([_job()])
    assert started == 0 and warm == cold
    assert "&lt;with" in warm[0]["bibliography"]["x"]  # restored from the cache as from node
    # A changed item is a miss; the stored entry of the first stays.
    _, started = _fresh_run([_job(title="Another title")])
    assert started == 1 and len(list((tmp_path / "cache").glob("*.json"))) == 2
    # An unreadable entry (a build stopped mid-write by hand, a foreign file) is a miss, then rewritten.
    for entry in (tmp_path / "cache").glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    again, started = _fresh_run([_job()])
    assert started == 1 and again == cold
    # Deleting the cache is safe: the engine runs again with the same result.
    shutil.rmtree(tmp_path / "cache")
    again, started = _fresh_run([_job()])
    assert started == 1 and again == cold


@pytest.mark.slow  # formats the whole edition twice with node
def test_a_build_gives_the_same_files_with_and_without_the_cache(edition, tmp_path, monkeypatch):
    outputs = []
    for setting in ("off", str(tmp_path / "cache"), str(tmp_path / "cache")):
        monkeypatch.setenv("EDITION_CSL_CACHE", setting)
        cite_styles._latest.clear()
        csl_engine._done.clear()
        before = csl_engine.runs
        outputs.append(render_site(edition, True, "https://example.org/lee2025/"))
        # Off and cold: node formats; warm: it does not start.
        assert csl_engine.runs - before == (0 if len(outputs) == 3 else 1)
    assert outputs[0] == outputs[1] == outputs[2]
