package org.spikelane.neuron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spikelane.fixed.ArithmeticProfile;
import org.spikelane.fixed.FixedMath;
import org.spikelane.fixed.Overflow;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.fixed.Quantization;
import org.spikelane.simd.Simd;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.SynapseTarget;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * Integer state and quantized constants of a LIF population under a fixed-point profile with
 * physical parameters ({@link ArithmeticProfile#FIXED}).
 *
 * <p>Resolutions, chosen once at build time:
 * <ul>
 *   <li>{@code LSB_v} is a power of two such that four times the largest |voltage parameter|
 *       (E_L, v_reset, v_threshold, v_init) fits in {@code voltageBits - 1} bits: for the
 *       neurodynex values ({@code |v| <= 70 mV}) {@code 2^-28 V}, about 3.7 nV, range +-0.5 V;</li>
 *   <li>{@code LSB_I = LSB_v / R_max}, so the gain {@code R I} is a Q16 factor
 *       {@code round(R / R_max * 2^16) <= 2^16}; for R = 10 Mohm about 0.37 fA, range +-200 nA.</li>
 * </ul>
 * Integration, per step: {@code v_inf = E_L + RI} ({@code RI}: the drive accumulator, the inputs'
 * {@code round(I R_q / LSB_v)} with the quantized {@code R_q = gain / 2^16 R_max}),
 * {@code v <- v_inf + mul(v - v_inf, d) + jump}, {@code d = round(e^{-dt/tau_m} 2^16)}, where
 * {@code mul(x, m) = x m / 2^16} with the profile's rounding; {@code v} saturates to
 * {@code voltageBits}. Inputs and synapses add to the int accumulators {@link #driveSum}
 * ({@code R I} in LSB_v, clipped at {@code +-2^(currentBits-1)}, 4 times the v range) and
 * {@link #jumpSum} through their fixed-point kernels ({@link FixedTarget}). There is no float
 * membrane state: the physical parameters it is quantized from are its
 * {@link PhysicalParameters}, and the only float accumulators are the conductances
 * ({@link #g}, {@link #gE}), allocated when a conductance synapse asks; see {@link FixedLifKernel}.
 */
public final class FixedLifState implements FixedTarget, SynapseTarget, StateOwner {
    public static final int V = 0;
    public static final int I = 1;
    public static final int DV = 2;

    public final String population;
    public final ArithmeticProfile profile;
    public final int size;
    public final int padded;
    public final double voltageLsb;
    public final double currentLsb;
    /** 1 / LSB_I and 1 / LSB_v in float, the scales of the per-step quantization. */
    public final float currentScale;
    public final float voltageScale;
    public final boolean inclusiveThreshold;
    /** Seed of the stochastic rounding addends, which are keyed by (seed, step, neuron). */
    public final int seed;

    public final int[] v;
    public final int[] refractoryLeft;
    public final int[] restingPotential;
    public final int[] resetPotential;
    /** Padding lanes hold Integer.MAX_VALUE so they never spike. */
    public final int[] threshold;
    /** Q16 decay {@code round(e^{-dt/tau_m} 2^16)}. */
    public final int[] decay;
    /** Q16 gain {@code round(R / R_max 2^16)}. */
    public final int[] gain;
    /** The quantized R over LSB_v, {@code gain / 2^16 / LSB_I}: LSB_v per ampere. */
    public final float[] ampsToLsb;
    /** {@code R I} of this step in LSB_v, summed by the inputs' fixed kernels; cleared by the LIF kernel. */
    public final int[] driveSum;
    /** Jumps of v of this step in LSB_v, summed by the synapses' fixed kernels; cleared by the LIF kernel. */
    public final int[] jumpSum;
    /** Total synaptic conductance (S), from the conductance synapses' float kernels; null until one asks. */
    public float[] g;
    /** Sum of g_k * E_k (S*V); null like {@link #g}. */
    public float[] gE;
    /** This step's rest ({@code v_inf}, drive folded in) and Q16 decay under conductances; unused otherwise. */
    public final int[] conductanceRest, conductanceDecay;
    /** {@code dt / tau_m} as float per neuron: the conductance path's decay is {@code e^{-(1 + R g) dt / tau_m}}. */
    public final float[] dtOverTau;
    public final int[] refractoryHold;
    /**
     * Addend of every decay product: 2^(bits-1) (nearest) or 0 (truncation) in every lane;
     * refilled with noise each step under stochastic rounding. An array rather than a branch
     * because a vector chosen by a branch is boxed in the kernel loop (see FixedLifKernel).
     */
    public final int[] roundingAddend;
    /**
     * Index masks of the kernels' loads of {@link #roundingAddend}, {@link #restingPotential} and
     * {@link #resetPotential}: 0 when every lane holds the same value (the loads then read lanes
     * {@code 0 .. LANES-1} every time, which stay in L1), -1 otherwise. Data rather than a branch,
     * for the same reason as {@link #roundingAddend}; it saves memory traffic on large populations.
     */
    public int addendIndexMask, restingIndexMask, resetIndexMask;
    private boolean built;
    /** Clipping counts of v, of the current and of the dv accumulator ({@link #V}, {@link #I}, {@link #DV}). */
    public final long[] overflows = new long[3];

    private final double dt;
    private final double maxResistance;
    private final PhysicalParameters parameters;

    /** Quantizes the physical parameters {@code s}; v starts at their initial potential. */
    public FixedLifState(String population, PhysicalParameters s, ArithmeticProfile profile, int seed) {
        this.population = population;
        this.profile = profile;
        this.size = s.size;
        this.padded = Simd.padded(size);
        this.dt = s.dt;
        this.parameters = s;
        this.seed = seed;
        this.inclusiveThreshold = profile.inclusiveThreshold() != null ? profile.inclusiveThreshold() : s.inclusiveThreshold;
        double maxAbs = 0, maxR = 0;
        for (int i = 0; i < size; i++) {
            maxAbs = Math.max(maxAbs, Math.max(Math.max(Math.abs(s.get(LifModel.E_L, i)), Math.abs(s.get(LifModel.V_RESET, i))),
                    Math.max(Math.abs(s.get(LifModel.V_THRESHOLD, i)), Math.abs(s.initialPotential(i)))));
            maxR = Math.max(maxR, s.resistance(i));
        }
        if (maxAbs == 0) maxAbs = 1e-3;
        int exponent = Math.getExponent(4 * maxAbs) + 1; // 2^exponent > 4 max|v|
        this.voltageLsb = Math.scalb(1.0, exponent - (profile.voltageBits() - 1));
        this.maxResistance = maxR;
        this.currentLsb = voltageLsb / maxR;
        this.currentScale = (float) (1 / currentLsb);
        this.voltageScale = (float) (1 / voltageLsb);
        v = new int[padded];
        refractoryLeft = new int[padded];
        restingPotential = new int[padded];
        resetPotential = new int[padded];
        threshold = new int[padded];
        decay = new int[padded];
        gain = new int[padded];
        ampsToLsb = new float[padded];
        driveSum = new int[padded];
        jumpSum = new int[padded];
        dtOverTau = new float[padded];
        conductanceRest = new int[padded];
        conductanceDecay = new int[padded];
        refractoryHold = new int[padded];
        Arrays.fill(threshold, Integer.MAX_VALUE);
        roundingAddend = new int[padded];
        if (profile.rounding() == org.spikelane.fixed.Rounding.NEAREST) Arrays.fill(roundingAddend, 1 << (profile.decayBits() - 1));
        for (int i = 0; i < size; i++) {
            for (String p : new String[] {LifModel.E_L, LifModel.V_RESET, LifModel.V_THRESHOLD, LifModel.TAU_M, LifModel.R,
                    LifModel.REFRACTORY}) {
                requantize(p, i);
            }
            setVoltage(i, s.initialPotential(i));
        }
        checkVoltageResolution(s);
        addendIndexMask = profile.rounding() == org.spikelane.fixed.Rounding.STOCHASTIC ? -1 : 0;
        restingIndexMask = uniform(restingPotential) ? 0 : -1;
        resetIndexMask = uniform(resetPotential) ? 0 : -1;
        built = true;
    }

    /** Refuses a population whose largest voltage parameter rounds the others away ({@link FixedVoltageResolution}). */
    private void checkVoltageResolution(PhysicalParameters s) {
        String[] names = {LifModel.E_L, LifModel.V_RESET, LifModel.V_THRESHOLD, LifModel.V_INIT};
        double[] values = new double[size * names.length], quantized = new double[values.length];
        for (int i = 0; i < size; i++) {
            int k = i * names.length;
            values[k] = s.get(LifModel.E_L, i);
            quantized[k] = restingPotential[i] * voltageLsb;
            // Loihi-style reset to 0 ignores v_reset: compare it with itself
            values[k + 1] = s.get(LifModel.V_RESET, i);
            quantized[k + 1] = profile.resetToZero() ? values[k + 1] : resetPotential[i] * voltageLsb;
            values[k + 2] = s.get(LifModel.V_THRESHOLD, i);
            quantized[k + 2] = threshold[i] * voltageLsb;
            values[k + 3] = s.initialPotential(i);
            quantized[k + 3] = v[i] * voltageLsb;
        }
        FixedVoltageResolution.check(population, names, values, quantized, voltageLsb);
    }

    /** Whether every neuron and the first vector's lanes (padding included) hold one value. */
    private boolean uniform(int[] values) {
        for (int i = 0; i < Math.max(size, Simd.LANES); i++) {
            if (values[i] != values[0]) return false;
        }
        return true;
    }

    /** Voltage in LSB, saturated to the profile's range. */
    public int voltage(double volts) {
        return (int) FixedMath.saturate(Math.round(volts / voltageLsb), profile.voltageLimit());
    }

    /**
     * Refuses a run-time value of a voltage ({@code v}, {@code E_L}, {@code v_reset},
     * {@code v_threshold}) that the int state cannot hold. Refused rather than saturated and
     * counted: LSB_v was fixed at build time from the voltages then, so a value beyond the range is
     * a different network (a threshold clipped to the limit, which a saturated v then reaches, fires
     * where the requested one never would), and the caller is there to be told, with the range.
     */
    public void checkVoltage(String owner, String param, double volts) {
        if (param.equals(LifModel.V_RESET) && profile.resetToZero()) return; // not read: the reset is 0
        double limit = profile.voltageLimit() * voltageLsb;
        if (!Double.isFinite(volts) || Math.abs(Math.round((float) volts / voltageLsb)) > profile.voltageLimit()) {
            throw new ParameterException(owner, param, Units.format(volts, Dimension.VOLTAGE) + " is outside the range "
                    + "that precision " + profile.name() + " holds for this population, +-" + Units.format(limit, Dimension.VOLTAGE)
                    + " (" + profile.voltageLimit() + " x LSB_v " + voltageLsb + " V, fixed at build time by its largest voltage parameter)");
        }
    }

    /** Sets v of neuron {@code i}, given in volts, rounded through float as every voltage parameter is. */
    public void setVoltage(int i, double volts) { v[i] = voltage((float) volts); }

    /** Re-reads one parameter of one neuron from the physical parameters (after {@link PhysicalParameters#set}). */
    public void requantize(String param, int i) {
        PhysicalParameters s = parameters;
        switch (param) {
            case LifModel.E_L -> {
                restingPotential[i] = voltage(s.get(LifModel.E_L, i));
                if (built) restingIndexMask = -1; // one neuron changed: read per neuron from now on
            }
            case LifModel.V_RESET -> {
                resetPotential[i] = profile.resetToZero() ? 0 : voltage(s.get(LifModel.V_RESET, i));
                if (built) resetIndexMask = -1;
            }
            case LifModel.V_THRESHOLD -> threshold[i] = voltage(s.get(LifModel.V_THRESHOLD, i));
            case LifModel.TAU_M -> {
                decay[i] = decayOf(s.tauM(i));
                dtOverTau[i] = (float) (dt / s.tauM(i));
            }
            case LifModel.R, LifModel.C -> {
                if (s.resistance(i) > maxResistance * (1 + 1e-12)) {
                    throw new ParameterException("population '" + population + "'", param, "can be raised under precision "
                            + profile.name() + " only up to R = " + maxResistance + " ohm (the largest at build time, which fixes LSB_I)");
                }
                gain[i] = (int) Math.round(s.resistance(i) / maxResistance * (1 << profile.decayBits()));
                ampsToLsb[i] = (float) lsbPerAmpere(i);
                decay[i] = decayOf(s.tauM(i));
                dtOverTau[i] = (float) (dt / s.tauM(i));
            }
            case LifModel.REFRACTORY -> refractoryHold[i] = s.refractoryHold[i];
            default -> { }
        }
    }

    private int decayOf(double tau) {
        return (int) Math.round(Math.exp(-dt / tau) * (1 << profile.decayBits()));
    }

    @Override public LifParameters parameters() { return parameters; }

    @Override public int size() { return size; }

    @Override public int padded() { return padded; }

    @Override public double dt() { return dt; }

    @Override public double get(String param, int neuron) { return param.equals("v") ? volts(neuron) : parameters.get(param, neuron); }

    /** Voltage jumps are int under fixed: a float kernel asking for this array is a plugin without a fixed-point jump path. */
    @Override
    public float[] dv() {
        throw new IllegalStateException("population '" + population + "' runs under precision " + profile.name()
                + ", which has no float dv accumulator: voltage jumps go to FixedTarget.jump() (createFixed)");
    }

    /** The float conductances, integrated by {@link FixedLifKernel} into this step's rest and decay. */
    @Override
    public void enableConductance() {
        if (g == null) {
            g = new float[padded];
            gE = new float[padded];
        }
    }

    @Override public float[] g() { return g; }

    @Override public float[] gE() { return gE; }

    @Override public double voltLsb() { return voltageLsb; }

    @Override public double voltage(int i) { return volts(i); }

    @Override public double lsbPerAmpere(int i) { return gain[i] / (double) (1 << profile.decayBits()) / currentLsb; }

    @Override public int[] drive() { return driveSum; }

    @Override public int[] jump() { return jumpSum; }

    @Override public int contributionLimit() { return profile.currentLimit(); }

    /** Atomic: plugin kernels running different ranges of one step may report at the same time (rare, so cheap). */
    @Override public void countClipped(boolean jump, long n) { org.spikelane.fixed.OverflowTally.add(overflows, jump ? DV : I, n); }


    @Override public int decayBits() { return profile.decayBits(); }

    @Override public boolean vector() { return org.spikelane.simd.Simd.useVectorKernels(); }

    /** v of one neuron in volts. */
    public double volts(int i) { return v[i] * voltageLsb; }

    /** Effective parameters and their relative errors (worst neuron of each). */
    public List<Quantization> quantization() {
        PhysicalParameters s = parameters;
        List<Quantization> out = new ArrayList<>();
        out.add(Quantization.of(population, "LSB_v", voltageLsb, voltageLsb));
        out.add(Quantization.of(population, "LSB_I", currentLsb, currentLsb));
        double unity = 1 << profile.decayBits();
        out.add(worst(size, i -> s.tauM(i), i -> decay[i] == 0 ? 0 : decay[i] >= unity ? Double.POSITIVE_INFINITY
                : -dt / Math.log(decay[i] / unity), LifModel.TAU_M));
        out.add(worst(size, s::resistance, i -> gain[i] / unity * maxResistance, LifModel.R));
        out.add(worst(size, i -> s.get(LifModel.E_L, i), i -> restingPotential[i] * voltageLsb, LifModel.E_L));
        out.add(worst(size, i -> s.get(LifModel.V_THRESHOLD, i), i -> threshold[i] * voltageLsb, LifModel.V_THRESHOLD));
        out.add(worst(size, i -> profile.resetToZero() ? 0 : s.get(LifModel.V_RESET, i), i -> resetPotential[i] * voltageLsb,
                LifModel.V_RESET));
        return out;
    }

    private Quantization worst(int n, java.util.function.IntToDoubleFunction requested,
                               java.util.function.IntToDoubleFunction effective, String name) {
        Quantization worst = null;
        for (int i = 0; i < n; i++) {
            Quantization q = Quantization.of(population, name, requested.applyAsDouble(i), effective.applyAsDouble(i));
            if (worst == null || q.relativeError() > worst.relativeError()) worst = q;
        }
        return worst;
    }

    /** Clipping counts of v, I and dv. */
    public List<OverflowCount> overflowCounts() {
        return List.of(new OverflowCount(population, "v", profile.voltageOverflow(), overflows[V]),
                new OverflowCount(population, "I", Overflow.SATURATE, overflows[I]),
                new OverflowCount(population, "dv", Overflow.SATURATE, overflows[DV]));
    }

    /**
     * Registers the int state, the quantized constants, the int accumulators, the float
     * conductances once allocated, the overflow counts and the physical parameters.
     */
    @Override
    public void declareState(StateDeclarer s) {
        parameters.declareState(s);
        if (g != null) {
            s.array("fixed.g", Role.ACCUMULATOR, "S", g);
            s.array("fixed.gE", Role.ACCUMULATOR, "A", gE);
        }
        s.array("fixed.v", Role.STATE, "LSB_v", v);
        s.array("fixed.refractoryLeft", Role.STATE, "steps", refractoryLeft);
        s.array("fixed.overflows", Role.STATE, StateDeclarer.NO_UNIT, overflows);
        s.array("fixed.driveSum", Role.ACCUMULATOR, "LSB_v", driveSum);
        s.array("fixed.jumpSum", Role.ACCUMULATOR, "LSB_v", jumpSum);
        s.array("fixed.restingPotential", Role.PARAMETER, "LSB_v", restingPotential);
        s.array("fixed.resetPotential", Role.PARAMETER, "LSB_v", resetPotential);
        s.array("fixed.threshold", Role.PARAMETER, "LSB_v", threshold);
        s.array("fixed.decay", Role.PARAMETER, "Q16", decay);
        s.array("fixed.gain", Role.PARAMETER, "Q16", gain);
        s.array("fixed.ampsToLsb", Role.PARAMETER, "LSB_v/A", ampsToLsb);
        s.array("fixed.dtOverTau", Role.PARAMETER, StateDeclarer.NO_UNIT, dtOverTau);
        s.array("fixed.refractoryHold", Role.PARAMETER, "steps", refractoryHold);
        s.array("fixed.roundingAddend", Role.PARAMETER, "LSB_v", roundingAddend);
        s.scalar("fixed.addendIndexMask", Role.PARAMETER, StateDeclarer.NO_UNIT, () -> addendIndexMask, m -> addendIndexMask = (int) m);
        s.scalar("fixed.restingIndexMask", Role.PARAMETER, StateDeclarer.NO_UNIT, () -> restingIndexMask, m -> restingIndexMask = (int) m);
        s.scalar("fixed.resetIndexMask", Role.PARAMETER, StateDeclarer.NO_UNIT, () -> resetIndexMask, m -> resetIndexMask = (int) m);
        s.array("fixed.conductanceRest", Role.SCRATCH, "LSB_v", conductanceRest);
        s.array("fixed.conductanceDecay", Role.SCRATCH, "Q16", conductanceDecay);
    }
}
