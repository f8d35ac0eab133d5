package org.spikelane.synapses;

import org.junit.jupiter.api.Test;
import org.spikelane.Precision;

/**
 * The synaptic phases under {@code precision: fixed}, where delta, exp_current and alpha_current
 * run their int kernels (vector path unless {@code spikelane.vector=scalar}) and the conductances
 * their float ones: no allocation per warm step, as in {@link NoAllocationTest}. A vector boxed
 * because it crossed a call or a branch merge would show here as bytes per lane group.
 */
class FixedNoAllocationTest {
    @Test
    void synapticPhasesUnderFixedPrecisionDoNotAllocate() {
        NoAllocationTest.assertNoAllocation(Precision.FIXED);
    }
}
