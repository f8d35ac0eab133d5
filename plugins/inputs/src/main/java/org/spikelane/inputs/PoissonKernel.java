package org.spikelane.inputs;

import org.spikelane.spi.FusedCurrent;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.Propagators;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * The float kernel of the {@code poisson} input. Per target slot a state {@code x} in the weight's
 * unit; per step, for the neurons of the range: {@code x += weight count}, then
 * {@code dv += P21 x}, then {@code x *= P11}. With {@code tau_syn} these are the
 * {@code exp_current} synapse's exact propagators ({@link Propagators#expCurrent} with the
 * target's {@code tau_m} and {@code 1/C}, or {@code 1/tau_m} for a weight in V, and
 * {@code P11 = e^{-dt/tau_syn}}); for a jump, {@code P21 = 1} and {@code P11 = 0}, so the step's
 * events move {@code v} by exactly {@code weight count}.
 *
 * <p>With {@code tau_syn} under float32 the current is a fused current of the target
 * ({@link InputContext#fusedCurrent}): this kernel only adds {@code weight count} to it, and the
 * target's LIF kernel feeds {@code P21 x} into {@code dv} and decays {@code x} (float, compensated
 * decay) in its own pass of the same step, so there is no pass over the targets for the decay.
 * Poisson inputs into one population with equal {@code tau_syn} and weight unit share that state.
 *
 * <p>Where the format has no {@code dv} (loihi with physical parameters), the state is held as a
 * current instead, {@code I = held x}: {@code x} itself for amperes, {@code x / R} for volts, and for
 * a jump the current that moves a leaky membrane by {@code x} in one step,
 * {@code x / (R (1 - e^{-dt/tau_m}))}.
 *
 * <p>Scalar only: the count is a hash and a short walk per target, which the float lanes would not
 * speed up. Ranges touch only their own slots and their own neurons' accumulators.
 */
final class PoissonKernel implements InputKernel {
    private final Targets targets;
    private final PoissonCounts counts;
    private final Window window;
    private final double weight;
    private final double p11;
    /** The target's fused current (by population index) that the events go into; null where this kernel keeps its own state. */
    private final float[] fused;
    /** Per slot: the effect of the state on v over a step (V per unit), or the held current per unit; null when fused. */
    private final double[] p21;
    private final double[] held;
    private final float[] dv;
    /** Per slot: the exponential current in the weight's unit; 0 between steps for jumps; null when fused. */
    private final double[] state;
    /** The weight's SI unit, "A" or "V": the state's unit in the registry. */
    private final String unit;

    PoissonKernel(Targets targets, PoissonCounts counts, Window window, PoissonInput.Event event, LifParameters lif,
                  double dt, float[] dv, InputContext context) {
        this.targets = targets;
        this.counts = counts;
        this.window = window;
        this.weight = event.weight();
        this.unit = event.unit().siUnit();
        this.dv = dv;
        this.p11 = event.jump() ? 0 : Math.exp(-dt / event.tauSyn());
        boolean volts = event.unit() == Dimension.VOLTAGE;
        FusedCurrent current = event.jump() ? null : fusedCurrent(context, event, lif, dt, volts);
        this.fused = current == null ? null : current.state();
        int n = fused != null ? 0 : targets.count;
        this.p21 = fused != null ? null : new double[n];
        this.held = fused != null ? null : new double[n];
        this.state = fused != null ? null : new double[n];
        for (int k = 0; k < n; k++) {
            int i = targets.neuron(k);
            double tauM = lif.tauM(i), r = lif.resistance(i);
            if (event.jump()) {
                p21[k] = 1;
                held[k] = -1 / (r * Math.expm1(-dt / tauM));
            } else {
                p21[k] = Propagators.expCurrent(dt, tauM, event.tauSyn(), volts ? 1 / tauM : 1 / lif.capacitance(i));
                held[k] = volts ? 1 / r : 1;
            }
        }
    }

    /**
     * The target's fused current for these events, or null where the format does not fuse: the
     * {@code exp_current} propagators for every neuron of the population (only the targets ever
     * get events), under a name of its own so that no synapse's recorded {@code I_syn} includes it.
     */
    private static FusedCurrent fusedCurrent(InputContext context, PoissonInput.Event event, LifParameters lif, double dt,
                                             boolean volts) {
        int size = context.populationSize();
        double[] p21 = new double[size], toSi = new double[size];
        for (int i = 0; i < size; i++) {
            double tauM = lif.tauM(i);
            p21[i] = Propagators.expCurrent(dt, tauM, event.tauSyn(), volts ? 1 / tauM : 1 / lif.capacitance(i));
            toSi[i] = volts ? 1 / lif.resistance(i) : 1;
        }
        return context.fusedCurrent("I_poisson", Dimension.CURRENT, Math.exp(-dt / event.tauSyn()), p21, toSi);
    }

    @Override public void addCurrent(long step, int from, int to, float[] current) {
        boolean events = window.contains(step);
        if (fused != null) {
            if (!events) return;
            for (int k = targets.firstSlot(from), end = targets.firstSlot(to); k < end; k++) {
                int neuron = targets.neuron(k);
                int count = counts.count(step, neuron, k);
                if (count != 0) fused[neuron] += (float) (weight * count);
            }
            return;
        }
        for (int k = targets.firstSlot(from), end = targets.firstSlot(to); k < end; k++) {
            int neuron = targets.neuron(k);
            double x = state[k];
            if (events) x += weight * counts.count(step, neuron, k);
            if (x == 0) continue;
            if (dv != null) dv[neuron] += (float) (p21[k] * x);
            else current[neuron] += (float) (held[k] * x);
            state[k] = x * p11;
        }
    }

    @Override
    public void declareState(StateDeclarer s) {
        targets.declareState(s);
        counts.declareState(s);
        // fused: the state and its propagators are the target population's (declared there)
        if (fused != null) return;
        s.array("p21", Role.PARAMETER, "V/" + unit, p21);
        s.array("held", Role.PARAMETER, "A/" + unit, held);
        s.array("state", Role.STATE, unit, state);
    }
}
