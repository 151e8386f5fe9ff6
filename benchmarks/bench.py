"""`make bench`: build time stage by stage, page weight and peak memory at 1x, 10x and 50x the real content.

For each scale: a synthetic data dir is made from data/ (benchmarks/synth.py); after one warm-up,
the real build and a plain MkDocs build of the same rendered Markdown run alternately, each in a
fresh process (benchmarks/build_once.py); figures are medians. Results are printed and written to
benchmarks/results/ as JSON.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import report, weight
from . import search as search_bench
from .synth import make_edition

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
DOCS = ROOT / "docs"
# Templates are the theme's, read from docs/overrides through mkdocs.yml; they are not pages.
NOT_DOCS = ("overrides",)


def build(
    mode: str,
    site: Path,
    data: Path,
    docs: Path | None = None,
    nav: Path | None = None,
    dump: Path | None = None,
    csl_cache: str = "off",
) -> dict:
    command = [sys.executable, "-m", "benchmarks.build_once", mode, "--site-dir", str(site)]
    if mode == "plain":
        command += ["--docs-dir", str(docs), "--nav", str(nav)]
    if dump:
        command += ["--dump", str(dump)]
    # The CSL disk cache (edition/csl_cache.py): a folder of the benchmark's own, or "off".
    # Pagefind's cache off: every timed build indexes, as an editor's change does.
    env = dict(
        os.environ,
        EDITION_DATA=str(data),
        NO_MKDOCS_2_WARNING="1",
        EDITION_CSL_CACHE=csl_cache,
        EDITION_PAGEFIND_CACHE="off",
    )
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the {mode} build of {data} failed:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def plain_docs(dump: Path) -> tuple[Path, Path]:
    """The site's own docs/ plus every file our hooks generated in a real build (dumped there), and its nav."""
    docs = dump / "docs"
    shutil.copytree(
        DOCS,
        docs,
        dirs_exist_ok=True,
        ignore=lambda folder, names: [n for n in names if Path(folder) == DOCS and n in NOT_DOCS],
    )
    return docs, dump / "nav.json"


def stages(run: dict) -> dict:
    hooks = run["hooks_s"]
    ours = {
        "load_validate_s": hooks.get("config", 0.0),
        "render_s": hooks.get("files", 0.0),
        "other_hooks_s": sum(v for k, v in hooks.items() if k not in ("config", "files")),
    }
    return {**ours, "mkdocs_s": run["total_s"] - sum(ours.values()), "total_s": run["total_s"]}


def median_of(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def _timing(runs: list[dict]) -> dict:
    timing = {
        key: median_of(runs, key) for key in ("load_validate_s", "render_s", "other_hooks_s", "mkdocs_s", "total_s")
    }
    ours = timing["load_validate_s"] + timing["render_s"]
    return {"median": timing, "ours_s": ours, "ours_share_of_total": ours / timing["total_s"]}


def bench_scale(data: Path, scale: int, runs: int, budget_s: float, work: Path) -> dict:
    scaled = work / f"data-{scale}x"
    counts = make_edition(data, scaled, scale)
    site = work / f"site-{scale}x"
    dump = work / f"plain-{scale}x"
    # The CSL cache of this scale's data, filled by the warm-up: the timed real builds are cold processes
    # with a warm cache (what a rebuild of formatted data costs), and again with the cache off.
    cache = str(work / f"csl-cache-{scale}x")
    started = time.monotonic()
    # The warm-up real build also hands the plain build exactly the Markdown and nav it generated.
    warm_real = build("real", site, scaled, dump=dump, csl_cache=cache)
    docs, nav = plain_docs(dump)
    warm_plain = build("plain", work / f"plain-site-{scale}x", scaled, docs, nav)
    # One round is a real build with the cache, one without, and a plain build: about two real and a plain.
    round_s = time.monotonic() - started + warm_real["total_s"]
    print(
        f"  {scale}x warm-up: real {warm_real['total_s']:.2f} s, plain {warm_plain['total_s']:.2f} s", file=sys.stderr
    )
    real, uncached, plain = [], [], []
    # A slow design must not make the benchmark endless: runs stop when the next would pass the budget.
    while len(real) < runs and time.monotonic() - started + round_s <= budget_s:
        shutil.rmtree(site, ignore_errors=True)
        one = build("real", site, scaled, csl_cache=cache)
        shutil.rmtree(site, ignore_errors=True)
        cold = build("real", site, scaled, csl_cache="off")
        other = build("plain", work / f"plain-site-{scale}x", scaled, docs, nav)
        real.append({**stages(one), "peak_rss_bytes": one["peak_rss_bytes"]})
        uncached.append({**stages(cold), "peak_rss_bytes": cold["peak_rss_bytes"]})
        plain.append(other)
        print(
            f"  {scale}x run {len(real)}: real {one['total_s']:.2f} s (CSL cache off {cold['total_s']:.2f} s), "
            f"plain {other['total_s']:.2f} s",
            file=sys.stderr,
        )
    warm_up_only = not real
    if warm_up_only:
        real.append({**stages(warm_real), "peak_rss_bytes": warm_real["peak_rss_bytes"]})
        uncached.append(real[-1])
        plain.append(warm_plain)
    with_cache, without = _timing(real), _timing(uncached)
    plain_total = median_of(plain, "total_s")
    weights = weight.page_weights(site)
    return {
        "scale": scale,
        "records": counts,
        "runs": 0 if warm_up_only else len(real),
        "median": with_cache["median"],
        "plain_mkdocs_total_s": plain_total,
        "ours_s": with_cache["ours_s"],
        "ours_share_of_total": with_cache["ours_share_of_total"],
        "overhead_ratio": with_cache["ours_s"] / plain_total,
        "without_csl_cache": without,
        "peak_rss_bytes": {"median": median_of(real, "peak_rss_bytes"), "max": max(r["peak_rss_bytes"] for r in real)},
        "weight": weights,
        "phone": weight.phone_weight(site, weight.largest_section_page(site)),
        "search": search_bench.figures(site, max(runs, 3)),
        "all_runs": {"real": real, "real_without_csl_cache": uncached, "plain": plain},
    }


def scale_figures(by_scale: dict[int, dict]) -> dict:
    low, high = min(by_scale), max(by_scale)
    a, b = by_scale[low], by_scale[high]
    return {
        "from": low,
        "to": high,
        "time_ratio": b["median"]["total_s"] / a["median"]["total_s"],
        "html_per_page_ratio": b["weight"]["all_pages"]["raw"]["median"] / a["weight"]["all_pages"]["raw"]["median"],
        "peak_rss_bytes_at_top": b["peak_rss_bytes"]["max"],
    }


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": _cpu_model(),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def git_commit() -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode != 0:
        return os.environ.get("BENCH_COMMIT", "unknown (not a git checkout)")
    return result.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench", description=__doc__)
    parser.add_argument(
        "--scales", default="1,10,50", help="comma-separated multiples of the real content (default: %(default)s)"
    )
    parser.add_argument(
        "--runs", type=int, default=5, help="timed runs per scale after one warm-up (default: %(default)s)"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=900,
        help="seconds per scale: no run starts that would end past it; with none, the warm-up is reported (default: %(default)s)",
    )
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the real data dir to scale (default: data/)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    scales = sorted({int(s) for s in args.scales.split(",")})
    started = datetime.datetime.now(datetime.UTC)
    by_scale = {}
    with tempfile.TemporaryDirectory(prefix="edition-bench-") as work:
        for scale in scales:
            print(
                f"{scale}x: generating and building (up to {args.runs} runs after a warm-up, {args.budget:.0f} s budget)",
                file=sys.stderr,
            )
            by_scale[scale] = bench_scale(args.data, scale, args.runs, args.budget, Path(work))
            # A long run that is stopped still leaves the scales it finished.
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / "partial.json").write_text(json.dumps(by_scale, indent=2), encoding="utf-8")
    result = {
        "date": started.isoformat(timespec="seconds"),
        "commit": git_commit(),
        "machine": machine(),
        "gzip_level": weight.GZIP_LEVEL,
        "scales": [by_scale[s] for s in scales],
        "growth": scale_figures(by_scale) if len(scales) > 1 else None,
    }
    result["targets"] = report.targets(result)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    path = args.out / f"bench-{stamp}.json"
    path.write_text(json.dumps(result, indent=2), encoding="utf-8")
    (args.out / "latest.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(report.table(result))
    print(f"\nwritten to {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
