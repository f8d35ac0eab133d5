#!/usr/bin/env python3
"""Writes examples/microcircuit.yaml (DC background) and examples/microcircuit-poisson.yaml
(Poisson background) from the published facts of the Potjans & Diesmann (2014) cortical
microcircuit as the INM-6 PyNEST reference implementation sets them up.

Only the Python standard library. Run from the repository root:
    python3 examples/derive-microcircuit.py
Every derived number is computed here from the facts below; the YAML files say where each comes from.
"""
import math

POPS = ["L23E", "L23I", "L4E", "L4I", "L5E", "L5I", "L6E", "L6I"]
N = [20683, 5834, 21915, 5479, 4850, 1065, 14395, 2948]
# rates of the reference's own full-scale NEST run (Hz): used only to replace lost input when scaled
RATES = [0.903, 2.965, 4.414, 5.876, 7.569, 8.633, 1.105, 7.829]
# connection probability from source (column) to target (row)
P = [
    [0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0.0, 0.0076, 0.0],
    [0.1346, 0.1371, 0.0316, 0.0515, 0.0755, 0.0, 0.0042, 0.0],
    [0.0077, 0.0059, 0.0497, 0.135, 0.0067, 0.0003, 0.0453, 0.0],
    [0.0691, 0.0029, 0.0794, 0.1597, 0.0033, 0.0, 0.1057, 0.0],
    [0.1004, 0.0622, 0.0505, 0.0057, 0.0831, 0.3726, 0.0204, 0.0],
    [0.0548, 0.0269, 0.0257, 0.0022, 0.06, 0.3158, 0.0086, 0.0],
    [0.0156, 0.0066, 0.0211, 0.0166, 0.0572, 0.0197, 0.0396, 0.2252],
    [0.0364, 0.001, 0.0034, 0.0005, 0.0277, 0.008, 0.0658, 0.1443],
]
K_EXT = [1600, 1500, 2100, 1900, 2000, 1900, 2900, 2100]
V0_MEAN = [-68.28, -63.16, -63.33, -63.45, -63.11, -61.66, -66.72, -61.43]
V0_SD = [5.36, 4.57, 4.74, 4.94, 4.94, 4.55, 5.46, 4.48]
TAU_M, C_M, TAU_SYN = 10.0, 250.0, 0.5          # ms, pF, ms
PSP_E, G, W_REL_SD = 0.15, -4.0, 0.1            # mV, inhibitory/excitatory, relative s.d.
D_E, D_I, D_REL_SD = 1.5, 0.75, 0.5             # ms
BG_RATE = 8.0                                   # Hz per external source


def psc_per_psp():
    """pA of exponential current (tau_syn) per mV of PSP peak on a membrane (tau_m, C_m).

    v(t) = J tau_m tau_s / (C (tau_m - tau_s)) (exp(-t/tau_m) - exp(-t/tau_s)) peaks at
    t* = tau_m tau_s ln(tau_m / tau_s) / (tau_m - tau_s); J per mV is 1 / v(t*) at J = 1.
    """
    t = TAU_M * TAU_SYN * math.log(TAU_M / TAU_SYN) / (TAU_M - TAU_SYN)
    peak = TAU_M * TAU_SYN / (C_M * (TAU_M - TAU_SYN)) * (math.exp(-t / TAU_M) - math.exp(-t / TAU_SYN))
    return 1.0 / peak


def total_number(p, n_post, n_pre):
    """Synapses K so that K independent uniform pair draws leave a given pair unconnected with
    probability 1 - p: (1 - 1/(n_pre n_post))^K = 1 - p."""
    pairs = n_post * n_pre
    return math.log(1.0 - p) / math.log((pairs - 1.0) / pairs)


def q(x, unit):
    return f"{x:.10g} {unit}"


def write(path, background):
    j = psc_per_psp()
    w_ext = PSP_E * j
    out = []
    w = out.append
    w("# Potjans & Diesmann (2014), the cortical microcircuit of 1 mm^2 under the surface, with the")
    w("# parameters of the INM-6 PyNEST reference implementation (network_params.py, sim_params.py,")
    w("# network.py, helpers.py there). Written by examples/derive-microcircuit.py: change that, not this.")
    w("#")
    w("# 77,169 iaf_psc_exp-type neurons in eight populations (layers 2/3, 4, 5, 6; excitatory and")
    w("# inhibitory): tau_m 10 ms, C 250 pF, E_L = v_reset = -65 mV, threshold -50 mV, 2 ms refractory,")
    w("# exponential synaptic currents with tau_syn 0.5 ms (exp_current).")
    w("# - v_init: the reference's 'optimized' initial membrane potentials, a normal per population.")
    w("# - Connectivity: the reference's 8 x 8 connection probabilities p turned into total synapse")
    w("#   counts n = ln(1 - p) / ln(1 - 1 / (N_pre N_post)) (the number of uniform pair draws that leave")
    w("#   a pair unconnected with probability 1 - p), drawn with multapses and autapses (total_number).")
    w("#   Pairs with p = 0 have no projection.")
    w(f"# - Weights: a PSP peak of {PSP_E} mV turned into a current of {j:.6g} pA per mV (the peak of an")
    w("#   exponential current's PSP on this membrane), so an excitatory synapse is " + f"{PSP_E * j:.6g} pA;")
    w(f"#   L4E -> L23E is doubled; inhibitory synapses are g = {G:g} times excitatory ones. Normal with")
    w(f"#   {W_REL_SD * 100:g} % relative s.d., redrawn if the sign flips (low: 0 or high: 0).")
    w(f"# - Delays: normal, mean {D_E} ms from excitatory and {D_I} ms from inhibitory sources, {D_REL_SD * 100:g} %")
    w("#   relative s.d., redrawn below half a step (low: 0.05 ms), so at least one step once rounded.")
    if background == "dc":
        w("# - Background: DC (the reference's default) equal to the mean current of K_ext external sources")
        w(f"#   at {BG_RATE:g} Hz through {w_ext:.6g} pA synapses: K_ext * {BG_RATE:g} Hz * {w_ext:.6g} pA * {TAU_SYN} ms.")
        w("#   examples/microcircuit-poisson.yaml has the Poisson variant.")
    else:
        w(f"# - Background: Poisson, K_ext independent sources at {BG_RATE:g} Hz per neuron (one poisson input")
        w(f"#   of K_ext * {BG_RATE:g} Hz), {w_ext:.6g} pA exponential currents with tau_syn {TAU_SYN} ms.")
        w("#   examples/microcircuit.yaml has the reference's default, DC.")
    w("# - scale: the reference's scaling (docs/scenario.md, 'scale'): --set scale.neurons=0.1 and")
    w("#   --set scale.indegree=0.1 give the 10 % model; full_scale_rate is what each population fired at")
    w("#   in the reference's full-scale run, used only to replace the input lost when indegrees shrink.")
    w("# The reference's full-scale NEST rates (Hz), the first 0.5 s discarded: " + ", ".join(f"{p} {r}" for p, r in zip(POPS, RATES)) + ".")
    w("dt: 0.1 ms")
    w("duration: 1 s")
    w("seed: 55")
    w("scale: {neurons: 1, indegree: 1}")
    w("populations:")
    for i, p in enumerate(POPS):
        w(f"  - name: {p}")
        w(f"    size: {N[i]}")
        w("    model: lif")
        w(f"    full_scale_rate: {RATES[i]} Hz")
        w("    params: {tau_m: 10 ms, C: 250 pF, E_L: -65 mV, v_reset: -65 mV, v_threshold: -50 mV, refractory: 2 ms,")
        w(f"             v_init: {{normal: {{mean: {V0_MEAN[i]} mV, sd: {V0_SD[i]} mV}}}}}}")
    w("inputs:")
    for i, p in enumerate(POPS):
        if background == "dc":
            dc = BG_RATE * K_EXT[i] * w_ext * TAU_SYN * 1e-3
            w(f"  - {{type: bias, target: {p}, amplitude: {q(dc, 'pA')}}}  # K_ext {K_EXT[i]}")
        else:
            w(f"  - {{type: poisson, target: {p}, rate: {q(BG_RATE * K_EXT[i], 'Hz')}, weight: {q(w_ext, 'pA')}, tau_syn: {TAU_SYN} ms}}"
              f"  # K_ext {K_EXT[i]}")
    w("projections:")
    total = 0
    for i, tgt in enumerate(POPS):
        for k, src in enumerate(POPS):
            if P[i][k] == 0:
                continue
            n = round(total_number(P[i][k], N[i], N[k]))
            total += n
            exc = k % 2 == 0
            psp = PSP_E * (2 if (i, k) == (0, 2) else 1) * (1 if exc else G)
            mean = psp * j
            sd = abs(mean) * W_REL_SD
            bound = "low: 0 pA" if exc else "high: 0 pA"
            d = D_E if exc else D_I
            w(f"  - from: {src}")
            w(f"    to: {tgt}")
            w("    synapse: exp_current")
            w(f"    params: {{tau_syn: {TAU_SYN} ms}}")
            w(f"    weight: {{normal: {{mean: {q(mean, 'pA')}, sd: {q(sd, 'pA')}, {bound}}}}}  # PSP {psp:g} mV")
            w(f"    delay: {{normal: {{mean: {d} ms, sd: {d * D_REL_SD:g} ms, low: 0.05 ms}}}}")
            w(f"    connect: {{rule: total_number, n: {n}}}  # p = {P[i][k]}")
    w(f"# {total} synapses in all")
    w("record:")
    w("  spikes: [" + ", ".join(POPS) + "]")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
    return total


if __name__ == "__main__":
    print(write("examples/microcircuit.yaml", "dc"), "synapses")
    write("examples/microcircuit-poisson.yaml", "poisson")
