package org.spikelane;

import org.spikelane.fixed.ArithmeticProfile;
import org.spikelane.format.FixedFormat;
import org.spikelane.format.Float32Format;
import org.spikelane.format.LoihiFormat;
import org.spikelane.format.NumberFormat;
import org.spikelane.spi.ParameterException;

/**
 * Number format of the LIF populations of a simulation: {@code float32} (default), {@code fixed}
 * (int state with physical parameters, {@link ArithmeticProfile#FIXED}) or {@code loihi}
 * (Lava's bit-accurate LIF, {@link ArithmeticProfile#LOIHI}, with physical parameters mapped onto
 * its integers or with raw hardware parameters).
 * See docs/fixed-point.md.
 */
public enum Precision {
    FLOAT32(null, new Float32Format()),
    FIXED(ArithmeticProfile.FIXED, new FixedFormat(ArithmeticProfile.FIXED)),
    LOIHI(ArithmeticProfile.LOIHI, new LoihiFormat());

    private final ArithmeticProfile profile;
    private final NumberFormat format;

    Precision(ArithmeticProfile profile, NumberFormat format) {
        this.profile = profile;
        this.format = format;
    }

    /** The format that builds and runs the LIF populations under this precision. */
    public NumberFormat format() { return format; }

    /** The arithmetic profile; null for float32. */
    public ArithmeticProfile profile() { return profile; }

    /** The word scenarios use: "float32", "fixed", "loihi". */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** Parses a scenario word; a one-line error lists the choices. */
    public static Precision parse(String word) {
        for (Precision p : values()) if (p.label().equals(word == null ? null : word.strip())) return p;
        throw new ParameterException("network", "precision", "must be one of float32, fixed, loihi, got '" + word + "'");
    }
}
