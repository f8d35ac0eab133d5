package org.spikelane.cli.scenario;

/**
 * A problem with a scenario, reported on one line in the compiler style
 * {@code FILE:LINE:COLUMN: FIELD: PROBLEM} so that editors and terminals can jump to it.
 * The CLI exits with code 2 for these.
 */
public final class ScenarioException extends RuntimeException {
    private final String source;
    private final Location location;
    private final String field;
    private final String problem;

    /**
     * @param source   file name (or "--set" for a command-line override)
     * @param location line and column, or null if unknown
     * @param field    dotted path such as {@code inputs.0.amplitude}, or null for the whole file
     */
    public ScenarioException(String source, Location location, String field, String problem) {
        super(format(source, location, field, problem));
        this.source = source;
        this.location = location;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String source, Location location, String field, String problem) {
        StringBuilder b = new StringBuilder(source);
        if (location != null) b.append(':').append(location.line()).append(':').append(location.column());
        b.append(": ");
        if (field != null && !field.isEmpty()) b.append(field).append(": ");
        // engine messages are one line already; make sure nothing multi-line slips through
        b.append(problem.replace('\n', ' ').strip());
        return b.toString();
    }

    public String source() { return source; }

    public Location location() { return location; }

    public String field() { return field; }

    public String problem() { return problem; }
}
