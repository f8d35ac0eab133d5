package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spikelane sweep}: the f-I curve and a tau_m sweep against the analytic ISI of
 * docs/semantics.md §4, a grid's shape and order, seed replicates' mean and s.e. against the
 * single-seed runs, and parallel runs against a sequential sweep.
 */
class SweepTest {
    /** sweep.csv columns of a one-population sweep over one value: point, value, spikes, rate, 1/mean ISI, CV. */
    private static final int VALUE = 1, SPIKES = 2, RATE = 3, ISI_RATE = 4, CV = 5, ANALYTIC = 6;

    @TempDir
    Path tmp;

    @Test
    void fiCurveMatchesTheIsiFormulaWithinOneStep() throws Exception {
        Path out = tmp.resolve("fi");
        Cli.Outcome o = Cli.ok("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "inputs.0.amplitude=0 nA..10 nA:41",
                "--out", out.toString(), "-q");
        assertTrue(o.out().contains("41 runs") && o.out().contains("rheobase between 2.00000 and 2.25000 nA"), o.out());
        assertEquals("point,inputs.0.amplitude (nA),lif spikes,lif rate (Hz),lif 1/mean ISI (Hz),lif ISI CV,analytic rate (Hz),"
                + "analytic 1/ISI on the time grid (Hz)", Cli.header(out.resolve("sweep.csv")));
        List<String[]> rows = Cli.rows(out.resolve("sweep.csv"));
        assertEquals(41, rows.size());
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            double nA = Double.parseDouble(r[VALUE]);
            assertEquals(k * 0.25, nA, 1e-12);
            long spikes = Long.parseLong(r[SPIKES]);
            double isiRate = Double.parseDouble(r[ISI_RATE]);
            if (nA <= 2.0) {
                assertEquals(0, spikes, "no spike at or below the rheobase, I = " + nA + " nA");
                continue;
            }
            double isi = Oracles.isi(nA * 1e-9, 3e-3);
            // one step per ISI: the measured rate lies between 1/(ISI + dt) and 1/(ISI - dt)
            assertTrue(isiRate >= 1 / (isi + Oracles.DT) && isiRate <= 1 / (isi - Oracles.DT),
                    "I = " + nA + " nA: measured " + isiRate + " Hz, analytic ISI " + isi + " s");
            double first = Oracles.firstSpike(0, nA * 1e-9);
            long expectedSpikes = 1 + (long) Math.floor((0.5 - Oracles.DT - first) / isi + 1e-9);
            assertEquals(expectedSpikes, spikes, "spike count at " + nA + " nA");
            // the population rate is the count over neurons x duration (one neuron, 0.5 s)
            assertEquals(spikes / 0.5, Double.parseDouble(r[RATE]), 1e-9);
            if (spikes >= 3) assertEquals(0.0, Double.parseDouble(r[CV]), 1e-9, "a regular neuron's ISI CV");
            double continuous = 1 / (3e-3 + Oracles.timeToThreshold(Oracles.V_RESET, nA * 1e-9));
            assertEquals(continuous, Double.parseDouble(r[ANALYTIC]), continuous * 1e-6, "analytic column");
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(2e-9, summary.get("analytic_rheobase_si").asDouble(), 1e-15);
        assertEquals(2e-9, summary.get("rheobase_low_si").asDouble(), 1e-15);
        assertEquals(2.25e-9, summary.get("rheobase_high_si").asDouble(), 1e-15);
        assertEquals(41, summary.get("runs").asInt());
        var png = ImageIO.read(out.resolve("sweep.png").toFile());
        assertTrue(png.getWidth() >= 800);
    }

    /**
     * tau_m from 2 ms to 40 ms on a log range at 3 nA: every ISI is docs/semantics.md §4's
     * t_ref + (ceil(T / dt) - 1) dt with T = tau_m ln((RI + E_L - v_reset) / (RI + E_L - v_th)).
     */
    @Test
    void aTauMSweepFollowsTheAnalyticIsi() throws Exception {
        Path out = tmp.resolve("tau");
        Cli.Outcome o = Cli.ok("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "populations.0.params.tau_m=2 ms..40 ms:9:log",
                "--out", out.toString(), "-q");
        assertTrue(!o.out().contains("rheobase"), "a sweep of a time constant claims no rheobase: " + o.out());
        assertEquals("point,populations.0.params.tau_m (ms),lif spikes,lif rate (Hz),lif 1/mean ISI (Hz),lif ISI CV",
                Cli.header(out.resolve("sweep.csv")));
        List<String[]> rows = Cli.rows(out.resolve("sweep.csv"));
        assertEquals(9, rows.size());
        for (int k = 0; k < rows.size(); k++) {
            double ms = Double.parseDouble(rows.get(k)[VALUE]);
            assertEquals(2 * Math.pow(20, k / 8.0), ms, 1e-9 * ms, "log spacing");
            double isi = Oracles.isi(3e-9, 3e-3, ms * 1e-3);
            double isiRate = Double.parseDouble(rows.get(k)[ISI_RATE]);
            assertTrue(isiRate >= 1 / (isi + Oracles.DT) && isiRate <= 1 / (isi - Oracles.DT),
                    "tau_m = " + ms + " ms: measured " + isiRate + " Hz, analytic ISI " + isi + " s");
        }
        // the rate falls as tau_m grows: 2 ms fires 5 times as often as 40 ms or more
        assertTrue(Double.parseDouble(rows.get(0)[RATE]) > 5 * Double.parseDouble(rows.get(8)[RATE]));
    }

    /** Two --vary make a grid: 2 x 3 points, the first option slowest, each value in its own column with its unit. */
    @Test
    void twoVariesMakeAGridInNestedOrder() throws Exception {
        Path out = tmp.resolve("grid");
        Cli.ok("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "populations.0.params.refractory=[1 ms, 5 ms]",
                "--vary", "inputs.0.amplitude=[3, 4.5, 6 nA]", "--set", "duration=200 ms", "--out", out.toString(), "-q");
        assertTrue(Cli.header(out.resolve("sweep.csv")).startsWith("point,populations.0.params.refractory (ms),inputs.0.amplitude (nA),lif spikes,"));
        List<String[]> rows = Cli.rows(out.resolve("sweep.csv"));
        assertEquals(6, rows.size());
        double[][] expected = {{1, 3}, {1, 4.5}, {1, 6}, {5, 3}, {5, 4.5}, {5, 6}};
        for (int k = 0; k < 6; k++) {
            assertEquals(k, Integer.parseInt(rows.get(k)[0]));
            assertEquals(expected[k][0], Double.parseDouble(rows.get(k)[1]));
            assertEquals(expected[k][1], Double.parseDouble(rows.get(k)[2]));
            double isi = Oracles.isi(expected[k][1] * 1e-9, expected[k][0] * 1e-3);
            double isiRate = Double.parseDouble(rows.get(k)[5]);
            assertTrue(isiRate >= 1 / (isi + Oracles.DT) && isiRate <= 1 / (isi - Oracles.DT), "point " + k + ": " + isiRate);
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(6, summary.get("points").asInt());
        assertTrue(!summary.has("rheobase_low_si"), "no rheobase in a grid");
        assertTrue(ImageIO.read(out.resolve("sweep.png").toFile()).getHeight() > 300);
    }

    /**
     * Seed replicates: poisson-noise's three seeds give three different spike counts, and the
     * point's mean and s.e. are those of the three single-seed runs (sweeping the seed itself).
     */
    @Test
    void replicatesGiveTheMeanAndStandardErrorOfTheirSeeds() throws Exception {
        Path replicated = tmp.resolve("replicated");
        Path bySeed = tmp.resolve("by-seed");
        String[] common = {"--set", "duration=100 ms", "--set", "populations.0.size=200", "-q"};
        Cli.ok(concat(new String[] {"sweep", Cli.example("poisson-noise.yaml").toString(), "--vary", "inputs.0.rate=[8 kHz, 10 kHz]",
                "--replicates", "3", "--out", replicated.toString()}, common));
        List<String[]> rows = Cli.rows(replicated.resolve("sweep.csv"));
        assertTrue(Cli.header(replicated.resolve("sweep.csv")).startsWith("point,inputs.0.rate (kHz),replicates,E spikes,E spikes s.e.,"
                + "E rate (Hz),E rate s.e. (Hz),"));
        assertEquals(2, rows.size());
        for (int point = 0; point < 2; point++) {
            String rate = point == 0 ? "8 kHz" : "10 kHz";
            Path dir = bySeed.resolve(Integer.toString(point));
            Cli.ok(concat(new String[] {"sweep", Cli.example("poisson-noise.yaml").toString(), "--vary", "seed=[1, 2, 3]",
                    "--set", "inputs.0.rate=" + rate, "--out", dir.toString()}, common));
            double[] spikes = Cli.rows(dir.resolve("sweep.csv")).stream().mapToDouble(r -> Double.parseDouble(r[2])).toArray();
            assertEquals(3, Arrays.stream(spikes).distinct().count(), "three seeds, three different spike counts: " + Arrays.toString(spikes));
            double mean = Arrays.stream(spikes).average().orElseThrow();
            double ss = Arrays.stream(spikes).map(s -> (s - mean) * (s - mean)).sum();
            double se = Math.sqrt(ss / 2) / Math.sqrt(3);
            String[] r = rows.get(point);
            assertEquals("3", r[2]);
            assertEquals(mean, Double.parseDouble(r[3]), 1e-9 * mean, "mean spike count at " + rate);
            assertEquals(se, Double.parseDouble(r[4]), 1e-9 * se, "s.e. of the spike count at " + rate);
            assertEquals(mean / (200 * 0.1), Double.parseDouble(r[5]), 1e-9 * mean, "mean rate at " + rate);
            assertEquals(se / (200 * 0.1), Double.parseDouble(r[6]), 1e-9 * se, "s.e. of the rate at " + rate);
        }
        JsonNode summary = new ObjectMapper().readTree(replicated.resolve("summary.json").toFile());
        assertEquals("[1,2,3]", summary.get("seeds").toString());
        assertEquals(6, summary.get("runs").asInt());
    }

    /** Runs side by side give the bytes of a sequential sweep. */
    @Test
    void parallelRunsGiveTheSequentialResults() throws Exception {
        List<byte[]> csvs = new ArrayList<>();
        for (String jobs : new String[] {"1", "3"}) {
            Path out = tmp.resolve("jobs" + jobs);
            Cli.Outcome o = Cli.ok("sweep", Cli.example("poisson-noise.yaml").toString(), "--vary", "inputs.0.rate=6 kHz..12 kHz:4",
                    "--vary", "populations.0.params.tau_m=[8 ms, 12 ms]", "--replicates", "2", "--jobs", jobs,
                    "--set", "duration=60 ms", "--set", "populations.0.size=100", "--out", out.toString(), "-q");
            assertEquals(jobs.equals("1"), !o.out().contains("at once"), o.out());
            csvs.add(Files.readAllBytes(out.resolve("sweep.csv")));
        }
        assertArrayEquals(csvs.get(0), csvs.get(1));
        assertEquals(1 + 8, new String(csvs.get(0)).lines().count());
        assertNotEquals(-1, new String(csvs.get(0)).indexOf("E ISI CV s.e."));
    }

    @Test
    void badVarySpecIsAOneLineError() {
        Cli.Outcome o = Cli.run("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "inputs.0.amplitude=0 nA..10 mV:5", "-q");
        assertEquals(Main.BAD_INPUT, o.exitCode());
        assertTrue(o.err().contains("--vary") && o.err().contains("TO") && o.err().contains("voltage"), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        Cli.Outcome shape = Cli.run("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "inputs.0.amplitude=3 nA", "-q");
        assertEquals(Main.BAD_INPUT, shape.exitCode());
        assertTrue(shape.err().contains("PATH=FROM..TO:COUNT"), shape.err());
        Cli.Outcome twice = Cli.run("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "inputs.0.amplitude=[1 nA]",
                "--vary", "inputs.0.amplitude=[2 nA]", "-q");
        assertTrue(twice.err().contains("varied already"), twice.err());
        Cli.Outcome seeds = Cli.run("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "seed=[1, 2]", "--replicates", "2", "-q");
        assertTrue(seeds.err().contains("--replicates") && seeds.err().contains("seed"), seeds.err());
    }

    /** --spark-spikes is Spark's: a local sweep refuses it in one line, before any run. */
    @Test
    void sparkSpikesWithoutSparkIsAOneLineError() {
        Cli.Outcome o = Cli.run("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "inputs.0.amplitude=[1 nA]", "--spark-spikes", "-q",
                "--out", tmp.resolve("no-spark").toString());
        assertEquals(Main.BAD_INPUT, o.exitCode());
        assertEquals("error: --spark-spikes: needs --spark MASTER (a local sweep keeps only its spike tally)", o.err().strip());
        assertTrue(!Files.exists(tmp.resolve("no-spark").resolve("sweep.csv")));
    }

    /** fi-curve's neuron has its rheobase at 2 nA: 3 nA down to 1 nA in 0.25 nA steps brackets it by 2 and 2.25 nA. */
    @Test
    void aDescendingRangeFindsTheRheobaseBracket() throws Exception {
        JsonNode summary = shortSweep("inputs.0.amplitude=3 nA..1 nA:9", "; rheobase between 2.00000 and 2.25000 nA");
        assertEquals(2e-9, summary.get("rheobase_low_si").asDouble(), 1e-15);
        assertEquals(2.25e-9, summary.get("rheobase_high_si").asDouble(), 1e-15);
    }

    /** A sweep of tau_m has no rheobase: the line says nothing of one (it used to say "not crossed"). */
    @Test
    void aSweepOfATimeConstantClaimsNoRheobase() throws Exception {
        JsonNode summary = shortSweep("populations.0.params.tau_m=5 ms..20 ms:4", "4 runs, ");
        assertTrue(!summary.has("rheobase_low_si") && !summary.has("analytic_rheobase_si"), summary.toString());
    }

    /** A list of words (the number format) is a sweep too: both formats fire alike at 3 nA. */
    @Test
    void aListOfWordsIsSwept() throws Exception {
        Path out = tmp.resolve("words");
        Cli.ok("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", "precision=[float32, fixed]", "--set", "duration=100 ms",
                "--out", out.toString(), "-q");
        List<String[]> rows = Cli.rows(out.resolve("sweep.csv"));
        assertEquals("float32", rows.get(0)[VALUE]);
        assertEquals("fixed", rows.get(1)[VALUE]);
        assertEquals(rows.get(0)[SPIKES], rows.get(1)[SPIKES]);
        assertTrue(ImageIO.read(out.resolve("sweep.png").toFile()).getWidth() >= 800);
    }

    /** A 100 ms sweep of fi-curve whose line contains {@code expected} (and "rheobase" only if that does); its summary. */
    private JsonNode shortSweep(String vary, String expected) throws java.io.IOException {
        Path out = tmp.resolve(Integer.toHexString(vary.hashCode()));
        Cli.Outcome o = Cli.ok("sweep", Cli.example("fi-curve.yaml").toString(), "--vary", vary, "--set", "duration=100 ms",
                "--out", out.toString(), "-q");
        assertTrue(o.out().contains(expected), o.out());
        assertEquals(expected.contains("rheobase"), o.out().contains("rheobase"), o.out());
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
