package org.spikelane.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;

/**
 * The bundled CUBA and COBA scenarios ({@code examples/cuba.yaml}, {@code examples/coba.yaml})
 * scaled to {@code n} neurons with the same 80 synapses per neuron on average: sizes 0.8 n
 * excitatory + 0.2 n inhibitory, connection probability {@code 80 / n} (0.02 at n = 4000, as in
 * Brian2's CUBA.py). Loaded through the CLI's scenario reader, so a benchmark runs exactly the
 * network the examples and tests run. The examples directory is {@code examples/} under the
 * working directory, or the system property {@code spikelane.examples}.
 */
public final class ExampleNetworks {
    private ExampleNetworks() {}

    /** Mean synapses per neuron of the scaled networks, as in the 4000-neuron originals. */
    public static final int SYNAPSES_PER_NEURON = 80;

    /** "cuba" or "coba" at {@code n} neurons, {@code precision} float32 or fixed, with the example's recording (spikes; v and I_syn of 2-3 neurons). */
    public static Scenario scenario(String name, int n, String precision, long seed) {
        return scenario(name, n, precision, seed, 1);
    }

    /** As {@link #scenario(String, int, String, long)}, run with {@code threads} worker threads (1: the one-thread results of every other benchmark). */
    public static Scenario scenario(String name, int n, String precision, long seed, int threads) {
        if (!name.equals("cuba") && !name.equals("coba")) {
            throw new IllegalArgumentException("network must be cuba or coba, got '" + name + "'");
        }
        if (n < 100 || n % 5 != 0) throw new IllegalArgumentException("n must be a multiple of 5 and >= 100, got " + n);
        Path file = examples().resolve(name + ".yaml");
        int excitatory = n * 4 / 5;
        double p = (double) SYNAPSES_PER_NEURON / n;
        List<String> sets = new ArrayList<>(List.of(
                "seed=" + seed, "precision=" + precision, "populations.0.size=" + n,
                // the examples name their E and I neurons as groups (first and last neuron, both included)
                "populations.0.groups.E=0.." + (excitatory - 1), "populations.0.groups.I=" + excitatory + ".." + (n - 1),
                "projections.0.connect.p=" + p, "projections.1.connect.p=" + p, "threads=" + threads));
        return Scenario.load(file, sets);
    }

    /** The scenario built into a simulation with the standard plugins. */
    public static Simulation simulation(String name, int n, String precision, long seed) {
        return NetworkBuilder.simulation(scenario(name, n, precision, seed), PluginRegistry.discover());
    }

    /** The scenario with {@code threads} worker threads, built. */
    public static Simulation simulation(String name, int n, String precision, long seed, int threads) {
        return NetworkBuilder.simulation(scenario(name, n, precision, seed, threads), PluginRegistry.discover());
    }

    static Path examples() {
        Path dir = Path.of(System.getProperty("spikelane.examples", "examples"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no examples directory at " + dir.toAbsolutePath()
                    + "; run from the repository root or pass -Dspikelane.examples=DIR");
        }
        return dir;
    }
}
