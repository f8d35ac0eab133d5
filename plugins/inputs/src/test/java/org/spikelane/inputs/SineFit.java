package org.spikelane.inputs;

/** Least-squares fit of {@code a sin(w n) + b cos(w n) + c} at a known angular step. */
final class SineFit {
    private SineFit() {}

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
