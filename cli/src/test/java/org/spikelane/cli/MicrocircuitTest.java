package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spikelane.cli.api.Scenarios;
import org.spikelane.cli.plot.RatesBoxPlot;

/**
 * The 10 % Potjans-Diesmann microcircuit with Poisson background
 * ({@code examples/microcircuit-poisson.yaml}, {@code scale: {neurons: 0.1, indegree: 0.1}}):
 * 7,717 neurons, 3.0e6 synapses, 1.5 s of which the first 0.5 s are discarded, as the reference
 * discards its pre-simulation.
 *
 * <p>The band, per population: the measured mean rate {@code r} must lie within a factor of 2.5
 * of the reference's full-scale rate {@code r0}, widened by 3 standard errors of the sample mean,
 * {@code r0 / 2.5 - 3 se <= r <= 2.5 r0 + 3 se}, with {@code se = s / sqrt(n)} from the s.d. {@code s}
 * of the {@code n} neurons' rates (neurons fire nearly independently in this asynchronous state).
 * Why a factor of 2.5 and not the 15 % the full model is held to (jmh-results/microcircuit.md): the
 * reference's scaling keeps each neuron's mean input and its variance as at full scale, so the
 * diffusion approximation predicts the full-scale rates; it cannot keep what that approximation
 * leaves out. Each PSP is 1 / sqrt(0.1) = 3.2 times larger (0.47 mV excitatory, 1.9 mV
 * inhibitory, no longer small against the 15 mV to threshold) and each neuron shares 10 times more
 * of its inputs with the others, so input correlations grow (van Albada, Helias and Diesmann 2015).
 * Both move rates: seed 55 gave 0.52 (L23E) to 0.91 (L4E) of the full-scale rates over 0.5-2.5 s; the
 * factor 2.5 leaves room for changes that move every spike but not the statistics (float32
 * synaptic state, another seed). The band still
 * fails for what a broken network does: silence (as the DC-background 10 % model is: its DC falls
 * below rheobase once the scaling takes the lost mean input away, the sub-threshold case the
 * reference warns of; seen when this band was chosen) or a runaway state. The full model's 15 %
 * check is the real one; this test guards the scaled path in CI.
 */
class MicrocircuitTest {
    private static final String[] POPS = {"L23E", "L23I", "L4E", "L4I", "L5E", "L5I", "L6E", "L6I"};
    private static final double[] REFERENCE_HZ = {0.903, 2.965, 4.414, 5.876, 7.569, 8.633, 1.105, 7.829};

    @Test
    void theTenPercentModelFiresWithinTheBandOfTheFullScaleRates() {
        var scenario = Scenarios.load(Cli.example("microcircuit-poisson.yaml"), "scale.neurons=0.1", "scale.indegree=0.1",
                "duration=1.5 s", "threads=2");
        var result = Scenarios.run(scenario);
        long discard = Math.round(0.5 / result.simulation().dt());
        double[][] hz = RatesBoxPlot.rates(result.simulation(), discard, result.steps() - discard);
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        for (int p = 0; p < POPS.length; p++) {
            double[] r = hz[p];
            double mean = 0;
            for (double x : r) mean += x / r.length;
            double var = 0;
            for (double x : r) var += (x - mean) * (x - mean) / (r.length - 1);
            double se = Math.sqrt(var / r.length);
            double r0 = REFERENCE_HZ[p];
            boolean in = mean >= r0 / 2.5 - 3 * se && mean <= 2.5 * r0 + 3 * se;
            ok &= in;
            report.append(String.format("%s %.3f Hz (reference %.3f, se %.3f)%s; ", POPS[p], mean, r0, se, in ? "" : " OUT"));
        }
        assertTrue(ok, report.toString());
    }
}
