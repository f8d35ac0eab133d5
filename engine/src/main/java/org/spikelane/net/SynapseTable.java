package org.spikelane.net;

import java.util.Arrays;
import org.spikelane.state.Role;
import org.spikelane.state.StateDeclarer;
import org.spikelane.state.StateOwner;

/**
 * A projection's synapses in compressed rows by presynaptic neuron (CSR), each row split into
 * segments by delay.
 *
 * <p>Layout: source neuron {@code i}'s synapses are contiguous, its segment of group {@code g}
 * (the synapses whose delay is {@link #delay(int) delay(g)} steps, ascending) is
 * {@code [rowStart(g, i), rowEnd(g, i))} in {@link #targets()} / {@link #weights()}, and the
 * segments follow each other in group order, so the whole row is
 * {@code [sourceStart(i), sourceEnd(i))}. Within a segment, synapses are sorted by target
 * (synapses to the same target keep generation order), so the part of a segment that lands in a
 * range of target neurons is a contiguous run found by binary search.
 *
 * <p>Why source-major: with drawn delays a projection has dozens of groups, and a spike then
 * touches one short segment per group. Kept next to each other, the segments of one source are
 * read as one stream (by {@link FutureInputRing} delivery, all at the spike's step), and their
 * row starts are adjacent too; grouped by delay first, each segment and each row start would be
 * a cache miss of its own. With one delay (the common case) there is one group and this is plain
 * CSR. The costs: {@code groups * sources + 1} row starts, so a projection whose delays take
 * hundreds of distinct step values pays that in memory (200 delays from a million sources:
 * 800 MB of row starts).
 */
public final class SynapseTable implements StateOwner {
    private final int sources;
    private final int[] delays;
    /** {@code groups * sources + 1} absolute segment starts, source-major: segment (g, i) is entry {@code i * groups + g}. */
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
        // one row start per (source, delay): in long, since many distinct delays times a large source overflow int
        long rowStarts = (long) groups * sources + 1;
        if (rowStarts > ConnectRule.MAX_SYNAPSES) {
            throw new IllegalArgumentException("a projection from " + sources + " neurons with " + groups + " distinct delays needs "
                    + rowStarts + " row starts, more than one array holds; round the delays to fewer distinct values");
        }
        this.rowStart = new int[(int) rowStarts];
        this.target = new int[n];
        this.weight = new float[n];
        int[] groupOf = new int[n];
        // two stable counting sorts: by target, then by (pre, group); so each segment is sorted by
        // target, and synapses to one target keep generation order (their weights add up in it)
        int[] byTarget = byTarget(post);
        int rows = rowStart.length - 1;
        int[] count = new int[rows + 1];
        for (int s = 0; s < n; s++) {
            groupOf[s] = Arrays.binarySearch(delays, delaySteps[s]);
            count[pre[s] * groups + groupOf[s] + 1]++;
        }
        for (int r = 0; r < rows; r++) count[r + 1] += count[r];
        System.arraycopy(count, 0, rowStart, 0, rows + 1);
        int[] fill = Arrays.copyOf(count, count.length);
        for (int s : byTarget) {
            int at = fill[pre[s] * groups + groupOf[s]]++;
            target[at] = post[s];
            weight[at] = (float) weights[s];
        }
    }

    /**
     * A table already laid out as described above (a builder that fills the final arrays itself,
     * {@link TotalNumberTable}): {@code delays} ascending and distinct, {@code rowStart} of length
     * {@code delays.length * sources + 1}, segments sorted by target. Taken, not copied.
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

    /** Start of source neuron {@code i}'s segment of group {@code g}. */
    public int rowStart(int g, int i) { return rowStart[i * delays.length + g]; }

    /** End of source neuron {@code i}'s segment of group {@code g}. */
    public int rowEnd(int g, int i) { return rowStart[i * delays.length + g + 1]; }

    /** Start of source neuron {@code i}'s whole row (all its segments). */
    public int sourceStart(int i) { return rowStart[i * delays.length]; }

    /** End of source neuron {@code i}'s whole row. */
    public int sourceEnd(int i) { return rowStart[(i + 1) * delays.length]; }

    /** The delays in steps, ascending, one per group; do not modify. */
    int[] delays() { return delays; }

    /** Postsynaptic indices, row after row; do not modify. */
    public int[] targets() { return target; }

    /** Weights (SI) aligned with {@link #targets()}; do not modify. */
    public float[] weights() { return weight; }

    /** The flat segment-start array (segment (g, i) at {@code i * groups() + g}, one end entry last); do not modify. */
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
