"""Speed peer for the braille graph in PyTorch (docs/nir.md, "Speed"), run by nir/speed.sh.

Norse and snnTorch cannot be installed on this machine (only Python's package registry has them,
and it is not reachable), but Debian's python3-torch can (`apt-get install python3-torch`, for
the system /usr/bin/python3). snnTorch's and Norse's CubaLIF layers are a few elementwise torch
operations per step around torch matrix products, so this is the same graph written that way:
forward Euler in the order of NIR's reference step, batched over all samples, float32, on the
CPU, with 1 and then 2 torch threads. It reads the batch nir_braille_numpy.py writes.

    /usr/bin/python3 nir/peers/braille_torch.py INPUT.npy
"""
import os
import sys
import time

import numpy as np
import torch

MODEL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "nir", "braille",
                     "braille_noDelay_bias_zero")
DT = 1e-4


def tensor(name):
    return torch.from_numpy(np.load(os.path.join(MODEL, name + ".npy")).astype(np.float32))


def layer(node):
    return {"a_syn": DT / tensor(node + ".tau_syn"), "a_mem": DT / tensor(node + ".tau_mem"), "r": tensor(node + ".r"),
            "v_leak": tensor(node + ".v_leak"), "thr": tensor(node + ".v_threshold"), "w_in": tensor(node + ".w_in")}


def advance(p, current, v, x):
    """One CubaLIF step: the new current, and v from the current before the step; reset to 0."""
    new_current = current + p["a_syn"] * (p["w_in"] * x - current)
    v = v + p["a_mem"] * ((p["v_leak"] - v) + p["r"] * current)
    z = v > p["thr"]
    return z.to(torch.float32), new_current, torch.where(z, torch.zeros_like(v), v)


def run(x_all):
    w1, b1 = tensor("fc1.weight"), tensor("fc1.bias")
    wr, br = tensor("lif1.w_rec.weight"), tensor("lif1.w_rec.bias")
    w2, b2 = tensor("fc2.weight"), tensor("fc2.bias")
    p1, p2 = layer("lif1.lif"), layer("lif2")
    samples, steps = x_all.shape[0], x_all.shape[1]
    z1 = torch.zeros(samples, w1.shape[0])
    i1, v1 = torch.zeros_like(z1), torch.zeros_like(z1)
    i2 = torch.zeros(samples, w2.shape[0])
    v2 = torch.zeros_like(i2)
    spikes = 0.0
    with torch.no_grad():
        for t in range(steps):
            x = x_all[:, t, :]
            z1, i1, v1 = advance(p1, i1, v1, torch.addmm(b1, x, w1.T) + torch.addmm(br, z1, wr.T))
            z2, i2, v2 = advance(p2, i2, v2, torch.addmm(b2, z1, w2.T))
            spikes += float(z1.sum() + z2.sum())
    return int(spikes)


def main():
    x_all = torch.from_numpy(np.load(sys.argv[1]).astype(np.float32))
    samples, steps = x_all.shape[0], x_all.shape[1]
    for threads in (1, 2):
        torch.set_num_threads(threads)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            spikes = run(x_all)
            best = min(best, time.perf_counter() - start)
        print(f"torch {torch.__version__} batched forward Euler, {threads} thread(s): {samples} samples x {steps} steps, "
              f"{spikes} spikes, best of 3 {best:.3f} s, {samples / best:.0f} samples/s")


if __name__ == "__main__":
    main()
