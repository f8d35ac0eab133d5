package org.spikelane.example;

import java.util.SplittableRandom;
import org.spikelane.spi.Accumulate;
import org.spikelane.spi.InputKernel;

/**
 * The compiled {@code ou_noise} input. Uses the exact discretization of the OU process, which
 * is correct for any {@code dt / tau} (Euler-Maruyama would bias the variance):
 * {@code x <- mean + (x - mean) a + sigma sqrt(1 - a^2) N(0,1)}, {@code a = e^{-dt/tau}}.
 *
 * <p>The value added at step {@code n} is {@code x_n}, held over the step (DESIGN §2); {@code x}
 * then advances to {@code x_{n+1}}. The process starts from its stationary distribution
 * {@code N(mean, sigma^2)} at {@code start}, so there is no transient. Outside
 * {@code [start, stop)} it adds nothing and does not advance.
 */
final class OuNoiseKernel implements InputKernel {
    private final int[] neurons;
    private final int n;
    private final double[] mean;
    private final double[] decay;
    private final double[] kick;
    private final double[] x;
    /** x as float, handed to the vectorized accumulator helper. */
    private final float[] out;
    private final long start;
    private final long stop;
    private final SplittableRandom random;

    /** @param neurons target indices, or null for the whole population (arrays then have its size) */
    OuNoiseKernel(int[] neurons, double dt, double[] mean, double[] sigma, double[] tau,
                  long start, long stop, SplittableRandom random) {
        this.neurons = neurons;
        this.n = mean.length;
        this.mean = mean;
        this.decay = new double[n];
        this.kick = new double[n];
        this.x = new double[n];
        this.out = new float[n];
        this.start = start;
        this.stop = stop;
        this.random = random;
        for (int k = 0; k < n; k++) {
            decay[k] = Math.exp(-dt / tau[k]);
            // 1 - a^2 computed as -expm1(-2 dt / tau) keeps precision when dt << tau
            kick[k] = sigma[k] * Math.sqrt(-Math.expm1(-2 * dt / tau[k]));
            x[k] = mean[k] + sigma[k] * random.nextGaussian();
        }
    }

    /**
     * Advances the slots of the neurons in {@code [from, to)} (their position in the ascending
     * {@code neurons}, found by binary search). The normal draws come from one sequential
     * generator in slot order, so the ranges of a step must run in ascending order for the
     * result not to depend on the split; a generator keyed by (step, slot) would lift that.
     */
    @Override
    public void addCurrent(long step, int from, int to, float[] current) {
        if (step < start || step >= stop) return;
        int first = neurons == null ? Math.min(from, n) : Accumulate.lowerBound(neurons, 0, n, from);
        int end = neurons == null ? Math.min(to, n) : Accumulate.lowerBound(neurons, first, n, to);
        for (int k = first; k < end; k++) {
            out[k] = (float) x[k];
            x[k] = mean[k] + (x[k] - mean[k]) * decay[k] + kick[k] * random.nextGaussian();
        }
        Accumulate.add(current, from, to, neurons, out, n);
    }
}
