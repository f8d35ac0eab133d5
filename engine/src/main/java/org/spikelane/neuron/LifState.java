package org.spikelane.neuron;

import java.util.Arrays;
import org.spikelane.simd.Simd;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * Structure-of-arrays state and per-neuron constants of one LIF population. Every array has
 * {@link #padded} entries so vector loops need no masked tail; padding lanes never spike
 * (threshold +inf) and carry no input.
 *
 * <p>The accumulators ({@link #current}, {@link #dv}, {@link #g}, {@link #gE}) are filled by
 * inputs and synapses during a step and cleared by the LIF kernel once it has consumed them.
 */
public final class LifState implements StateOwner {
    public final int size;
    public final int padded;
    public final double dt;
    public final boolean inclusiveThreshold;

    // --- state ---
    /** Membrane potential (V). */
    public final float[] v;
    /** Steps for which v is still held at v_reset; 0 when integrating. */
    public final int[] refractoryLeft;

    // --- accumulators, cleared every step by the kernel ---
    /** Input current (A), held constant over the step. */
    public final float[] current;
    /** Exact voltage increments (V) added after integration (delta and current synapses). */
    public final float[] dv;
    /** Total synaptic conductance (S); null until a conductance synapse targets this population. */
    public float[] g;
    /** Sum of g_k * E_k (S*V); null like {@link #g}. */
    public float[] gE;

    // --- per-neuron constants (float, as the kernels read them) ---
    public final float[] restingPotential;
    public final float[] resistance;
    /** exp(-dt / tau_m). */
    public final float[] decay;
    public final float[] threshold;
    public final float[] resetPotential;
    /** Steps a neuron is held after the spike step: round(t_ref / dt) - 1, at least 0 (docs/semantics.md §4). */
    public final int[] refractoryHold;
    /** 1 / R (S), for the conductance path. */
    public final float[] leakConductance;
    /** g_L * E_L (S*V). */
    public final float[] leakDrive;
    /** dt / C (s/F). */
    public final float[] dtOverC;
    /**
     * 0 while every neuron shares E_L, R, tau_m and v_reset, -1 once they differ. The vector
     * kernel reads those four arrays at {@code i & sharedParameterMask}: a shared value then
     * comes from the first lanes, which stay in L1, instead of one load stream per array
     * (memory traffic decides the speed out of cache). An index, not a branch, so no vector
     * flows through a merge. The first vector's padding entries hold neuron 0's values.
     */
    public int sharedParameterMask;

    // --- physical parameters in double, kept for reporting and for synapse propagators ---
    private final double[] tauM;
    private final double[] capacitance;
    private final double[] resistanceSi;
    private final double[] refractorySeconds;

    LifState(String owner, int size, double dt, Params p) {
        this.size = size;
        this.padded = Simd.padded(size);
        this.dt = dt;
        this.inclusiveThreshold = p.choice(LifModel.THRESHOLD).equals(">=");
        double[] el = p.perNeuron(LifModel.E_L, size);
        double[] vr = p.perNeuron(LifModel.V_RESET, size);
        double[] vt = p.perNeuron(LifModel.V_THRESHOLD, size);
        double[] tau = p.perNeuron(LifModel.TAU_M, size);
        double[] ref = p.perNeuron(LifModel.REFRACTORY, size);
        double[] r;
        if (LifModel.checked(p).given(LifModel.C)) {
            double[] c = p.perNeuron(LifModel.C, size);
            r = new double[size];
            for (int i = 0; i < size; i++) r[i] = tau[i] / c[i];
        } else {
            r = p.perNeuron(LifModel.R, size);
        }
        double[] v0 = p.given(LifModel.V_INIT) ? p.perNeuron(LifModel.V_INIT, size) : el.clone();

        v = new float[padded];
        refractoryLeft = new int[padded];
        current = new float[padded];
        dv = new float[padded];
        restingPotential = new float[padded];
        resistance = new float[padded];
        decay = new float[padded];
        threshold = new float[padded];
        resetPotential = new float[padded];
        refractoryHold = new int[padded];
        leakConductance = new float[padded];
        leakDrive = new float[padded];
        dtOverC = new float[padded];
        Arrays.fill(threshold, Float.POSITIVE_INFINITY);
        Arrays.fill(leakConductance, 1f);
        tauM = tau;
        capacitance = new double[size];
        resistanceSi = new double[size];
        refractorySeconds = ref;
        for (int i = 0; i < size; i++) {
            restingPotential[i] = (float) el[i];
            resetPotential[i] = (float) vr[i];
            threshold[i] = (float) vt[i];
            v[i] = (float) v0[i];
            setMembrane(i, tau[i], r[i]);
            setRefractory(i, ref[i]);
        }
        sharedParameterMask = shareParameters() ? 0 : -1;
    }

    /** Whether E_L, R, decay and v_reset are the same for all neurons; if so, fills the first vector's padding. */
    private boolean shareParameters() {
        for (int i = 1; i < size; i++) {
            if (restingPotential[i] != restingPotential[0] || resistance[i] != resistance[0]
                    || decay[i] != decay[0] || resetPotential[i] != resetPotential[0]) {
                return false;
            }
        }
        for (int i = size; i < Simd.LANES; i++) {
            restingPotential[i] = restingPotential[0];
            resistance[i] = resistance[0];
            decay[i] = decay[0];
            resetPotential[i] = resetPotential[0];
        }
        return true;
    }

    private void setMembrane(int i, double tau, double r) {
        tauM[i] = tau;
        resistanceSi[i] = r;
        capacitance[i] = tau / r;
        resistance[i] = (float) r;
        decay[i] = (float) Math.exp(-dt / tau);
        leakConductance[i] = (float) (1 / r);
        leakDrive[i] = (float) (restingPotential[i] / r);
        dtOverC[i] = (float) (dt / capacitance[i]);
    }

    private void setRefractory(int i, double seconds) {
        refractorySeconds[i] = seconds;
        refractoryHold[i] = (int) Math.max(0, Math.round(seconds / dt) - 1);
    }

    /** Allocates the conductance accumulators; the kernels then use the conductance path. */
    public void enableConductance() {
        if (g == null) {
            g = new float[padded];
            gE = new float[padded];
        }
    }

    public double tauM(int neuron) { return tauM[neuron]; }

    public double capacitance(int neuron) { return capacitance[neuron]; }

    public double resistance(int neuron) { return resistanceSi[neuron]; }

    /**
     * Changes one neuron's parameter between steps, recomputing what depends on it.
     * Names as in {@link LifModel}; SI values.
     */
    public void set(String owner, String param, int neuron, double value) {
        if (neuron < 0 || neuron >= size) {
            throw new ParameterException(owner, param, "neuron index " + neuron + " is out of range [0, " + (size - 1) + "]");
        }
        switch (param) {
            // one neuron differs now (or may): the kernel loads these per neuron from here on
            case LifModel.E_L, LifModel.V_RESET, LifModel.TAU_M, LifModel.R, LifModel.C -> sharedParameterMask = -1;
            default -> { }
        }
        switch (param) {
            case LifModel.E_L -> { restingPotential[neuron] = (float) value; setMembrane(neuron, tauM[neuron], resistanceSi[neuron]); }
            case LifModel.V_RESET -> resetPotential[neuron] = (float) value;
            case LifModel.V_THRESHOLD -> threshold[neuron] = (float) value;
            case LifModel.TAU_M -> { positive(owner, param, value); setMembrane(neuron, value, resistanceSi[neuron]); }
            case LifModel.R -> { positive(owner, param, value); setMembrane(neuron, tauM[neuron], value); }
            case LifModel.C -> { positive(owner, param, value); setMembrane(neuron, tauM[neuron], tauM[neuron] / value); }
            case LifModel.REFRACTORY -> {
                if (!(value >= 0)) throw new ParameterException(owner, param, "must be >= 0 s, got " + value);
                setRefractory(neuron, value);
            }
            case "v" -> v[neuron] = (float) value;
            default -> throw new ParameterException(owner, param, "cannot be changed at run time; changeable: "
                    + "E_L, v_reset, v_threshold, tau_m, R, C, refractory, v");
        }
    }

    private static void positive(String owner, String param, double value) {
        if (!(value > 0)) throw new ParameterException(owner, param, "must be > 0, got " + value);
    }

    /** Current value of a parameter in SI units (as the kernel uses it, i.e. after rounding to float). */
    public double get(String param, int neuron) {
        return switch (param) {
            case LifModel.E_L -> restingPotential[neuron];
            case LifModel.V_RESET -> resetPotential[neuron];
            case LifModel.V_THRESHOLD -> threshold[neuron];
            case LifModel.TAU_M -> tauM[neuron];
            case LifModel.R -> resistanceSi[neuron];
            case LifModel.C -> capacitance[neuron];
            case LifModel.REFRACTORY -> refractorySeconds[neuron];
            case "v" -> v[neuron];
            default -> throw new IllegalArgumentException("unknown LIF parameter '" + param + "'");
        };
    }

    /** Registers every array of the float LIF state: membrane state, accumulators and per-neuron constants. */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("v", Role.STATE, "V", v);
        s.array("refractoryLeft", Role.STATE, "steps", refractoryLeft);
        s.array("current", Role.ACCUMULATOR, "A", current);
        s.array("dv", Role.ACCUMULATOR, "V", dv);
        if (g != null) {
            s.array("g", Role.ACCUMULATOR, "S", g);
            s.array("gE", Role.ACCUMULATOR, "A", gE);
        }
        s.array("restingPotential", Role.PARAMETER, "V", restingPotential);
        s.array("resistance", Role.PARAMETER, "ohm", resistance);
        s.array("decay", Role.PARAMETER, StateDeclarer.NO_UNIT, decay);
        s.array("threshold", Role.PARAMETER, "V", threshold);
        s.array("resetPotential", Role.PARAMETER, "V", resetPotential);
        s.array("refractoryHold", Role.PARAMETER, "steps", refractoryHold);
        s.array("leakConductance", Role.PARAMETER, "S", leakConductance);
        s.array("leakDrive", Role.PARAMETER, "A", leakDrive);
        s.array("dtOverC", Role.PARAMETER, "s/F", dtOverC);
        s.scalar("sharedParameterMask", Role.PARAMETER, StateDeclarer.NO_UNIT, () -> sharedParameterMask,
                m -> sharedParameterMask = (int) m);
        s.array("tau_m", Role.PARAMETER, "s", tauM);
        s.array("C", Role.PARAMETER, "F", capacitance);
        s.array("R", Role.PARAMETER, "ohm", resistanceSi);
        s.array("refractory", Role.PARAMETER, "s", refractorySeconds);
    }
}
