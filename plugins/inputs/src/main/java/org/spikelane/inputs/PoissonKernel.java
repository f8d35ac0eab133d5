package org.spikelane.inputs;

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
    /** Per slot: the effect of the state on v over a step (V per unit), or the held current per unit. */
    private final double[] p21;
    private final double[] held;
    private final float[] dv;
    /** Per slot: the exponential current in the weight's unit; 0 between steps for jumps. */
    private final double[] state;
    /** The weight's SI unit, "A" or "V": the state's unit in the registry. */
    private final String unit;

    PoissonKernel(Targets targets, PoissonCounts counts, Window window, PoissonInput.Event event, LifParameters lif,
                  double dt, float[] dv) {
        this.targets = targets;
        this.counts = counts;
        this.window = window;
        this.weight = event.weight();
        this.unit = event.unit().siUnit();
        this.dv = dv;
        this.p11 = event.jump() ? 0 : Math.exp(-dt / event.tauSyn());
        int n = targets.count;
        this.p21 = new double[n];
        this.held = new double[n];
        this.state = new double[n];
        boolean volts = event.unit() == Dimension.VOLTAGE;
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

    @Override public void addCurrent(long step, int from, int to, float[] current) {
        boolean events = window.contains(step);
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
        s.array("p21", Role.PARAMETER, "V/" + unit, p21);
        s.array("held", Role.PARAMETER, "A/" + unit, held);
        s.array("state", Role.STATE, unit, state);
    }
}
