package org.spikelane.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.net.Projection;
import org.spikelane.net.SynapseTable;
import org.spikelane.neuron.Population;
import org.spikelane.record.SpikeRecorder;
import org.spikelane.spi.PluginRegistry;

/**
 * The Potjans-Diesmann microcircuit ({@code examples/microcircuit.yaml}) as the reference
 * implementation benchmarks it: build, a pre-simulation that is discarded, then the measured
 * simulation with spikes recorded; prints build time, the heap the built network holds, wall
 * time and real-time factor of the measured part, synaptic events per second and each
 * population's spikes, mean rate and ISI CV. Not JMH: one run is minutes long, and the build
 * is measured once as the reference measures it. bench/microcircuit.sh runs it at 1 and 2 threads.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.spikelane.bench.MicrocircuitRun SCALE T_SIM_S THREADS [FILE]}
 *
 * <p>{@code SCALE} scales neurons and indegree alike, or is {@code N:K} for neurons {@code N} and
 * indegree {@code K}: e.g. {@code 0.25:1} keeps every neuron's full indegree (so the rows a spike
 * walks are as long as at full scale) in a quarter of the network, the cheap way to measure the
 * per-event cost.
 */
public final class MicrocircuitRun {
    private MicrocircuitRun() {}

    /** The reference's full-scale rates (Hz) of its own NEST run, first 0.5 s discarded. */
    static final double[] REFERENCE_HZ = {0.903, 2.965, 4.414, 5.876, 7.569, 8.633, 1.105, 7.829};
    static final double PRESIM_S = 0.5;

    public static void main(String[] args) {
        String[] scales = args[0].split(":");
        double scale = Double.parseDouble(scales[0]);
        double indegree = scales.length > 1 ? Double.parseDouble(scales[1]) : scale;
        double tSim = Double.parseDouble(args[1]);
        int threads = Integer.parseInt(args[2]);
        Path file = Path.of(args.length > 3 ? args[3] : "examples/microcircuit.yaml");
        List<String> sets = new ArrayList<>(List.of("duration=" + (PRESIM_S + tSim) + " s", "threads=" + threads,
                "scale.neurons=" + scale, "scale.indegree=" + indegree));
        Scenario scenario = Scenario.load(file, sets);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Simulation sim = NetworkBuilder.simulation(scenario, PluginRegistry.discover());
        double build = (System.nanoTime() - t0) / 1e9;
        // CPU time says what the build costs when the machine is shared: wall time then depends on the others
        double buildCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory();
        long synapses = 0;
        for (Projection p : sim.projections()) synapses += p.table().count();

        long presim = Math.round(PRESIM_S / sim.dt());
        long t1 = System.nanoTime();
        sim.runSteps(presim);
        double presimWall = (System.nanoTime() - t1) / 1e9;
        long cpu2 = os.getProcessCpuTime();
        long t2 = System.nanoTime();
        sim.runSteps(Math.round(tSim / sim.dt()));
        double wall = (System.nanoTime() - t2) / 1e9;
        double simCpu = (os.getProcessCpuTime() - cpu2) / 1e9;

        List<Population> pops = sim.populations();
        long[] spikes = new long[pops.size()];
        // events = spikes x the spiking neuron's synapses in every projection it feeds
        long events = 0;
        SpikeRecorder rec = sim.spikes();
        long[][] outDegree = new long[pops.size()][];
        for (int p = 0; p < pops.size(); p++) outDegree[p] = new long[pops.get(p).size()];
        for (Projection proj : sim.projections()) {
            int p = pops.indexOf(proj.source());
            SynapseTable t = proj.table();
            if (t.groups() > 0) for (int i = 0; i < t.sources(); i++) outDegree[p][i] += t.sourceEnd(i) - t.sourceStart(i);
        }
        double[][] isiSum = new double[pops.size()][], isiSq = new double[pops.size()][];
        long[][] last = new long[pops.size()][], count = new long[pops.size()][];
        for (int p = 0; p < pops.size(); p++) {
            int n = pops.get(p).size();
            isiSum[p] = new double[n];
            isiSq[p] = new double[n];
            last[p] = new long[n];
            count[p] = new long[n];
        }
        for (int row = 0; row < rec.count(); row++) {
            if (rec.step(row) < presim) continue;
            int p = rec.populationIndex(row), i = rec.neuron(row);
            spikes[p]++;
            events += outDegree[p][i];
            if (count[p][i] > 0) {
                double isi = rec.step(row) - last[p][i];
                isiSum[p][i] += isi;
                isiSq[p][i] += isi * isi;
            }
            count[p][i]++;
            last[p][i] = rec.step(row);
        }
        System.out.printf("scale %.3g (indegree %.3g), %d neurons, %d synapses, threads %d (active %d, whole populations per worker %b), JDK %s, %d processors%n",
                scale, indegree, pops.stream().mapToInt(Population::size).sum(), synapses, sim.threads(), sim.activeThreads(),
                sim.wholePopulationsPerWorker(),
                Runtime.version(), rt.availableProcessors());
        if (sim.wholePopulationsPerWorker()) {
            System.out.printf("population workers %s after %d re-deals by counted events%n",
                    java.util.Arrays.toString(sim.populationWorkers()), sim.redeals());
        }
        System.out.printf("build %.1f s wall, %.1f s CPU; heap after build and GC %.2f GB (%.2f bytes per synapse)%n", build,
                buildCpu, heap / 1e9, (double) heap / Math.max(1, synapses));
        System.out.printf("presim %.1f s wall for %.1f s; measured %.1f s wall (%.1f s CPU) for %.1f s: RTF %.2f; %.3g synaptic events/s of wall time%n",
                presimWall, PRESIM_S, wall, simCpu, tSim, wall / tSim, events / wall);
        System.out.printf("%.3g synaptic events in the measured part; %.3g per CPU second; %.2f ns of CPU per event%n",
                (double) events, events / simCpu, simCpu * 1e9 / Math.max(1, events));
        System.out.println("| population | neurons | spikes | rate (Hz) | reference (Hz) | ratio | ISI CV |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (int p = 0; p < pops.size(); p++) {
            int n = pops.get(p).size();
            double cvSum = 0;
            int withCv = 0;
            for (int i = 0; i < n; i++) {
                if (count[p][i] < 3) continue;
                double k = count[p][i] - 1, mean = isiSum[p][i] / k;
                cvSum += Math.sqrt(Math.max(0, isiSq[p][i] / k - mean * mean)) / mean;
                withCv++;
            }
            double rate = spikes[p] / (n * tSim);
            double ref = p < REFERENCE_HZ.length ? REFERENCE_HZ[p] : Double.NaN;
            System.out.printf("| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n", pops.get(p).name(), n, spikes[p], rate, ref,
                    rate / ref, withCv > 0 ? cvSum / withCv : Double.NaN);
        }
        sim.close();
    }
}
