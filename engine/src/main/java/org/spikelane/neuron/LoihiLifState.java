package org.spikelane.neuron;

import java.util.Arrays;
import org.spikelane.simd.Simd;
import org.spikelane.spi.Params;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * Integer state of a LIF population in Lava's bit-accurate model: {@code u} (current) and
 * {@code v} (voltage) as raw 24-bit integers, the synaptic input {@code aIn} of the step, and
 * the per-neuron multipliers. Arrays are padded like {@link LifState}; padding lanes never spike.
 */
public final class LoihiLifState implements StateOwner {
    public static final int BITS = 24;
    /** Lava's {@code max_uv_val}. */
    public static final int MAX_UV = 1 << 23;
    public static final int DECAY_BITS = 12;
    /** Lava's {@code act_shift} and {@code vth_shift}. */
    public static final int SHIFT = 6;

    /** Overflow counter slots. */
    public static final int U_WRAPS = 0;
    public static final int V_SATURATIONS = 1;
    /** Input drives clipped to the largest bias, {@link #MAX_BIAS} (physical mode only). */
    public static final int INPUT_SATURATIONS = 2;
    /** Largest {@code |bias_mant << bias_exp|}: {@code 4095 << 7}. */
    public static final int MAX_BIAS = 4095 << 7;

    public final int size;
    public final int padded;
    public final int[] u;
    public final int[] v;
    /** Synaptic input in raw weight units, consumed (and cleared) by the next step. */
    public final int[] aIn;
    /** {@code 4096 - (du + 1)}. */
    public final int[] uMultiplier;
    /** {@code 4096 - dv}. */
    public final int[] vMultiplier;
    /** {@code bias_mant << bias_exp}. */
    public final int[] bias;
    /** {@code vth << 6}; padding lanes hold Integer.MAX_VALUE. */
    public final int[] threshold;
    /**
     * The step's drive from input plugins in bias units (physical mode: quantized from the float
     * current accumulator each step; stays 0 in raw mode).
     */
    public final int[] inputBias;
    /**
     * Bias units per ampere of input current, {@code (dv / 4096) R / LSB_v}, per neuron; null in
     * raw mode (no input plugins).
     */
    public float[] inputScale;
    /**
     * Input current (A) the input plugins add during the step, which the kernel quantizes into
     * {@link #inputBias} and clears; null in raw mode. The one float array of a Loihi population.
     */
    public float[] inputCurrent;
    /** Number of wraps of u, saturations of v and of the input drive since the start. */
    public final long[] overflows = new long[3];

    public LoihiLifState(int size, Params p) {
        this(size);
        double[] du = p.perNeuron(LoihiLifModel.DU, size);
        double[] dv = p.perNeuron(LoihiLifModel.DV, size);
        double[] vth = p.perNeuron(LoihiLifModel.VTH, size);
        double[] mant = p.perNeuron(LoihiLifModel.BIAS_MANT, size);
        double[] exp = p.perNeuron(LoihiLifModel.BIAS_EXP, size);
        for (int i = 0; i < size; i++) set(i, (int) du[i], (int) dv[i], (int) vth[i], (int) mant[i], (int) exp[i]);
    }

    /** A state with zero multipliers and bias; the caller sets every neuron. */
    public LoihiLifState(int size) {
        this.size = size;
        this.padded = Simd.padded(size);
        u = new int[padded];
        v = new int[padded];
        aIn = new int[padded];
        uMultiplier = new int[padded];
        vMultiplier = new int[padded];
        bias = new int[padded];
        threshold = new int[padded];
        inputBias = new int[padded];
        Arrays.fill(threshold, Integer.MAX_VALUE);
    }

    /** Sets one neuron's raw parameters (already range-checked). */
    public void set(int i, int du, int dv, int vth, int biasMant, int biasExp) {
        uMultiplier[i] = (1 << DECAY_BITS) - (du + 1);
        vMultiplier[i] = (1 << DECAY_BITS) - dv;
        threshold[i] = vth << SHIFT;
        bias[i] = biasMant << biasExp;
    }

    /** Registers Lava's integer state, the multipliers, the overflow counts and (physical mode) the input current. */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("loihi.u", Role.STATE, "raw", u);
        s.array("loihi.v", Role.STATE, "raw", v);
        s.array("loihi.overflows", Role.STATE, StateDeclarer.NO_UNIT, overflows);
        s.array("loihi.aIn", Role.ACCUMULATOR, "raw", aIn);
        s.array("loihi.inputBias", Role.ACCUMULATOR, "raw", inputBias);
        s.array("loihi.uMultiplier", Role.PARAMETER, "Q12", uMultiplier);
        s.array("loihi.vMultiplier", Role.PARAMETER, "Q12", vMultiplier);
        s.array("loihi.bias", Role.PARAMETER, "raw", bias);
        s.array("loihi.threshold", Role.PARAMETER, "raw", threshold);
        if (inputScale != null) s.array("loihi.inputScale", Role.PARAMETER, "raw/A", inputScale);
        if (inputCurrent != null) s.array("loihi.inputCurrent", Role.ACCUMULATOR, "A", inputCurrent);
    }
}
