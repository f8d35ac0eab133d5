"""Speed peer for `spikelane nir run` on the braille graph (docs/nir.md, "Speed").

snnTorch and Norse cannot be installed on the build machine (their Python registry is not
reachable), so this is the nearest stand-in: the same forward-Euler CubaLIF graph as
nir/src/test/resources/nir/braille/braille_reference.py, batched the way the PyTorch tools run it
on a CPU, as float32 matrix products over all samples at once. Same input as the measurement in
docs/nir.md: 1000 random 256-step samples, spike probability 0.3, seed 7.

    python3 bench/peers/nir_braille_numpy.py [--write-input input.npy]
"""
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "..", "..", "nir", "src", "test", "resources", "nir", "braille", "braille_noDelay_bias_zero")
DT = 1e-4
SAMPLES, STEPS, CHANNELS = 1000, 256, 12


def load(name):
    return np.load(os.path.join(MODEL, name + ".npy"))


def cuba(node):
    return dict(a_syn=(DT / load(node + ".tau_syn")).astype(np.float32), a_mem=(DT / load(node + ".tau_mem")).astype(np.float32),
                r=load(node + ".r").astype(np.float32), v_leak=load(node + ".v_leak").astype(np.float32),
                thr=load(node + ".v_threshold").astype(np.float32), w_in=load(node + ".w_in").astype(np.float32))


def step(p, state, x):
    i, v = state
    i_new = i + p["a_syn"] * (-i + p["w_in"] * x)
    v = v + p["a_mem"] * ((p["v_leak"] - v) + p["r"] * i)
    z = v > p["thr"]
    v = np.where(z, np.float32(0), v)  # reset to zero (the graph's "bias_zero" training)
    return z.astype(np.float32), (i_new, v)


def main():
    rng = np.random.default_rng(7)
    inputs = (rng.random((SAMPLES, STEPS, CHANNELS)) < 0.3).astype(np.uint8)
    if len(sys.argv) == 3 and sys.argv[1] == "--write-input":
        np.save(sys.argv[2], inputs)
    w1, b1 = load("fc1.weight").astype(np.float32), load("fc1.bias").astype(np.float32)
    wr, br = load("lif1.w_rec.weight").astype(np.float32), load("lif1.w_rec.bias").astype(np.float32)
    w2, b2 = load("fc2.weight").astype(np.float32), load("fc2.bias").astype(np.float32)
    p1, p2 = cuba("lif1.lif"), cuba("lif2")
    x_all = inputs.astype(np.float32)
    start = time.perf_counter()
    z1 = np.zeros((SAMPLES, w1.shape[0]), np.float32)
    s1 = (np.zeros_like(z1), np.zeros_like(z1))
    s2 = (np.zeros((SAMPLES, w2.shape[0]), np.float32),) * 2
    spikes = 0
    for t in range(STEPS):
        x = x_all[:, t, :]
        z1, s1 = step(p1, s1, x @ w1.T + b1 + (z1 @ wr.T + br))
        z2, s2 = step(p2, s2, z1 @ w2.T + b2)
        spikes += int(z1.sum() + z2.sum())
    wall = time.perf_counter() - start
    print(f"numpy batched forward Euler: {SAMPLES} samples x {STEPS} steps, {spikes} spikes, {wall:.3f} s, {SAMPLES / wall:.0f} samples/s")


if __name__ == "__main__":
    main()
