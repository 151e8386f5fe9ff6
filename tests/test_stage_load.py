"""Unit tests of the first stages on the minimal fixture: yamlio (YAML with marks), convert (values to typed
records), load (every file of a data folder)."""

from __future__ import annotations

from edition import records as r
from edition.convert import Converter
from edition.errors import Mark
from edition.load import DATA_FILES, file_name, load
from edition.yamlio import MarkedDict, MarkedList, MarkedStr, load_yaml

from .helpers import MINIMAL


def test_yaml_values_remember_where_they_were_written():
    document, errors = load_yaml(MINIMAL / "proposals.yml", "data/proposals.yml")
    assert errors == []
    assert isinstance(document, MarkedDict)
    proposals = document["proposals"]
    assert isinstance(proposals, MarkedList)
    assert proposals.item_marks[0] == Mark("data/proposals.yml", 3, 5)
    title = proposals[0]["title"]
    assert isinstance(title, MarkedStr) and title == "Stockpile"
    assert title.mark == Mark("data/proposals.yml", 4, 12)
    assert proposals[0].key_marks["area"] == Mark("data/proposals.yml", 6, 5)


def test_yaml_duplicate_keys_are_reported_not_overwritten_silently(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("a: 1\nb: 2\na: 3\n", encoding="utf-8")
    document, errors = load_yaml(path, "data/x.yml")
    assert [str(e) for e in errors] == [
        "data/x.yml:3:1: a: duplicate key 'a': it was already set at line 1; YAML would silently keep only the last value"
    ]
    assert document == {"a": 3, "b": 2}


def test_converter_builds_a_record_and_keeps_each_fields_mark():
    document, _ = load_yaml(MINIMAL / "actors.yml", "data/actors.yml")
    converter = Converter()
    record = converter.record(r.ActorsFile, document, "", Mark("data/actors.yml", 1, 1))
    assert converter.errors == []
    assert record == r.ActorsFile(
        actors=[r.Actor(id="rok", name="Republic of Korea", kind="country", forms=["ROK"], summary="A country.",
                        sources=["p1"], mentions=[r.Quote(paragraph="p1", text="the ROK")])]
    )  # fmt: skip
    assert converter.marks["actors[0].mentions[0].text"] == Mark("data/actors.yml", 6, 38)


def test_converter_collects_every_error_of_a_record(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text(
        'actors:\n  - id: 7\n    name: ""\n    kind: country\n    forms: []\n    summary: "A."\n    sources: []\n'
        "    mentions: []\n",
        encoding="utf-8",
    )
    document, _ = load_yaml(path, "data/actors.yml")
    converter = Converter()
    assert converter.record(r.ActorsFile, document, "", Mark("data/actors.yml", 1, 1)) is None
    assert [str(e) for e in converter.errors] == [
        "data/actors.yml:2:9: actors[0].id: expected text, found a number (7)",
        "data/actors.yml:3:11: actors[0].name: expected non-empty text, found empty text",
    ]


def test_load_reads_every_kind_of_file_and_each_section():
    loaded, errors = load(MINIMAL)
    assert errors == []
    assert set(loaded.files) == set(DATA_FILES)
    assert [s.record.id for s in loaded.sections] == ["i"]
    assert loaded.unreadable_sections == []
    assert loaded.source_lines[3] == "First paragraph about the ROK and trade."
    assert loaded.of(r.ErrataFile).record.errata[0].corrected == "system"
    assert file_name(r.AreasFile) == "areas.yml"


def test_load_marks_a_field_or_its_nearest_enclosing_value():
    loaded, _ = load(MINIMAL)
    proposals = loaded.of(r.ProposalsFile)
    assert proposals.mark("proposals[0].area") == Mark("minimal/proposals.yml", 6, 11)
    # A path nobody wrote (a field left out) falls back to its record.
    assert proposals.mark("proposals[0].status.value") == Mark("minimal/proposals.yml", 3, 5)


def test_load_keeps_going_past_an_unreadable_file(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "sections").mkdir()
    (data / "sections" / "i.yml").write_bytes(b"id: \xff\n")
    loaded, errors = load(data)
    assert loaded.files == {} and loaded.sections == []
    assert loaded.unreadable_sections == ["data/sections/i.yml"]
    # One error per missing file, the unreadable section and the missing source copy.
    assert len(errors) == len(DATA_FILES) + 2
    assert (
        "data/sections/i.yml:1:5: expected UTF-8 text, found byte 0xff that is not valid UTF-8; save the file as UTF-8"
        in [str(e) for e in errors]
    )
