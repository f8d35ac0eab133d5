package org.spikelane.state;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One registered array of a simulation: who owns it, what it is, and how to reach it.
 *
 * @param owner  the component, as error messages name it (e.g. {@code "population 'exc'"})
 * @param name   unique within the owner (e.g. {@code "v"})
 * @param type   element type
 * @param role   decides whether checkpoints carry it
 * @param unit   SI unit of the values ({@code "V"}, {@code "A"}), {@code "1"} for counts, or a
 *               fixed-point unit such as {@code "LSB_v"}
 * @param current the array in use
 * @param replace for resizable arrays and scalars, installs a restored array; null for fixed-size arrays
 * @param scalar  a scalar seen as a one-element array ({@code current} then makes a new one per call)
 */
public record StateEntry(String owner, String name, ElementType type, Role role, String unit,
                         Supplier<Object> current, Consumer<Object> replace, boolean scalar) {
    /** The array now in use. */
    public Object array() { return current.get(); }

    /** Number of elements now. */
    public int length() { return java.lang.reflect.Array.getLength(current.get()); }

    /** Whether restore may install an array of another length. */
    public boolean resizable() { return replace != null && !scalar; }

    /** Bytes the values take now (a checkpoint stores this many, plus the record header). */
    public long bytes() { return (long) length() * type.bytes; }

    /** E.g. "population 'exc' v". */
    public String label() { return owner + " " + name; }
}
