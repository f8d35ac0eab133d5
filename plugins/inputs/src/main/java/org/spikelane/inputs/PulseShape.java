package org.spikelane.inputs;

/** How one pulse evolves after its event; state is kept per target slot in primitive arrays. */
interface PulseShape {
    /** A pulse for target slot {@code slot} starting at {@code step}; it shows in that step's current. */
    void trigger(int slot, long step);

    /** Adds the current of every pulse at {@code t = step * dt}; called once per step, in order. */
    void addCurrent(long step, float[] current);
}
