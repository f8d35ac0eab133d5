package org.spikelane.nir.exec;

/** What a spiking node does to v after a spike (docs/nir.md, "Reset"). */
public enum ResetMode {
    /** v becomes the node's v_reset (0 where the file has none): NIR's own definition. */
    VALUE,
    /** v becomes v - v_threshold, as snnTorch's and NIR's reference CubaLIF step do. */
    SUBTRACT;

    public static ResetMode parse(String text) {
        return EnumOption.parse(ResetMode.class, text, "--reset");
    }

    public String label() { return EnumOption.label(this); }
}
