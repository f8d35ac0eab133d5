package org.spikelane.cli.sweep;

/**
 * The mean of a quantity over a point's seed replicates and its standard error, the sample
 * standard deviation (n - 1) over sqrt(n); NaN values (a CV no neuron had) are left out, and
 * the s.e. is NaN below two values.
 */
public record MeanSe(double mean, double se, int n) {
    public static MeanSe of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) return new MeanSe(Double.NaN, Double.NaN, 0);
        double mean = sum / n;
        if (n == 1) return new MeanSe(mean, Double.NaN, 1);
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) ss += (v - mean) * (v - mean);
        }
        return new MeanSe(mean, Math.sqrt(ss / (n - 1)) / Math.sqrt(n), n);
    }
}
