package org.spikelane.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.cli.Main;
import org.spikelane.cli.scenario.ScenarioException;

import static org.spikelane.spark.CliRuns.concat;
import static org.spikelane.spark.CliRuns.ok;

/**
 * {@code sweep --spark local[2]} against the same sweep on this JVM's threads: the same sweep.csv
 * and sweep.png bytes, and a Parquet table whose rows are the runs. Skipped, saying why, when
 * Spark cannot start here.
 */
class SparkSweepTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = TestSpark.session();
    }

    /** A 3 x 2 grid with 2 seeds (12 tasks) on two executor threads: the local sweep's bytes. */
    @Test
    void sparkGivesTheBytesOfALocalSweep() throws Exception {
        String[] sweep = {"sweep", EXAMPLES.resolve("poisson-noise.yaml").toString(), "--vary", "inputs.0.rate=6 kHz..12 kHz:3",
                "--vary", "populations.0.params.tau_m=[8 ms, 12 ms]", "--replicates", "2", "--set", "duration=60 ms",
                "--set", "populations.0.size=100", "-q", "--out"};
        Path local = tmp.resolve("local");
        Path onSpark = tmp.resolve("spark");
        ok(concat(sweep, local.toString(), "--jobs", "2"));
        String line = ok(concat(sweep, onSpark.toString(), "--spark", "local[2]"));
        assertTrue(line.contains("on Spark local[2]") && line.contains("sweep.parquet"), line);
        for (String file : List.of("sweep.csv", "sweep.png")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(onSpark.resolve(file)), file);
        }
        Dataset<Row> table = spark.read().parquet(onSpark.resolve("sweep.parquet").toString());
        // 6 points x 2 seeds x 2 populations
        assertEquals(24, table.count());
        List<String> csv = Files.readAllLines(local.resolve("sweep.csv"));
        for (int point = 0; point < 6; point++) {
            List<Row> rows = table.where("point = " + point + " and population = 'E'").orderBy("replicate").collectAsList();
            assertEquals(2, rows.size());
            assertEquals(List.of(1L, 2L), List.of(rows.get(0).<Long>getAs("seed"), rows.get(1).<Long>getAs("seed")));
            double mean = (rows.get(0).<Long>getAs("spikes") + rows.get(1).<Long>getAs("spikes")) / 2.0;
            String[] cells = csv.get(1 + point).split(",");
            assertEquals(mean, Double.parseDouble(cells[4]), 1e-12, "mean spikes of point " + point);
            assertEquals(Double.parseDouble(cells[2]), rows.get(0).<Double>getAs("vary_populations_0_params_tau_m_si") * 1e3, 1e-9);
        }
    }

    /**
     * A sweep over a sine's frequency: sweep.parquet carries the fit of sweep.csv in SI units,
     * and the lag is the exact response of the engine's step (57.0 deg at 30 Hz and 90.0 deg at
     * 250 Hz for tau_m = 8 ms, dt = 0.1 ms: atan(2 pi f tau_m) + 180 f dt).
     */
    @Test
    void aSineFrequencySweepPutsItsFitInTheParquetTable() throws Exception {
        Path onSpark = tmp.resolve("sine");
        ok(new String[] {"sweep", EXAMPLES.resolve("neurodynex-sine-sweep.yaml").toString(), "--vary",
                "inputs.0.frequency=[30 Hz, 250 Hz]", "--set", "duration=200 ms", "-q", "--spark", "local[2]", "--out", onSpark.toString()});
        List<String> csv = Files.readAllLines(onSpark.resolve("sweep.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        int lagColumn = header.indexOf("lag of v behind I (deg)"), gainColumn = header.indexOf("gain (Mohm = mV/nA)");
        assertTrue(lagColumn >= 0 && gainColumn >= 0, csv.get(0));
        List<Row> rows = spark.read().parquet(onSpark.resolve("sweep.parquet").toString()).orderBy("point").collectAsList();
        assertEquals(2, rows.size());
        double[] exactLag = {57.0, 90.0};
        for (int point = 0; point < 2; point++) {
            Row row = rows.get(point);
            String[] cells = csv.get(1 + point).split(",");
            assertEquals(exactLag[point], row.<Double>getAs("sine_lag_deg"), 0.05, "lag at point " + point);
            assertEquals(Double.parseDouble(cells[lagColumn]), row.<Double>getAs("sine_lag_deg"), 1e-3);
            assertEquals(Double.parseDouble(cells[gainColumn]), row.<Double>getAs("sine_gain_ohm") / 1e6, 1e-4 * Double.parseDouble(cells[gainColumn]));
            assertEquals(row.<Double>getAs("rc_lag_deg"), row.<Double>getAs("sine_lag_deg"), 0.01, "fit against the exact step response");
            assertEquals(0, row.<Integer>getAs("sine_neuron"));
        }
    }

    /** A point the scenario refuses stops the job before any task, with the scenario's line. */
    @Test
    void aBadPointFailsTheSweepWithTheScenariosLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"sweep", EXAMPLES.resolve("fi-curve.yaml").toString(), "--vary",
                "populations.0.params.tau_m=[8 ms, -1 ms]", "--spark", "local[2]", "-q", "--out", tmp.resolve("bad").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.BAD_INPUT, code);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("tau_m"), err.toString());
        assertTrue(!Files.exists(tmp.resolve("bad").resolve("sweep.csv")));
    }

    /** A task's own exception, passed back inside Spark's, is what the user sees. */
    @Test
    void aFailedTaskReportsTheRunsOwnError() {
        ScenarioException cause = new ScenarioException("fi-curve.yaml", null, "inputs.0.amplitude", "must be finite");
        RuntimeException e = new RuntimeException(new SparkException("Job aborted due to stage failure: Task 3 failed\n\tat ...", cause));
        assertSame(cause, SparkErrors.oneLine(e));
        RuntimeException other = SparkErrors.oneLine(new RuntimeException(new SparkException("Job aborted\nmore", null)));
        assertEquals("spark: org.apache.spark.SparkException: Job aborted", other.getMessage());
    }
}
