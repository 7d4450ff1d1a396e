"""How fast and how good the in-memory matching engine is, on seeded synthetic populations.

    .venv/bin/python benchmarks/matching.py [--repeats 3] [--per-sme 20] [--per-mentor 20] [--scale]

No database: matching.synthetic builds the arrays (88 skills, SMEs with 3-8 gaps, mentors with
4-12 skills, capacities 1-5, 12 languages; generation is not timed). For 10,000 SMEs x 5,000
mentors and 10,000 x 2,000 it times, from a cold Population (no cached matrices):

- scoring_s: `pruning.candidates` (every pair scored in blocks, each SME's and each mentor's best),
- solve_s: `solver.assign` (OR-Tools min-cost flow over the candidates),
- total_s: the two together, wall clock; the figures are those of the run with the median total
  of --repeats (CPU time alongside, since the machine is shared and wall time is noisy),
- peak_mb: the larger of two measures of the engine phase's peak memory:
  RSS: the peak resident memory above the resident memory just before (Linux VmHWM, reset through
  /proc/self/clear_refs; the largest over the repeats; each size runs in a fresh process, so memory
  freed by an earlier size cannot hide in the baseline). It counts everything, OR-Tools' C++
  memory included, but not memory allocated and never touched.
  traced: tracemalloc's peak (Python and NumPy allocations, touched or not), in an untimed pass.

Quality on 2,000 x 1,000: the total score of `assign` against the exact optimum (`exact_optimum`:
a dense assignment over mentor capacity slots with SciPy), and against the greedy baseline. A
second, scarce instance (3,000 x 600: fewer mentor slots than SMEs) is shown too. The top-10
recommendation for one SME at 10,000 x 5,000 is timed warm (median of 200 calls on different
SMEs) and cold (the first call on a fresh Population, which builds the mentor-side matrices: as the
admin does it, with a population of that one SME and 5,000 mentors).

The last line is

    matching: n=10000x5000 total_s=… peak_mb=… solve_s=… quality_vs_optimum=…% \
        vs_greedy=+…% top10_ms=…

(one line; broken here for width)

with top10_ms the warm median.

--scale adds EU scale: 100,000 SMEs x 20,000 mentors (measured as the sizes above, in a fresh
process; target: total under 15 s and peak under 1 GB, with the quality above still at least
99.9 % of the optimum). Everything above is printed too, then a last line

    matching_scale: n=100000x20000 total_s=… peak_mb=…
"""

import argparse
import gc
import multiprocessing
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matching import pruning, scoring, solver, synthetic  # noqa: E402

WEIGHTS = scoring.Weights()
SCALE = (100_000, 20_000)  # --scale: SMEs x mentors of a continent-wide run
SCALE_TARGET_S, SCALE_TARGET_MB, QUALITY_TARGET = 15.0, 1024.0, 99.9


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def _reset_peak() -> float:
    """Reset the resident-memory high-water mark; return the resident memory now (MB)."""
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")
    return _status_mb("VmRSS")


def _engine(pop, per_sme: int, per_mentor: int):
    cands = pruning.candidates(pop, WEIGHTS, per_sme=per_sme, per_mentor=per_mentor)
    split = time.perf_counter(), time.process_time()
    assignment = solver.assign(cands, pop.mentor_capacity, n_smes=pop.n_smes)
    return cands, assignment, split


def measure(n: int, m: int, repeats: int, per_sme: int, per_mentor: int) -> dict:
    pop = synthetic.population(n, m, seed=0)
    runs = []
    for _ in range(repeats):
        pop._cache.clear()  # cold: the mentor-side matrices are built inside the timed phase
        before = _reset_peak()
        wall, cpu = time.perf_counter(), time.process_time()
        cands, assignment, (wall_split, _) = _engine(pop, per_sme, per_mentor)
        wall_end, cpu_end = time.perf_counter(), time.process_time()
        runs.append(
            {
                "scoring_s": wall_split - wall,
                "solve_s": wall_end - wall_split,
                "total_s": wall_end - wall,
                "cpu_s": cpu_end - cpu,
                "peak_mb": _status_mb("VmHWM") - before,
            }
        )
        del cands
    pop._cache.clear()
    gc.collect()
    tracemalloc.start()
    cands, assignment, _ = _engine(pop, per_sme, per_mentor)
    traced_mb = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    median = sorted(runs, key=lambda r: r["total_s"])[len(runs) // 2]
    matched = assignment >= 0
    rss_mb = max(r["peak_mb"] for r in runs)
    return {
        **median,
        "rss_peak_mb": rss_mb,
        "traced_mb": traced_mb,
        "peak_mb": max(rss_mb, traced_mb),
        "candidates": len(cands),
        "slots": int(pop.mentor_capacity.sum()),
        "matched": int(matched.sum()),
        "mean_score": solver.total_score(cands, assignment) / max(int(matched.sum()), 1),
        "rss_mb": _status_mb("VmRSS"),
    }


def quality(n: int, m: int, per_sme: int, per_mentor: int, seed: int = 0) -> dict:
    pop = synthetic.population(n, m, seed=seed)
    scores = scoring.score_block(pop, WEIGHTS, slice(None))
    started = time.perf_counter()
    optimum = solver.exact_optimum(scores, pop.mentor_capacity)
    exact_s = time.perf_counter() - started
    cands = pruning.candidates(pop, WEIGHTS, per_sme=per_sme, per_mentor=per_mentor)
    ours = solver.total_score(cands, solver.assign(cands, pop.mentor_capacity, n_smes=n))
    baseline = solver.total_score(cands, solver.greedy(cands, pop.mentor_capacity, n))
    return {
        "optimum": optimum,
        "ours": ours,
        "greedy": baseline,
        "vs_optimum": 100 * ours / optimum,
        "vs_greedy": 100 * (ours / baseline - 1),
        "exact_s": exact_s,
    }


def top10(n: int, m: int, calls: int = 200) -> dict:
    pop = synthetic.population(n, m, seed=0)
    started = time.perf_counter()
    scoring.recommend(pop, WEIGHTS, 0, k=10)
    cold_ms = 1000 * (time.perf_counter() - started)
    times = []
    for sme in range(1, calls + 1):
        started = time.perf_counter()
        scoring.recommend(pop, WEIGHTS, sme % n, k=10)
        times.append(1000 * (time.perf_counter() - started))
    return {
        "cold_ms": cold_ms,
        "median_ms": statistics.median(times),
        "p95_ms": float(np.percentile(times, 95)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--per-sme", type=int, default=20)
    parser.add_argument("--per-mentor", type=int, default=20)
    parser.add_argument(
        "--scale", action="store_true", help="also 100,000 x 20,000 (last line matching_scale)"
    )
    args = parser.parse_args()
    print(
        f"matching engine {scoring.ALGORITHM_VERSION}: candidates per SME {args.per_sme}, "
        f"per mentor {args.per_mentor}; {args.repeats} runs per size "
        "(figures of the run with the median total; peak = max)"
    )

    sizes = {}
    print()
    print(
        f"{'SMEs x mentors':>16} {'slots':>6} {'cands':>8} {'scoring s':>9} {'solve s':>8} "
        f"{'total s':>8} {'cpu s':>6} {'RSS MB':>7} {'traced MB':>9} {'matched':>8} {'mean':>6}"
    )
    shapes = [(10_000, 5_000), (10_000, 2_000)] + ([SCALE] if args.scale else [])
    for n, m in shapes:
        with multiprocessing.get_context("spawn").Pool(1) as fresh:
            r = sizes[(n, m)] = fresh.apply(
                measure, (n, m, args.repeats, args.per_sme, args.per_mentor)
            )
        print(
            f"{f'{n:,} x {m:,}':>16} {r['slots']:>6} {r['candidates']:>8} "
            f"{r['scoring_s']:>9.3f} {r['solve_s']:>8.3f} {r['total_s']:>8.3f} "
            f"{r['cpu_s']:>6.2f} {r['rss_peak_mb']:>7.1f} {r['traced_mb']:>9.1f} "
            f"{r['matched']:>8} {r['mean_score']:>6.2f}"
        )

    print()
    print(
        f"{'quality':>16} {'optimum':>10} {'assign':>10} {'greedy':>10} {'vs optimum':>11} "
        f"{'vs greedy':>10} {'exact s':>8}"
    )
    quality_rows = {}
    for label, (n, m) in [("2,000 x 1,000", (2_000, 1_000)), ("3,000 x 600", (3_000, 600))]:
        q = quality_rows[label] = quality(n, m, args.per_sme, args.per_mentor)
        print(
            f"{label:>16} {q['optimum']:>10.1f} {q['ours']:>10.1f} {q['greedy']:>10.1f} "
            f"{q['vs_optimum']:>10.4f}% {q['vs_greedy']:>+9.2f}% {q['exact_s']:>8.2f}"
        )

    t = top10(10_000, 5_000)
    alone = synthetic.population(1, 5_000, seed=1)
    started = time.perf_counter()
    scoring.recommend(alone, WEIGHTS, 0, k=10)
    alone_ms = 1000 * (time.perf_counter() - started)
    print()
    print(
        f"top-10 for one SME at 10,000 x 5,000: warm median {t['median_ms']:.3f} ms, "
        f"p95 {t['p95_ms']:.3f} ms (200 calls); cold first call {t['cold_ms']:.1f} ms "
        f"(10,000-SME population), {alone_ms:.1f} ms (one-SME population)"
    )
    print()
    main_size = sizes[(10_000, 5_000)]
    q = quality_rows["2,000 x 1,000"]
    print(
        f"matching: n=10000x5000 total_s={main_size['total_s']:.3f} "
        f"peak_mb={main_size['peak_mb']:.1f} solve_s={main_size['solve_s']:.3f} "
        f"quality_vs_optimum={q['vs_optimum']:.4f}% vs_greedy=+{q['vs_greedy']:.2f}% "
        f"top10_ms={t['median_ms']:.3f}"
    )
    if args.scale:
        big = sizes[SCALE]
        worst = min(row["vs_optimum"] for row in quality_rows.values())
        print(
            f"scale target: total under {SCALE_TARGET_S:.0f} s "
            + ("pass" if big["total_s"] <= SCALE_TARGET_S else "FAIL")
            + f", peak under {SCALE_TARGET_MB:.0f} MB "
            + ("pass" if big["peak_mb"] <= SCALE_TARGET_MB else "FAIL")
            + f", quality at least {QUALITY_TARGET}% of the optimum "
            + ("pass" if worst >= QUALITY_TARGET else "FAIL")
            + f" (worst {worst:.4f}%)"
        )
        print(
            f"matching_scale: n={SCALE[0]}x{SCALE[1]} total_s={big['total_s']:.3f} "
            f"peak_mb={big['peak_mb']:.1f}"
        )


if __name__ == "__main__":
    main()
