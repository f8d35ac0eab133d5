package org.spikelane.fixed;

/**
 * One parameter as the fixed-point kernel really uses it. For per-neuron parameters the entry
 * is that of the neuron with the largest relative error.
 *
 * @param population    population name
 * @param parameter     e.g. "tau_m" (effective time constant of the rounded decay), "R", "E_L";
 *                      "LSB_v" and "LSB_I" give the chosen resolutions (requested = effective)
 * @param requested     the value asked for, SI
 * @param effective     the value the integers represent, SI
 * @param relativeError {@code |effective - requested| / |requested|} (0 if requested is 0 and equal)
 */
public record Quantization(String population, String parameter, double requested, double effective, double relativeError) {
    public static Quantization of(String population, String parameter, double requested, double effective) {
        double err = requested == effective ? 0 : Math.abs(effective - requested) / Math.abs(requested);
        return new Quantization(population, parameter, requested, effective, err);
    }
}
