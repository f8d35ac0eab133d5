package org.spikelane.format;

import java.util.Arrays;
import org.spikelane.spi.SynapseTarget;

/** The float conductance accumulators, which float32 and fixed populations both have once a conductance synapse asks. */
final class ConductanceArrays {
    private ConductanceArrays() {}

    /** Zeroes g and gE of {@code target}, if allocated. */
    static void clear(SynapseTarget target) {
        if (target.g() != null) {
            Arrays.fill(target.g(), 0f);
            Arrays.fill(target.gE(), 0f);
        }
    }
}
