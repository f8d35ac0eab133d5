package org.spikelane.cli.sweep;

import java.util.List;
import java.util.Map;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.spi.LifParameters;

/**
 * The f-I curve of a LIF neuron under constant current, for sweeps where it applies: one LIF
 * population with the same parameters for every neuron, driven by one {@code bias} or {@code step}
 * input whose amplitude is swept.
 *
 * <p>Continuous time: {@code f = 1 / (t_ref + T)}, {@code T = tau_m ln((R I + E_L - v_reset) / (R I + E_L - v_th))}.
 * On the time grid (docs/semantics.md §4) the ISI is {@code t_ref + (ceil(T / dt) - 1) dt}.
 */
public record AnalyticFi(double eL, double vReset, double vThreshold, double r, double tauM, double tRef, double dt) {

    /** The model of the swept scenario, or null if the sweep is not an f-I sweep of one homogeneous LIF population. */
    public static AnalyticFi of(Scenario scenario, Simulation sim, String path) {
        Map<String, Object> root = scenario.root();
        if (!(root.get("inputs") instanceof List<?> inputs) || inputs.size() != 1) return null;
        if (!(inputs.get(0) instanceof Map<?, ?> input)) return null;
        if (!List.of("bias", "step").contains(input.get("type"))) return null;
        if (!path.equals("inputs.0.amplitude") || sim.populations().size() != 1) return null;
        if (!(sim.populations().get(0) instanceof LifPopulation lif)) return null;
        LifParameters s = lif.parameters();
        for (int n = 1; n < lif.size(); n++) {
            for (String p : List.of(LifModel.E_L, LifModel.V_RESET, LifModel.V_THRESHOLD, LifModel.TAU_M, LifModel.R, LifModel.REFRACTORY)) {
                if (s.get(p, n) != s.get(p, 0)) return null;
            }
        }
        double tRefSteps = Math.round(s.get(LifModel.REFRACTORY, 0) / sim.dt());
        return new AnalyticFi(s.get(LifModel.E_L, 0), s.get(LifModel.V_RESET, 0), s.get(LifModel.V_THRESHOLD, 0),
                s.get(LifModel.R, 0), s.get(LifModel.TAU_M, 0), tRefSteps * sim.dt(), sim.dt());
    }

    /** Smallest constant current that makes the neuron fire (strictly above it fires). */
    public double rheobase() { return (vThreshold - eL) / r; }

    /** Time from v_reset to threshold, or +inf below rheobase. */
    public double timeToThreshold(double current) {
        double drive = r * current + eL;
        // the parameters are read back from float32 state: at exactly the rheobase it must not fire
        if (!(drive - vThreshold > 1e-6 * Math.abs(vThreshold - eL))) return Double.POSITIVE_INFINITY;
        return tauM * Math.log((drive - vReset) / (drive - vThreshold));
    }

    /** Continuous-time rate 1 / (t_ref + T). */
    public double rate(double current) {
        double t = timeToThreshold(current);
        return Double.isInfinite(t) ? 0 : 1 / (tRef + t);
    }

    /** ISI on the time grid, t_ref + (ceil(T/dt) - 1) dt, or +inf below rheobase. */
    public double isiOnGrid(double current) {
        double t = timeToThreshold(current);
        return Double.isInfinite(t) ? t : tRef + (Math.ceil(t / dt) - 1) * dt;
    }
}
