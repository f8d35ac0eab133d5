package org.spikelane.spi;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.simd.Simd;

/**
 * Vectorized helpers for plugins that add one value or one array to an accumulator, so that a
 * plugin can be a few lines without touching the Vector API.
 *
 * <p>Every helper has a ranged form that writes only {@code acc[from, to)} (the neuron range of a
 * kernel call, see {@link InputKernel}); the form without a range is the whole accumulator.
 * {@code neurons} are target population indices, ascending, with {@code values[k]} belonging to
 * {@code neurons[k]}; {@code neurons == null} means every neuron {@code 0..n-1}, with
 * {@code values[i]} belonging to neuron {@code i}. A ranged call on a subset finds the subset's
 * entries inside the range by binary search, so its cost follows the entries in the range, not
 * the subset's size.
 */
public final class Accumulate {
    private Accumulate() {}

    private static final VectorSpecies<Float> S = Simd.FLOAT;
    private static final VectorSpecies<Integer> I = Simd.INT;

    /**
     * The first index {@code k} in {@code [start, end)} with {@code ascending[k] >= value}, or
     * {@code end} if there is none: where a range of population indices begins in an ascending
     * list of neurons (a subset input's targets, a projection row sorted by target).
     */
    public static int lowerBound(int[] ascending, int start, int end, int value) {
        int lo = start, hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** {@code acc[i] += value} for every target neuron ({@code neurons == null}: indices 0..n-1). */
    public static void add(float[] acc, int[] neurons, int n, float value) {
        add(acc, 0, acc.length, neurons, n, value);
    }

    /** {@code acc[i] += value} for every target neuron {@code i} in {@code [from, to)} ({@code n}: as above, used without a subset). */
    public static void add(float[] acc, int from, int to, int[] neurons, int n, float value) {
        if (neurons == null) {
            int end = Math.min(to, n);
            int i = from;
            int bound = from + S.loopBound(Math.max(0, end - from));
            FloatVector add = FloatVector.broadcast(S, value);
            for (; i < bound; i += S.length()) {
                FloatVector.fromArray(S, acc, i).add(add).intoArray(acc, i);
            }
            for (; i < end; i++) acc[i] += value;
        } else {
            int end = lowerBound(neurons, 0, neurons.length, to);
            for (int k = lowerBound(neurons, 0, end, from); k < end; k++) acc[neurons[k]] += value;
        }
    }

    /** {@code acc[i] += value} in int (fixed precision) for every target neuron ({@code neurons == null}: 0..n-1). */
    public static void add(int[] acc, int[] neurons, int n, int value) {
        add(acc, 0, acc.length, neurons, n, value);
    }

    /** {@code acc[i] += value} in int for every target neuron {@code i} in {@code [from, to)}. */
    public static void add(int[] acc, int from, int to, int[] neurons, int n, int value) {
        if (neurons == null) {
            int end = Math.min(to, n);
            int i = from;
            int bound = from + I.loopBound(Math.max(0, end - from));
            IntVector add = IntVector.broadcast(I, value);
            for (; i < bound; i += I.length()) {
                IntVector.fromArray(I, acc, i).add(add).intoArray(acc, i);
            }
            for (; i < end; i++) acc[i] += value;
        } else {
            int end = lowerBound(neurons, 0, neurons.length, to);
            for (int k = lowerBound(neurons, 0, end, from); k < end; k++) acc[neurons[k]] += value;
        }
    }

    /** {@code acc[neurons[k]] += values[k]} in int ({@code neurons == null}: {@code acc[k] += values[k]}). */
    public static void add(int[] acc, int[] neurons, int[] values, int n) {
        add(acc, 0, acc.length, neurons, values, n);
    }

    /** {@code acc[neurons[k]] += values[k]} in int for the targets in {@code [from, to)}. */
    public static void add(int[] acc, int from, int to, int[] neurons, int[] values, int n) {
        if (neurons == null) {
            int end = Math.min(to, n);
            int i = from;
            int bound = from + I.loopBound(Math.max(0, end - from));
            for (; i < bound; i += I.length()) {
                IntVector.fromArray(I, acc, i).add(IntVector.fromArray(I, values, i)).intoArray(acc, i);
            }
            for (; i < end; i++) acc[i] += values[i];
        } else {
            int end = lowerBound(neurons, 0, n, to);
            for (int k = lowerBound(neurons, 0, end, from); k < end; k++) acc[neurons[k]] += values[k];
        }
    }

    /** {@code acc[neurons[k]] += values[k]} ({@code neurons == null}: {@code acc[k] += values[k]}). */
    public static void add(float[] acc, int[] neurons, float[] values, int n) {
        add(acc, 0, acc.length, neurons, values, n);
    }

    /** {@code acc[neurons[k]] += values[k]} for the targets in {@code [from, to)}. */
    public static void add(float[] acc, int from, int to, int[] neurons, float[] values, int n) {
        if (neurons == null) {
            int end = Math.min(to, n);
            int i = from;
            int bound = from + S.loopBound(Math.max(0, end - from));
            for (; i < bound; i += S.length()) {
                FloatVector.fromArray(S, acc, i).add(FloatVector.fromArray(S, values, i)).intoArray(acc, i);
            }
            for (; i < end; i++) acc[i] += values[i];
        } else {
            int end = lowerBound(neurons, 0, n, to);
            for (int k = lowerBound(neurons, 0, end, from); k < end; k++) acc[neurons[k]] += values[k];
        }
    }

    /** {@code acc[neurons[k]] += scale * values[k]}, the per-neuron form with a common factor. */
    public static void addScaled(float[] acc, int[] neurons, float[] values, int n, float scale) {
        addScaled(acc, 0, acc.length, neurons, values, n, scale);
    }

    /** {@code acc[neurons[k]] += scale * values[k]} for the targets in {@code [from, to)}. */
    public static void addScaled(float[] acc, int from, int to, int[] neurons, float[] values, int n, float scale) {
        if (neurons == null) {
            int end = Math.min(to, n);
            int i = from;
            int bound = from + S.loopBound(Math.max(0, end - from));
            for (; i < bound; i += S.length()) {
                FloatVector.fromArray(S, values, i).fma(FloatVector.broadcast(S, scale), FloatVector.fromArray(S, acc, i)).intoArray(acc, i);
            }
            for (; i < end; i++) acc[i] = Math.fma(values[i], scale, acc[i]);
        } else {
            int end = lowerBound(neurons, 0, n, to);
            for (int k = lowerBound(neurons, 0, end, from); k < end; k++) acc[neurons[k]] = Math.fma(values[k], scale, acc[neurons[k]]);
        }
    }
}
