package org.spikelane.inputs;

import java.util.List;
import org.spikelane.spi.FixedInputKernel;
import org.spikelane.spi.FixedTarget;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.InputKernel;
import org.spikelane.spi.InputPlugin;
import org.spikelane.spi.LifParameters;
import org.spikelane.spi.ParamSpec;
import org.spikelane.spi.Params;
import org.spikelane.spi.Range;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * {@code poisson}: Poisson events onto each target neuron without source neurons (Brian2's
 * {@code PoissonInput}, NEST's {@code poisson_generator} onto {@code K_ext} independent sources).
 * {@code rate} is the total rate onto one target; each target draws its own count per step
 * ({@link PoissonCounts}), so the cost does not depend on how many sources make up the rate. Each
 * event adds {@code weight}:
 * <ul>
 *   <li>with {@code tau_syn}: to an exponential current (a weight in A, or in V meaning
 *       {@code R I}) whose effect on {@code v} is integrated exactly, as the {@code exp_current}
 *       synapse does ({@link PoissonKernel});</li>
 *   <li>without, a weight in V: a jump of {@code v} at the end of the step.</li>
 * </ul>
 * Events of step {@code n} act from step {@code n} on, as a spike delivered at {@code t_n}.
 */
public final class PoissonInput implements InputPlugin {
    static final String RATE = "rate";
    static final String WEIGHT = "weight";
    static final String TAU_SYN = "tau_syn";
    /** Largest mean count per step and target: the draw costs about one term per event. */
    static final double MAX_MEAN = 1e4;

    @Override public String name() { return "poisson"; }

    @Override public String description() {
        return "Poisson events at a total rate per target: an exponential current (tau_syn) or a voltage jump per event";
    }

    @Override public List<ParamSpec> params() {
        return List.of(
                ParamSpec.perNeuron(RATE, Dimension.FREQUENCY, null, Range.nonNegative(),
                        "total event rate onto each target neuron (one value or one per target)"),
                ParamSpec.structure(WEIGHT, true, "per event: a current such as '87.8 pA' (needs tau_syn)"
                        + " or a voltage such as '0.1 mV' (a jump of v, or R I with tau_syn)"),
                ParamSpec.quantity(TAU_SYN, Dimension.TIME, Double.NaN, Range.positive(),
                        "decay time of the exponential current; absent: each event is a jump of v"),
                Window.startSpec(),
                Window.stopSpec(false));
    }

    /** What one event is: its weight and unit, and the decay time of its current (NaN: a jump). */
    record Event(double weight, Dimension unit, double tauSyn) {
        boolean jump() { return Double.isNaN(tauSyn); }
    }

    @Override public InputKernel create(InputContext context, Params params) {
        Event event = event(params);
        LifParameters lif = requireTarget(context, params);
        Targets targets = new Targets(context);
        return new PoissonKernel(targets, counts(context, params, targets.count), Window.of(context, params), event, lif,
                context.dt(), context.dv(), context);
    }

    @Override public FixedInputKernel createFixed(InputContext context, Params params, FixedTarget target) {
        Event event = event(params);
        Targets targets = new Targets(context);
        return new FixedPoissonKernel(targets, counts(context, params, targets.count), Window.of(context, params), event,
                target, context.dt());
    }

    private static PoissonCounts counts(InputContext context, Params params, int n) {
        double[] rate = params.perNeuron(RATE, n);
        double[] mean = new double[n];
        for (int k = 0; k < n; k++) {
            mean[k] = rate[k] * context.dt();
            if (!(mean[k] <= MAX_MEAN)) {
                throw params.error(RATE, "rate * dt must be <= " + (long) MAX_MEAN + " events per step, got "
                        + Units.format(rate[k], Dimension.FREQUENCY) + " at dt = " + Window.time(context.dt()));
            }
        }
        return new PoissonCounts(mean, context.randomStream());
    }

    /** The weight as a current or a voltage, and whether {@code tau_syn} goes with it. */
    static Event event(Params params) {
        Object raw = params.structure(WEIGHT);
        double tau = params.get(TAU_SYN);
        String allowed = "a current such as '87.8 pA' (with tau_syn) or a voltage such as '0.1 mV'";
        String text = String.valueOf(raw).strip();
        if (raw instanceof Number || text.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
            throw params.error(WEIGHT, "'" + text + "' has no unit; it must be " + allowed);
        }
        Dimension unit = null;
        double weight = 0;
        for (Dimension d : List.of(Dimension.CURRENT, Dimension.VOLTAGE)) {
            try {
                weight = Units.parse(text, d, WEIGHT);
                unit = d;
                break;
            } catch (IllegalArgumentException e) {
                // not this dimension; try the other
            }
        }
        if (unit == null || !Double.isFinite(weight)) throw params.error(WEIGHT, "must be " + allowed + ", got '" + text + "'");
        if (unit == Dimension.CURRENT && Double.isNaN(tau)) {
            throw params.error(TAU_SYN, "is required when the weight is a current (" + text
                    + "); give a voltage weight such as '0.1 mV' for jumps of v");
        }
        return new Event(weight, unit, tau);
    }

    /** The float kernel needs the target's tau_m, C and R for its propagators. */
    private static LifParameters requireTarget(InputContext context, Params params) {
        if (context.target() == null) throw params.error(WEIGHT, "needs the target population's LIF parameters");
        return context.target();
    }
}
