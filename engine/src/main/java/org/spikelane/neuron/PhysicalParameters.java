package org.spikelane.neuron;

import java.util.Arrays;
import org.spikelane.simd.Simd;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * The physical LIF parameters of one population (no state): what the float32 kernel reads
 * directly and what the fixed-point state is quantized, and re-quantized after a {@link #set},
 * from. The voltages are held in float, as the float kernel uses them, so that every format
 * starts from the same rounded values; time constants and R, C in double for propagators.
 * Voltage and refractory arrays are padded like the states that share them.
 */
public final class PhysicalParameters implements LifParameters, StateOwner {
    public final int size;
    public final int padded;
    public final double dt;
    public final boolean inclusiveThreshold;

    public final float[] restingPotential;
    public final float[] resetPotential;
    /** Padding lanes hold +inf so they never spike. */
    public final float[] threshold;
    /** Steps a neuron is held after the spike step: round(t_ref / dt) - 1, at least 0 (docs/semantics.md §4). */
    public final int[] refractoryHold;
    /** v at step 0 (V_INIT, E_L if not given). */
    private final float[] initialPotential;
    private final double[] tauM;
    private final double[] capacitance;
    private final double[] resistance;
    private final double[] refractorySeconds;

    /** @param p validated against {@link LifModel#PARAMS} */
    public PhysicalParameters(int size, double dt, Params p) {
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
        restingPotential = new float[padded];
        resetPotential = new float[padded];
        threshold = new float[padded];
        refractoryHold = new int[padded];
        initialPotential = new float[size];
        Arrays.fill(threshold, Float.POSITIVE_INFINITY);
        tauM = tau;
        resistance = r;
        capacitance = new double[size];
        refractorySeconds = ref;
        for (int i = 0; i < size; i++) {
            restingPotential[i] = (float) el[i];
            resetPotential[i] = (float) vr[i];
            threshold[i] = (float) vt[i];
            initialPotential[i] = (float) v0[i];
            capacitance[i] = tau[i] / r[i];
            setRefractory(i, ref[i]);
        }
    }

    private void setRefractory(int i, double seconds) {
        refractorySeconds[i] = seconds;
        refractoryHold[i] = (int) Math.max(0, Math.round(seconds / dt) - 1);
    }

    @Override public int size() { return size; }

    @Override public int padded() { return padded; }

    @Override public double dt() { return dt; }

    @Override public double tauM(int neuron) { return tauM[neuron]; }

    @Override public double capacitance(int neuron) { return capacitance[neuron]; }

    @Override public double resistance(int neuron) { return resistance[neuron]; }

    /** v at step 0 of {@code neuron} (V), rounded to float like every voltage here. */
    public double initialPotential(int neuron) { return initialPotential[neuron]; }

    @Override
    public double get(String param, int neuron) {
        return switch (param) {
            case LifModel.E_L -> restingPotential[neuron];
            case LifModel.V_RESET -> resetPotential[neuron];
            case LifModel.V_THRESHOLD -> threshold[neuron];
            case LifModel.TAU_M -> tauM[neuron];
            case LifModel.R -> resistance[neuron];
            case LifModel.C -> capacitance[neuron];
            case LifModel.REFRACTORY -> refractorySeconds[neuron];
            case LifModel.V_INIT -> initialPotential[neuron];
            default -> throw new IllegalArgumentException("unknown LIF parameter '" + param + "'");
        };
    }

    /**
     * Checks a run-time change of {@code param} of {@code neuron} before any state applies it:
     * the index, the name (parameters and the state's {@code v}) and the value's range.
     */
    public void check(String owner, String param, int neuron, double value) {
        if (neuron < 0 || neuron >= size) {
            throw new ParameterException(owner, param, "neuron index " + neuron + " is out of range [0, " + (size - 1) + "]");
        }
        if (!LifModel.CHANGEABLE.contains(param)) {
            throw new ParameterException(owner, param, "cannot be changed at run time; changeable: "
                    + String.join(", ", LifModel.CHANGEABLE));
        }
        // NaN would pass every comparison below and spread through the state in one step
        if (!Double.isFinite(value)) throw new ParameterException(owner, param, "must be a finite number, got " + value);
        switch (param) {
            case LifModel.TAU_M, LifModel.R, LifModel.C -> {
                if (!(value > 0)) throw new ParameterException(owner, param, "must be > 0, got " + value);
            }
            case LifModel.REFRACTORY -> {
                if (!(value >= 0)) throw new ParameterException(owner, param, "must be >= 0 s, got " + value);
                // the hold is an int of steps: beyond it, the cast would wrap to a negative or short hold
                if (Math.round(value / dt) - 1 > Integer.MAX_VALUE) {
                    throw new ParameterException(owner, param, value + " s is " + Math.round(value / dt)
                            + " steps, more than the " + Integer.MAX_VALUE + " a refractory period can last");
                }
            }
            default -> { }
        }
        // voltages and R are held in float (R also as tau_m / C): beyond its range they become infinite
        double stored = param.equals(LifModel.C) ? tauM[neuron] / value : value;
        if (!param.equals(LifModel.TAU_M) && !param.equals(LifModel.REFRACTORY) && Math.abs(stored) > Float.MAX_VALUE) {
            throw new ParameterException(owner, param, (param.equals(LifModel.C) ? "gives R = tau_m / C = " + stored
                    : value + " is") + " beyond the float32 range of the state (at most " + Float.MAX_VALUE + " in magnitude)");
        }
    }

    /** Changes one neuron's parameter (SI), after {@link #check}; C is changed through R, as {@code tau_m / C}. */
    public void set(String param, int neuron, double value) {
        switch (param) {
            case LifModel.E_L -> restingPotential[neuron] = (float) value;
            case LifModel.V_RESET -> resetPotential[neuron] = (float) value;
            case LifModel.V_THRESHOLD -> threshold[neuron] = (float) value;
            case LifModel.TAU_M -> setMembrane(neuron, value, resistance[neuron]);
            case LifModel.R -> setMembrane(neuron, tauM[neuron], value);
            case LifModel.C -> setMembrane(neuron, tauM[neuron], tauM[neuron] / value);
            case LifModel.REFRACTORY -> setRefractory(neuron, value);
            default -> throw new IllegalArgumentException("not a changeable LIF parameter: '" + param + "'");
        }
    }

    private void setMembrane(int i, double tau, double r) {
        tauM[i] = tau;
        resistance[i] = r;
        capacitance[i] = tau / r;
    }

    /** The parameters: shared, under float32, with the kernel's arrays of the same names. */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("restingPotential", Role.PARAMETER, "V", restingPotential);
        s.array("threshold", Role.PARAMETER, "V", threshold);
        s.array("resetPotential", Role.PARAMETER, "V", resetPotential);
        s.array("refractoryHold", Role.PARAMETER, "steps", refractoryHold);
        s.array("v_init", Role.PARAMETER, "V", initialPotential);
        s.array("tau_m", Role.PARAMETER, "s", tauM);
        s.array("C", Role.PARAMETER, "F", capacitance);
        s.array("R", Role.PARAMETER, "ohm", resistance);
        s.array("refractory", Role.PARAMETER, "s", refractorySeconds);
    }
}
