#!/usr/bin/env python3
"""Per-population rates and ISI CVs of a microcircuit run's spikes.csv against the reference.

    bench/microcircuit-rates.py OUT_DIR [DISCARD_S]        (default 0.5 s discarded, as the reference)

Reads OUT_DIR/spikes.csv and OUT_DIR/summary.json (population sizes, run length) of
`spikelane run examples/microcircuit.yaml`; prints a markdown table: mean rate over the neurons
(silent ones included) from DISCARD_S to the end, the reference's full-scale NEST rate, their
ratio, whether it is within 15 %, the standard error of the mean (s.d. of the neurons' rates over
sqrt(n)), and the mean ISI CV of the neurons with at least three spikes in the window.
"""
import collections, csv, json, math, sys

REFERENCE = {"L23E": 0.903, "L23I": 2.965, "L4E": 4.414, "L4I": 5.876,
             "L5E": 7.569, "L5I": 8.633, "L6E": 1.105, "L6I": 7.829}
out = sys.argv[1]
t0 = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
summary = json.load(open(f"{out}/summary.json"))
t1 = summary["duration_s"]
sizes = {p["name"]: p["size"] for p in summary["populations"]}
times = collections.defaultdict(lambda: collections.defaultdict(list))
with open(f"{out}/spikes.csv") as f:
    for row in csv.DictReader(f):
        t = float(row["time_s"])
        if t >= t0:
            times[row["population"]][int(row["neuron"])].append(t)
print(f"window {t0:g} s to {t1:g} s")
print("| population | neurons | spikes | rate (Hz) | reference (Hz) | ratio | within 15 % | s.e. (Hz) | ISI CV |")
print("|---|---:|---:|---:|---:|---:|---|---:|---:|")
for pop, ref in REFERENCE.items():
    n = sizes[pop]
    rates = [len(times[pop].get(i, [])) / (t1 - t0) for i in range(n)]
    mean = sum(rates) / n
    sd = math.sqrt(sum((r - mean) ** 2 for r in rates) / (n - 1))
    cvs = []
    for ts in times[pop].values():
        if len(ts) >= 3:
            isi = [b - a for a, b in zip(ts, ts[1:])]
            m = sum(isi) / len(isi)
            cvs.append(math.sqrt(sum((x - m) ** 2 for x in isi) / len(isi)) / m)
    spikes = sum(len(ts) for ts in times[pop].values())
    ok = "yes" if abs(mean / ref - 1) <= 0.15 else "NO"
    cv = sum(cvs) / len(cvs) if cvs else float("nan")
    print(f"| {pop} | {n} | {spikes} | {mean:.3f} | {ref:.3f} | {mean / ref:.3f} | {ok} | {sd / math.sqrt(n):.3f} | {cv:.3f} |")
