package org.spikelane.example;

import org.spikelane.random.RandomStream;
import org.spikelane.spi.Accumulate;
import org.spikelane.spi.InputKernel;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * The compiled {@code ou_noise} input. Uses the exact discretization of the OU process, which
 * is correct for any {@code dt / tau} (Euler-Maruyama would bias the variance):
 * {@code x <- mean + (x - mean) a + sigma sqrt(1 - a^2) N(0,1)}, {@code a = e^{-dt/tau}}.
 *
 * <p>The value added at step {@code n} is {@code x_n}, held over the step (docs/semantics.md §2, phase INPUTS); {@code x}
 * then advances to {@code x_{n+1}}. The process starts from its stationary distribution
 * {@code N(mean, sigma^2)} at {@code start}, so there is no transient. Outside
 * {@code [start, stop)} it adds nothing and does not advance.
 *
 * <p>The normal number that takes neuron {@code i} from {@code x_n} to {@code x_{n+1}} is
 * {@code random.gaussian(n, i)} ({@code i} the population index), and {@code x_start} is
 * {@code mean + sigma gaussian(start - 1, i)}: each neuron's process depends only on its own
 * draws, so neurons may be advanced in any order or in separate ranges with the same bits.
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
    private final RandomStream random;

    /** @param neurons target indices, or null for the whole population (arrays then have its size) */
    OuNoiseKernel(int[] neurons, double dt, double[] mean, double[] sigma, double[] tau,
                  long start, long stop, RandomStream random) {
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
            x[k] = mean[k] + sigma[k] * random.gaussian(start - 1, neuron(k));
        }
    }

    private int neuron(int k) { return neurons == null ? k : neurons[k]; }

    @Override
    public void addCurrent(long step, int from, int to, float[] current) {
        if (step < start || step >= stop) return;
        int first = neurons == null ? Math.min(from, n) : Accumulate.lowerBound(neurons, 0, n, from);
        int end = neurons == null ? Math.min(to, n) : Accumulate.lowerBound(neurons, first, n, to);
        advance(step, first, end);
        Accumulate.add(current, from, to, neurons, out, n);
    }

    /** Stores {@code x_step} of targets {@code [from, to)} in {@code out} and advances them to {@code x_{step+1}}. */
    void advance(long step, int from, int to) {
        for (int k = from; k < to; k++) {
            out[k] = (float) x[k];
            x[k] = mean[k] + (x[k] - mean[k]) * decay[k] + kick[k] * random.gaussian(step, neuron(k));
        }
    }

    /** The current state, a copy (tests). */
    double[] state() { return x.clone(); }

    /** The process value x is the state; the rest is fixed at build time. */
    @Override
    public void declareState(StateDeclarer s) {
        if (neurons != null) s.array("targets", Role.PARAMETER, "neuron", neurons);
        s.array("mean", Role.PARAMETER, "A", mean);
        s.array("decay", Role.PARAMETER, StateDeclarer.NO_UNIT, decay);
        s.array("kick", Role.PARAMETER, "A", kick);
        s.array("x", Role.STATE, "A", x);
        s.array("out", Role.SCRATCH, "A", out);
    }
}
