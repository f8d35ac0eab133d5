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
import org.spikelane.spi.InputKernel;

/**
 * The input phase of one step for each standard input plugin on a whole population of N neurons,
 * float32 and {@code precision: fixed}. Kernels are built through a real {@link Network} and
 * {@link Simulation} ({@code sim.input(0)}), so they are exactly what a simulation runs: under
 * fixed that is the plugin's {@code createFixed} kernel adding {@code R I} in LSB_v to the int
 * drive (behind the simulation's {@code InputKernel} adapter, one extra call per step).
 *
 * <p>One invocation = {@code beginStep(step)} and {@code addCurrent(step, 0, padded, current)} for one step, steps counting up from 0.
 * Inputs: {@code bias} 2.05 nA; {@code step} 2 nA from 0 on; {@code sine} 2 nA + 0.5 nA at
 * 10 Hz; {@code ramp} 0 to 4 nA over 10^6 s (always inside its window); {@code pulse_periodic}
 * exponential pulses (1 nA, tau 2 ms) every 1 ms to a random target; {@code pulse_scheduled} the
 * same pulses from a {@code times}/{@code neurons} schedule, one event per 1 ms for
 * {@value #SCHEDULED_STEPS} steps (the teardown line says if a trial ran past it; a trial at 64k
 * neurons runs about a million steps at most). Pulses arrive often enough that the pulse state
 * never dies out, so every step does the full per-neuron pass. The accumulator is not cleared
 * (no LIF step runs): float sums stay finite and normal, int sums wrap; neither changes the
 * instructions executed.
 *
 * <p>Score: ns per step (ns/op); ns per neuron-step = score / {@code n}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms5g", "-Xmx5g", "-XX:+UseParallelGC"})
public class InputBenchmark {
    /** Length of the pulse_scheduled schedule in steps (419 s simulated). */
    static final long SCHEDULED_STEPS = 1L << 22;
    private static final int EVENT_EVERY_STEPS = 10;

    @State(Scope.Thread)
    public static class Input {
        @Param({"bias", "step", "sine", "ramp", "pulse_periodic", "pulse_scheduled"})
        public String input;

        @Param({"float32", "fixed"})
        public String precision;

        @Param({"64000"})
        public int n;

        InputKernel kernel;
        float[] current;
        long step;

        @Setup(Level.Trial)
        public void setUp() {
            Network net = TargetPopulation.network(n, precision);
            String target = TargetPopulation.NAME;
            switch (input) {
                case "bias" -> net.addInput("bias", target, Map.of("amplitude", "2.05 nA"));
                case "step" -> net.addInput("step", target, Map.of("amplitude", "2 nA", "start", "0 ms"));
                case "sine" -> net.addInput("sine", target, Map.of("amplitude", "0.5 nA", "frequency", "10 Hz", "offset", "2 nA"));
                case "ramp" -> net.addInput("ramp", target, Map.of("from", "0 nA", "to", "4 nA", "start", "0 ms", "stop", 1e6));
                case "pulse_periodic" -> net.addInput("pulse", target, Map.of("amplitude", "1 nA", "tau", "2 ms",
                        "events", Map.of("every", "1 ms", "random_neuron", true)));
                case "pulse_scheduled" -> net.addInput("pulse", target, Map.of("amplitude", "1 nA", "tau", "2 ms",
                        "events", schedule(n)));
                default -> throw new IllegalArgumentException("unknown input '" + input + "'");
            }
            Simulation sim = net.build();
            kernel = sim.input(0);
            current = sim.lif(target).state().current;
        }

        /** One event per {@value #EVENT_EVERY_STEPS} steps, to neurons spread over the population. */
        private static Map<String, Object> schedule(int n) {
            int events = (int) (SCHEDULED_STEPS / EVENT_EVERY_STEPS);
            double[] times = new double[events];
            int[] neurons = new int[events];
            for (int k = 0; k < events; k++) {
                times[k] = (k + 1L) * EVENT_EVERY_STEPS * LifFixture.DT;
                neurons[k] = (int) ((k * 7919L) % n);
            }
            return Map.of("times", times, "neurons", neurons);
        }

        @TearDown(Level.Trial)
        public void report() {
            String schedule = input.equals("pulse_scheduled") && step > SCHEDULED_STEPS
                    ? " (WARNING: past the schedule's end at step " + SCHEDULED_STEPS + ", later steps had no events)" : "";
            System.out.printf("%n[input] input=%s precision=%s n=%d: %d steps%s%n", input, precision, n, step, schedule);
        }
    }

    @Benchmark
    public void addCurrent(Input s) {
        long step = s.step++;
        s.kernel.beginStep(step);
        s.kernel.addCurrent(step, 0, s.current.length, s.current);
    }
}
