package org.spikelane.synapses;

/**
 * The per-step array operations the synapse kernels are made of, with a Vector API
 * implementation and a scalar reference (Lucene's vectorization-provider shape). State arrays are
 * {@code double} while the target's accumulators are {@code float}: a float decay factor is off
 * by up to 6e-8 relative, which compounds to {@code k * 6e-8} after {@code k} steps and would
 * break the superposition oracle (1e-6) within a few dozen steps; double state keeps the decay
 * exact to 1e-13 over a whole run, and only the step's contribution is rounded to float.
 *
 * <p>Each operation covers the target neurons {@code [from, to)} of one range: {@code from} is a
 * multiple of the float lane count, {@code to} one too or the target's padded size, so a vector
 * loop needs no tail. Both implementations do the same double operations in the same order, so
 * they agree exactly. Used by {@code biexp_conductance} and, under fixed, {@code exp_conductance};
 * under float32 the exponential and alpha currents and {@code exp_conductance} are fused into the
 * LIF kernel instead (float state with a compensated decay: docs/architecture.md).
 */
interface SynapseOps {
    /** The vector implementation, or the scalar reference when {@code vector} is false. */
    static SynapseOps of(boolean vector) {
        return vector ? VectorSynapseOps.INSTANCE : ScalarSynapseOps.INSTANCE;
    }

    /**
     * Conductance made of decaying terms {@code g = s[0] + s[1] + ...}: {@code g[i] += (float) sum},
     * {@code gE[i] += (float) (sum * eRev)}, then {@code s[t][i] *= decay[t]}.
     */
    void feedConductance(float[] g, float[] gE, double eRev, double[][] s, double[] decay, int from, int to);
}
