package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikelane.cli.output.RatesCsv;

/** rates.csv and the rate panel: bins wide enough for a rate, and the same spikes as spikes.csv. */
class RatesTest {
    @TempDir
    Path tmp;

    /**
     * One neuron at 5 nA fires regularly every 5.3 ms (2 ms + 8 ms ln 1.5 after the first): at
     * 189 Hz, five spikes need 26 ms, so the bins are 50 ms wide and none reads 0 Hz while it fires.
     */
    @Test
    void aRegularNeuronNeverDropsToZero() {
        Path out = tmp.resolve("one");
        Cli.ok("run", Cli.example("quickstart.yaml").toString(), "--set", "populations.0.size=1",
                "--set", "inputs=[{type: bias, target: lif, amplitude: 5 nA}]", "--set", "record={spikes: [lif]}",
                "--set", "duration=1 s", "--out", out.toString(), "-q");
        assertEquals(RatesCsv.HEADER, Cli.header(out.resolve("rates.csv")));
        List<String[]> rows = Cli.rows(out.resolve("rates.csv"));
        assertEquals(20, rows.size(), "1 s in bins of 50 ms");
        double spikes = 0;
        for (String[] r : rows) {
            assertEquals("lif", r[0]);
            assertEquals(0.05, Double.parseDouble(r[2]), 1e-12);
            double hz = Double.parseDouble(r[3]);
            // 9 or 10 spikes in each bin after the first (whose 50 ms include the 4.1 ms to the first spike)
            assertTrue(hz >= 180 && hz <= 200, "bin at " + r[1] + " s: " + hz + " Hz");
            spikes += hz * 0.05;
        }
        assertEquals(Cli.rows(out.resolve("spikes.csv")).size(), spikes, 1e-6, "the bins hold every spike");
    }

    /**
     * summary.json's spike statistics of the quickstart: neuron 0 never fires, 1 and 2 fire
     * regularly (ISI CV 0 up to the one-step jitter of the grid: below 0.02), and the histogram
     * holds every interval.
     */
    @Test
    void summaryHasSpikeStatistics() throws java.io.IOException {
        Path out = tmp.resolve("stats");
        Cli.ok("run", Cli.example("quickstart.yaml").toString(), "--out", out.toString(), "-q");
        var lif = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("populations").get(0);
        assertEquals(2, lif.get("neurons_firing").asInt());
        assertTrue(lif.get("isi_cv").asDouble() >= 0 && lif.get("isi_cv").asDouble() < 0.02, lif.toString());
        assertEquals(0.0, lif.get("neuron_rates_hz").get(0).asDouble());
        assertTrue(lif.get("neuron_isi_cv").get(0).isNull());
        double[] t1 = Cli.spikeTimes(out, "lif", 1);
        assertEquals(t1.length / 0.2, lif.get("neuron_rates_hz").get(1).asDouble(), 1e-9);
        // the histogram again from spikes.csv: neuron 1's intervals (12.9 ms) and neuron 2's (5.3 ms)
        double bin = lif.get("isi_histogram").get("bin_s").asDouble();
        var counts = lif.get("isi_histogram").get("counts");
        long[] expected = new long[counts.size()];
        for (int n : new int[] {1, 2}) {
            double[] t = Cli.spikeTimes(out, "lif", n);
            for (int k = 1; k < t.length; k++) expected[(int) Math.floor((t[k] - t[k - 1]) / bin + 1e-9)]++;
        }
        long[] got = new long[counts.size()];
        for (int b = 0; b < got.length; b++) got[b] = counts.get(b).asLong();
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, got);
    }

    /** The quickstart's three neurons (two firing from 20 ms to 180 ms): the bins hold all spikes, none lost. */
    @Test
    void theBinsHoldEverySpike() {
        Path out = tmp.resolve("quick");
        Cli.ok("run", Cli.example("quickstart.yaml").toString(), "--out", out.toString(), "-q");
        double spikes = 0;
        for (String[] r : Cli.rows(out.resolve("rates.csv"))) spikes += Double.parseDouble(r[3]) * Double.parseDouble(r[2]) * 3;
        assertEquals(Cli.rows(out.resolve("spikes.csv")).size(), spikes, 1e-6);
    }

    /**
     * rates-box.png for a run of two populations (poisson-noise: E and the thalamic Poisson
     * population), and its numbers, the per-neuron rates, are spikes.csv's counts over the run.
     */
    @Test
    void aRunOfSeveralPopulationsDrawsTheirRatesAsBoxes() throws java.io.IOException {
        Path out = tmp.resolve("box");
        var r = org.spikelane.cli.api.Scenarios.run(org.spikelane.cli.api.Scenarios.load(Cli.example("poisson-noise.yaml"), "duration=200 ms"));
        org.spikelane.cli.api.Scenarios.writeOutputs(r, out);
        var image = javax.imageio.ImageIO.read(out.resolve("rates-box.png").toFile());
        assertTrue(image.getWidth() >= 800 && image.getHeight() >= 400);
        double[][] hz = org.spikelane.cli.plot.RatesBoxPlot.rates(r.simulation(), 0, r.steps());
        double[] counted = new double[hz[0].length];
        for (String[] row : Cli.rows(out.resolve("spikes.csv"))) if (row[0].equals("E")) counted[Integer.parseInt(row[1])] += 1 / 0.2;
        org.junit.jupiter.api.Assertions.assertArrayEquals(counted, hz[0], 1e-9);
        assertTrue(java.util.Arrays.stream(hz[0]).sum() > 0, "E fires");
        assertEquals(200, hz[1].length, "every thalamic neuron has a rate, silent ones too");
    }
}
