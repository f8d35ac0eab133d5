package org.spikelane.units;

/** A value with a missing, unknown or wrong unit. The message is one line and names the field. */
public final class UnitException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public UnitException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() { return field; }

    /** The message without the field name. */
    public String problem() { return problem; }
}
