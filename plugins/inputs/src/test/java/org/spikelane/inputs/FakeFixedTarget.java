package org.spikelane.inputs;

import java.util.SplittableRandom;
import org.spikelane.spi.LifParameters;
import org.spikelane.simd.Simd;
import org.spikelane.spi.FixedTarget;

/**
 * A LIF population under {@code precision: fixed} as a plugin sees it, without the LIF kernel:
 * LSB_v = 2^-28 V, contribution limit 2^29 - 1 (the default profile's), and a resistance per neuron
 * drawn from {@code [5, 20] Mohm} (heterogeneous gains), or 10 Mohm for all when {@code seed < 0};
 * {@code C = 1 nF}, so {@code tau_m = R C} from 5 to 20 ms (the exponential pulse's correction reads them).
 */
final class FakeFixedTarget implements FixedTarget {
    static final double LSB = 0x1p-28;
    static final int LIMIT = (1 << 29) - 1;

    final double[] resistance;
    static final double CAPACITANCE = 1e-9;

    final int[] drive;
    final int[] jump;
    final boolean vector;
    long clipped, jumpsClipped;

    FakeFixedTarget(int size, boolean vector, long seed) {
        this.vector = vector;
        this.drive = new int[Simd.padded(size)];
        this.jump = new int[drive.length];
        this.resistance = new double[size];
        SplittableRandom random = new SplittableRandom(Math.max(seed, 0));
        for (int i = 0; i < size; i++) resistance[i] = seed < 0 ? 10e6 : random.nextDouble(5e6, 20e6);
    }

    /** The current (A) that makes {@code lsb} LSB_v of drive on neuron {@code i}. */
    double amperes(int i, double lsb) { return lsb / lsbPerAmpere(i); }

    @Override public LifParameters parameters() {
        return new LifParameters() {
            @Override public int size() { return resistance.length; }
            @Override public int padded() { return drive.length; }
            @Override public double dt() { throw new UnsupportedOperationException("inputs get dt from their context"); }
            @Override public double tauM(int neuron) { return resistance[neuron] * CAPACITANCE; }
            @Override public double capacitance(int neuron) { return CAPACITANCE; }
            @Override public double resistance(int neuron) { return resistance[neuron]; }
            @Override public double get(String param, int neuron) { throw new UnsupportedOperationException(param); }
        };
    }

    @Override public double voltLsb() { return LSB; }

    @Override public double voltage(int neuron) { throw new UnsupportedOperationException("inputs do not read v"); }

    @Override public double lsbPerAmpere(int neuron) { return resistance[neuron] / LSB; }

    @Override public int[] drive() { return drive; }

    @Override public int[] jump() { return jump; }

    @Override public int contributionLimit() { return LIMIT; }

    @Override public void countClipped(boolean jump, long n) {
        if (jump) jumpsClipped += n;
        else clipped += n;
    }

    @Override public int decayBits() { return 16; }

    @Override public boolean vector() { return vector; }
}
