package org.spikelane.nir.kernel;

import org.spikelane.nir.exec.ResetMode;

/** The voltage after a spike, one rule for LIF, CubaLIF and IF (docs/nir.md, "Reset"). */
final class Reset {
    private Reset() {}

    static float after(float v, float threshold, float vReset, boolean subtract) {
        return subtract ? v - threshold : vReset;
    }

    static boolean subtract(ResetMode mode) {
        return mode == ResetMode.SUBTRACT;
    }
}
