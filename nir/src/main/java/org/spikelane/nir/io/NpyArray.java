package org.spikelane.nir.io;

import java.util.Arrays;

/** A NumPy array read from {@code .npy}: its values as float, row-major, and its shape. */
public record NpyArray(float[] data, int[] shape) {
    public String shapeText() {
        return Arrays.toString(shape);
    }
}
