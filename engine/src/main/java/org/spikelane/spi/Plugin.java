package org.spikelane.spi;

import java.util.List;

/** What every plugin (input or synapse) declares about itself. */
public interface Plugin {
    /** Short unique name used in scenarios, e.g. {@code "sine"}. Lower case, no spaces. */
    String name();

    /** One-line description for {@code spikelane plugins}. */
    String description();

    /** Declared parameters, in the order they should be listed. */
    List<ParamSpec> params();
}
