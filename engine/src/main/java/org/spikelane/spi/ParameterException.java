package org.spikelane.spi;

/**
 * Invalid parameter of a plugin, population or projection. The message is one line:
 * {@code <owner> parameter '<name>': <problem>}, e.g.
 * {@code input 'pulse' parameter 'tau': must be > 0 s, got -2 ms}.
 */
public final class ParameterException extends IllegalArgumentException {
    private final String owner;
    private final String parameter;

    public ParameterException(String owner, String parameter, String problem) {
        super(owner + (parameter == null ? "" : " parameter '" + parameter + "'") + ": " + problem);
        this.owner = owner;
        this.parameter = parameter;
    }

    /** E.g. "input 'sine'" or "population 'exc'". */
    public String owner() { return owner; }

    /** The offending parameter, or null if the problem concerns the whole owner. */
    public String parameter() { return parameter; }
}
