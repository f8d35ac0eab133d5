package org.spikelane.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark session of a sweep: a running one if there is one, else a new one on MASTER. */
final class Sessions {
    private Sessions() {}

    static SparkSession open(String master, String appName) {
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                // no web UI and its port: a sweep started from a terminal needs neither
                .config("spark.ui.enabled", "false")
                // each task already runs a whole simulation; Spark's own speculation would run it twice
                .config("spark.speculation", "false");
        // spark-submit sets the master itself (spark.master); the option names it otherwise
        if (master != null && !master.isBlank() && !master.equals("submit")) b = b.master(master);
        if (master != null && master.startsWith("local")) {
            // one JVM: the driver listens on the loopback address only, not on the machine's network
            b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return b.getOrCreate();
    }
}
