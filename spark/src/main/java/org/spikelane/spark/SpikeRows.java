package org.spikelane.spark;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.Simulation;
import org.spikelane.SpikeListener;

/**
 * Every spike of one run on an executor, as three parallel arrays (population index, neuron,
 * step) in the order the engine reports them: time order, then the engine's order within a step.
 * The arrays double when full, so a run allocates O(log spikes) times, never per step.
 */
final class SpikeRows implements SpikeListener {
    private final List<String> populations;
    private final Map<String, Integer> index = new HashMap<>();
    private int[] population = new int[1024];
    private int[] neuron = new int[1024];
    private long[] step = new long[1024];
    private int count;

    SpikeRows(Simulation sim) {
        populations = sim.populations().stream().map(p -> p.name()).toList();
        for (int p = 0; p < populations.size(); p++) index.put(populations.get(p), p);
        sim.addSpikeListener(this);
    }

    @Override
    public void onSpikes(long t, String name, int[] neurons, int n) {
        if (count + n > step.length) grow(count + n);
        int p = index.get(name);
        for (int i = 0; i < n; i++) {
            population[count] = p;
            neuron[count] = neurons[i];
            step[count] = t;
            count++;
        }
    }

    private void grow(int needed) {
        int size = Math.max(needed, step.length * 2);
        population = Arrays.copyOf(population, size);
        neuron = Arrays.copyOf(neuron, size);
        step = Arrays.copyOf(step, size);
    }

    int count() { return count; }

    String population(int row) { return populations.get(population[row]); }

    int neuron(int row) { return neuron[row]; }

    long step(int row) { return step[row]; }
}
