package org.spikelane.spi;

/**
 * A LIF population under {@code precision: fixed}, as its input and synapse plugins see it
 * (docs/fixed-point.md). The LIF kernel reads two int accumulators each step and
 * clears them; both are in units of {@link #voltLsb()} (LSB_v), the population's voltage
 * resolution, so a plugin quantizes once and the kernel only adds:
 * <ul>
 *   <li>{@link #drive()}: {@code R I} of this step's input current, which moves {@code v_inf}
 *       (inputs, and anything held constant over the step);</li>
 *   <li>{@link #jump()}: a jump of {@code v} at the end of the step (delta synapses, and the exact
 *       propagator terms of current synapses).</li>
 * </ul>
 * Arrays are sized {@link LifParameters#padded()} and indexed by population index. A contribution is
 * clipped by the plugin to {@code +-contributionLimit()}, and so is the accumulator after the plugin's
 * addition (a plain int {@code +=} of several contributions near the limit wraps around to the other
 * sign before the kernel sees it); each clip is reported with {@link #countClipped}. The kernel
 * clips the sums again (counted too), so overflow is never silent.
 */
public interface FixedTarget {
    /** The population's physical parameters: size, {@code tau_m}, {@code C}, {@code R} for propagators. */
    LifParameters parameters();

    /** Volts per LSB of {@code v} and of both accumulators (a power of two). */
    double voltLsb();

    /**
     * The membrane potential of neuron {@code i} in volts, from the int state. For recorded
     * quantities that depend on {@code v} (e.g. {@code I_syn = g (E_rev - v)}).
     */
    double voltage(int neuron);

    /** LSB_v per ampere for neuron {@code i}: its quantized {@code R} over LSB_v. */
    double lsbPerAmpere(int neuron);

    /** {@code R I} of this step in LSB_v, summed over inputs; read and cleared by the kernel. */
    int[] drive();

    /** Jumps of {@code v} in LSB_v, summed over synapses; read and cleared by the kernel. */
    int[] jump();

    /** Largest magnitude of one plugin's contribution to either accumulator. */
    int contributionLimit();

    /**
     * Reports {@code n} clipped contributions, counted as overflows of {@code I} (drive) or
     * {@code dv} (jump). Safe to call from kernels running different ranges at the same time.
     */
    void countClipped(boolean jump, long n);

    /** Fraction bits of decay factors, e.g. 16: a decay {@code d} is the int {@code round(d 2^bits)}. */
    int decayBits();

    /** Whether to use the Vector API path (false: the scalar reference). */
    boolean vector();
}
