package org.spikelane;

import java.util.ArrayList;
import java.util.List;
import org.spikelane.neuron.LifModel;
import org.spikelane.spi.Params;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * Parameter choices that run but rarely mean what their author wanted: a reset at or above the
 * threshold, a step too coarse for the membrane time constant, a refractory period no longer
 * than one step. They are warnings, not errors, because each can be intended (a test of the
 * integrator, a deliberately coarse sweep); a caller that wants them fatal makes them so.
 */
public final class PhysicsCheck {
    /** dt above {@code tau_m / STEPS_PER_TAU} is reported: the rule of thumb for resolving the membrane's dynamics. */
    public static final int STEPS_PER_TAU = 10;

    private PhysicsCheck() {}

    /** One finding about one parameter of one population (the first offending neuron's values in the text). */
    public record Warning(String population, String parameter, String problem) {}

    /**
     * Checks every LIF population of {@code net} whose physical parameters can be resolved
     * (populations given raw Loihi parameters have no v_reset or tau_m to check).
     */
    public static List<Warning> of(Network net) {
        List<Warning> out = new ArrayList<>();
        for (Network.PopulationSpec spec : net.populations.values()) {
            if (!(spec instanceof Network.LifSpec lif)) continue;
            Params p;
            try {
                p = lif.params(net.seed);
            } catch (RuntimeException rawLoihiParameters) {
                continue;
            }
            check(lif.name(), lif.size(), p, net.dt, out);
        }
        return out;
    }

    private static void check(String population, int size, Params p, double dt, List<Warning> out) {
        double[] reset = p.perNeuron(LifModel.V_RESET, size);
        double[] threshold = p.perNeuron(LifModel.V_THRESHOLD, size);
        double[] tau = p.perNeuron(LifModel.TAU_M, size);
        double[] refractory = p.perNeuron(LifModel.REFRACTORY, size);
        int resetHigh = 0;
        int coarse = 0;
        int shortRefractory = 0;
        int firstReset = -1;
        int firstCoarse = -1;
        int firstShort = -1;
        for (int i = 0; i < size; i++) {
            if (reset[i] >= threshold[i]) {
                if (resetHigh++ == 0) firstReset = i;
            }
            if (dt > tau[i] / STEPS_PER_TAU) {
                if (coarse++ == 0) firstCoarse = i;
            }
            // 0 means no refractory period at all: a choice, not a rounding accident
            if (refractory[i] > 0 && dt >= refractory[i]) {
                if (shortRefractory++ == 0) firstShort = i;
            }
        }
        if (resetHigh > 0) {
            out.add(new Warning(population, LifModel.V_RESET, "v_reset (" + volts(reset[firstReset]) + ") is not below v_threshold ("
                    + volts(threshold[firstReset]) + ")" + inNeurons(resetHigh, size)
                    + ": a neuron is reset to or above its threshold and fires again as soon as its refractory period ends"));
        }
        if (coarse > 0) {
            out.add(new Warning(population, LifModel.TAU_M, "dt (" + seconds(dt) + ") is more than tau_m / " + STEPS_PER_TAU
                    + " (tau_m = " + seconds(tau[firstCoarse]) + ")" + inNeurons(coarse, size)
                    + ": inputs are held over steps long against the membrane time constant and spike times fall on a coarse grid;"
                    + " make dt at most tau_m / " + STEPS_PER_TAU));
        }
        if (shortRefractory > 0) {
            long steps = Math.round(refractory[firstShort] / dt);
            out.add(new Warning(population, LifModel.REFRACTORY, "refractory (" + seconds(refractory[firstShort])
                    + ") is not longer than dt (" + seconds(dt) + ")" + inNeurons(shortRefractory, size)
                    + ": it rounds to " + steps + (steps == 1 ? " step" : " steps")
                    + ", so a neuron may fire again in the step after its spike; make it several steps long or 0"));
        }
    }

    private static String inNeurons(int count, int size) {
        return size == 1 ? "" : " in " + count + " of " + size + " neurons";
    }

    private static String volts(double v) { return Units.format(v, Dimension.VOLTAGE); }

    private static String seconds(double s) { return Units.format(s, Dimension.TIME); }
}
