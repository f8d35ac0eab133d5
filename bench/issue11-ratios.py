#!/usr/bin/env python3
"""Prints the ratios of jmh-results/issue11-cost.md from one JMH JSON file of bench/issue11-cost.sh."""
import json
import sys


def main(path):
    with open(path) as f:
        results = json.load(f)
    score = {}
    error = {}
    for r in results:
        name = r["benchmark"].rsplit(".", 2)
        key = (name[-2], name[-1], tuple(sorted(r.get("params", {}).items())))
        score[key] = r["primaryMetric"]["score"]
        error[key] = r["primaryMetric"]["scoreError"]

    def get(cls, method, **params):
        key = (cls, method, tuple(sorted((k, str(v)) for k, v in params.items())))
        return score[key], error[key]

    print(f"# {path}")
    for path_ in ("vector", "scalar"):
        sat, se = get("FixedInputAddBenchmark", "saturating", n=4000, inputs=4, path=path_)
        wrap, we = get("FixedInputAddBenchmark", "wrapping", n=4000, inputs=4, path=path_)
        print(f"input add, 4000 x 4 inputs, {path_}: saturating {sat:.0f} +- {se:.0f} ns, wrapping {wrap:.0f} +- {we:.0f} ns,"
              f" ratio {sat / wrap:.2f}x, difference {sat - wrap:.0f} ns per step")
    step0, e0 = get("FixedInputStepBenchmark", "step", n=4000, inputs=0)
    step4, e4 = get("FixedInputStepBenchmark", "step", n=4000, inputs=4)
    sat, _ = get("FixedInputAddBenchmark", "saturating", n=4000, inputs=4, path="vector")
    wrap, _ = get("FixedInputAddBenchmark", "wrapping", n=4000, inputs=4, path="vector")
    print(f"fixed LIF step, 4000 neurons: no input {step0:.0f} +- {e0:.0f} ns, 4 bias inputs {step4:.0f} +- {e4:.0f} ns;"
          f" saturation's share of that step (vector add difference / step) {100 * (sat - wrap) / step4:.1f} %")
    for hooks in (1, 8):
        g, ge = get("HookTryCatchBenchmark", "guarded", hooks=hooks)
        b, be = get("HookTryCatchBenchmark", "bare", hooks=hooks)
        print(f"hook loop, {hooks} hook(s): try/catch {g:.2f} +- {ge:.2f} ns, bare {b:.2f} +- {be:.2f} ns, ratio {g / b:.2f}x")
    none, ne = get("HookStepBenchmark", "step", n=4000, observer="none")
    for obs in ("hook", "listener"):
        s, e = get("HookStepBenchmark", "step", n=4000, observer=obs)
        print(f"float32 step, 4000 neurons, {obs}: {s:.0f} +- {e:.0f} ns against none {none:.0f} +- {ne:.0f} ns, ratio {s / none:.3f}x")


if __name__ == "__main__":
    main(sys.argv[1])
