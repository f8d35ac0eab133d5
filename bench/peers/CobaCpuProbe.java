import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.spikelane.Simulation;
import org.spikelane.bench.ExampleNetworks;

/**
 * Before / after probe of the fused conductances (issue 10): the COBA example scaled to N neurons
 * ({@code ExampleNetworks}, float32, 80 synapses per neuron, the example's recording), 1 and 2
 * worker threads, measured as CPU time so that a machine loaded by other work still gives usable
 * ratios. A single-file program that needs only the bench jar's API, so the same source runs
 * against the jar of the commit before and the jar after:
 *
 * <pre>java --add-modules jdk.incubator.vector -XX:+UseParallelGC -Xmx6g -cp JAR bench/peers/CobaCpuProbe.java [N ...]</pre>
 *
 * Per (N, threads), one line: the calling thread's CPU time per 1000 steps (the whole step with 1
 * thread; its share with 2), the process's CPU time per 1000 steps (both workers, spinning
 * included, plus the JIT and GC: the cost of the step on the machine), wall time per 1000 steps
 * (void on a loaded machine), the mean rate over the measured steps, and the load average.
 */
public class CobaCpuProbe {
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {4000, 40000, 400000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.setProperty("spikelane.threads.adaptive", "false");
        for (int n : sizes) {
            // 8e7 neuron-steps of settling (the first size also warms the JIT) and 4e7 measured per point
            int settle = Math.max(300, 80_000_000 / n), measured = Math.max(200, 40_000_000 / n);
            for (int t : new int[] {1, 2}) {
                Simulation sim = ExampleNetworks.simulation("coba", n, "float32", 1, t);
                sim.runSteps(settle);
                int spikes0 = sim.spikes().count();
                long cpu0 = threads.getCurrentThreadCpuTime(), proc0 = os.getProcessCpuTime(), wall0 = System.nanoTime();
                sim.runSteps(measured);
                double k = 1e-6 * 1000.0 / measured; // ns -> ms per 1000 steps
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) * k, proc = (os.getProcessCpuTime() - proc0) * k;
                double wall = (System.nanoTime() - wall0) * k;
                double rate = (sim.spikes().count() - spikes0) / (n * measured * sim.dt());
                System.out.printf(Locale.ROOT, "{\"n\": %d, \"threads\": %d, \"steps\": %d, \"thread_cpu_ms_per_1000\": %.1f, "
                        + "\"process_cpu_ms_per_1000\": %.1f, \"wall_ms_per_1000\": %.1f, \"rate_hz\": %.2f, \"load\": %.2f}%n",
                        n, sim.activeThreads(), measured, cpu, proc, wall, rate, os.getSystemLoadAverage());
                sim.close();
            }
        }
    }
}
