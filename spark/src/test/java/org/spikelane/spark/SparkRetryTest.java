package org.spikelane.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spikelane.spark.CliRuns.concat;
import static org.spikelane.spark.CliRuns.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.cli.Main;

/**
 * Spark's retry and {@code --spark-spikes}: a task whose first attempt fails after writing its
 * spike file is retried, and the sweep is the local sweep's bytes with each point's spikes those
 * of a local {@code run}, once each; a run that fails every attempt fails the sweep with one line
 * naming it, and leaves no output. The failures come from {@link TestFaults}.
 */
class SparkRetryTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    /** 3 rates x 2 seeds: 6 runs of 100 neurons for 200 ms; run 3 is point 1, seed 2. */
    private static final String[] SWEEP = {"sweep", EXAMPLES.resolve("poisson-noise.yaml").toString(), "--vary",
            "inputs.0.rate=8 kHz..12 kHz:3", "--replicates", "2", "--set", "duration=200 ms", "--set", "populations.0.size=100", "-q", "--out"};
    private static final String[] RATES = {"8 kHz", "10 kHz", "12 kHz"};
    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    @AfterEach
    void noFaults() {
        System.clearProperty(TestFaults.PROPERTY);
    }

    @Test
    void aRetriedTaskGivesTheLocalSweepAndNoTraceOfItsFirstAttempt() throws Exception {
        Path local = tmp.resolve("local");
        Path onSpark = tmp.resolve("spark");
        ok(concat(SWEEP, local.toString(), "--jobs", "2"));
        FailedTasks failed = new FailedTasks();
        spark.sparkContext().addSparkListener(failed);
        System.setProperty(TestFaults.PROPERTY, "first:3");
        try {
            ok(concat(SWEEP, onSpark.toString(), "--spark", "local[2,3]", "--spark-spikes"));
        } finally {
            spark.sparkContext().removeSparkListener(failed);
        }
        // the fault did happen: one attempt failed, and Spark's listener bus has delivered it
        spark.sparkContext().listenerBus().waitUntilEmpty();
        assertEquals(1, failed.count.get(), "failed task attempts");
        for (String file : List.of("sweep.csv", "sweep.png")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(onSpark.resolve(file)), file);
        }
        Path spikes = onSpark.resolve("spikes.parquet");
        // one file per run in its point's folder; the attempts' folder is gone
        try (Stream<Path> files = Files.walk(spikes)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> spikes.relativize(p).toString()).sorted().toList();
            assertEquals(List.of("point=0/run-0.parquet", "point=0/run-1.parquet", "point=1/run-2.parquet", "point=1/run-3.parquet",
                    "point=2/run-4.parquet", "point=2/run-5.parquet"), names);
        }
        for (int point = 0; point < 3; point++) {
            for (int replicate = 0; replicate < 2; replicate++) {
                Path run = tmp.resolve("run-" + point + "-" + replicate);
                ok("run", EXAMPLES.resolve("poisson-noise.yaml").toString(), "--set", "duration=200 ms", "--set", "populations.0.size=100",
                        "--set", "inputs.0.rate=" + RATES[point], "--set", "seed=" + (1 + replicate), "--set", "record={spikes: [E, thalamus]}", "-q", "--out", run.toString());
                List<String> expected = new ArrayList<>();
                for (String line : Files.readAllLines(run.resolve("spikes.csv")).subList(1, Files.readAllLines(run.resolve("spikes.csv")).size())) {
                    String[] c = line.split(",");
                    expected.add(c[0] + "," + c[1] + "," + Double.parseDouble(c[2]));
                }
                List<String> actual = new ArrayList<>();
                for (Row r : spark.read().parquet(spikes.toString()).where("point = " + point + " and replicate = " + replicate).collectAsList()) {
                    actual.add(r.<String>getAs("population") + "," + r.<Integer>getAs("neuron") + "," + r.<Double>getAs("time_s"));
                    assertEquals(1L + replicate, r.<Long>getAs("seed"));
                    assertEquals(Math.round(r.<Double>getAs("time_s") / 1e-4), r.<Long>getAs("step"));
                }
                assertTrue(expected.size() > 50, "spikes at point " + point + ": " + expected.size());
                // as multisets: a duplicated row from the failed attempt would show here
                assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList(), "point " + point + " seed " + (1 + replicate));
            }
        }
    }

    @Test
    void aRunThatFailsEveryAttemptFailsTheSweepWithOneLineAndNoOutputs() throws Exception {
        Path out = tmp.resolve("failed");
        System.setProperty(TestFaults.PROPERTY, "always:3");
        CliRuns r = CliRuns.execute(concat(SWEEP, out.toString(), "--spark", "local[2,3]", "--spark-spikes"));
        assertEquals(Main.FAILED, r.code(), r.err() + r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("run 3 (point 1, inputs.0.rate=10 kHz, seed=2) failed on Spark in attempt 3"), r.err());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "nothing in the output folder: no outputs, no temporary folder");
        }
        assertFalse(Files.exists(out.resolve("spikes.parquet")));
    }

    /** Counts task attempts that ended in failure. */
    private static final class FailedTasks extends SparkListener {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.reason() != Success$.MODULE$) count.incrementAndGet();
        }
    }
}
