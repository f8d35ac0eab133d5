package org.spikelane.spi;

/**
 * An input's current that stays the same from step to step, folded into the target's neuron
 * kernel: the kernel adds it to the step's input current in its own pass, so the input takes no
 * pass of its own ({@link InputContext#constantCurrent()}). Change it only between steps, and say
 * which neurons changed.
 */
public interface ConstantCurrent {
    /** This input's current per population index (A, padded, initially 0); write, then call {@link #changed}. */
    float[] values();

    /** Tells the population that {@code values()[from, to)} changed, so it forms their sum with the other constant inputs again. */
    void changed(int from, int to);
}
