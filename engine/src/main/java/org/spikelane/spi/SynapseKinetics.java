package org.spikelane.spi;

/**
 * The closed form of a synapse's effect, declared by its plugin ({@link SynapsePlugin#kinetics()})
 * so that a number format whose neurons carry their own synaptic current (loihi: the neuron's
 * {@code u}, decaying with {@code du}) can take the synapse over without knowing the plugin.
 * A format that needs one of these and finds none refuses the plugin in a one-line error.
 */
public sealed interface SynapseKinetics {
    /** What the synapse is, for error messages: "a current decaying with tau_syn". */
    String describe();

    /**
     * A current that jumps by the weight and decays exponentially with the time constant given
     * by the plugin's parameter {@code timeConstant} (e.g. "tau_syn"); weights in A, or in V
     * meaning {@code R I}.
     */
    record ExponentialCurrent(String timeConstant) implements SynapseKinetics {
        @Override public String describe() { return "a current decaying with " + timeConstant; }
    }

    /** A jump of {@code v} by the weight (V) at arrival; no state of its own. */
    record VoltageJump() implements SynapseKinetics {
        @Override public String describe() { return "a voltage jump"; }
    }
}
