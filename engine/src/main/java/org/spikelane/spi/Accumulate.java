package org.spikelane.spi;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;
import org.spikelane.simd.Simd;

/**
 * Vectorized helpers for plugins that add one value or one array to an accumulator, so that a
 * plugin can be a few lines without touching the Vector API.
 */
public final class Accumulate {
    private Accumulate() {}

    private static final VectorSpecies<Float> S = Simd.FLOAT;

    /** {@code acc[i] += value} for every target neuron ({@code neurons == null}: indices 0..n-1). */
    public static void add(float[] acc, int[] neurons, int n, float value) {
        if (neurons == null) {
            int i = 0;
            int bound = S.loopBound(n);
            FloatVector add = FloatVector.broadcast(S, value);
            for (; i < bound; i += S.length()) {
                FloatVector.fromArray(S, acc, i).add(add).intoArray(acc, i);
            }
            for (; i < n; i++) acc[i] += value;
        } else {
            for (int i : neurons) acc[i] += value;
        }
    }

    private static final VectorSpecies<Integer> I = Simd.INT;

    /** {@code acc[i] += value} in int (fixed precision) for every target neuron ({@code neurons == null}: 0..n-1). */
    public static void add(int[] acc, int[] neurons, int n, int value) {
        if (neurons == null) {
            int i = 0;
            int bound = I.loopBound(n);
            IntVector add = IntVector.broadcast(I, value);
            for (; i < bound; i += I.length()) {
                IntVector.fromArray(I, acc, i).add(add).intoArray(acc, i);
            }
            for (; i < n; i++) acc[i] += value;
        } else {
            for (int i : neurons) acc[i] += value;
        }
    }

    /** {@code acc[neurons[k]] += values[k]} in int ({@code neurons == null}: {@code acc[k] += values[k]}). */
    public static void add(int[] acc, int[] neurons, int[] values, int n) {
        if (neurons == null) {
            int i = 0;
            int bound = I.loopBound(n);
            for (; i < bound; i += I.length()) {
                IntVector.fromArray(I, acc, i).add(IntVector.fromArray(I, values, i)).intoArray(acc, i);
            }
            for (; i < n; i++) acc[i] += values[i];
        } else {
            for (int k = 0; k < n; k++) acc[neurons[k]] += values[k];
        }
    }

    /** {@code acc[neurons[k]] += values[k]} ({@code neurons == null}: {@code acc[k] += values[k]}). */
    public static void add(float[] acc, int[] neurons, float[] values, int n) {
        if (neurons == null) {
            int i = 0;
            int bound = S.loopBound(n);
            for (; i < bound; i += S.length()) {
                FloatVector.fromArray(S, acc, i).add(FloatVector.fromArray(S, values, i)).intoArray(acc, i);
            }
            for (; i < n; i++) acc[i] += values[i];
        } else {
            for (int k = 0; k < n; k++) acc[neurons[k]] += values[k];
        }
    }

    /** {@code acc[neurons[k]] += scale * values[k]}, the per-neuron form with a common factor. */
    public static void addScaled(float[] acc, int[] neurons, float[] values, int n, float scale) {
        if (neurons == null) {
            int i = 0;
            int bound = S.loopBound(n);
            for (; i < bound; i += S.length()) {
                FloatVector.fromArray(S, values, i).fma(FloatVector.broadcast(S, scale), FloatVector.fromArray(S, acc, i)).intoArray(acc, i);
            }
            for (; i < n; i++) acc[i] = Math.fma(values[i], scale, acc[i]);
        } else {
            for (int k = 0; k < n; k++) acc[neurons[k]] = Math.fma(values[k], scale, acc[neurons[k]]);
        }
    }
}
