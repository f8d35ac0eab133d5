package org.spikelane.nir.exec;

import java.util.Locale;
import org.spikelane.nir.model.NirException;

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
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NirException("--integration must be euler or exact, not '" + text + "'");
        }
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
