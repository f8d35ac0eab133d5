#!/usr/bin/env python3
"""Splits the samples of a JFR method-sampling run of the microcircuit into the parts of a step.

    bench/microcircuit-split.py SAMPLES.txt      (the output of `jfr print --events jdk.ExecutionSample`)

Each sample is decided by its innermost frame that names a part. The step's phases are inlined
into Simulation's step methods by the JIT, so a sample often has Simulation.stepWhole (or
runSection, deliverSlice) as its innermost frame; for those the line of the call decides, and
the lines are classified by what the source line of Simulation.java calls (addCurrent: input,
pathways' update: synaptic update, deliver or pushSpikes: delivery, and so on), read from the
source at run time so that edits to Simulation.java do not shift the split.
"""
import collections
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIMULATION = os.path.join(ROOT, "engine/src/main/java/org/spikelane/Simulation.java")

# by method name (frames of methods that are not inlined away, or are reported as inlined frames)
PARTS = [
    ("delivery", re.compile(r"Projection\.deliver|FutureInputRing|\.receive\(|SpikeRing|Simulation\.deliverSlice|Simulation\.flushDelivery")),
    ("neuron update", re.compile(r"LifKernel|LifPopulation\.|LifState\.|Population\.update|Float32Binding|FixedBinding|\.finishStep")),
    ("synaptic update", re.compile(r"Synapse\w*Kernel\.update|feedExp")),
    ("input", re.compile(r"org\.spikelane\.inputs\.|InputKernel|PoissonCounts|PoissonKernel|BiasInput")),
    ("build", re.compile(r"TotalNumberTable|ConnectRule|SynapseTable\.<init>|ProjectionSpec|NetworkBuilder|Network\.build|Simulation\.<init>")),
    ("spike recording", re.compile(r"SpikeRecorder|publishSpikes")),
    ("state recording", re.compile(r"StateRecorder")),
    ("waiting for the other worker", re.compile(r"schedule\.Workers\.(await|spin|park)|LockSupport\.park")),
]
# by what a line of Simulation.java calls (the phases the JIT inlined into the step methods)
LINE_PARTS = [
    ("delivery", re.compile(r"\.deliver\(|pushSpikes|deliverSlice|flushDelivery|DELIVER")),
    ("input", re.compile(r"addCurrent|inputs?\[|input\.beginStep|ADD_INPUTS")),
    ("synaptic update", re.compile(r"pathways\[k\]\.update|updateSynapses")),
    ("neuron update", re.compile(r"populations\[i\]\.update|p\.update|beginStep|finishStep|updateNeurons")),
    ("state recording", re.compile(r"record\(n\)|sampleRange|SAMPLE")),
    ("spike recording", re.compile(r"publishSpikes")),
]


def simulation_lines():
    parts = {}
    with open(SIMULATION) as f:
        for number, line in enumerate(f, 1):
            code = line.split("//")[0]
            for name, rx in LINE_PARTS:
                if rx.search(code):
                    parts[number] = name
                    break
    return parts


def classify(frames, lines):
    for method, line in frames:
        for name, rx in PARTS:
            if rx.search(method):
                return name
        if method.startswith("org.spikelane.Simulation.") and line in lines:
            return lines[line]
    return "other"


def main(path):
    lines = simulation_lines()
    count = collections.Counter()
    total = 0
    for block in open(path).read().split("jdk.ExecutionSample")[1:]:
        frames = [(m, int(l)) for m, l in re.findall(r"^\s+([\w.$<>]+)\([^)]*\)\s+line:\s*(\d+)", block, re.M)]
        if not frames:
            continue
        total += 1
        count[classify(frames, lines)] += 1
    step = total - count["build"] - count["other"]
    print(f"{total} samples; {step} in the step (all but build and other)")
    print("| part | samples | of all | of the step |")
    print("|---|---:|---:|---:|")
    for name, n in count.most_common():
        of_step = f"{100 * n / step:.1f} %" if name not in ("build", "other") and step else ""
        print(f"| {name} | {n} | {100 * n / total:.1f} % | {of_step} |")


if __name__ == "__main__":
    main(sys.argv[1])
