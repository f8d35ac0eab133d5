package org.spikelane.nir.exec;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.spikelane.Precision;
import org.spikelane.nir.model.NirException;

/**
 * What a NIR file does not say and a run must: the step dt in seconds (NIR stores no dt), the
 * integration, the reset rule and the number format (docs/nir.md, "Precision").
 */
public record RunOptions(double dt, Integration integration, ResetMode reset, Precision precision) {
    public RunOptions {
        if (!(dt > 0) || Double.isInfinite(dt)) throw new NirException("--dt must be a positive time, not " + dt + " s");
        if (integration == null || reset == null || precision == null) throw new NullPointerException("integration, reset and precision are required");
    }

    /** float32, the default. */
    public RunOptions(double dt, Integration integration, ResetMode reset) {
        this(dt, integration, reset, Precision.FLOAT32);
    }

    /** {@code --precision float32|fixed|loihi}, or a one-line error naming the choices. */
    public static Precision parsePrecision(String text) {
        for (Precision p : Precision.values()) if (p.label().equals(text.strip())) return p;
        throw new NirException("--precision must be " + Arrays.stream(Precision.values()).map(Precision::label).collect(Collectors.joining(" or "))
                + ", not '" + text + "'");
    }
}
