package org.spikelane.record;

import java.util.Arrays;
import java.util.List;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * Samples chosen variables of chosen neurons every {@code every} steps. A sample stamped
 * {@code t_n} is the state at the start of step {@code n} (Brian2's {@code start} slot), taken
 * after that step's inputs were evaluated so that input currents are the ones held over step n.
 * Storage grows by doubling; no allocation per step once warm.
 */
public final class StateRecorder implements StateOwner {
    private final String population;
    private final Variable[] variables;
    private final int[] neurons;
    private final long every;
    private final double dt;
    private float[] values;
    private long[] steps;
    private int samples;

    public StateRecorder(String population, List<Variable> variables, int[] neurons, long every, double dt) {
        this.population = population;
        this.variables = variables.toArray(Variable[]::new);
        this.neurons = neurons.clone();
        this.every = every;
        this.dt = dt;
        this.steps = new long[256];
        this.values = new float[256 * channels()];
    }

    private int channels() { return variables.length * neurons.length; }

    /** Takes a sample if {@code step} is a multiple of the recording interval. */
    public void sample(long step) {
        if (step % every != 0) return;
        if (samples == steps.length) {
            steps = Arrays.copyOf(steps, samples * 2);
            values = Arrays.copyOf(values, samples * 2 * channels());
        }
        int base = samples * channels();
        for (int v = 0; v < variables.length; v++) {
            for (int k = 0; k < neurons.length; k++) {
                values[base + v * neurons.length + k] = (float) variables[v].value(neurons[k]);
            }
        }
        steps[samples++] = step;
    }

    /** Forgets every sample (a restored simulation records its resumed part only). */
    public void clear() { samples = 0; }

    public String population() { return population; }

    public List<Variable> variables() { return List.of(variables); }

    public int[] neurons() { return neurons.clone(); }

    public int samples() { return samples; }

    public long step(int sample) { return steps[sample]; }

    public double time(int sample) { return steps[sample] * dt; }

    /** Value in SI units of variable {@code v} (index into {@link #variables()}) for the k-th recorded neuron. */
    public double value(int sample, int v, int k) {
        return values[sample * channels() + v * neurons.length + k];
    }

    /** The whole trace of one variable of one recorded neuron (a population index). */
    public double[] trace(String variable, int neuron) {
        int v = -1;
        for (int i = 0; i < variables.length; i++) if (variables[i].name().equals(variable)) v = i;
        int k = -1;
        for (int i = 0; i < neurons.length; i++) if (neurons[i] == neuron) k = i;
        if (v < 0 || k < 0) {
            throw new IllegalArgumentException("not recorded: variable '" + variable + "' of neuron " + neuron + " in '" + population + "'");
        }
        double[] out = new double[samples];
        for (int s = 0; s < samples; s++) out[s] = value(s, v, k);
        return out;
    }

    /**
     * Samples are output, not state: a checkpoint leaves them out, and a resumed run samples at the
     * same absolute steps (multiples of {@code every}) from its first step on.
     */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("neurons", Role.RECORDING, "neuron", neurons);
        s.resizable("values", Role.RECORDING, "SI", () -> values, a -> values = (float[]) a);
        s.resizable("steps", Role.RECORDING, "steps", () -> steps, a -> steps = (long[]) a);
        s.scalar("samples", Role.RECORDING, StateDeclarer.NO_UNIT, () -> samples, n -> samples = (int) n);
    }
}
