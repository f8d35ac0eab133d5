package org.spikelane.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.spikelane.Network;
import org.spikelane.Simulation;
import org.spikelane.net.Projection;
import org.spikelane.net.SynapseTable;
import org.spikelane.neuron.Population;

/**
 * Spike delivery (docs/semantics.md §2, phase DELIVERY) through {@code exp_current}: synaptic events per second,
 * float32 and {@code precision: fixed}. A spike generator of S sources projects onto N LIF
 * targets with connection probability {@code 80 / N}, so each source has 80 synapses on average;
 * weights are drawn from a normal distribution of mean 0 and sd 0.1 mV. Every step
 * {@value #SPIKES_PER_STEP} sources spike, with delay 0.
 *
 * <p>Nothing decays the synaptic states here, so they would drift: a target receives the same
 * synapses at the same phase of every period, and the fixed-point states (saturating at
 * {@code +-2^29}) reached their bound within seconds (half of the 4000 targets after 100k steps),
 * after which the benchmark timed mispredicted clipping branches, not delivery. So setup
 * centres the weights ({@link Delivery#centre}): the weights one target receives in one step of the
 * period sum to 0, and every state returns to its start after each period (under fixed up to the
 * rounding of each increment, at most half a unit per event: millions of steps from the bound).
 * <ul>
 *   <li>{@code n=4000} (targets in cache): S = 4000, the same {@value #SPIKES_PER_STEP} sources
 *       (drawn once) every step; their rows (16k synapses, 128 kB) and the 4000 target states
 *       stay in L2.</li>
 *   <li>{@code n=1000000} (out of cache): S = 100000 (8M synapses, 64 MB of rows); the spiking
 *       set moves on every step through all S sources (period S / {@value #SPIKES_PER_STEP} =
 *       500 steps), so rows come from memory and targets are random over 1M states.</li>
 * </ul>
 *
 * <p>One invocation = one step of the generator ({@code Population.update}, a copy of its spike
 * list) and {@code Projection.deliver}: the ring push, one row lookup per spike and the kernel's
 * {@code receive} per row, i.e. the code {@code Simulation.step} runs. The kernel's decay is not
 * included ({@link SynapseDecayBenchmark} times it).
 *
 * <p>Scores (mode throughput): the primary score is invocations per second; the secondary
 * {@code deliver:events} (a JMH aux counter) is synaptic events per second, the figure to report.
 * The teardown line gives the mean events per invocation (about 16,000).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms5g", "-Xmx5g", "-XX:+UseParallelGC"})
public class DeliveryBenchmark {
    static final int SPIKES_PER_STEP = 200;
    private static final int MAX_SOURCES = 100_000;

    @State(Scope.Thread)
    public static class Delivery {
        @Param({"4000", "1000000"})
        public int n;

        @Param({"float32", "fixed"})
        public String precision;

        Population source;
        Projection projection;
        /** Synaptic events of the step at each phase of the generator's period. */
        long[] eventsAtPhase;
        long step;

        @Setup(Level.Trial)
        public void setUp() {
            int sources = Math.min(n, MAX_SOURCES);
            boolean rotating = n > MAX_SOURCES;
            int period = rotating ? sources / SPIKES_PER_STEP : 1;
            int spiking = rotating ? sources : SPIKES_PER_STEP;
            // a random order of the sources: step k of the period emits order[k * SPIKES_PER_STEP ...]
            int[] order = permutation(sources, new SplittableRandom(7));
            double[] times = new double[spiking];
            int[] neurons = new int[spiking];
            for (int i = 0; i < spiking; i++) {
                times[i] = (i / SPIKES_PER_STEP) * LifFixture.DT;
                neurons[i] = order[i];
            }
            Network net = TargetPopulation.network(n, precision);
            net.addSpikeGenerator("src", sources, times, neurons, period * LifFixture.DT);
            net.connect("src", TargetPopulation.NAME, "exp_current", Map.of("tau_syn", "5 ms"),
                    Map.of("normal", Map.of("mean", "0 mV", "sd", "0.1 mV")), null,
                    Map.of("rule", "probability", "p", (double) ExampleNetworks.SYNAPSES_PER_NEURON / n));
            Simulation sim = net.build();
            source = sim.population("src");
            projection = sim.projections().getFirst();
            SynapseTable table = projection.table();
            eventsAtPhase = new long[period];
            for (int i = 0; i < spiking; i++) {
                eventsAtPhase[i / SPIKES_PER_STEP] += table.sourceEnd(neurons[i]) - table.sourceStart(neurons[i]);
            }
            centre(table, neurons, period, n);
            // the kernel made its per-event increments from the weights as they were
            projection.kernel().prepare(table.targets(), table.weights());
        }

        /**
         * Shifts the weights so that, for every phase of the period and every target, the weights
         * of the synapses that deliver to it in that phase sum to 0 (a lone synapse gets weight 0;
         * its event costs the same). The table's arrays are the ones the projection delivers from.
         */
        static void centre(SynapseTable table, int[] neurons, int period, int targets) {
            int[] to = table.targets();
            float[] w = table.weights();
            double[] sum = new double[targets];
            int[] count = new int[targets];
            for (int phase = 0; phase < period; phase++) {
                int first = phase * SPIKES_PER_STEP, last = first + SPIKES_PER_STEP;
                for (int i = first; i < last; i++) {
                    for (int k = table.sourceStart(neurons[i]); k < table.sourceEnd(neurons[i]); k++) {
                        sum[to[k]] += w[k];
                        count[to[k]]++;
                    }
                }
                for (int i = first; i < last; i++) {
                    for (int k = table.sourceStart(neurons[i]); k < table.sourceEnd(neurons[i]); k++) {
                        w[k] -= (float) (sum[to[k]] / count[to[k]]);
                    }
                }
                for (int i = first; i < last; i++) {
                    for (int k = table.sourceStart(neurons[i]); k < table.sourceEnd(neurons[i]); k++) {
                        sum[to[k]] = 0;
                        count[to[k]] = 0;
                    }
                }
            }
        }

        private static int[] permutation(int size, SplittableRandom random) {
            int[] p = new int[size];
            for (int i = 0; i < size; i++) p[i] = i;
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }

        @TearDown(Level.Trial)
        public void report() {
            long total = 0;
            for (long e : eventsAtPhase) total += e;
            System.out.printf("%n[delivery] n=%d precision=%s: %d spikes per step, %.1f synaptic events per invocation"
                            + " (%d synapses), %d steps%n", n, precision, SPIKES_PER_STEP, (double) total / eventsAtPhase.length,
                    projection.table().count(), step);
        }
    }

    /** Synaptic events delivered in the measured iterations; JMH reports them per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void clear() { events = 0; }
    }

    @Benchmark
    public void deliver(Delivery d, Events counter) {
        long step = d.step++;
        d.source.beginStep(step);
        d.source.update(step, 0, d.source.padded());
        d.source.finishStep();
        d.projection.pushSpikes(step);
        d.projection.deliver(step, 0, d.projection.target().padded());
        counter.events += d.eventsAtPhase[(int) (step % d.eventsAtPhase.length)];
    }
}
