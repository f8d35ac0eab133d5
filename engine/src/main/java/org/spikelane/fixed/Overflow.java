package org.spikelane.fixed;

/** What happens when a state variable leaves its bit range; either way the event is counted. */
public enum Overflow {
    /** Two's complement wrap into the range (Loihi's current {@code u}). */
    WRAP,
    /** Clip to the nearest bound. */
    SATURATE
}
