"""Where a page's start-up time goes, the edition's scripts against Material's, beside the bare theme (issue 16).

Lighthouse's simulation counts the main thread's work before the first paint four times over, and when the first
paint comes after `DOMContentLoaded` that includes the task that handles it: Material mounts its components there
(its `document$` waits for the event), and two of the edition's scripts have listeners on it. This benchmark
loads pages of the edition and of the bare theme (built as `benchmarks/phone.py` builds them, served by its gzip
server) in Debian's Chromium at Lighthouse's phone size (412 x 823, device scale 1.75, mobile), unthrottled as
Lighthouse observes them, with a trace that carries a CPU profile sampled every 0.1 ms. For each load it takes the
task that evaluates the page's script file and the `DOMContentLoaded` dispatch, and gives their time to whom it
belongs: the edition's scripts (by the line ranges `site_script.joined` writes) or Material's, by the source file
its source map names (the component: content tooltips, table of contents, header...), time in RxJS counted to the
nearest component on the stack. It prints medians per page, in rounds (every page once per round), so that the
shared machine's load falls on all alike. Not part of `make test` or `make bench`:
`python -m benchmarks.startup --runs 7`.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from edition import chromium

from . import phone

ROOT = Path(__file__).resolve().parents[1]
# Lighthouse 12's mobile screen.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
# Timeline events, and the CPU profile at its finest sampling (0.1 ms).
CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "v8.execute",
    "disabled-by-default-v8.cpu_profiler",
    "disabled-by-default-v8.cpu_profiler.hires",
]
# The edition's pages measured, and the bare theme's: home, the section page both have, and its largest.
EDITION_PAGES = {
    "home": "",
    "section": "sections/v/",
    "method": "method/",
    "proposals index": "proposals/",
    "cite (largest)": "cite/proposals/",
}
SCRIPT_FILE = re.compile(r"(?:bundle|edition)\.[0-9a-f]{8}\.min\.js$")
OURS_MARK = re.compile(r"// docs/overrides/partials/(\S+)\.js$")
MATERIAL_SOURCE = "src/templates/assets/javascripts/"
_BASE64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


def vlq(segment: str) -> list[int]:
    """The numbers of one source-map segment (base64 VLQ)."""
    values, shift, value = [], 0, 0
    for char in segment:
        digit = _BASE64[char]
        value += (digit & 31) << shift
        if digit & 32:
            shift += 5
        else:
            values.append(-(value >> 1) if value & 1 else value >> 1)
            shift = value = 0
    return values


class SourceMap:
    """Which source file each place of a generated file comes from (the source only: lines are not needed)."""

    def __init__(self, text: str) -> None:
        found = json.loads(text)
        self.sources: list[str] = found["sources"]
        self.columns: list[list[int]] = []
        self.indexes: list[list[int]] = []
        source = 0
        for line in found["mappings"].split(";"):
            column, columns, indexes = 0, [], []
            for segment in filter(None, line.split(",")):
                values = vlq(segment)
                column += values[0]
                if len(values) > 1:
                    source += values[1]
                    columns.append(column)
                    indexes.append(source)
            self.columns.append(columns)
            self.indexes.append(indexes)

    def source(self, line: int, column: int) -> str | None:
        """The source of a 0-based place, or None where the map says nothing."""
        if not 0 <= line < len(self.columns):
            return None
        at = bisect.bisect_right(self.columns[line], column) - 1
        return self.sources[self.indexes[line][at]] if at >= 0 else None


def short(source: str | None) -> str:
    """`components/toc` for Material's source, `lib:rxjs` for a library it bundles."""
    if source is None:
        return "?"
    if "node_modules/" in source:
        return "lib:" + source.split("node_modules/")[-1].split("/")[0]
    return re.sub(r"/(_/)?index\.tsx?$", "", source.removeprefix(MATERIAL_SOURCE))


class Labeller:
    """Names the code at a place of a script file: Material's source there, by the theme bundle's source map (in the
    edition's file, at the lines where the bundle was put, `site_script.joined`), else `ours:<script>` by the marker
    line that opens each script of ours there."""

    def __init__(self, sites: list[Path]) -> None:
        self.maps: dict[str, SourceMap] = {}
        bundles: dict[str, list[str]] = {}
        editions: list[Path] = []
        for site in sites:
            for script in sorted((site / "assets" / "javascripts").glob("*.min.js")):
                source_map = script.with_name(script.name + ".map")
                if script.name.startswith("bundle.") and source_map.is_file():
                    self.maps[script.name] = SourceMap(source_map.read_text("utf-8"))
                    bundles[script.name] = script.read_text("utf-8").splitlines()
                elif script.name.startswith("edition."):
                    editions.append(script)
        # Per file of ours: the theme's lines in it (first, end, the bundle's name) and our scripts' markers.
        self.theme_lines: dict[str, tuple[int, int, str]] = {}
        self.ours: dict[str, list[tuple[int, str]]] = {}
        for script in editions:
            lines = script.read_text("utf-8").splitlines()
            self.ours[script.name] = [(n, m.group(1)) for n, line in enumerate(lines) if (m := OURS_MARK.match(line))]
            for name, bundle in bundles.items():
                first = next((n for n, line in enumerate(lines) if bundle and line == bundle[0]), None)
                if first is not None:
                    self.theme_lines[script.name] = (first, first + len(bundle), name)

    def label(self, url: str, line: int, column: int) -> str:
        name = url.rsplit("/", 1)[-1]
        if name in self.maps:
            return short(self.maps[name].source(line, column))
        first, end, bundle = self.theme_lines.get(name, (0, 0, ""))
        if first <= line < end:
            return short(self.maps[bundle].source(line - first, column))
        ours = [script for start, script in self.ours.get(name, []) if line >= start]
        return "ours:" + ours[-1] if ours else "?"


def group(labels: list[str]) -> str:
    """The part of the code a sample's time is given to, from its stack's labels, innermost first: the nearest of
    Material's components, patches or integrations (RxJS calls it from its own frames), else ours, else the
    nearest of Material's other code."""
    for label in labels:
        found = re.match(r"(components|patches|integrations)/([^/]+)(/[^/]+)?", label)
        if found:
            name = found.group(2)
            if name in ("content", "header", "search") and found.group(3):
                name += found.group(3)
            return name
    for label in labels:
        if label.startswith("ours:"):
            return label
    for label in labels:
        if not label.startswith("lib:") and label != "?":
            return "material:" + label
    return labels[0] if labels else "(native)"


def analyse(events: list[dict], labeller: Labeller) -> dict:
    """One load's trace: the script file's evaluation and the DOMContentLoaded dispatch, their time (ms) by group,
    and whether the first paint came after the dispatch."""
    evaluation = next(
        e
        for e in events
        if e.get("name") == "EvaluateScript" and SCRIPT_FILE.search(e.get("args", {}).get("data", {}).get("url", ""))
    )
    pid, tid = evaluation["pid"], evaluation["tid"]
    main = [e for e in events if e.get("pid") == pid and e.get("tid") == tid]
    dispatch = next(
        e
        for e in main
        if e.get("name") == "EventDispatch"
        and e["args"]["data"].get("type") == "DOMContentLoaded"
        and e["ts"] > evaluation["ts"]
    )
    paints = [e["ts"] for e in events if e.get("name") == "firstContentfulPaint" and e.get("pid") == pid]
    found: dict = {
        "eval_ms": evaluation["dur"] / 1000,
        "dcl_ms": dispatch["dur"] / 1000,
        "paint_after_dcl": bool(paints) and min(paints) > dispatch["ts"],
    }
    # The profile of the page's main thread: nodes come in chunks, samples as time deltas.
    profiles = {e.get("id") for e in main if e.get("name") == "Profile"}
    nodes: dict[int, dict] = {}
    samples: list[tuple[float, int]] = []
    time = 0.0
    for e in events:
        if e.get("pid") != pid or e.get("id") not in profiles:
            continue
        if e.get("name") == "Profile":
            time = e["args"]["data"]["startTime"]
        elif e.get("name") == "ProfileChunk":
            profile = e["args"]["data"].get("cpuProfile", {})
            nodes.update((node["id"], node) for node in profile.get("nodes", []))
            deltas = e["args"]["data"].get("timeDeltas", [])
            for node_id, delta in zip(profile.get("samples", []), deltas, strict=False):
                time += delta
                samples.append((time, node_id))
    samples.sort()
    times = [at for at, _ in samples]
    groups: dict[int, str] = {}

    def group_of(node_id: int) -> str:
        if node_id not in groups:
            labels, frame, leaf = [], nodes.get(node_id), None
            while frame is not None:
                call = frame["callFrame"]
                leaf = leaf or call["functionName"]
                if SCRIPT_FILE.search(call.get("url", "")):
                    labels.append(labeller.label(call["url"], call["lineNumber"], call["columnNumber"]))
                frame = nodes.get(frame.get("parent", -1))
            special = leaf in ("(garbage collector)", "(program)", "(idle)")
            groups[node_id] = leaf if special and leaf else group(labels)
        return groups[node_id]

    for name, window in (("eval", evaluation), ("dcl", dispatch)):
        start, end = window["ts"], window["ts"] + window["dur"]
        spent: dict[str, float] = defaultdict(float)
        previous = start
        for at, node_id in samples[bisect.bisect_left(times, start) : bisect.bisect_right(times, end)]:
            spent[group_of(node_id)] += (at - previous) / 1000
            previous = at
        found[name + "_by"] = dict(spent)
    return found


def measure(root: Path, plan: dict[str, str], runs: int) -> dict[str, list[dict]]:
    from playwright.sync_api import sync_playwright

    labeller = Labeller([path for path in root.iterdir() if path.is_dir()])
    found: dict[str, list[dict]] = {name: [] for name in plan}
    with phone.serve(root) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium.CHROMIUM, args=chromium.FLAGS)
        for run in range(runs):
            for name, path in plan.items():
                context = browser.new_context(**PHONE)
                page = context.new_page()
                browser.start_tracing(page=page, categories=CATEGORIES)
                page.goto(base + path, wait_until="load")
                page.wait_for_timeout(300)
                trace = json.loads(browser.stop_tracing())
                context.close()
                found[name].append(analyse(trace["traceEvents"], labeller))
                print(f"  run {run + 1} {name}: {_line(found[name][-1])}", file=sys.stderr)
        browser.close()
    return found


def _ours(load: dict) -> float:
    return sum(ms for window in ("eval_by", "dcl_by") for key, ms in load[window].items() if key.startswith("ours:"))


def _line(load: dict) -> str:
    return f"evaluation {load['eval_ms']:.1f} ms, DOMContentLoaded {load['dcl_ms']:.1f} ms, ours {_ours(load):.1f} ms"


def summary(loads: list[dict], top: int = 6) -> dict:
    """Medians of one page's loads: the two tasks, ours in them, and the largest groups of the dispatch."""
    median = statistics.median
    out: dict = {
        "runs": len(loads),
        "eval_ms": median(load["eval_ms"] for load in loads),
        "dcl_ms": median(load["dcl_ms"] for load in loads),
        "ours_ms": median(_ours(load) for load in loads),
        "paint_after_dcl": sum(load["paint_after_dcl"] for load in loads),
    }
    for window in ("eval_by", "dcl_by"):
        names = {name for load in loads for name in load[window]}
        medians = {name: median(load[window].get(name, 0.0) for load in loads) for name in names}
        out[window] = dict(sorted(medians.items(), key=lambda item: -item[1])[:top])
    return out


def table(summaries: dict[str, dict]) -> str:
    lines = [
        "| page | script evaluation (ms) | DOMContentLoaded (ms) | ours, both (ms) | DOMContentLoaded's largest parts (ms) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, s in summaries.items():
        parts = ", ".join(f"{part} {ms:.1f}" for part, ms in s["dcl_by"].items())
        lines.append(f"| {name} | {s['eval_ms']:.1f} | {s['dcl_ms']:.1f} | {s['ours_ms']:.1f} | {parts} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup", description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="loads per page (default: %(default)s)")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--out", type=Path, default=phone.RESULTS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="edition-startup-") as tmp:
        work = Path(tmp)
        phone.build_edition(args.data, work / "both" / "edition")
        largest = phone.build_bare(args.data, work / "bare")
        (work / "bare" / "site").rename(work / "both" / "bare")
        plan = {name: f"edition/{path}" for name, path in EDITION_PAGES.items()}
        plan |= {"bare home": "bare/", "bare section": "bare/sections/v/", "bare largest": f"bare/{largest[0]}"}
        loads = measure(work / "both", plan, args.runs)
    summaries = {name: summary(page_loads) for name, page_loads in loads.items()}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "startup-latest.json").write_text(json.dumps({"loads": loads, "medians": summaries}, indent=1))
    print(table(summaries))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
