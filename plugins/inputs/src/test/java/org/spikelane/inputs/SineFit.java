package org.spikelane.inputs;

/** Least-squares fit of {@code a sin(w n) + b cos(w n) + c} at a known angular step. */
final class SineFit {
    private SineFit() {}

    /**
     * Steady-state amplitude of v for one sine input per neuron (0.5-nA-style subthreshold drive
     * at dt = {@code dt}, 3000 steps, fitted over steps 1000..2999) under one precision.
     *
     * @param lifParams population parameters (threshold out of reach)
     * @return the fitted amplitude (V) for each frequency
     */
    static double[] amplitudes(org.spikelane.Precision precision, java.util.Map<String, ?> lifParams, double dt,
                               double amplitude, double[] frequencies) {
        org.spikelane.Network net = new org.spikelane.Network(dt).precision(precision);
        net.addLif("lif", frequencies.length, lifParams);
        for (int i = 0; i < frequencies.length; i++) {
            net.addInput("sine", "lif", java.util.Map.of("amplitude", amplitude, "frequency", frequencies[i]), new int[] {i});
        }
        net.recordState("lif", java.util.List.of("v"), null, 1);
        org.spikelane.Simulation sim = net.build();
        sim.runSteps(3000);
        double[] out = new double[frequencies.length];
        for (int i = 0; i < frequencies.length; i++) {
            double[] v = sim.stateRecorders().getFirst().trace("v", i);
            double[] fit = fit(v, 1000, 2000, 2 * Math.PI * frequencies[i] * dt);
            out[i] = Math.hypot(fit[0], fit[1]);
        }
        return out;
    }

    /**
     * @param samples values at steps 0, 1, ...
     * @param from    first sample used
     * @param count   samples used (whole periods keep the three columns nearly orthogonal)
     * @param wStep   angle per step, {@code 2 pi f dt}
     * @return {a, b, c}; amplitude hypot(a, b), phase atan2(b, a) for {@code A sin(w n + phase)}
     */
    static double[] fit(double[] samples, long from, long count, double wStep) {
        double[][] m = new double[3][4];
        for (long n = from; n < from + count; n++) {
            double[] x = {Math.sin(wStep * n), Math.cos(wStep * n), 1};
            double y = samples[(int) n];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) m[r][c] += x[r] * x[c];
                m[r][3] += x[r] * y;
            }
        }
        // Gauss-Jordan on the 3x3 normal equations
        for (int p = 0; p < 3; p++) {
            int best = p;
            for (int r = p + 1; r < 3; r++) if (Math.abs(m[r][p]) > Math.abs(m[best][p])) best = r;
            double[] t = m[p]; m[p] = m[best]; m[best] = t;
            for (int r = 0; r < 3; r++) {
                if (r == p) continue;
                double f = m[r][p] / m[p][p];
                for (int c = p; c < 4; c++) m[r][c] -= f * m[p][c];
            }
        }
        return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
    }
}
