package org.spikelane.state;

/**
 * What a checkpoint must agree on with the simulation it is restored into, besides the list of
 * arrays: the number format, the time step, the seed, the vector width (padded array lengths
 * depend on it) and the step reached.
 */
public record CheckpointHeader(String precision, double dt, long seed, int lanes, long step) {
    /** The first difference to {@code actual}, as a phrase, or null if none (the step may differ). */
    String mismatch(CheckpointHeader actual) {
        if (!precision.equals(actual.precision)) {
            return "it was written under precision " + precision + ", this simulation runs " + actual.precision;
        }
        if (Double.doubleToLongBits(dt) != Double.doubleToLongBits(actual.dt)) {
            return "it was written with dt = " + dt + " s, this simulation has dt = " + actual.dt + " s";
        }
        if (seed != actual.seed) return "it was written with seed " + seed + ", this simulation has seed " + actual.seed;
        if (lanes != actual.lanes) {
            return "it was written with " + lanes + " vector lanes, this JVM runs " + actual.lanes
                    + " (padded array lengths differ; use the same -Dspikelane.vector.bits)";
        }
        return null;
    }
}
