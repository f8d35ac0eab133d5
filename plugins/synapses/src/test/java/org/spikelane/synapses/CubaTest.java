package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The CUBA network's mean rate against Brian2's. The network is chaotic, so single spike trains
 * cannot be compared; the rate over 1 s can. Brian2 2.5.1 (numpy target, seeds 1-8, data in
 * src/test/resources/brian2, made by cuba.py there) gives 5.50-6.15 Hz, mean 5.69 Hz.
 */
class CubaTest {
    private static double[] brian2Rates() throws IOException {
        try (InputStream in = CubaTest.class.getResourceAsStream("/brian2/cuba_rates.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
            return Arrays.stream(lines).skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
        }
    }

    @Test
    void meanRateOverThreeSeedsLandsInBrian2sBand() throws IOException {
        double[] brian = brian2Rates();
        double brianMean = Arrays.stream(brian).average().orElseThrow();
        double brianSd = Math.sqrt(Arrays.stream(brian).map(r -> (r - brianMean) * (r - brianMean)).sum() / (brian.length - 1));
        double sum = 0;
        for (long seed = 1; seed <= 3; seed++) {
            double rate = Cuba.rate(seed);
            // each seed alone: within a generous band around Brian2 (the network is chaotic)
            assertTrue(rate > 3 && rate < 9, "seed " + seed + ": " + rate + " Hz outside 3-9 Hz");
            sum += rate;
        }
        double mean = sum / 3;
        // the mean of three seeds: within 4 standard errors of Brian2's seed-to-seed spread, plus 0.2 Hz
        assertEquals(brianMean, mean, 4 * brianSd / Math.sqrt(3) + 0.2, "mean of 3 seeds vs Brian2 mean " + brianMean);
    }
}
