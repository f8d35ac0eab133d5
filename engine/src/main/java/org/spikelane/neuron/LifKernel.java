package org.spikelane.neuron;

import org.spikelane.state.StateOwner;

/**
 * One step of a LIF population, on the state of its number format {@code S} ({@link LifState}
 * for float32, {@link FixedLifState}, {@link LoihiLifState}) (docs/semantics.md §2, phase NEURON_UPDATE, fused): exact integration with the
 * step's accumulated input, threshold, reset and refractory hold; then the accumulators are
 * cleared. Reset is fused with threshold because nothing between them reads v.
 *
 * <p>Current path: {@code v_inf = E_L + R I}, {@code v <- v_inf + (v - v_inf) e^{-dt/tau_m} + dv}.
 * Conductance path ({@link LifState#g} allocated):
 * {@code g_tot = g_L + g}, {@code v_inf = (g_L E_L + gE + I) / g_tot},
 * {@code v <- v_inf + (v - v_inf) e^{-dt g_tot / C} + dv}.
 * A neuron with {@code refractoryLeft > 0} keeps {@code v = v_reset}, loses its {@code dv}, and
 * cannot spike.
 */
public interface LifKernel<S> extends StateOwner {
    /**
     * Advances the neurons of {@code [from, to)} by step {@code step}, and only them: their state
     * and accumulators are read and written, nothing else. {@code from} is a multiple of
     * {@link org.spikelane.simd.Simd#LANES}, {@code to} one too or the state's padded size, so
     * several ranges of one step (e.g. one per worker, at the same time) advance the population
     * exactly as one call over {@code [0, padded)} does.
     *
     * @param spikesOut receives the indices of this range's neurons that spiked, ascending, from
     *                  {@code spikesOut[offset]} on (at most {@code to - from} of them)
     * @return the number of spikes written
     */
    int step(S s, long step, int from, int to, int[] spikesOut, int offset);
}
