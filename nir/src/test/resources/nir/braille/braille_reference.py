"""Forward-Euler reference for the braille graphs of NIR paper/03_rnn test data.

Written for Spikelane from the CubaLIF step of NIR's reference implementation (the debug_CubaLIF
folder of that test data): per step, with the current I and voltage v from before the step,

    I <- I + dt/tau_syn * (-I + w_in * x)
    v <- v + dt/tau_mem * ((v_leak - v) + r * I_before)
    spike where v > v_threshold, then v <- v_reset (reset "value", 0 here) or v - v_threshold ("subtract")

The graph: input -> fc1 -> lif1.lif -> fc2 -> lif2 -> output, and lif1.lif -> lif1.w_rec -> lif1.lif,
the edge that closes the cycle carrying the previous step's spikes (a silent past gives the
recurrent Affine's bias at step 0). All arithmetic is float32 in the order Spikelane documents
(docs/nir.md): an Affine sums its inputs in ascending index, a multiply then an add per term,
skipping inputs that are exactly 0, and adds the bias last; coefficients dt/tau are computed in
float64 and rounded to float32 once.

numpy only: the parameters come from BrailleExport (one .npy per node parameter, float64), since
h5py is not available where the test data were made. Run from this folder:

    python3 braille_reference.py

It writes inputs.npy (uint8 [B, T, 12], random, seed 14) and for each model
MODEL/reference_lif1_spikes.npy, MODEL/reference_lif2_spikes.npy (uint8 [B, T, N]) and
MODEL/reference_lif2_v.npy (float32 [B, T, 7]).
"""
import os

import numpy as np

DT = 1e-4  # the step the graphs were trained with (alpha 0.55 = 1 - dt/tau_syn in their parameters)
SAMPLES, STEPS, CHANNELS = 16, 256, 12
SPIKE_PROBABILITY = 0.3
MODELS = {"braille_noDelay_bias_zero": "value", "braille_noDelay_noBias_subtract": "subtract"}


def load(model, name):
    path = os.path.join(model, name + ".npy")
    return np.load(path) if os.path.exists(path) else None


class Affine:
    def __init__(self, model, node):
        self.weight = load(model, node + ".weight").astype(np.float32)
        bias = load(model, node + ".bias")
        self.bias = np.zeros(self.weight.shape[0], np.float32) if bias is None else bias.astype(np.float32)

    def __call__(self, x):
        acc = np.zeros(self.weight.shape[0], np.float32)
        for j in range(self.weight.shape[1]):
            if x[j] != 0:
                acc = acc + self.weight[:, j] * x[j]
        return acc + self.bias


class CubaLIF:
    def __init__(self, model, node, reset):
        p = {k: load(model, node + "." + k) for k in ("tau_syn", "tau_mem", "r", "v_leak", "v_threshold", "w_in")}
        self.a_syn = (DT / p["tau_syn"]).astype(np.float32)
        self.a_mem = (DT / p["tau_mem"]).astype(np.float32)
        self.r = p["r"].astype(np.float32)
        self.v_leak = p["v_leak"].astype(np.float32)
        self.v_threshold = p["v_threshold"].astype(np.float32)
        self.w_in = p["w_in"].astype(np.float32)
        self.subtract = reset == "subtract"
        self.i = np.zeros_like(self.r)
        self.v = np.zeros_like(self.r)

    def __call__(self, x):
        i_before = self.i
        self.i = i_before + self.a_syn * (-i_before + self.w_in * x)
        v = self.v + self.a_mem * ((self.v_leak - self.v) + self.r * i_before)
        z = v > self.v_threshold
        reset = v - self.v_threshold if self.subtract else np.zeros_like(v)
        self.v = np.where(z, reset, v).astype(np.float32)
        return z.astype(np.float32)


def run(model, reset, sample):
    fc1, w_rec, fc2 = Affine(model, "fc1"), Affine(model, "lif1.w_rec"), Affine(model, "fc2")
    lif1, lif2 = CubaLIF(model, "lif1.lif", reset), CubaLIF(model, "lif2", reset)
    z1 = np.zeros(fc1.weight.shape[0], np.float32)
    out1 = np.zeros((STEPS, z1.size), np.uint8)
    out2 = np.zeros((STEPS, fc2.weight.shape[0]), np.uint8)
    v2 = np.zeros((STEPS, fc2.weight.shape[0]), np.float32)
    for t in range(STEPS):
        x = sample[t].astype(np.float32)
        recurrent = w_rec(z1)  # from the previous step's spikes
        z1 = lif1(fc1(x) + recurrent)
        z2 = lif2(fc2(z1))
        out1[t], out2[t], v2[t] = z1, z2, lif2.v
    return out1, out2, v2


def main():
    rng = np.random.default_rng(14)
    inputs = (rng.random((SAMPLES, STEPS, CHANNELS)) < SPIKE_PROBABILITY).astype(np.uint8)
    np.save("inputs.npy", inputs)
    for model, reset in MODELS.items():
        runs = [run(model, reset, inputs[b]) for b in range(SAMPLES)]
        np.save(os.path.join(model, "reference_lif1_spikes.npy"), np.stack([r[0] for r in runs]))
        np.save(os.path.join(model, "reference_lif2_spikes.npy"), np.stack([r[1] for r in runs]))
        np.save(os.path.join(model, "reference_lif2_v.npy"), np.stack([r[2] for r in runs]))
        counts = np.stack([r[1].sum(axis=0) for r in runs])
        print(model, "lif1 spikes", int(sum(r[0].sum() for r in runs)), "lif2 spikes", int(counts.sum()),
              "argmax", counts.argmax(axis=1).tolist())


if __name__ == "__main__":
    main()
