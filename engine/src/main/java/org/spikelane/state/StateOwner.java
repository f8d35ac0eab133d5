package org.spikelane.state;

/**
 * Something that keeps arrays or scalars across steps: a LIF state, a kernel, a spike ring, a
 * recorder. The engine calls {@link #declareState} once, when the simulation is built.
 */
public interface StateOwner {
    /** Registers every array and scalar this object keeps, including parameters and scratch. */
    void declareState(StateDeclarer state);
}
