#!/usr/bin/env python3
"""Prints the Markdown table of a LifStepBenchmark JSON result: ns per neuron-step for the vector
and the scalar kernel at each N, and their ratio. JMH reports ns per step (one invocation = one
step of N neurons), so each score and its error are divided by N here.

A FixedLifStepBenchmark result (with a `precision` parameter) gets the fixed vs float32 table
instead: both precisions' vector and scalar kernels and the fixed / float32 ratio of the vectors.

Usage: python3 jmh-results/summarize.py jmh-results/<file>.json
"""
import json
import sys
from collections import defaultdict


def precision_table(runs):
    table = defaultdict(dict)  # n -> (precision, kernel) -> (score, error) per neuron-step
    for run in runs:
        n = int(run["params"]["n"])
        m = run["primaryMetric"]
        table[n][(run["params"]["precision"], run["params"]["kernel"])] = (m["score"] / n, m["scoreError"] / n)
    cell = lambda r: f"{r[0]:.3f} ± {r[1]:.3f}" if r else "-"
    print("| N | float32 vector | fixed vector | fixed / float32 | float32 scalar | fixed scalar |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in sorted(table):
        row = table[n]
        fv, xv = row.get(("float32", "vector")), row.get(("fixed", "vector"))
        ratio = f"{xv[0] / fv[0]:.2f}x" if fv and xv else "-"
        print(f"| {n:,} | {cell(fv)} | {cell(xv)} | {ratio} | {cell(row.get(('float32', 'scalar')))} "
              f"| {cell(row.get(('fixed', 'scalar')))} |")


def main(path):
    runs = json.load(open(path))
    if runs and "precision" in runs[0]["params"]:
        precision_table(runs)
        return
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
