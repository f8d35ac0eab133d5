package org.spikelane.synapses;

import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.spi.SynapseContext;
import org.spikelane.spi.SynapseKernel;
import org.spikelane.spi.SynapseTarget;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.units.Dimension;

/**
 * A conductance that is a sum of decaying exponentials, {@code g = sum_t s_t}; a spike of weight
 * {@code w} adds {@code w * coefficient_t} to every term, so spikes superpose exactly. Each step
 * adds {@code g} to the target's {@code g} and {@code g E_rev} to its {@code gE}; the LIF kernel
 * integrates {@code v} with exponential Euler (g held over the step, docs/semantics.md §2, phase NEURON_UPDATE). Recordable:
 * {@code g} (S) and {@code I_syn = g (E_rev - v)} (A), both at the start of the step.
 */
final class ConductanceKernel implements SynapseKernel {
    /** The target's float g and gE (under fixed too), and its v in volts for the recorded I_syn, from its format's state. */
    private final SynapseTarget target;
    private final double eRev;
    private final double[] coefficient;
    private final double[] decay;
    private final double[][] terms;
    private final int n;
    private final SynapseOps ops;

    /**
     * @param coefficient what one unit of weight adds to each term
     * @param tau         the decay time constant of each term
     */
    ConductanceKernel(SynapseContext context, double eRev, double[] coefficient, double[] tau) {
        this.target = context.target();
        target.enableConductance();
        this.eRev = eRev;
        this.coefficient = coefficient.clone();
        this.decay = new double[tau.length];
        for (int t = 0; t < tau.length; t++) decay[t] = Math.exp(-context.dt() / tau[t]);
        this.n = target.padded();
        this.terms = new double[tau.length][n];
        this.ops = SynapseOps.of(context.vector());
    }

    @Override
    public void update(long step, int from, int to) {
        ops.feedConductance(target.g(), target.gE(), eRev, terms, decay, from, to);
    }

    @Override
    public void receive(int[] targets, float[] weights, int from, int to) {
        for (int t = 0; t < terms.length; t++) {
            double[] s = terms[t];
            double c = coefficient[t];
            for (int k = from; k < to; k++) s[targets[k]] += c * weights[k];
        }
    }

    /** Total conductance of neuron {@code i} now (S). */
    double conductance(int i) {
        double sum = terms[0][i];
        for (int t = 1; t < terms.length; t++) sum += terms[t][i];
        return sum;
    }

    @Override
    public List<Variable> variables() {
        return List.of(new Value("g", Dimension.CONDUCTANCE, this, false), new Value("I_syn", Dimension.CURRENT, this, true));
    }

    private record Value(String name, Dimension dimension, ConductanceKernel k, boolean current) implements Variable {
        @Override
        public double value(int neuron) {
            double g = k.conductance(neuron);
            return current ? g * (k.eRev - k.target.voltage(neuron)) : g;
        }
    }

    /** One conductance term per time constant is the state; the target's g and gE are the population's. */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("coefficient", Role.PARAMETER, StateDeclarer.NO_UNIT, coefficient);
        s.array("decay", Role.PARAMETER, StateDeclarer.NO_UNIT, decay);
        for (int t = 0; t < terms.length; t++) s.array("term." + t, Role.STATE, "S", terms[t]);
    }
}
