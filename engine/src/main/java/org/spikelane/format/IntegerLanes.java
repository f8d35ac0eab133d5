package org.spikelane.format;

import org.spikelane.simd.Simd;

/** The lanes of the integer formats' kernels, as {@link NumberFormat#lanes()} reports them. */
final class IntegerLanes {
    private IntegerLanes() {}

    static String describe() {
        return (Simd.useVectorKernels() ? "vector " : "scalar reference ") + Simd.INT;
    }
}
