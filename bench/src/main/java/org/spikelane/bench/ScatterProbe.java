package org.spikelane.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Whether a masked gather / add / scatter of the Vector API is faster than the scalar loop of
 * delivery ahead ({@code slots[offset + targets[j]] += weights[j]}) on this JVM and CPU, before
 * anyone builds it into {@code Projection} (issue 13, "scatter" experiment).
 *
 * <p>Segments shaped like the microcircuit's at quarter scale: 8..24 synapses (mean 16), targets
 * sorted and distinct within a segment, drawn from 19,296 targets, each segment into one of 60
 * ring slots (the argument; 1 for a ring that stays in L2). 2^20 segments per pass; the two sides run alternately, {@code ROUNDS} passes each
 * after two warm-up passes, timed in thread CPU time (the machine is shared). Prints the median
 * ns per segment and per synapse of each side and the ratio, and checks the two rings agree bit
 * for bit (distinct targets per segment, so each slot takes the same adds in the same order).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector bench/src/main/java/org/spikelane/bench/ScatterProbe.java}
 */
public final class ScatterProbe {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int SEGMENTS = 1 << 20, TARGETS = 19_296, ROUNDS = 7;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ScatterProbe() {}

    /** Optional argument: the number of ring slots (default 60; 1 keeps the ring in L2, which isolates the compute). */
    public static void main(String[] args) {
        int SLOTS = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        SplittableRandom random = new SplittableRandom(13);
        int[] start = new int[SEGMENTS + 1], slotOf = new int[SEGMENTS];
        for (int s = 0; s < SEGMENTS; s++) start[s + 1] = start[s] + 8 + random.nextInt(17);
        int n = start[SEGMENTS];
        // Padded by one vector: the masked gather reads its index map a whole vector at a time.
        int[] targets = new int[n + S.length()];
        float[] weights = new float[n + S.length()];
        for (int s = 0; s < SEGMENTS; s++) {
            slotOf[s] = random.nextInt(SLOTS) * TARGETS;
            int[] seg = random.ints(0, TARGETS).distinct().limit(start[s + 1] - start[s]).sorted().toArray();
            System.arraycopy(seg, 0, targets, start[s], seg.length);
        }
        for (int j = 0; j < n; j++) weights[j] = (float) random.nextGaussian(87.8, 8.78);
        float[] scalarRing = new float[SLOTS * TARGETS], vectorRing = new float[SLOTS * TARGETS];
        System.out.printf(Locale.ROOT, "# %s, %s, %d processors; load %s; %d segments, %d synapses per pass, %d slots%n",
                System.getProperty("java.vm.version"), S, Runtime.getRuntime().availableProcessors(), load(), SEGMENTS, n, SLOTS);
        float[] fullRing = new float[SLOTS * TARGETS];
        long[] scalar = new long[ROUNDS], vector = new long[ROUNDS], full = new long[ROUNDS];
        for (int r = -2; r < ROUNDS; r++) {
            long a = cpu();
            scalar(start, slotOf, targets, weights, scalarRing);
            long b = cpu();
            vector(start, slotOf, targets, weights, vectorRing);
            long c = cpu();
            fullThenScalar(start, slotOf, targets, weights, fullRing);
            long d = cpu();
            if (r >= 0) { scalar[r] = b - a; vector[r] = c - b; full[r] = d - c; }
        }
        boolean same = Arrays.equals(scalarRing, vectorRing) && Arrays.equals(scalarRing, fullRing);
        double ms = median(scalar), mv = median(vector), mf = median(full);
        System.out.printf(Locale.ROOT, "scalar %.2f ns/segment %.3f ns/synapse%n", ms / SEGMENTS, ms / n);
        System.out.printf(Locale.ROOT, "masked vector %.2f ns/segment %.3f ns/synapse (ratio to scalar %.3f)%n", mv / SEGMENTS, mv / n, mv / ms);
        System.out.printf(Locale.ROOT, "unmasked vector + scalar tail %.2f ns/segment %.3f ns/synapse (ratio to scalar %.3f)%n", mf / SEGMENTS, mf / n, mf / ms);
        System.out.printf(Locale.ROOT, "rings bit-identical: %b; load %s%n", same, load());
    }

    static void scalar(int[] start, int[] slotOf, int[] targets, float[] weights, float[] slots) {
        for (int s = 0; s < SEGMENTS; s++) {
            int offset = slotOf[s];
            for (int j = start[s], end = start[s + 1]; j < end; j++) slots[offset + targets[j]] += weights[j];
        }
    }

    static void vector(int[] start, int[] slotOf, int[] targets, float[] weights, float[] slots) {
        for (int s = 0; s < SEGMENTS; s++) {
            int offset = slotOf[s];
            for (int j = start[s], end = start[s + 1]; j < end; j += S.length()) {
                VectorMask<Float> m = S.indexInRange(j, end);
                FloatVector w = FloatVector.fromArray(S, weights, j, m);
                FloatVector.fromArray(S, slots, offset, targets, j, m).add(w).intoArray(slots, offset, targets, j, m);
            }
        }
    }

    /** Whole vectors unmasked, the rest of the segment scalar: isolates the cost of the mask. */
    static void fullThenScalar(int[] start, int[] slotOf, int[] targets, float[] weights, float[] slots) {
        for (int s = 0; s < SEGMENTS; s++) {
            int offset = slotOf[s], j = start[s], end = start[s + 1];
            for (; j <= end - S.length(); j += S.length()) {
                FloatVector w = FloatVector.fromArray(S, weights, j);
                FloatVector.fromArray(S, slots, offset, targets, j).add(w).intoArray(slots, offset, targets, j);
            }
            for (; j < end; j++) slots[offset + targets[j]] += weights[j];
        }
    }

    static long cpu() { return THREADS.getCurrentThreadCpuTime(); }

    static double median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
