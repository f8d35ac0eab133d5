package org.spikelane.cli.plot;

/**
 * Least-squares fit of {@code y = a sin(2 pi f t) + b cos(2 pi f t) + c} at a known frequency, for
 * the amplitude and phase of a membrane driven by a sine current (the low-pass filter of
 * Neuronal Dynamics' exercise 1.4: v lags I by about atan(2 pi f tau_m)).
 */
public record SineFit(double amplitude, double phase, double offset) {
    /** Fits samples {@code t} (s), {@code y} from index {@code from} (inclusive) to {@code to} (exclusive). */
    public static SineFit of(double[] t, double[] y, int from, int to, double frequency) {
        double w = 2 * Math.PI * frequency;
        // normal equations of the three basis functions sin, cos, 1
        double[][] m = new double[3][4];
        for (int i = from; i < to; i++) {
            double[] basis = {Math.sin(w * t[i]), Math.cos(w * t[i]), 1};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) m[r][c] += basis[r] * basis[c];
                m[r][3] += basis[r] * y[i];
            }
        }
        double[] x = solve(m);
        return new SineFit(Math.hypot(x[0], x[1]), Math.atan2(x[1], x[0]), x[2]);
    }

    /** How far {@code later} lags {@code this} (same frequency), in degrees within (-180, 180]. */
    public double lagDegrees(SineFit later) {
        double d = Math.toDegrees(phase - later.phase);
        while (d <= -180) d += 360;
        while (d > 180) d -= 360;
        return d;
    }

    /** Gaussian elimination with partial pivoting of a 3x4 augmented matrix. */
    private static double[] solve(double[][] m) {
        int n = 3;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r == col || m[col][col] == 0) continue;
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) m[r][c] -= f * m[col][c];
            }
        }
        double[] x = new double[n];
        for (int r = 0; r < n; r++) x[r] = m[r][r] == 0 ? 0 : m[r][n] / m[r][r];
        return x;
    }
}
