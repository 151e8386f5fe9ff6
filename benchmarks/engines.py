"""`make bench-engines`: MkDocs and Zensical timed on the same generated docs folder, in one run.

The docs folder is rendered once (`python -m edition render`). Then, after a warm-up of each, the builds run in
turn, each in a fresh process, timed by the wall clock:
- MkDocs (with Material) building the folder alone, without our hooks;
- Zensical building it without its cache (`--clean`), and with the cache the previous build left;
- the finishing step Zensical's output needs (`python -m edition finish --docs-folder`: it checks the data and
  reads the folder back);
- the whole of `make build` (MkDocs with our hooks) and of `make build-zensical` (render, Zensical, finish).
Figures are medians; ratios are Zensical over MkDocs. Results go to benchmarks/results/engines-latest.json.
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

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"


def timed(command: list[str], cwd: Path = ROOT) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def commands(folder: Path, work: Path) -> dict[str, list[str]]:
    config = str(folder / "mkdocs.yml")
    python = sys.executable
    return {
        "mkdocs": [python, "-m", "mkdocs", "build", "--quiet", "-f", config, "--site-dir", str(work / "mkdocs-site")],
        "zensical_clean": [str(ZENSICAL), "build", "--clean", "-f", config],
        "zensical_cached": [str(ZENSICAL), "build", "-f", config],
        "finish": [python, "-m", "edition", "finish", str(folder / "site"), "--docs-folder", str(folder)],
        "make_build": [python, "-m", "edition", "build", "--site-dir", str(work / "pipeline-mkdocs")],
        "make_build_zensical": [
            python,
            "-m",
            "edition",
            "build",
            "--engine",
            "zensical",
            "--site-dir",
            str(work / "pipeline-zensical"),
        ],
    }


def run(runs: int) -> dict:
    if not ZENSICAL.is_file():
        raise SystemExit(f"{ZENSICAL} is missing: run `make build-zensical` once, which sets it up")
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as temp:
        work = Path(temp)
        folder = work / "folder"
        subprocess.run(
            [sys.executable, "-m", "edition", "render", str(folder)], cwd=ROOT, check=True, capture_output=True
        )
        steps = commands(folder, work)
        for command in steps.values():  # warm-up: caches, imports, the file system
            timed(command)
        times: dict[str, list[float]] = {name: [] for name in steps}
        for number in range(runs):
            for name, command in steps.items():
                times[name].append(timed(command))
            print(
                f"  run {number + 1}: " + ", ".join(f"{name} {times[name][-1]:.2f} s" for name in steps),
                file=sys.stderr,
            )
        shutil.rmtree(folder / "site", ignore_errors=True)
    median = {name: statistics.median(values) for name, values in times.items()}
    return {
        "runs": runs,
        "median_s": median,
        "all_s": times,
        "ratios": {
            "zensical_clean / mkdocs": median["zensical_clean"] / median["mkdocs"],
            "zensical_cached / mkdocs": median["zensical_cached"] / median["mkdocs"],
            "(zensical_clean + finish) / mkdocs": (median["zensical_clean"] + median["finish"]) / median["mkdocs"],
            "make build-zensical / make build": median["make_build_zensical"] / median["make_build"],
        },
        "machine": f"{os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), Python {platform.python_version()}",
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    result = run(parser.parse_args().runs)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "engines-latest.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        f"medians of {result['runs']} runs after a warm-up; {result['machine']}; {result['when']}; commit {result['commit']}"
    )
    for name, value in result["median_s"].items():
        print(f"  {name:22} {value:6.2f} s")
    for name, value in result["ratios"].items():
        print(f"  {name:36} {value:5.2f}")


if __name__ == "__main__":
    main()
