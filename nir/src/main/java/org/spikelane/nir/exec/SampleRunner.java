package org.spikelane.nir.exec;

import java.util.Arrays;
import java.util.List;

/** Runs one sample, [steps][C] row-major, from a fresh state and collects its {@link SampleResult}. */
public final class SampleRunner {
    private SampleRunner() {}

    public static SampleResult run(CompiledGraph graph, float[] input, int offset, int steps, List<Probe> probes) {
        int c = graph.inputSize();
        if (graph.options().precision() == org.spikelane.Precision.FIXED) requireSpikes(graph, input, offset, steps, c);
        GraphRun run = new GraphRun(graph);
        int[] spiking = java.util.stream.IntStream.of(graph.order()).filter(i -> graph.kernel(i).spiking()).toArray();
        int[] outputs = graph.outputNodes();
        int[][] counts = new int[outputs.length][];
        for (int k = 0; k < outputs.length; k++) counts[k] = new int[graph.kernel(outputs[k]).outputSize()];
        float[][] traces = new float[probes.size()][];
        for (int p = 0; p < probes.size(); p++) traces[p] = new float[Math.multiplyExact(steps, probes.get(p).read(run).length)];
        SpikeRows rows = new SpikeRows();
        for (int t = 0; t < steps; t++) {
            run.step(input, offset + t * c);
            for (int node : spiking) {
                float[] z = run.output(node);
                for (int i = 0; i < z.length; i++) if (z[i] != 0f) rows.add(node, i, t);
            }
            for (int k = 0; k < outputs.length; k++) {
                float[] y = run.output(outputs[k]);
                for (int i = 0; i < y.length; i++) if (y[i] != 0f) counts[k][i]++;
            }
            for (int p = 0; p < probes.size(); p++) {
                float[] v = probes.get(p).read(run);
                System.arraycopy(v, 0, traces[p], t * v.length, v.length);
            }
        }
        long[] overflows = new long[graph.nodeCount()];
        for (int i = 0; i < overflows.length; i++) overflows[i] = run.overflows(i);
        return rows.result(counts, traces, overflows);
    }

    /**
     * Under fixed the graph's Affine nodes sum spikes: an input value other than 0 or 1 is an error
     * naming it. Loihi carries graded spikes (docs/nir.md, "Graded inputs under loihi").
     */
    private static void requireSpikes(CompiledGraph graph, float[] input, int offset, int steps, int c) {
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < c; k++) {
                float x = input[offset + t * c + k];
                if (x != 0f && x != 1f) {
                    throw new org.spikelane.nir.model.NirException("input row " + t + ", channel " + k + " is " + x + "; under --precision "
                            + graph.options().precision().label() + " the input must be spikes (0 or 1)");
                }
            }
        }
    }

    /** Spike rows in three int arrays that grow by doubling (amortised: no allocation in most steps). */
    private static final class SpikeRows {
        int[] node = new int[256];
        int[] neuron = new int[256];
        int[] step = new int[256];
        int n;

        void add(int nd, int i, int t) {
            if (n == node.length) {
                node = Arrays.copyOf(node, n * 2);
                neuron = Arrays.copyOf(neuron, n * 2);
                step = Arrays.copyOf(step, n * 2);
            }
            node[n] = nd;
            neuron[n] = i;
            step[n] = t;
            n++;
        }

        SampleResult result(int[][] counts, float[][] traces, long[] overflows) {
            return new SampleResult(Arrays.copyOf(node, n), Arrays.copyOf(neuron, n), Arrays.copyOf(step, n), counts, traces, overflows);
        }
    }
}
