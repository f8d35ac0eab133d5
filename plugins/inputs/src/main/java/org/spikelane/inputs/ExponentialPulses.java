package org.spikelane.inputs;

import java.util.Arrays;
import org.spikelane.spi.Accumulate;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.Propagators;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * Pulses that jump by {@code amplitude} at an event and decay as {@code exp(-(t - t_event) / tau)};
 * pulses superpose. The current at step n is the sum at {@code t_n}: an event at step k gives
 * {@code amplitude} at step k, {@code amplitude e^{-dt/tau}} at step k + 1, ...
 *
 * <p>Why not multiply a state array by {@code e^{-dt/tau}} every step: the float decay factor
 * carries a relative error of up to 6e-8 that compounds step after step (for tau = 2 ms at
 * dt = 0.1 ms: 6e-6 after 200 steps, 1.2e-5 after 400, against a 1e-6 waveform tolerance).
 * Instead every slot holds a float weight relative to a common reference step, and the current
 * is {@code weight[k] * exp(-(n - reference) dt / tau)} with the exponential taken in double once
 * per step. Each value is then rounded a fixed number of times however old the pulse is, the
 * decay costs no pass over the array, and the only per-step work is one fused multiply-add per
 * target (vectorized in {@link Accumulate#addScaled}). The reference moves forward (one pass,
 * renormalizing the weights) whenever the scale falls below 2^-30, so weights stay in range.
 *
 * <p>Exact form (float32 targets, whenever the context offers a {@code dv} accumulator): the
 * pulse's effect on {@code v} over a step is integrated exactly, as {@code exp_current} synapses
 * do. A pulse of current {@code p} at the start of a step, decaying with {@code tau}, moves
 * {@code v} by {@code P21 p} over the step ({@link Propagators#expCurrent} with the target
 * neuron's {@code tau_m} and {@code 1/C} at build time), where the held {@code p} moves it by
 * {@code R (1 - e^{-dt/tau_m}) p}: 2.5 % more at {@code dt/tau = 0.05}. The pulse still goes
 * into {@code current} (so the recorded {@code I} shows it, as Brian2's {@code i_offset}), and
 * each step adds the difference {@code (P21 - R (1 - e^{-dt/tau_m})) p} to {@code dv}: a second
 * weight per slot, in volts, kept and rebased like the first. The sum is the exact propagator
 * for the leak-only membrane (a conductance synapse on the same target changes the decay the held
 * part sees, as it does for {@code exp_current} synapses' {@code P21}).
 *
 * <p>Scaled form (a target with LIF parameters but no {@code dv}: {@code precision: loihi} with
 * physical parameters, whose inputs become the step's integer bias): the format has nowhere to put
 * a second term, so the pulse's whole effect goes into the held current. Each slot's pulse is
 * scaled by {@code P21 / (R (1 - e^{-dt/tau_m}))} (0.975 at {@code dt/tau = 0.05}): the held
 * current then moves {@code v} by {@code P21 I_pulse(t_n)} per step, the exact effect, and the
 * recorded {@code I} shows the pulse that much lower than its nominal value.
 *
 * <p>Once the largest possible remaining current is below {@code 1e-12 |amplitude|} (about
 * {@code 27.6 tau} after the last event) the pulses are dropped and quiet steps cost nothing.
 */
final class ExponentialPulses implements PulseShape {
    /** Fraction of the pulse height below which the remaining pulses count as ended. */
    static final double NEGLIGIBLE = 1e-12;
    private static final double RENORMALIZE_BELOW = 0x1p-30;

    private final Targets targets;
    private final double amplitude;
    private final double stepsPerTau;
    private final double cutoff;
    /** Pulse state of each slot, in units of the scale at {@link #reference} (amperes). */
    private final float[] weight;
    /** Exact form: per slot, volts per ampere of pulse current that the held form misses over a step; null when held. */
    private final double[] correction;
    /** Exact form: {@code weight} times {@link #correction}, in volts at the reference; null when held. */
    private final float[] correctionWeight;
    /** Exact form: the target's {@code dv} accumulator; null when held. */
    private final float[] dv;
    /** Scaled form: per slot, the factor on the pulse's height; null otherwise. */
    private final double[] heldScale;
    /** Upper bound of the largest |weight|, to know when every pulse has died out. */
    private double weightBound;
    private long reference;
    private boolean active;
    /** Whether this step adds anything, and its scale: set once per step by {@link #beginStep}, read by every range. */
    private boolean adding;
    private float stepScale;

    /**
     * @param lif the target's parameters, or null for the held form
     * @param dv the target's {@code dv} accumulator for the exact form, or null for the scaled form
     *           (with {@code lif}) or the held one
     */
    ExponentialPulses(Targets targets, double amplitude, double tau, double dt, LifParameters lif, float[] dv) {
        this.targets = targets;
        this.amplitude = amplitude;
        this.stepsPerTau = dt / tau;
        this.cutoff = NEGLIGIBLE * Math.abs(amplitude);
        this.weight = new float[targets.count];
        boolean exact = lif != null && dv != null;
        this.dv = exact ? dv : null;
        this.correction = exact ? new double[targets.count] : null;
        this.correctionWeight = exact ? new float[targets.count] : null;
        this.heldScale = lif != null && dv == null ? new double[targets.count] : null;
        for (int k = 0; lif != null && k < targets.count; k++) {
            int neuron = targets.indices == null ? k : targets.indices[k];
            double tauM = lif.tauM(neuron);
            double p21 = Propagators.expCurrent(dt, tauM, tau, 1 / lif.capacitance(neuron));
            double held = -lif.resistance(neuron) * Math.expm1(-dt / tauM);
            if (exact) correction[k] = p21 - held;
            else heldScale[k] = p21 / held;
        }
    }

    /** Whether the pulses' effect on {@code v} is integrated exactly (into {@code dv}). */
    boolean exact() { return dv != null; }

    /** Whether the pulses' exact effect is carried by a scaled held current (no {@code dv} to add the rest to). */
    boolean scaled() { return heldScale != null; }

    private double scale(long step) { return Math.exp(-(step - reference) * stepsPerTau); }

    @Override public void trigger(int slot, long step) {
        if (!active) {
            active = true;
            reference = step;
            weightBound = 0;
        }
        double scale = rebased(scale(step), step);
        weight[slot] += (float) ((heldScale == null ? amplitude : amplitude * heldScale[slot]) / scale);
        if (dv != null) correctionWeight[slot] += (float) (amplitude * correction[slot] / scale);
        weightBound += Math.abs(amplitude) / scale;
    }

    /** Drops ended pulses and rebases once per step, so the ranges only read the weights and the scale. */
    @Override public void beginStep(long step) {
        adding = false;
        if (!active) return;
        double scale = scale(step);
        if (!(weightBound * scale >= cutoff)) {
            Arrays.fill(weight, 0f);
            if (dv != null) Arrays.fill(correctionWeight, 0f);
            active = false;
            return;
        }
        stepScale = (float) rebased(scale, step);
        adding = true;
    }

    /** Adds the step's pulses of the neurons in {@code [from, to)} to {@code current}, and when exact the rest of their effect on v to {@code dv}. */
    @Override public void addCurrent(long step, int from, int to, float[] current) {
        if (!adding) return;
        Accumulate.addScaled(current, from, to, targets.indices, weight, targets.count, stepScale);
        if (dv != null) Accumulate.addScaled(dv, from, to, targets.indices, correctionWeight, targets.count, stepScale);
    }

    /**
     * {@code scale}, or 1 after moving the reference to {@code step} if the scale fell below 2^-30:
     * weights of new events ({@code amplitude / scale}) then stay finite even for a tau far below
     * dt, where the scale one step on underflows to 0. At most one pass over the weights per step.
     */
    private double rebased(double scale, long step) {
        if (scale >= RENORMALIZE_BELOW) return scale;
        for (int k = 0; k < weight.length; k++) weight[k] = (float) (weight[k] * scale);
        for (int k = 0; dv != null && k < weight.length; k++) correctionWeight[k] = (float) (correctionWeight[k] * scale);
        weightBound *= scale;
        reference = step;
        return 1;
    }

    @Override
    public void declareState(StateDeclarer s) {
        s.array("pulse.weight", Role.STATE, StateDeclarer.NO_UNIT, weight);
        if (dv != null) {
            s.array("pulse.correction", Role.PARAMETER, "V/A", correction);
            s.array("pulse.correctionWeight", Role.STATE, StateDeclarer.NO_UNIT, correctionWeight);
        }
        if (heldScale != null) s.array("pulse.heldScale", Role.PARAMETER, StateDeclarer.NO_UNIT, heldScale);
        s.decimal("pulse.weightBound", Role.STATE, StateDeclarer.NO_UNIT, () -> weightBound, b -> weightBound = b);
        s.scalar("pulse.reference", Role.STATE, "steps", () -> reference, r -> reference = r);
        s.scalar("pulse.active", Role.STATE, StateDeclarer.NO_UNIT, () -> active ? 1 : 0, a -> active = a != 0);
    }
}
