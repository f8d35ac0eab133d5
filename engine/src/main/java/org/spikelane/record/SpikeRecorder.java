package org.spikelane.record;

import java.util.Arrays;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * Spikes as (population, neuron, step) rows in primitive arrays that grow by doubling: no
 * allocation per step once the arrays are large enough.
 */
public final class SpikeRecorder implements StateOwner {
    private final String[] populationNames;
    private final double dt;
    private int[] population = new int[1024];
    private int[] neuron = new int[1024];
    private long[] step = new long[1024];
    private int count;

    /** @param populationNames names by population index, as the simulation numbers them */
    public SpikeRecorder(String[] populationNames, double dt) {
        this.populationNames = populationNames.clone();
        this.dt = dt;
    }

    /** Appends the spikes one population emitted in one step. */
    public void record(int populationIndex, long stepIndex, int[] spikes, int spikeCount) {
        if (count + spikeCount > step.length) grow(count + spikeCount);
        for (int k = 0; k < spikeCount; k++) {
            population[count] = populationIndex;
            neuron[count] = spikes[k];
            step[count] = stepIndex;
            count++;
        }
    }

    /** Forgets every recorded row (a restored simulation records its resumed part only). */
    public void clear() { count = 0; }

    private void grow(int needed) {
        int capacity = Math.max(needed, step.length * 2);
        population = Arrays.copyOf(population, capacity);
        neuron = Arrays.copyOf(neuron, capacity);
        step = Arrays.copyOf(step, capacity);
    }

    public int count() { return count; }

    public String populationName(int row) { return populationNames[population[row]]; }

    public int populationIndex(int row) { return population[row]; }

    public int neuron(int row) { return neuron[row]; }

    public long step(int row) { return step[row]; }

    /** Spike time in seconds: the start of the step in which the neuron crossed threshold (Brian2 stamp). */
    public double time(int row) { return step[row] * dt; }

    /** Number of spikes recorded for one population. */
    public int count(String populationName) {
        int p = Arrays.asList(populationNames).indexOf(populationName);
        int n = 0;
        for (int k = 0; k < count; k++) if (population[k] == p) n++;
        return n;
    }

    /** Steps at which one neuron spiked, ascending. */
    public long[] steps(String populationName, int neuronIndex) {
        int p = Arrays.asList(populationNames).indexOf(populationName);
        return java.util.stream.IntStream.range(0, count)
                .filter(k -> population[k] == p && neuron[k] == neuronIndex)
                .mapToLong(k -> step[k]).toArray();
    }

    /** Recorded rows are output, not state: a checkpoint leaves them out and a resumed run starts empty. */
    @Override
    public void declareState(StateDeclarer s) {
        s.resizable("population", Role.RECORDING, "population", () -> population, a -> population = (int[]) a);
        s.resizable("neuron", Role.RECORDING, "neuron", () -> neuron, a -> neuron = (int[]) a);
        s.resizable("step", Role.RECORDING, "steps", () -> step, a -> step = (long[]) a);
        s.scalar("count", Role.RECORDING, StateDeclarer.NO_UNIT, () -> count, n -> count = (int) n);
    }
}
