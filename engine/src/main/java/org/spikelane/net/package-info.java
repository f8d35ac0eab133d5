/**
 * Projections: connectivity, storage and spike delivery (docs/semantics.md §2, §8 and §10; docs/architecture.md).
 *
 * <ul>
 *   <li>{@link org.spikelane.net.ConnectRule}: the scenario's {@code connect} map (all_to_all,
 *   one_to_one, probability, in_degree, total_number, pairs; optional half-open {@code pre}/{@code post}
 *   ranges; {@code autapses}), checked when the projection is added and drawn when the simulation
 *   is built from a stream derived from the network seed and the projection's position, so a
 *   seed always gives the same synapses, weights and delays; each target's are keyed by that
 *   target, so a slice of the targets can be built alone.</li>
 *   <li>{@link org.spikelane.net.SynapseTable}: compressed rows by presynaptic neuron, split by
 *   delay (one group per distinct delay in steps); why this rather than an event ring is said there.</li>
 *   <li>{@link org.spikelane.net.Projection}: a ring of the source's last {@code maxDelay + 1}
 *   spike lists; phase SYNAPSE_UPDATE calls the kernel's {@code update}, phase DELIVERY hands the kernel one row per
 *   (spiking neuron, delay). A spike at step {@code s} with delay {@code d} steps is first seen by
 *   the update of step {@code s + d + 1}; delays are {@code round(delay / dt)} steps, 0 allowed.</li>
 *   <li>{@link org.spikelane.net.SynapticVariables}: kernel variables become recordable on the
 *   target; a plain name is the sum over projections, {@code name@source} one projection's own.</li>
 * </ul>
 */
package org.spikelane.net;
