package org.spikelane.net;

import java.util.Arrays;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * A projection's synapses in compressed rows by presynaptic neuron (CSR), split by delay.
 *
 * <p>Why split by delay rather than keep a per-synapse delay and a ring of (target, weight)
 * events: delivery stays a walk over contiguous rows, and the synapse kernel is still called
 * once per row (a whole (source neuron, delay) row), never per synapse; nothing is copied per
 * event, and no event buffer can overflow. With one delay value (the common case) there is one
 * group and this is plain CSR. The costs: one row lookup per (spike, distinct delay), and
 * {@code groups * (sources + 1)} row starts, so a projection whose delays take hundreds of
 * distinct step values pays that per spike and in memory (200 delays from a million sources:
 * 800 MB of row starts). Such projections would want rows sorted by delay with per-row delay
 * segments instead; CUBA, COBA and the seed scenarios use one delay.
 *
 * <p>Layout: group {@code g} holds the synapses whose delay is {@link #delay(int) delay(g)} steps
 * (ascending); its row of source neuron {@code i} is {@code [rowStart(g, i), rowStart(g, i + 1))}
 * in {@link #targets()} / {@link #weights()}. Within a row, synapses are sorted by target
 * (synapses to the same target keep generation order), so the part of a row that lands in a
 * range of target neurons is a contiguous run found by binary search.
 */
public final class SynapseTable implements StateOwner {
    private final int sources;
    private final int[] delays;
    /** {@code groups * (sources + 1)} absolute row starts. */
    private final int[] rowStart;
    private final int[] target;
    private final float[] weight;

    /**
     * @param sources    size of the source population
     * @param pre        presynaptic index of each synapse
     * @param post       postsynaptic index of each synapse
     * @param weights    SI weight of each synapse
     * @param delaySteps delay of each synapse in whole steps, {@code >= 0}
     */
    public SynapseTable(int sources, int[] pre, int[] post, double[] weights, int[] delaySteps) {
        int n = pre.length;
        this.sources = sources;
        this.delays = Arrays.stream(delaySteps).distinct().sorted().toArray();
        int groups = delays.length;
        int stride = sources + 1;
        // one row start per (delay, source): in long, since many distinct delays times a large source overflow int
        long rowStarts = (long) Math.max(1, groups) * stride;
        if (rowStarts + 1 > ConnectRule.MAX_SYNAPSES) {
            throw new IllegalArgumentException("a projection from " + sources + " neurons with " + groups + " distinct delays needs "
                    + rowStarts + " row starts, more than one array holds; round the delays to fewer distinct values");
        }
        this.rowStart = new int[(int) rowStarts];
        this.target = new int[n];
        this.weight = new float[n];
        int[] groupOf = new int[n];
        // two stable counting sorts: by target, then by (group, pre); so each row is sorted by
        // target, and synapses to one target keep generation order (their weights add up in it)
        int[] byTarget = byTarget(post);
        int[] count = new int[groups * stride + 1];
        for (int s = 0; s < n; s++) {
            groupOf[s] = Arrays.binarySearch(delays, delaySteps[s]);
            count[groupOf[s] * stride + pre[s] + 1]++;
        }
        for (int r = 0; r < groups * stride; r++) count[r + 1] += count[r];
        System.arraycopy(count, 0, rowStart, 0, groups * stride);
        int[] fill = Arrays.copyOf(count, count.length);
        for (int s : byTarget) {
            int at = fill[groupOf[s] * stride + pre[s]]++;
            target[at] = post[s];
            weight[at] = (float) weights[s];
        }
    }

    /**
     * A table already laid out as described above (a builder that fills the final arrays itself,
     * {@link TotalNumberTable}): {@code delays} ascending and distinct, {@code rowStart} of length
     * {@code delays.length * (sources + 1)}, rows sorted by target. Taken, not copied.
     */
    SynapseTable(int sources, int[] delays, int[] rowStart, int[] target, float[] weight) {
        this.sources = sources;
        this.delays = delays;
        this.rowStart = rowStart;
        this.target = target;
        this.weight = weight;
    }

    /** Synapse indices ordered by target, stably (a counting sort: O(synapses + targets)). */
    private static int[] byTarget(int[] post) {
        int targets = 0;
        for (int t : post) targets = Math.max(targets, t + 1);
        int[] start = new int[targets + 1];
        for (int t : post) start[t + 1]++;
        for (int t = 0; t < targets; t++) start[t + 1] += start[t];
        int[] order = new int[post.length];
        for (int s = 0; s < post.length; s++) order[start[post[s]]++] = s;
        return order;
    }

    public int sources() { return sources; }

    /** Number of synapses. */
    public int count() { return target.length; }

    /** Number of distinct delays. */
    public int groups() { return delays.length; }

    /** Delay of group {@code g} in steps. */
    public int delay(int g) { return delays[g]; }

    /** The longest delay in steps (0 when there are no synapses). */
    public int maxDelay() { return delays.length == 0 ? 0 : delays[delays.length - 1]; }

    /** Start of source neuron {@code i}'s row in group {@code g}; {@code rowStart(g, i + 1)} is its end. */
    public int rowStart(int g, int i) { return rowStart[g * (sources + 1) + i]; }

    /** Postsynaptic indices, row after row; do not modify. */
    public int[] targets() { return target; }

    /** Weights (SI) aligned with {@link #targets()}; do not modify. */
    public float[] weights() { return weight; }

    /** The flat row-start array (group {@code g} starts at {@code g * (sources() + 1)}); do not modify. */
    int[] rowStarts() { return rowStart; }

    /** Connectivity and weights are parameters: fixed while running today, plastic later. */
    @Override
    public void declareState(StateDeclarer s) {
        s.array("delays", Role.PARAMETER, "steps", delays);
        s.array("rowStart", Role.PARAMETER, "synapse", rowStart);
        s.array("targets", Role.PARAMETER, "neuron", target);
        s.array("weights", Role.PARAMETER, "SI", weight);
    }
}
