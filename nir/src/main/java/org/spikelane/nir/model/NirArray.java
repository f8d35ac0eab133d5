package org.spikelane.nir.model;

import java.util.Arrays;

/**
 * One numeric dataset of a NIR node (a parameter such as {@code tau} or {@code weight}), flattened
 * in row-major (C) order as HDF5 stores it, with its shape. Values are kept in double so that
 * float64 parameters survive until the executor casts them once, per its own rule.
 */
public record NirArray(double[] values, int[] shape) {
    public NirArray {
        long n = 1;
        for (int d : shape) n *= d;
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, not " + values.length);
        }
    }

    public static NirArray scalar(double value) {
        return new NirArray(new double[] {value}, new int[0]);
    }

    public int size() { return values.length; }

    public double get(int i) { return values[i]; }

    public String shapeText() {
        return Arrays.toString(shape);
    }
}
