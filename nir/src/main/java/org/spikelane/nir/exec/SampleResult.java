package org.spikelane.nir.exec;

/**
 * What one sample's run produced: its spikes as rows (node, neuron, step) in time order and,
 * within a step, in step order of the nodes then neuron order; per Output node and neuron the
 * number of steps its value was not 0 (for spiking sources, the spike count); and each probe's
 * trace, [steps][size] flattened; per node, how often its integers were clipped (precision fixed
 * and loihi; all 0 under float32).
 */
public record SampleResult(int[] spikeNode, int[] spikeNeuron, int[] spikeStep, int[][] outputCounts, float[][] traces, long[] overflows) {
    public int spikeCount() { return spikeNode.length; }

    /** The neuron of Output node {@code k} with the most counts; the lowest index on a tie. */
    public int argmax(int k) {
        int[] c = outputCounts[k];
        int best = 0;
        for (int i = 1; i < c.length; i++) if (c[i] > c[best]) best = i;
        return best;
    }
}
