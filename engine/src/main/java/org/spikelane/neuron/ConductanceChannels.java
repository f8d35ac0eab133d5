package org.spikelane.neuron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.simd.Simd;
import org.spikelane.spi.FusedConductance;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * The fused exponential conductances of one float32 population ({@link FusedConductance}), as
 * flat arrays the LIF kernels read in their pass: per channel {@code c} the conductance
 * {@code state[c]} (S), its reversal potential {@code reversal[c]} (V) and its decay over one step
 * split as {@code decay[c] + decayLow[c]} (compensated like {@link CurrentChannels}: one
 * {@code fma}, so the factor is exact to about 1e-15 and each step adds only the rounding of the
 * state itself).
 *
 * <p>Per neuron the kernels form {@code g = g_acc + g_0 + g_1 + ...} and
 * {@code gE = gE_acc + g_0 E_0 + g_1 E_1 + ...} (one {@code fma} per channel) in the order the
 * channels were asked for, where {@code g_acc}, {@code gE_acc} are the accumulators unfused
 * conductance synapses add to (zero without them); then they integrate and decay every channel.
 * The vector kernel and the scalar reference do the same operations.
 */
public final class ConductanceChannels {
    private final int padded;
    private final float[] v;
    private final List<Channel> channels = new ArrayList<>();
    public float[][] state = new float[0][];
    public float[] reversal = new float[0];
    public float[] decay = new float[0];
    public float[] decayLow = new float[0];
    /** What the kernels read for a population without conductance accumulators: one vector of zeros, never written. */
    public final float[] zeros = new float[Simd.LANES];

    /** @param v the population's membrane potential, for the recorded {@code I_syn} */
    ConductanceChannels(int padded, float[] v) {
        this.padded = padded;
        this.v = v;
    }

    /** How many there are. */
    public int count() { return channels.size(); }

    /** The channel with this decay and reversal potential, made (and appended to the kernels' arrays) the first time. */
    FusedConductance channel(double decayFactor, double reversalPotential) {
        if (!(decayFactor > 0 && decayFactor <= 1)) throw new IllegalArgumentException("decay must be in (0, 1], got " + decayFactor);
        if (!Double.isFinite(reversalPotential)) throw new IllegalArgumentException("reversal potential must be finite, got " + reversalPotential);
        for (Channel c : channels) {
            if (c.decayFactor == decayFactor && c.reversal == reversalPotential) return c;
        }
        Channel c = new Channel(decayFactor, reversalPotential, new float[padded], v);
        channels.add(c);
        int k = channels.size();
        state = Arrays.copyOf(state, k);
        reversal = Arrays.copyOf(reversal, k);
        decay = Arrays.copyOf(decay, k);
        decayLow = Arrays.copyOf(decayLow, k);
        state[k - 1] = c.state;
        reversal[k - 1] = (float) reversalPotential;
        decay[k - 1] = CurrentChannels.high(decayFactor);
        decayLow[k - 1] = CurrentChannels.low(decayFactor);
        return c;
    }

    /** Every channel's conductance and constants, numbered in the order they were made. */
    void declareState(StateDeclarer s) {
        s.array("conductance.zeros", Role.PARAMETER, "S", zeros);
        for (int k = 0; k < channels.size(); k++) s.array("conductance." + k + ".g", Role.STATE, "S", state[k]);
        s.array("conductance.reversal", Role.PARAMETER, "V", reversal);
        s.array("conductance.decay", Role.PARAMETER, StateDeclarer.NO_UNIT, decay);
        s.array("conductance.decayLow", Role.PARAMETER, StateDeclarer.NO_UNIT, decayLow);
    }

    private static final class Channel implements FusedConductance {
        final double decayFactor;
        final double reversal;
        final float[] state;
        private final List<Variable> variables;

        Channel(double decayFactor, double reversal, float[] state, float[] v) {
            this.decayFactor = decayFactor;
            this.reversal = reversal;
            this.state = state;
            this.variables = List.of(new Value("g", Dimension.CONDUCTANCE, state, reversal, null),
                    new Value("I_syn", Dimension.CURRENT, state, reversal, v));
        }

        @Override public float[] state() { return state; }

        @Override public List<Variable> variables() { return variables; }
    }

    /** {@code g}, or {@code I_syn = g (E_rev - v)} when {@code v} is given. */
    private static final class Value implements Variable {
        private final String name;
        private final Dimension dimension;
        private final float[] g;
        private final double reversal;
        private final float[] v;

        Value(String name, Dimension dimension, float[] g, double reversal, float[] v) {
            this.name = name;
            this.dimension = dimension;
            this.g = g;
            this.reversal = reversal;
            this.v = v;
        }

        @Override public String name() { return name; }

        @Override public Dimension dimension() { return dimension; }

        @Override public double value(int neuron) {
            double g = this.g[neuron];
            return v == null ? g : g * (reversal - v[neuron]);
        }
    }
}
