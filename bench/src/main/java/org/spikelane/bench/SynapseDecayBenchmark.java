package org.spikelane.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.spikelane.format.FormatBinding;
import org.spikelane.spi.SynapseKernel;

/**
 * The per-step state update (decay, and feeding the target's accumulators) of each standard
 * synapse plugin on N target neurons, float32 and {@code precision: fixed}. The kernel is the one
 * a simulation builds for a projection from a one-neuron spike generator to every neuron of the
 * target (all_to_all, so the projection's single row reaches every target), taken from
 * {@code sim.projections()}. Parameters are the plugins' defaults ({@code exp_current},
 * {@code alpha_current}: tau_syn 2 ms; {@code exp_conductance}: 5 ms; {@code biexp_conductance}:
 * a = 1, two exponential terms); weights 0.5 mV or 6 nS. {@code delta} has no state and its update
 * is empty: it measures the call alone. Under fixed the conductance plugins keep their float
 * kernel (the LIF kernel folds g into its integer step), so both rows time the same code.
 *
 * <p>One invocation = {@code kernel.update(step, 0, padded)} for one step. Every {@value #REFRESH_EVERY}th
 * invocation first hands the kernel that row (one spike to every target: {@code receive} over N
 * synapses) and clears the target's accumulators, as the LIF kernel would every step; without it
 * the states would decay into subnormal doubles (slow on x86) and then to zero, and the fixed
 * accumulators could saturate. After {@value #REFRESH_EVERY} steps the fastest-decaying state
 * (tau 0.86 ms, the biexp rise term) is down by e^-120, still far from subnormal. The refresh is
 * the whole score of {@code delta} (whose update is empty), so that row is the overhead to
 * subtract: in the smoke run about 0.2 % of {@code exp_current}'s score under float32 and 2 %
 * under fixed (the fixed kernels' per-event saturating add is about 10x the float one).
 *
 * <p>Score: ns per step (ns/op); ns per target-neuron step = score / {@code n}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms5g", "-Xmx5g", "-XX:+UseParallelGC"})
public class SynapseDecayBenchmark {
    static final int REFRESH_EVERY = 1024;

    @State(Scope.Thread)
    public static class Synapse {
        @Param({"delta", "exp_current", "alpha_current", "exp_conductance", "biexp_conductance"})
        public String synapse;

        @Param({"float32", "fixed"})
        public String precision;

        @Param({"64000"})
        public int n;

        SynapseKernel kernel;
        int[] targets;
        float[] weights;
        /** The target's format, which clears the accumulators the kernel fed. */
        FormatBinding format;
        long step;
        /** End of the whole target range. */
        int padded;

        @Setup(Level.Trial)
        public void setUp() {
            Network net = TargetPopulation.network(n, precision);
            net.addSpikeGenerator("src", 1, new double[0], new int[0], 0);
            String weight = synapse.endsWith("conductance") ? "6 nS" : "0.5 mV";
            net.connect("src", TargetPopulation.NAME, synapse, Map.of(), weight, null, null);
            Simulation sim = net.build();
            Projection projection = sim.projections().getFirst();
            kernel = projection.kernel();
            SynapseTable table = projection.table();
            targets = table.targets();
            weights = table.weights();
            format = sim.lif(TargetPopulation.NAME).format();
        }

        /** One spike to every target, and the accumulators cleared. */
        void refresh() {
            kernel.receive(targets, weights, 0, targets.length);
            format.clearAccumulators();
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.printf("%n[synapse] synapse=%s precision=%s n=%d: %d steps, %d refreshes (one spike to every target)%n",
                    synapse, precision, n, step, (step + REFRESH_EVERY - 1) / REFRESH_EVERY);
        }
    }

    @Benchmark
    public void update(Synapse s) {
        long step = s.step++;
        if (step % REFRESH_EVERY == 0) s.refresh();
        s.kernel.update(step, 0, s.padded);
    }
}
