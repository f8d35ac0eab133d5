package org.spikelane.neuron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.simd.Simd;
import org.spikelane.spi.FusedCurrent;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * The fused synaptic currents of one float32 population ({@link FusedCurrent}), as flat arrays
 * the LIF kernels read in their pass: per channel {@code c} the state {@code state[c]}, the
 * propagator into {@code dv} {@code propagator[c]} (read at {@code i & propagatorMask[c]}, so a
 * propagator every neuron shares comes from the first vector, as {@link LifState#sharedParameterMask}
 * does for the membrane), and the decay over one step split as {@code decay[c] + decayLow[c]}.
 *
 * <p>Why the split: a float decay factor is off by up to 6e-8 relative, which compounds to
 * {@code k * 6e-8} after {@code k} steps. The kernels form {@code x * decay + x * decayLow} with one
 * rounding ({@code fma}), so the factor is exact to about 1e-15 and each step adds only the
 * rounding of the state itself, half an ulp (a relative 6e-8 that does not systematically pile up).
 *
 * <p>Per neuron the kernels form {@code dv + p_0 x_0 + p_1 x_1 + ...} with one {@code fma} per
 * channel, in the order the channels were asked for (the order of the projections), then decay
 * every {@code x}; the vector kernel and the scalar reference do the same operations.
 */
public final class CurrentChannels {
    private final int size;
    private final int padded;
    private final List<Channel> channels = new ArrayList<>();
    public float[][] state = new float[0][];
    public float[][] propagator = new float[0][];
    public int[] propagatorMask = new int[0];
    public float[] decay = new float[0];
    public float[] decayLow = new float[0];
    /** Zero propagators for a channel the vector kernel writes out but the population does not have. */
    public final float[] none = new float[Simd.LANES];

    CurrentChannels(int size, int padded) {
        this.size = size;
        this.padded = padded;
    }

    /** How many there are; the kernels loop over this many. */
    public int count() { return channels.size(); }

    /** The channel with these values, made (and appended to the kernels' arrays) the first time. */
    FusedCurrent channel(String name, Dimension dimension, double decayFactor, double[] p, double[] toSi) {
        if (!(decayFactor > 0 && decayFactor <= 1)) throw new IllegalArgumentException("decay must be in (0, 1], got " + decayFactor);
        if (p.length < size || toSi.length < size) throw new IllegalArgumentException("propagator and toSi need one entry per neuron");
        double[] si = Arrays.copyOf(toSi, size);
        // the propagators as the kernels use them: equal in float is the same effect on v
        float[] pf = asFloat(p, size, padded);
        boolean shared = allEqual(pf, size);
        for (int k = 0; k < channels.size(); k++) {
            Channel c = channels.get(k);
            if (c.name.equals(name) && c.dimension == dimension && c.decayFactor == decayFactor
                    && Arrays.equals(propagator[k], 0, size, pf, 0, size) && Arrays.equals(c.toSi, si)) {
                return c;
            }
        }
        Channel c = new Channel(name, dimension, decayFactor, si, new float[padded]);
        channels.add(c);
        int k = channels.size();
        state = Arrays.copyOf(state, k);
        propagator = Arrays.copyOf(propagator, k);
        propagatorMask = Arrays.copyOf(propagatorMask, k);
        decay = Arrays.copyOf(decay, k);
        decayLow = Arrays.copyOf(decayLow, k);
        state[k - 1] = c.state;
        if (shared) fillFirstVector(pf, padded);
        propagator[k - 1] = pf;
        propagatorMask[k - 1] = shared ? 0 : -1;
        decay[k - 1] = high(decayFactor);
        decayLow[k - 1] = low(decayFactor);
        return c;
    }

    /** The float nearest a decay factor: the high part of the compensated pair. */
    static float high(double factor) { return (float) factor; }

    /** What {@link #high} leaves out, as a float: {@code high + low} is the factor to about 1e-15. */
    static float low(double factor) { return (float) (factor - high(factor)); }

    /** Per-neuron propagators as the kernels read them, padded with zeros. */
    static float[] asFloat(double[] p, int size, int padded) {
        float[] pf = new float[padded];
        for (int i = 0; i < size; i++) pf[i] = (float) p[i];
        return pf;
    }

    /** Whether every neuron's value is neuron 0's (then the kernels read it from the first vector). */
    static boolean allEqual(float[] pf, int size) {
        for (int i = 1; i < size; i++) if (pf[i] != pf[0]) return false;
        return true;
    }

    /** A shared value is read from the first vector: its padding lanes hold neuron 0's value. */
    static void fillFirstVector(float[] pf, int padded) {
        Arrays.fill(pf, 0, Math.min(padded, Simd.LANES), pf[0]);
    }

    /** Every channel's state and constants, numbered in the order they were made. */
    void declareState(StateDeclarer s) {
        s.array("fused.none", Role.PARAMETER, "V", none);
        for (int k = 0; k < channels.size(); k++) {
            Channel c = channels.get(k);
            s.array("fused." + k + "." + c.name, Role.STATE, StateDeclarer.NO_UNIT, c.state);
            s.array("fused." + k + ".propagator", Role.PARAMETER, "V", propagator[k]);
            s.array("fused." + k + ".toSi", Role.PARAMETER, StateDeclarer.NO_UNIT, c.toSi);
        }
        s.array("fused.propagatorMask", Role.PARAMETER, StateDeclarer.NO_UNIT, propagatorMask);
        s.array("fused.decay", Role.PARAMETER, StateDeclarer.NO_UNIT, decay);
        s.array("fused.decayLow", Role.PARAMETER, StateDeclarer.NO_UNIT, decayLow);
    }

    private record Channel(String name, Dimension dimension, double decayFactor, double[] toSi, float[] state) implements FusedCurrent, Variable {
        @Override public Variable variable() { return this; }

        @Override public double value(int neuron) { return state[neuron] * toSi[neuron]; }

        // identity, not the record's value equality: two channels are one only if they are the same object
        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }
    }
}
