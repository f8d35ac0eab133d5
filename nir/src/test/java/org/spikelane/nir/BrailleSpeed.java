package org.spikelane.nir;

import java.nio.file.Path;
import java.util.List;
import org.spikelane.nir.exec.BatchRunner;
import org.spikelane.nir.exec.CompiledGraph;
import org.spikelane.nir.exec.Integration;
import org.spikelane.nir.exec.ResetMode;
import org.spikelane.nir.exec.RunOptions;
import org.spikelane.nir.exec.SampleResult;
import org.spikelane.nir.io.NirReader;
import org.spikelane.nir.io.Npy;
import org.spikelane.nir.io.NpyArray;

/**
 * The speed figure of docs/nir.md: the braille graph over a batch of [B, 256, 12] samples, with 1
 * and 2 threads, several rounds in one JVM (the first is the JIT's warm-up), best round reported.
 * {@code java ... org.spikelane.nir.BrailleSpeed MODEL.nir INPUT.npy [ROUNDS [PRECISIONS]]}, PRECISIONS a comma list
 * (default {@code float32,fixed,loihi}); the input is what
 * {@code bench/peers/nir_braille_numpy.py --write-input} writes.
 */
public final class BrailleSpeed {
    private BrailleSpeed() {}

    public static void main(String[] args) {
        NpyArray in = Npy.read(Path.of(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        for (String precision : (args.length > 3 ? args[3] : "float32,fixed,loihi").split(",")) {
            CompiledGraph g = CompiledGraph.compile(NirReader.read(Path.of(args[0])),
                    new RunOptions(1e-4, Integration.EULER, ResetMode.VALUE, RunOptions.parsePrecision(precision)));
            System.out.println(precision + ":");
            run(g, in, rounds);
        }
    }

    private static void run(CompiledGraph g, NpyArray in, int rounds) {
        int samples = in.shape()[0];
        int steps = in.shape()[1];
        for (int threads : new int[] {1, 2}) {
            double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
            long spikes = 0;
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
                List<SampleResult> results = BatchRunner.run(g, in.data(), samples, steps, List.of(), threads);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                bestCpu = Math.min(bestCpu, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
                spikes = results.stream().mapToLong(SampleResult::spikeCount).sum();
            }
            // one thread runs the samples on this thread, so its CPU time is the run's, whatever else loads the machine
            String cpu = threads == 1 ? String.format(java.util.Locale.ROOT, "; thread CPU %.3f s, %.0f samples per CPU second", bestCpu, samples / bestCpu) : "";
            System.out.printf(java.util.Locale.ROOT, "threads %d: %d samples x %d steps, %d spikes, best of %d rounds %.3f s, %.0f samples/s%s%n",
                    threads, samples, steps, spikes, rounds, best, samples / best, cpu);
        }
    }
}
