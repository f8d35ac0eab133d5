package org.spikelane.nir.exec;

import org.spikelane.nir.kernel.NodeKernel;

/**
 * One run of a compiled graph: every node's output, summed input and state, owned by this run
 * alone (a batch gives each sample its own run, so samples run on any threads at once). A step
 * allocates nothing.
 */
public final class GraphRun {
    private final CompiledGraph graph;
    private final float[][] out;
    private final float[][] in;
    private final float[][][] state;
    /** Each kernel's private per-run memory beyond its float state (integer state under fixed and loihi); mostly null. */
    private final Object[] work;
    private int step;

    public GraphRun(CompiledGraph graph) {
        this.graph = graph;
        int n = graph.nodeCount();
        out = new float[n][];
        in = new float[n][];
        state = new float[n][][];
        work = new Object[n];
        for (int i = 0; i < n; i++) {
            NodeKernel k = graph.kernel(i);
            out[i] = new float[k.outputSize()];
            in[i] = new float[k.inputSize()];
        }
        reset();
    }

    /** Back to step 0: zero state, and each output as a silent past leaves it (an Affine's bias). */
    public void reset() {
        for (int i = 0; i < graph.nodeCount(); i++) {
            NodeKernel k = graph.kernel(i);
            state[i] = k.newState();
            work[i] = k.newWork();
            java.util.Arrays.fill(out[i], 0f);
            k.initialOutput(out[i]);
        }
        step = 0;
    }

    /** Processes input row {@code input[offset .. offset + C)} as step {@link #step()}, then counts the step. */
    public void step(float[] input, int offset) {
        int[] inputs = graph.inputs();
        for (int k = 0; k < inputs.length; k++) {
            System.arraycopy(input, offset + graph.inputOffset(k), out[inputs[k]], 0, out[inputs[k]].length);
        }
        for (int k = 0; k < graph.nodeCount(); k++) {
            int node = graph.orderAt(k);
            if (graph.isInput(node)) continue;
            graph.kernel(node).step(step, sum(node), state[node], work[node], out[node]);
        }
        step++;
    }

    /**
     * The node's input: a single source's output as it is, several summed in file order of their
     * edges into the node's own buffer. A node fed by itself reads a copy, so that it does not
     * overwrite what it reads.
     */
    private float[] sum(int node) {
        int[] src = graph.sources(node);
        if (src.length == 1 && src[0] != node) return out[src[0]];
        float[] x = in[node];
        System.arraycopy(out[src[0]], 0, x, 0, x.length);
        for (int s = 1; s < src.length; s++) {
            float[] o = out[src[s]];
            for (int i = 0; i < x.length; i++) x[i] += o[i];
        }
        return x;
    }

    /** The number of steps done since the last reset: the index of the next input row. */
    public int step() { return step; }

    /** The node's output of the last step (live array: read, do not keep). */
    public float[] output(int node) { return out[node]; }

    /** How often node {@code node}'s integers were clipped in this run (fixed and loihi; 0 otherwise). */
    public long overflows(int node) { return graph.kernel(node).overflows(work[node]); }

    /** A recordable variable's values after the last step (live array). */
    public float[] variable(int node, int variable) { return state[node][variable]; }
}
