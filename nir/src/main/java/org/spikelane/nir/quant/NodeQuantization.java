package org.spikelane.nir.quant;

/**
 * One quantized parameter of one node under precision fixed or loihi, as the summary and the
 * console report it: the entry with the largest absolute error over the node's values (for a
 * weight matrix, the worst weight), the value asked for and the value the integers represent,
 * both in the file's own units, and how it is stored.
 *
 * @param node           the flat node name
 * @param parameter      e.g. "weight", "bias", "tau_mem", "v_threshold", "LSB_v"
 * @param requested      the file's value of the worst entry
 * @param effective      what the integers represent for that entry
 * @param maxAbsError    {@code max |effective - requested|} over the node's entries
 * @param representation how the value is held, e.g. "8-bit mantissa, weight exponent 2", "dv = 410 (Q12)"
 */
public record NodeQuantization(String node, String parameter, double requested, double effective, double maxAbsError,
                               String representation) {
    /** One console line. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "node '%s' %s: max |quantized - float| = %.3g (worst: %.6g -> %.6g; %s)",
                node, parameter, maxAbsError, requested, effective, representation);
    }

    /** Tracks the worst entry of one parameter while its values are quantized one by one. */
    static final class Worst {
        private final String node;
        private final String parameter;
        private double requested;
        private double effective;
        private double error = -1;

        Worst(String node, String parameter) {
            this.node = node;
            this.parameter = parameter;
        }

        void add(double requested, double effective) {
            double e = Math.abs(effective - requested);
            if (e > error) {
                error = e;
                this.requested = requested;
                this.effective = effective;
            }
        }

        boolean empty() { return error < 0; }

        NodeQuantization done(String representation) {
            return new NodeQuantization(node, parameter, requested, effective, Math.max(error, 0), representation);
        }
    }
}
