package org.spikelane.neuron;

import org.spikelane.spi.ParameterException;
import org.spikelane.units.Dimension;
import org.spikelane.units.Units;

/**
 * Refuses voltage parameters that {@code precision: fixed} would round into another network. The
 * population's LSB_v follows its largest voltage parameter ({@link FixedLifState}: four times it
 * within 2^27 LSB_v), so one huge value ({@code v_threshold: 1e6 V}: LSB_v = 31.25 mV) rounds the
 * others away ({@code E_L = -70 mV} to -62.5 mV). A parameter is held well enough when it is within
 * 1e-3 of its value or within 1 uV (a value near 0 may lose its digits, e.g. 1 nV becomes 0); up to
 * +-64 V (LSB_v <= 2^-19 V) that holds for any value. Otherwise the build stops with one line naming
 * the largest parameter (it set LSB_v), the value it moved and by how much, and that bound.
 */
final class FixedVoltageResolution {
    private FixedVoltageResolution() {}

    /** Voltages up to this magnitude make LSB_v at most 2^-19 V, so every voltage is held within 1 uV. */
    static final double ALWAYS_HELD = 64;
    private static final double RELATIVE = 1e-3, ABSOLUTE = 1e-6;

    /**
     * @param names     the parameter of each value ({@code values[k]} is {@code names[k % names.length]} of neuron {@code k / names.length})
     * @param values    the requested voltages, in volts
     * @param quantized the same values as the int state holds them, in volts
     */
    static void check(String population, String[] names, double[] values, double[] quantized, double lsb) {
        int largest = 0;
        for (int k = 1; k < values.length; k++) if (Math.abs(values[k]) > Math.abs(values[largest])) largest = k;
        for (int k = 0; k < values.length; k++) {
            double error = Math.abs(quantized[k] - values[k]);
            if (error <= ABSOLUTE || error <= RELATIVE * Math.abs(values[k])) continue;
            int neuron = k / names.length;
            throw new ParameterException("population '" + population + "'", names[largest % names.length],
                    Units.format(values[largest], Dimension.VOLTAGE) + " sets LSB_v of precision fixed to "
                    + Units.format(lsb, Dimension.VOLTAGE) + " (the largest voltage parameter sets it), which rounds "
                    + names[k % names.length] + " " + Units.format(values[k], Dimension.VOLTAGE) + " of neuron " + neuron
                    + " to " + Units.format(quantized[k], Dimension.VOLTAGE) + "; voltage parameters within +-"
                    + Units.format(ALWAYS_HELD, Dimension.VOLTAGE) + " are held to 1 uV");
        }
    }
}
