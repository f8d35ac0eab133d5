package org.spikelane.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;

/**
 * One Spark session for every test class of the module (starting Spark takes most of their
 * time), on {@code local[2,3]}: two executor threads, and three attempts per task, so that the
 * retry tests see Spark retry (plain {@code local[2]} never retries). Spark's own shutdown hook
 * stops it when the test JVM ends. A machine where Spark cannot start skips the tests, saying why.
 */
final class TestSpark {
    static final String MASTER = "local[2,3]";
    private static SparkSession spark;
    private static Throwable failure;

    private TestSpark() {}

    static synchronized SparkSession session() {
        if (spark == null && failure == null) {
            try {
                spark = Sessions.open(MASTER, "spikelane tests");
            } catch (Throwable e) {
                failure = e;
            }
        }
        if (failure != null) Assumptions.abort("Spark cannot start on this machine: " + failure);
        return spark;
    }
}
