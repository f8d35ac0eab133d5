package org.spikelane.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spikelane.Simulation;
import org.spikelane.SpikeListener;
import org.spikelane.neuron.Population;

/**
 * Counts the spikes of every population of a simulation, recorded or not (the run summary's
 * counts). One class for the real run and for {@link KernelWarmup}'s copy: the step code the
 * JIT compiled on the copy then calls the same listener class in the real loop, instead of
 * being thrown away there for a second one.
 */
final class PopulationSpikeCounts implements SpikeListener {
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final long[] counts;

    /** Counts {@code sim}'s populations from now on. */
    PopulationSpikeCounts(Simulation sim) {
        for (Population p : sim.populations()) index.putIfAbsent(p.name(), index.size());
        counts = new long[index.size()];
        sim.addSpikeListener(this);
    }

    @Override
    public void onSpikes(long step, String population, int[] neurons, int count) {
        counts[index.get(population)] += count;
    }

    /** A counter reads nothing but its arguments: the threaded step need not deliver before it. */
    @Override
    public boolean usesSpikesOnly() { return true; }

    /** Spikes so far by population name, in the simulation's order. */
    Map<String, Long> byPopulation() {
        Map<String, Long> out = new LinkedHashMap<>();
        index.forEach((name, i) -> out.put(name, counts[i]));
        return out;
    }
}
