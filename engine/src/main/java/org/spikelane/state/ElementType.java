package org.spikelane.state;

/** The primitive element type of a registered array; scalars are one-element {@link #LONG} or {@link #DOUBLE} cells. */
public enum ElementType {
    FLOAT(4), DOUBLE(8), INT(4), LONG(8), BOOLEAN(1);

    /** Bytes per element in a checkpoint file. */
    public final int bytes;

    ElementType(int bytes) { this.bytes = bytes; }

    static ElementType of(Object array) {
        return switch (array) {
            case float[] a -> FLOAT;
            case double[] a -> DOUBLE;
            case int[] a -> INT;
            case long[] a -> LONG;
            case boolean[] a -> BOOLEAN;
            default -> throw new IllegalArgumentException("not a registrable primitive array: " + array.getClass().getName());
        };
    }
}
