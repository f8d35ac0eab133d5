package org.spikelane.neuron;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.spikelane.spi.Params;

/** Builds heterogeneous random LIF states for kernel tests. */
final class LifStates {
    private LifStates() {}

    static final double DT = 1e-4;

    /** A population whose every parameter differs per neuron, drawn from {@code seed}. */
    static LifState random(int n, long seed, boolean inclusive) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Object> p = new HashMap<>();
        p.put(LifModel.E_L, draw(r, n, -75e-3, -60e-3));
        p.put(LifModel.V_RESET, draw(r, n, -70e-3, -58e-3));
        p.put(LifModel.V_THRESHOLD, draw(r, n, -55e-3, -45e-3));
        p.put(LifModel.R, draw(r, n, 5e6, 20e6));
        p.put(LifModel.TAU_M, draw(r, n, 5e-3, 30e-3));
        p.put(LifModel.REFRACTORY, draw(r, n, 0, 5e-3));
        p.put(LifModel.V_INIT, draw(r, n, -70e-3, -50e-3));
        p.put(LifModel.THRESHOLD, inclusive ? ">=" : ">");
        return new LifState(n, DT, Params.resolve("test", LifModel.PARAMS, p, n));
    }

    private static double[] draw(SplittableRandom r, int n, double lo, double hi) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = lo + (hi - lo) * r.nextDouble();
        return out;
    }
}
