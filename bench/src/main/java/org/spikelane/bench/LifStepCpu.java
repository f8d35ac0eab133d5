package org.spikelane.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link LifStepBenchmark}'s step (float32, vector kernel, {@link LifStepper}) timed in this
 * thread's CPU time, as {@code bench/peers/lif_step.c} times its rounds beside their wall time:
 * on a machine shared with other work the wall time of JMH includes the stretches the thread
 * waited for a core, the CPU time does not, so the two kernels compare in CPU time under load.
 * Prints one JSON line per N: the median and the fastest round in ns of CPU per neuron-step.
 *
 * <p>Usage: {@code LifStepCpu [--firing 0.1%|5%] [--rounds R] [--seconds S] N [N ...]}
 */
public final class LifStepCpu {
    private LifStepCpu() {}

    public static void main(String[] args) {
        String firing = "0.1%";
        int rounds = 5;
        double seconds = 0.4;
        int[] sizes = new int[0];
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--firing" -> firing = args[++k];
                case "--rounds" -> rounds = Integer.parseInt(args[++k]);
                case "--seconds" -> seconds = Double.parseDouble(args[++k]);
                default -> {
                    sizes = Arrays.copyOf(sizes, sizes.length + 1);
                    sizes[sizes.length - 1] = Integer.parseInt(args[k]);
                }
            }
        }
        if (sizes.length == 0 || rounds < 1 || !(seconds > 0)) {
            System.err.println("usage: LifStepCpu [--firing 0.1%|5%] [--rounds R >= 1] [--seconds S > 0] N [N ...]");
            System.exit(2);
        }
        double amperes = LifFixture.current(firing);
        // as LifStepBenchmark's setup: C2 compiles the kernel on a small copy first
        LifStepper warm = new LifStepper(LifStepBenchmark.PREWARM_SIZE, "float32", "vector", amperes);
        for (int k = 0; k < LifStepBenchmark.PREWARM_STEPS; k++) warm.step();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int n : sizes) {
            LifStepper stepper = new LifStepper(n, "float32", "vector", amperes);
            long steps = 1;
            while (true) { // steps per round for about `seconds` of CPU
                long c0 = threads.getCurrentThreadCpuTime();
                for (long s = 0; s < steps; s++) stepper.step();
                double t = (threads.getCurrentThreadCpuTime() - c0) * 1e-9;
                if (t > 0.05) {
                    steps = (long) (steps * seconds / t) + 1;
                    break;
                }
                steps *= 4;
            }
            double[] cpu = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                for (long s = 0; s < steps; s++) stepper.step();
                cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / ((double) steps * n);
            }
            double[] sorted = cpu.clone();
            Arrays.sort(sorted);
            double median = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
            StringBuilder all = new StringBuilder();
            for (double x : cpu) all.append(all.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", x));
            System.out.printf(Locale.ROOT, "{\"peer\": \"java-cpu\", \"n\": %d, \"firing\": \"%s\", \"cpu_ns_per_neuron_step\": %.5f, "
                    + "\"min_cpu_ns_per_neuron_step\": %.5f, \"rounds\": %d, \"steps_per_round\": %d, \"spikes_per_neuron_step\": %.5f, "
                    + "\"all_cpu\": [%s]}%n", n, firing, median, sorted[0], rounds, steps, stepper.firing(), all);
        }
    }
}
