package org.spikelane.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.spikelane.Network;

/**
 * The CUBA and COBA networks' mean rates against Brian2 2.5.1's (numpy target, seeds 1-8; data
 * and the script that made it in src/test/resources/brian2). The networks are chaotic, so spike
 * trains cannot be compared, but the rate over 1 s can: Brian2 gives CUBA 5.50-6.15 Hz (mean
 * 5.69) and COBA 20.6-23.8 Hz (mean 21.9); Spikelane, seeds 1-8: CUBA 5.29-5.91 Hz (mean 5.60)
 * and COBA 19.8-23.9 Hz (mean 21.6).
 */
class VogelsAbbottTest {
    private static double[] brian2Rates(String file) throws IOException {
        try (InputStream in = VogelsAbbottTest.class.getResourceAsStream("/brian2/" + file)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
            return Arrays.stream(lines).skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
        }
    }

    /**
     * Each of three seeds within {@code [low, high]}, and their mean within four standard errors
     * of Brian2's seed-to-seed spread (plus {@code slack} Hz) of Brian2's mean.
     */
    private static void checkRates(String file, LongFunction<Network> network, double low, double high, double slack) throws IOException {
        double[] brian = brian2Rates(file);
        double brianMean = Arrays.stream(brian).average().orElseThrow();
        double brianSd = Math.sqrt(Arrays.stream(brian).map(r -> (r - brianMean) * (r - brianMean)).sum() / (brian.length - 1));
        double sum = 0;
        for (long seed = 1; seed <= 3; seed++) {
            double rate = VogelsAbbott.rate(network.apply(seed));
            assertTrue(rate > low && rate < high, file + " seed " + seed + ": " + rate + " Hz outside " + low + "-" + high + " Hz");
            sum += rate;
        }
        assertEquals(brianMean, sum / 3, 4 * brianSd / Math.sqrt(3) + slack, "mean of 3 seeds vs Brian2's mean");
    }

    @Test
    void cubaRateLandsWhereBrian2s() throws IOException {
        checkRates("cuba_rates.csv", VogelsAbbott::cuba, 3, 9, 0.2);
    }

    @Test
    void cobaRateLandsWhereBrian2s() throws IOException {
        checkRates("coba_rates.csv", VogelsAbbott::coba, 12, 32, 0.5);
    }
}
