#!/usr/bin/env python3
"""Prints fixed / float32 cost ratios (above 1: fixed is slower) from JMH JSON files of bench/fixed-vs-float32.sh."""
import json
import sys


def main(paths):
    rows = {}
    for path in paths:
        with open(path) as f:
            for r in json.load(f):
                cls, method = r["benchmark"].rsplit(".", 2)[-2:]
                params = dict(r.get("params", {}))
                precision = params.pop("precision")
                key = (cls, tuple(sorted(params.items())))
                if cls == "DeliveryBenchmark":
                    # synaptic events per second (aux counter): cost is its inverse
                    events = r["secondaryMetrics"]["events"]
                    rows.setdefault(key, {})[precision] = (1e9 / events["score"], "ns/event", events["score"])
                else:
                    m = r["primaryMetric"]
                    rows.setdefault(key, {})[precision] = (m["score"], m["scoreUnit"], None)
    for (cls, params), sides in sorted(rows.items()):
        if "fixed" not in sides or "float32" not in sides:
            continue
        fixed, unit, fixed_events = sides["fixed"]
        float32, _, float_events = sides["float32"]
        label = ", ".join(f"{k}={v}" for k, v in params)
        extra = f" ({fixed_events:.3g} vs {float_events:.3g} events/s)" if fixed_events else ""
        print(f"{cls} {label}: fixed {fixed:.4g} vs float32 {float32:.4g} {unit}{extra}, fixed / float32 {fixed / float32:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
