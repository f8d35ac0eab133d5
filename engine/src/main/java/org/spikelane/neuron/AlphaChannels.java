package org.spikelane.neuron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.spi.FusedCurrent;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * The fused alpha-shaped currents of one float32 population
 * ({@link org.spikelane.spi.SynapseTarget#fusedAlphaCurrent}), as flat arrays the LIF kernels read
 * in their pass. Per channel {@code c} two states: the ramp {@code ramp[c]} ({@code x}, what a
 * spike kicks) and the current {@code current[c]} ({@code y}); over one step of {@code h} the pair
 * {@code dx/dt = -x/tau}, {@code dy/dt = -y/tau + x} moves exactly to
 * {@code y' = d (y + h x)}, {@code x' = d x} with {@code d = e^{-h/tau}}, and {@code v} by
 * {@code currentPropagator y + rampPropagator x}.
 *
 * <p>The kernels form, per neuron and channel, {@code dv = fma(pI, y, dv)}, {@code dv = fma(pX, x, dv)},
 * {@code y = fma(y, d, fma(x, coupling, y * dLow))} with {@code coupling = h d}, and
 * {@code x = fma(x, d, x * dLow)}: the decay {@code d + dLow} is compensated as in
 * {@link CurrentChannels} (it compounds over steps); the coupling's float rounding does not compound
 * (each step's contribution of {@code x} is off by the same 6e-8 relative at most). Propagators
 * every neuron shares are read from the first vector ({@code propagatorMask}). The channels come
 * after the exponential ones in the sum into {@code dv}, in the order they were asked for; the
 * vector kernel and the scalar reference do the same operations.
 */
public final class AlphaChannels {
    private final int size;
    private final int padded;
    private final List<Channel> channels = new ArrayList<>();
    public float[][] ramp = new float[0][];
    public float[][] current = new float[0][];
    public float[][] rampPropagator = new float[0][];
    public float[][] currentPropagator = new float[0][];
    public int[] propagatorMask = new int[0];
    public float[] decay = new float[0];
    public float[] decayLow = new float[0];
    public float[] coupling = new float[0];

    AlphaChannels(int size, int padded) {
        this.size = size;
        this.padded = padded;
    }

    /** How many there are; the kernels loop over this many. */
    public int count() { return channels.size(); }

    /** The channel with these values, made (and appended to the kernels' arrays) the first time. */
    FusedCurrent channel(String name, Dimension dimension, double decayFactor, double dt, double[] pCurrent, double[] pRamp, double[] toSi) {
        if (!(decayFactor > 0 && decayFactor <= 1)) throw new IllegalArgumentException("decay must be in (0, 1], got " + decayFactor);
        if (pCurrent.length < size || pRamp.length < size || toSi.length < size) {
            throw new IllegalArgumentException("propagators and toSi need one entry per neuron");
        }
        double[] si = Arrays.copyOf(toSi, size);
        float[] pi = CurrentChannels.asFloat(pCurrent, size, padded), px = CurrentChannels.asFloat(pRamp, size, padded);
        for (int k = 0; k < channels.size(); k++) {
            Channel c = channels.get(k);
            if (c.name.equals(name) && c.dimension == dimension && c.decayFactor == decayFactor
                    && Arrays.equals(currentPropagator[k], 0, size, pi, 0, size)
                    && Arrays.equals(rampPropagator[k], 0, size, px, 0, size) && Arrays.equals(c.toSi, si)) {
                return c;
            }
        }
        Channel c = new Channel(name, dimension, decayFactor, si, new float[padded], new float[padded]);
        channels.add(c);
        int k = channels.size();
        ramp = Arrays.copyOf(ramp, k);
        current = Arrays.copyOf(current, k);
        rampPropagator = Arrays.copyOf(rampPropagator, k);
        currentPropagator = Arrays.copyOf(currentPropagator, k);
        propagatorMask = Arrays.copyOf(propagatorMask, k);
        decay = Arrays.copyOf(decay, k);
        decayLow = Arrays.copyOf(decayLow, k);
        coupling = Arrays.copyOf(coupling, k);
        ramp[k - 1] = c.ramp;
        current[k - 1] = c.current;
        // one mask for both: read from the first vector only if both are shared
        boolean shared = CurrentChannels.allEqual(pi, size) && CurrentChannels.allEqual(px, size);
        if (shared) {
            CurrentChannels.fillFirstVector(pi, padded);
            CurrentChannels.fillFirstVector(px, padded);
        }
        currentPropagator[k - 1] = pi;
        rampPropagator[k - 1] = px;
        propagatorMask[k - 1] = shared ? 0 : -1;
        decay[k - 1] = CurrentChannels.high(decayFactor);
        decayLow[k - 1] = CurrentChannels.low(decayFactor);
        coupling[k - 1] = (float) (dt * decayFactor);
        return c;
    }

    /** Every channel's two states and constants, numbered in the order they were made. */
    void declareState(StateDeclarer s) {
        for (int k = 0; k < channels.size(); k++) {
            Channel c = channels.get(k);
            s.array("alpha." + k + ".ramp", Role.STATE, StateDeclarer.NO_UNIT, c.ramp);
            s.array("alpha." + k + "." + c.name, Role.STATE, StateDeclarer.NO_UNIT, c.current);
            s.array("alpha." + k + ".rampPropagator", Role.PARAMETER, "V", rampPropagator[k]);
            s.array("alpha." + k + ".currentPropagator", Role.PARAMETER, "V", currentPropagator[k]);
            s.array("alpha." + k + ".toSi", Role.PARAMETER, StateDeclarer.NO_UNIT, c.toSi);
        }
        s.array("alpha.propagatorMask", Role.PARAMETER, StateDeclarer.NO_UNIT, propagatorMask);
        s.array("alpha.decay", Role.PARAMETER, StateDeclarer.NO_UNIT, decay);
        s.array("alpha.decayLow", Role.PARAMETER, StateDeclarer.NO_UNIT, decayLow);
        s.array("alpha.coupling", Role.PARAMETER, "s", coupling);
    }

    private record Channel(String name, Dimension dimension, double decayFactor, double[] toSi, float[] ramp, float[] current)
            implements FusedCurrent, Variable {
        @Override public float[] state() { return ramp; }

        @Override public Variable variable() { return this; }

        @Override public double value(int neuron) { return current[neuron] * toSi[neuron]; }

        // identity, not the record's value equality: two channels are one only if they are the same object
        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }
    }
}
