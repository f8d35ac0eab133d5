package org.spikelane.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector species every kernel uses, chosen once at start-up (Lucene's provider pattern).
 *
 * <p>System properties: {@code spikelane.vector.bits=64|128|256|512} forces a width (tests use it
 * to run every kernel at every width); {@code spikelane.vector=scalar} makes
 * {@link #useVectorKernels()} false so the scalar reference kernels run everywhere.
 */
public final class Simd {
    private Simd() {}

    /** Float lanes; int lanes have the same count so masks convert lane for lane. */
    public static final VectorSpecies<Float> FLOAT = chooseFloat();
    public static final VectorSpecies<Integer> INT = IntVector.SPECIES_PREFERRED.withShape(FLOAT.vectorShape()).check(int.class);
    public static final int LANES = FLOAT.length();

    private static final boolean VECTOR = !"scalar".equalsIgnoreCase(System.getProperty("spikelane.vector", ""));

    private static VectorSpecies<Float> chooseFloat() {
        int bits = Width.requested();
        if (bits == 0) return FloatVector.SPECIES_PREFERRED;
        return FloatVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(bits)).check(float.class);
    }

    /**
     * Reads and checks {@code spikelane.vector.bits}. A nested class so that a command line can
     * check the property before anything touches {@link Simd}: a bad width thrown from Simd's own
     * initialiser would reach the user as an ExceptionInInitializerError and leave the class unusable.
     */
    public static final class Width {
        /** The widths the Vector API has float species for. */
        public static final java.util.List<Integer> ALLOWED = java.util.List.of(64, 128, 256, 512);

        private Width() {}

        /**
         * The width forced by {@code -Dspikelane.vector.bits}, or 0 when unset (the machine's preferred width).
         *
         * @throws IllegalArgumentException naming the value and the allowed widths
         */
        public static int requested() {
            String bits = System.getProperty("spikelane.vector.bits");
            if (bits == null || bits.isBlank()) return 0;
            int parsed;
            try {
                parsed = Integer.parseInt(bits.strip());
            } catch (NumberFormatException e) {
                parsed = -1;
            }
            if (!ALLOWED.contains(parsed)) {
                throw new IllegalArgumentException("-Dspikelane.vector.bits=" + bits + ": not a vector width; allowed: 64, 128, 256, 512"
                        + " (or leave it unset for the machine's preferred width)");
            }
            return parsed;
        }
    }

    /** Whether the vector kernels are in use (false when forced to the scalar reference). */
    public static boolean useVectorKernels() { return VECTOR; }

    /** {@code n} rounded up to a whole number of vectors, so hot loops need no masked tail. */
    public static int padded(int n) {
        return Math.max(LANES, (n + LANES - 1) / LANES * LANES);
    }

    /** E.g. "Species[float, 8, S_256_BIT]", for summaries and benchmark metadata. */
    public static String describe() {
        return (VECTOR ? "vector " : "scalar reference ") + FLOAT;
    }
}
