package org.spikelane.nir.exec;

import java.util.Locale;
import org.spikelane.nir.model.NirException;

/** What a spiking node does to v after a spike (docs/nir.md, "Reset"). */
public enum ResetMode {
    /** v becomes the node's v_reset (0 where the file has none): NIR's own definition. */
    VALUE,
    /** v becomes v - v_threshold, as snnTorch's and NIR's reference CubaLIF step do. */
    SUBTRACT;

    public static ResetMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NirException("--reset must be value or subtract, not '" + text + "'");
        }
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
