package org.spikelane.neuron;

import java.util.Arrays;
import org.spikelane.spi.Params;
import org.spikelane.spi.SynapseTarget;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * Structure-of-arrays state and per-neuron constants of one float32 LIF population. Every array
 * has {@link #padded} entries so vector loops need no masked tail; padding lanes never spike
 * (threshold +inf) and carry no input. The voltages and refractory holds the kernels read are
 * the arrays of its {@link PhysicalParameters}, shared rather than copied.
 *
 * <p>The accumulators ({@link #current}, {@link #dv}, {@link #g}, {@link #gE}) are filled by
 * inputs and synapses during a step and cleared by the LIF kernel once it has consumed them.
 */
public final class LifState implements SynapseTarget, StateOwner {
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
    /** Synaptic currents the kernels advance in their pass ({@link #fusedCurrent}); none until a synapse asks. */
    public final CurrentChannels fused;
    /** Exponential conductances the kernels advance in their pass ({@link #fusedConductance}); none until a synapse asks. */
    public final ConductanceChannels conductances;
    /** Alpha-shaped currents the kernels advance in their pass ({@link #fusedAlphaCurrent}); none until a synapse asks. */
    public final AlphaChannels alphas;
    /** Constant input currents (A) the kernels add to {@link #current} in their pass ({@link ConstantCurrents}). */
    public final ConstantCurrents constant;

    // --- per-neuron constants (float, as the kernels read them) ---
    public final float[] restingPotential;
    public final float[] resistance;
    /** exp(-dt / tau_m). */
    public final float[] decay;
    public final float[] threshold;
    public final float[] resetPotential;
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

    private final PhysicalParameters parameters;

    /** @param p validated against {@link LifModel#PARAMS} */
    public LifState(int size, double dt, Params p) {
        this(new PhysicalParameters(size, dt, p));
    }

    public LifState(PhysicalParameters parameters) {
        this.parameters = parameters;
        this.size = parameters.size;
        this.padded = parameters.padded;
        this.dt = parameters.dt;
        this.inclusiveThreshold = parameters.inclusiveThreshold;
        restingPotential = parameters.restingPotential;
        resetPotential = parameters.resetPotential;
        threshold = parameters.threshold;
        refractoryHold = parameters.refractoryHold;
        v = new float[padded];
        refractoryLeft = new int[padded];
        current = new float[padded];
        dv = new float[padded];
        resistance = new float[padded];
        decay = new float[padded];
        leakConductance = new float[padded];
        leakDrive = new float[padded];
        dtOverC = new float[padded];
        fused = new CurrentChannels(size, padded);
        conductances = new ConductanceChannels(padded, v);
        alphas = new AlphaChannels(size, padded);
        constant = new ConstantCurrents(size, padded);
        Arrays.fill(leakConductance, 1f);
        for (int i = 0; i < size; i++) {
            v[i] = (float) parameters.initialPotential(i);
            setMembrane(i);
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
        for (int i = size; i < org.spikelane.simd.Simd.LANES; i++) {
            restingPotential[i] = restingPotential[0];
            resistance[i] = resistance[0];
            decay[i] = decay[0];
            resetPotential[i] = resetPotential[0];
        }
        return true;
    }

    /** The float constants of neuron {@code i} that follow from E_L, tau_m and R. */
    private void setMembrane(int i) {
        double r = parameters.resistance(i);
        resistance[i] = (float) r;
        decay[i] = (float) Math.exp(-dt / parameters.tauM(i));
        leakConductance[i] = (float) (1 / r);
        leakDrive[i] = (float) (restingPotential[i] / r);
        dtOverC[i] = (float) (dt / parameters.capacitance(i));
    }

    /** The physical parameters this state was built from and shares its voltage arrays with. */
    public PhysicalParameters parameters() { return parameters; }

    /** Whether the kernels integrate with conductances: a conductance synapse has asked for accumulators or a fused conductance. */
    public boolean conductance() { return g != null || conductances.count() > 0; }

    /** Allocates the conductance accumulators; the kernels then use the conductance path. */
    @Override
    public void enableConductance() {
        if (g == null) {
            g = new float[padded];
            gE = new float[padded];
        }
    }

    @Override public int size() { return size; }

    @Override public int padded() { return padded; }

    @Override public double dt() { return dt; }

    @Override public float[] dv() { return dv; }

    @Override public float[] g() { return g; }

    @Override public float[] gE() { return gE; }

    @Override public double voltage(int neuron) { return v[neuron]; }

    @Override
    public org.spikelane.spi.FusedCurrent fusedCurrent(String variable, org.spikelane.units.Dimension dimension, double decay,
                                                       double[] propagator, double[] toSi) {
        return fused.channel(variable, dimension, decay, propagator, toSi);
    }

    @Override
    public org.spikelane.spi.FusedConductance fusedConductance(double decay, double reversal) {
        return conductances.channel(decay, reversal);
    }

    @Override
    public org.spikelane.spi.FusedCurrent fusedAlphaCurrent(String variable, org.spikelane.units.Dimension dimension, double decay,
                                                            double[] currentPropagator, double[] rampPropagator, double[] toSi) {
        return alphas.channel(variable, dimension, decay, dt, currentPropagator, rampPropagator, toSi);
    }

    /** A constant input current folded into the kernels' pass ({@link org.spikelane.spi.InputContext#constantCurrent()}). */
    public org.spikelane.spi.ConstantCurrent addConstantCurrent() { return constant.add(); }

    /**
     * Changes one neuron's parameter, or its {@code v}, between steps, recomputing what depends
     * on it. Names as in {@link LifModel}; SI values.
     */
    public void set(String owner, String param, int neuron, double value) {
        parameters.check(owner, param, neuron, value);
        switch (param) {
            // one neuron differs now (or may): the kernel loads these per neuron from here on
            case LifModel.E_L, LifModel.V_RESET, LifModel.TAU_M, LifModel.R, LifModel.C -> sharedParameterMask = -1;
            default -> { }
        }
        if (param.equals("v")) {
            v[neuron] = (float) value;
            return;
        }
        parameters.set(param, neuron, value);
        switch (param) {
            case LifModel.E_L, LifModel.TAU_M, LifModel.R, LifModel.C -> setMembrane(neuron);
            default -> { }
        }
    }

    /** Current value of a parameter in SI units (as the kernel uses it, i.e. after rounding to float), or of {@code v}. */
    @Override
    public double get(String param, int neuron) {
        return param.equals("v") ? v[neuron] : parameters.get(param, neuron);
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
        s.array("resistance", Role.PARAMETER, "ohm", resistance);
        s.array("decay", Role.PARAMETER, StateDeclarer.NO_UNIT, decay);
        s.array("leakConductance", Role.PARAMETER, "S", leakConductance);
        s.array("leakDrive", Role.PARAMETER, "A", leakDrive);
        s.array("dtOverC", Role.PARAMETER, "s/F", dtOverC);
        s.scalar("sharedParameterMask", Role.PARAMETER, StateDeclarer.NO_UNIT, () -> sharedParameterMask,
                m -> sharedParameterMask = (int) m);
        fused.declareState(s);
        conductances.declareState(s);
        alphas.declareState(s);
        constant.declareState(s);
        parameters.declareState(s);
    }
}
