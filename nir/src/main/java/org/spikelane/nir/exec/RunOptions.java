package org.spikelane.nir.exec;

import org.spikelane.nir.model.NirException;

/**
 * What a NIR file does not say and a run must: the step dt in seconds (NIR stores no dt), the
 * integration and the reset rule.
 */
public record RunOptions(double dt, Integration integration, ResetMode reset) {
    public RunOptions {
        if (!(dt > 0) || Double.isInfinite(dt)) throw new NirException("--dt must be a positive time, not " + dt + " s");
        if (integration == null || reset == null) throw new NullPointerException("integration and reset are required");
    }
}
