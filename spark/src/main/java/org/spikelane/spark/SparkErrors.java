package org.spikelane.spark;

import org.spikelane.cli.scenario.ScenarioException;

/**
 * A failed Spark job as the one line a local sweep would print: the run's own exception when Spark
 * passed it back (a scenario error, a parameter out of range), else the first line of Spark's.
 */
final class SparkErrors {
    private SparkErrors() {}

    static RuntimeException oneLine(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ScenarioException s) return s;
            if (t instanceof RuntimeException r && t.getClass().getName().startsWith("org.spikelane.")) return r;
            if (t instanceof IllegalArgumentException r && !t.getClass().getName().startsWith("org.apache.")) return r;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new IllegalStateException("spark: " + message, e);
    }
}
