package org.spikelane.nir.exec;

/**
 * How a neuron node advances one step of length dt. NIR stores ODEs, not a step rule, and the
 * tools that export graphs trained them with forward Euler, so both are offered (docs/nir.md).
 */
public enum Integration {
    /** Forward Euler in the order of NIR's reference CubaLIF step: the networks were trained this way. */
    EULER,
    /** The exact solution of the node's linear ODE with the step's input held constant over the step. */
    EXACT;

    public static Integration parse(String text) {
        return EnumOption.parse(Integration.class, text, "--integration");
    }

    public String label() { return EnumOption.label(this); }
}
