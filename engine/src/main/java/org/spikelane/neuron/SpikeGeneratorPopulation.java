package org.spikelane.neuron;

import java.util.Arrays;
import java.util.List;
import org.spikelane.record.Variable;
import org.spikelane.spi.ParameterException;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;

/**
 * A source population that emits given spikes: pairs {@code (step, neuron)}, optionally repeated
 * every {@code period} steps (Brian2's {@code SpikeGeneratorGroup}). Emits in the threshold phase.
 */
public final class SpikeGeneratorPopulation extends Population {
    private final long[] steps;
    private final int[] neurons;
    private final long period;
    private int next;
    private long cycleStart;
    /** This step's spikes: {@code [next, stepEnd)} of {@link #steps} / {@link #neurons}, neurons ascending. */
    private int stepEnd;

    /**
     * @param times   spike times in seconds, any order
     * @param indices neuron of each spike
     * @param period  repeat period in seconds, or 0 for none; every time must then be below it
     */
    public SpikeGeneratorPopulation(String name, int size, double dt, double[] times, int[] indices, double period) {
        super(name, size);
        String owner = "population '" + name + "'";
        if (times.length != indices.length) {
            throw new ParameterException(owner, "spikes", times.length + " times but " + indices.length + " neurons");
        }
        long periodSteps = Math.round(period / dt);
        if (period < 0) throw new ParameterException(owner, "period", "must be >= 0 s, got " + period + " s");
        if (period > 0 && periodSteps == 0) throw new ParameterException(owner, "period", "is shorter than half a step");
        Integer[] order = new Integer[times.length];
        long[] stepOf = new long[times.length];
        for (int k = 0; k < times.length; k++) {
            order[k] = k;
            if (!(times[k] >= 0)) throw new ParameterException(owner, "spikes", "time " + times[k] + " s is negative");
            if (indices[k] < 0 || indices[k] >= size) {
                throw new ParameterException(owner, "spikes", "neuron index " + indices[k] + " is out of range [0, " + (size - 1) + "]");
            }
            stepOf[k] = Math.round(times[k] / dt);
            if (periodSteps > 0 && stepOf[k] >= periodSteps) {
                throw new ParameterException(owner, "spikes", "time " + times[k] + " s is not below the period " + period + " s");
            }
        }
        Arrays.sort(order, (a, b) -> stepOf[a] != stepOf[b] ? Long.compare(stepOf[a], stepOf[b]) : Integer.compare(indices[a], indices[b]));
        this.steps = new long[times.length];
        this.neurons = new int[times.length];
        for (int k = 0; k < order.length; k++) {
            steps[k] = stepOf[order[k]];
            neurons[k] = indices[order[k]];
            if (k > 0 && steps[k] == steps[k - 1] && neurons[k] == neurons[k - 1]) {
                throw new ParameterException(owner, "spikes", "neuron " + neurons[k] + " has two spikes in step "
                        + steps[k] + " (t = " + steps[k] * dt + " s); times are rounded to whole steps of " + dt + " s");
            }
        }
        this.period = periodSteps;
    }

    /** Moves the cursor to this step's spikes; once per step, so ranges only read it. */
    @Override
    public void beginStep(long step) {
        next = stepEnd;
        if (period > 0 && step >= cycleStart + period) {
            cycleStart += period * ((step - cycleStart) / period);
            next = 0;
        }
        while (next < steps.length && cycleStart + steps[next] < step) next++;
        stepEnd = next;
        while (stepEnd < steps.length && cycleStart + steps[stepEnd] == step) stepEnd++;
    }

    /** The step's spikes of neurons in {@code [from, to)}: a binary search in the step's neuron-sorted block. */
    @Override
    protected int updateRange(long step, int from, int to) {
        int end = org.spikelane.spi.Accumulate.lowerBound(neurons, next, stepEnd, to);
        int count = 0;
        for (int k = org.spikelane.spi.Accumulate.lowerBound(neurons, next, end, from); k < end; k++) {
            spikes[from + count++] = neurons[k];
        }
        return count;
    }

    @Override
    public List<String> variableNames() { return List.of(); }

    @Override
    public Variable variable(String name) {
        throw new IllegalArgumentException("spike generator '" + name() + "' has no state variables to record");
    }

    @Override
    public void declareState(StateDeclarer s) {
        super.declareState(s);
        s.array("times", Role.PARAMETER, "steps", steps);
        s.array("neurons", Role.PARAMETER, "neuron", neurons);
        s.scalar("next", Role.STATE, StateDeclarer.NO_UNIT, () -> next, n -> next = (int) n);
        s.scalar("cycleStart", Role.STATE, "steps", () -> cycleStart, n -> cycleStart = n);
    }
}
