package org.spikelane.state;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What a kernel calls, once while the simulation is built, to register every array and scalar
 * it keeps. The engine has already named the owner (e.g. {@code "input 'bias'"}); names are unique
 * per owner. Recording, checkpoint/restore and state listings walk what is declared here, so an
 * array left out is invisible to them: a checkpoint would silently miss it.
 *
 * <p>Arrays are registered by reference and read when needed; a kernel must not replace a
 * registered array (use {@link #resizable} for one that grows). Scalars (counters, cursors,
 * flags) are registered as a getter and a setter, so they can stay plain fields in the hot path.
 */
public interface StateDeclarer {
    void array(String name, Role role, String unit, float[] values);

    void array(String name, Role role, String unit, double[] values);

    void array(String name, Role role, String unit, int[] values);

    void array(String name, Role role, String unit, long[] values);

    void array(String name, Role role, String unit, boolean[] values);

    /**
     * An array the kernel may replace by a larger one (a spike list that grows with activity, a
     * recording buffer). Restore hands the saved array to {@code replace}.
     *
     * @param current returns the array in use (a primitive array)
     */
    void resizable(String name, Role role, String unit, Supplier<Object> current, Consumer<Object> replace);

    /** A long-valued scalar (a step counter, a cursor; booleans as 0/1). */
    void scalar(String name, Role role, String unit, LongSupplier get, LongConsumer set);

    /** A double-valued scalar. */
    void decimal(String name, Role role, String unit, DoubleSupplier get, DoubleConsumer set);

    /**
     * A variable that state recorders may sample by name, in SI units where the format has them
     * (e.g. {@code v} in volts, read from the int state under fixed). State recorders find every
     * variable here, so what is not declared cannot be recorded.
     */
    void recordable(org.spikelane.record.Variable variable);

    /**
     * A parameter that may change between steps ({@code Simulation.set(owner, parameter, neuron,
     * value)} finds it here); {@code setter} checks the value and re-derives what depends on it.
     */
    void settable(String parameter, NeuronSetter setter);

    /** How this component's quantized parameters came out (fixed-point formats); read when reported. */
    void quantization(java.util.function.Supplier<java.util.List<org.spikelane.fixed.Quantization>> report);

    /** This component's clip and wrap counts so far; read when reported. */
    void overflows(java.util.function.Supplier<java.util.List<org.spikelane.fixed.OverflowCount>> counts);

    /**
     * Says that this kernel keeps state it does not declare (the default of the plugin SPI's
     * {@code declareState}, for plugins written before the registry). The simulation runs, but
     * a checkpoint refuses with an error naming the owner rather than saving part of the state.
     */
    void undeclared();

    /** Unit of dimensionless values and counts. */
    String NO_UNIT = "1";
}
