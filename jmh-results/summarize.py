#!/usr/bin/env python3
"""Prints the Markdown table of a LifStepBenchmark JSON result: ns per neuron-step for the vector
and the scalar kernel at each N, and their ratio. JMH reports ns per step (one invocation = one
step of N neurons), so each score and its error are divided by N here.

Usage: python3 jmh-results/summarize.py jmh-results/<file>.json
"""
import json
import sys
from collections import defaultdict


def main(path):
    runs = json.load(open(path))
    table = defaultdict(dict)  # (benchmark, n) -> kernel -> (score, error) per neuron-step
    for run in runs:
        bench = run["benchmark"].rsplit(".", 1)[1]
        n = int(run["params"]["n"])
        kernel = run["params"]["kernel"]
        m = run["primaryMetric"]
        table[(bench, n)][kernel] = (m["score"] / n, m["scoreError"] / n)
    for bench in sorted({b for b, _ in table}):
        print(f"\n`{bench}`\n")
        print("| N | vector ns/neuron-step | scalar ns/neuron-step | scalar / vector |")
        print("|---:|---:|---:|---:|")
        for (b, n) in sorted(k for k in table if k[0] == bench):
            row = table[(b, n)]
            vec, sca = row.get("vector"), row.get("scalar")
            cell = lambda r: f"{r[0]:.3f} ± {r[1]:.3f}" if r else "-"
            ratio = f"{sca[0] / vec[0]:.2f}x" if vec and sca else "-"
            print(f"| {n:,} | {cell(vec)} | {cell(sca)} | {ratio} |")


if __name__ == "__main__":
    main(sys.argv[1])
