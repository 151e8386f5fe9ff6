"""The start-up benchmark's own logic (benchmarks/startup.py): places in the script file are named by the source
map or by the edition's script markers, a sample's time goes to the nearest component on its stack, and a trace's
two tasks are found and split. Chromium itself runs only in `python -m benchmarks.startup`."""

from __future__ import annotations

import json

import pytest

from benchmarks import startup

TOC = "src/templates/assets/javascripts/components/toc/index.ts"
RXJS = "node_modules/rxjs/dist/esm5/internal/Observable.js"
# Line 0: columns 0-3 from the table of contents, from column 4 RxJS; line 1: column 2 on from the table of contents.
MAP = json.dumps({"version": 3, "sources": [TOC, RXJS], "names": [], "mappings": "AAAA,ICAA;EDAA"})


def test_vlq_segments_decode():
    assert startup.vlq("AAAA") == [0, 0, 0, 0]
    assert startup.vlq("ICAA") == [4, 1, 0, 0]
    assert startup.vlq("EDAA") == [2, -1, 0, 0]
    assert startup.vlq("D") == [-1]
    assert startup.vlq("gB") == [16]


def test_the_source_map_names_the_source_of_each_place():
    source_map = startup.SourceMap(MAP)
    assert [source_map.source(0, column) for column in (0, 3, 4, 99)] == [TOC, TOC, RXJS, RXJS]
    assert source_map.source(1, 1) is None
    assert source_map.source(1, 2) == TOC
    assert source_map.source(5, 0) is None
    assert startup.short(TOC) == "components/toc" and startup.short(RXJS) == "lib:rxjs"


@pytest.fixture
def labeller(tmp_path):
    scripts = tmp_path / "site" / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (scripts / "bundle.0123abcd.min.js").write_text('"use strict";x\ny\n', encoding="utf-8")
    (scripts / "bundle.0123abcd.min.js.map").write_text(MAP, encoding="utf-8")
    # As site_script.joined writes it: a script of ours before the theme's bundle, and two after it.
    edition = (
        '"use strict";\n// docs/overrides/partials/search-after-paint.js\nc;\n"use strict";x\ny;\n'
        "// docs/overrides/partials/reading.js\na\n// docs/overrides/partials/palette.js\nb\n"
    )
    (scripts / "edition.89abcdef.min.js").write_text(edition, encoding="utf-8")
    return startup.Labeller([tmp_path / "site"])


def test_our_scripts_are_named_by_their_markers_and_the_theme_by_its_map(labeller):
    url = "http://127.0.0.1:1/assets/javascripts/"
    assert labeller.label(url + "edition.89abcdef.min.js", 2, 0) == "ours:search-after-paint"
    assert labeller.label(url + "edition.89abcdef.min.js", 6, 0) == "ours:reading"
    assert labeller.label(url + "edition.89abcdef.min.js", 8, 0) == "ours:palette"
    # The theme's part of our file is the theme's bundle, mapped by its map from the line where it starts.
    assert labeller.label(url + "edition.89abcdef.min.js", 3, 5) == "lib:rxjs"
    assert labeller.label(url + "edition.89abcdef.min.js", 4, 2) == "components/toc"
    assert labeller.label(url + "bundle.0123abcd.min.js", 0, 1) == "components/toc"


def test_a_sample_goes_to_the_nearest_component_then_ours_then_materials_other_code():
    assert startup.group(["lib:rxjs", "components/tooltip2", "lib:rxjs", "components/content"]) == "tooltip2"
    assert startup.group(["components/content/link", "bundle.ts"]) == "content/link"
    assert startup.group(["lib:rxjs", "ours:palette"]) == "ours:palette"
    assert startup.group(["lib:rxjs", "browser/document"]) == "material:browser/document"
    assert startup.group([]) == "(native)"


def test_a_trace_is_split_into_the_evaluation_and_the_dispatch_by_owner(labeller):
    url = "http://127.0.0.1:1/assets/javascripts/edition.89abcdef.min.js"

    def frame(node_id, line, column=0, parent=None, name="f"):
        node = {
            "id": node_id,
            "callFrame": {"functionName": name, "url": url, "lineNumber": line, "columnNumber": column},
        }
        return node | ({"parent": parent} if parent else {})

    main = {"pid": 1, "tid": 2}
    events = [
        main | {"name": "EvaluateScript", "ph": "X", "ts": 1000, "dur": 4000, "args": {"data": {"url": url}}},
        main
        | {"name": "EventDispatch", "ph": "X", "ts": 6000, "dur": 3000, "args": {"data": {"type": "DOMContentLoaded"}}},
        {"pid": 1, "tid": 2, "id": "0x1", "name": "Profile", "args": {"data": {"startTime": 0}}},
        {
            "pid": 1,
            "tid": 9,
            "id": "0x1",
            "name": "ProfileChunk",
            "args": {
                "data": {
                    # Node 1 is the theme's RxJS, node 2 our palette script, node 3 our reading script called by it.
                    "cpuProfile": {
                        "nodes": [frame(1, 3, 5), frame(2, 8), frame(3, 6, parent=1)],
                        "samples": [2, 2, 3, 3],
                    },
                    "timeDeltas": [3000, 2000, 2000, 1000],
                }
            },
        },
        {"pid": 1, "tid": 2, "name": "firstContentfulPaint", "ts": 9500},
    ]
    found = startup.analyse(events, labeller)
    assert found["eval_ms"] == 4.0 and found["dcl_ms"] == 3.0 and found["paint_after_dcl"] is True
    # Samples at 3000 and 5000 µs fall in the evaluation (from 1000), at 7000 and 8000 in the dispatch (from 6000).
    assert found["eval_by"] == {"ours:palette": 4.0}
    assert found["dcl_by"] == {"ours:reading": 2.0}
    loads = [found, found | {"dcl_ms": 5.0}]
    assert startup.summary(loads)["dcl_ms"] == 4.0
    assert startup.summary(loads)["ours_ms"] == 6.0
