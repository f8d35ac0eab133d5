package org.spikelane.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.spikelane.Network;
import org.spikelane.Precision;
import org.spikelane.Simulation;
import org.spikelane.spi.ParameterException;

/**
 * The {@code poisson} input on a subthreshold LIF neuron ({@code tau_m = 10 ms}, {@code C = 250 pF},
 * so {@code R = 40 Mohm}; threshold out of reach), against shot-noise theory.
 *
 * <p>Campbell's theorem: events at rate {@code r}, each adding a response {@code h(t)} to
 * {@code v - E_L}, give a stationary {@code v} with mean {@code E_L + r int h} and variance
 * {@code r int h^2}. For voltage jumps {@code h(t) = w e^{-t/tau_m}}:
 * {@code mean = E_L + w r tau_m}, {@code variance = w^2 r tau_m / 2}.
 *
 * <p>On the grid the events of a step arrive together at its end, a Poisson count of mean
 * {@code lambda = r dt}, and {@code v} is sampled at step starts, so the integrals become sums over
 * whole steps: {@code mean = E_L + lambda sum_{j>=1} h(j dt)}, {@code variance = lambda sum_{j>=1}
 * h(j dt)^2}. For jumps, with {@code d = e^{-dt/tau_m}}: {@code mean = E_L + w lambda / (1 - d)},
 * {@code variance = w^2 lambda / (1 - d^2)}: 0.50 % and 1.00 % above the continuous values at
 * {@code dt / tau_m = 0.01} (the discrete-time correction). The tests check the discrete values within
 * 3 standard errors, and the ratio to the continuous ones within 0.005 (mean) and 0.01 (variance) of the stated correction.
 */
class PoissonInputTest {
    private static final double DT = 1e-4, TAU_M = 10e-3, C = 250e-12, E_L = -65e-3;
    private static final int NEURONS = 400;
    /** 100 ms (10 tau_m) of transient dropped, then 1 s sampled every 10 steps. */
    private static final int SKIP = 100, EVERY = 10, STEPS = 11_000;

    private static Simulation run(Precision precision, Map<String, ?> input) {
        Network net = new Network(DT).seed(21).precision(precision);
        net.addLif("lif", NEURONS, Map.of("tau_m", "10 ms", "C", "250 pF", "E_L", "-65 mV", "v_reset", "-65 mV",
                "v_threshold", "0 V"));
        net.addInput("poisson", "lif", input);
        net.recordState("lif", List.of("v"), null, EVERY);
        Simulation sim = net.build();
        sim.runSteps(STEPS);
        assertEquals(0, sim.spikes().count(), "subthreshold");
        return sim;
    }

    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FLOAT32", "FIXED"})
    void voltageJumpsGiveCampbellsMeanAndVariance(Precision precision) {
        double w = 0.1e-3, r = 10_000, lambda = r * DT, d = Math.exp(-DT / TAU_M);
        MembraneMoments m = MembraneMoments.of(run(precision, Map.of("rate", "10 kHz", "weight", "0.1 mV")), "v", NEURONS, SKIP);
        double mean = E_L + w * lambda / (1 - d), variance = w * w * lambda / (1 - d * d);
        // fixed: the LIF kernel's Q16 decay moves 1 - d by up to 2^-17 / (1 - d) = 7.6e-4 relative (docs/fixed-point.md)
        double quantization = precision == Precision.FIXED ? 7.7e-4 : 0;
        assertEquals(mean, m.mean(), 3 * m.meanSe() + quantization * (mean - E_L), "mean of v");
        assertEquals(variance, m.variance(), 3 * m.varianceSe() + 2 * quantization * variance, "variance of v");

        double campbellMean = E_L + w * r * TAU_M, campbellVariance = w * w * r * TAU_M / 2;
        assertEquals(1.005, (m.mean() - E_L) / (campbellMean - E_L), 0.005, "mean offset over Campbell's");
        assertEquals(1.010, m.variance() / campbellVariance, 0.01, "variance over Campbell's");
    }

    /**
     * Exponential currents: {@code h(t) = (w / C) tau_m tau_s / (tau_m - tau_s) (e^{-t/tau_m} - e^{-t/tau_s})}, the
     * exact PSP of {@code exp_current}; sums over whole steps as above, continuous mean {@code E_L + r w tau_s R}.
     */
    @ParameterizedTest
    @EnumSource(value = Precision.class, names = {"FLOAT32", "FIXED"})
    void exponentialCurrentsGiveTheShotNoiseOfTheirExactPsp(Precision precision) {
        double w = 87.8e-12, tauS = 0.5e-3, r = 5000, lambda = r * DT;
        MembraneMoments m = MembraneMoments.of(
                run(precision, Map.of("rate", "5 kHz", "weight", "87.8 pA", "tau_syn", "0.5 ms")), "v", NEURONS, SKIP);
        double sum = 0, sumSq = 0;
        for (int j = 1; j < 100_000; j++) {
            double t = j * DT;
            double h = w / C * TAU_M * tauS / (TAU_M - tauS) * (Math.exp(-t / TAU_M) - Math.exp(-t / tauS));
            sum += h;
            sumSq += h * h;
        }
        double mean = E_L + lambda * sum, variance = lambda * sumSq;
        double quantization = precision == Precision.FIXED ? 1e-3 : 0;
        assertEquals(mean, m.mean(), 3 * m.meanSe() + quantization * (mean - E_L), "mean of v");
        assertEquals(variance, m.variance(), 3 * m.varianceSe() + 2 * quantization * variance, "variance of v");
        double campbellMean = E_L + r * w * tauS * TAU_M / C;
        assertEquals(1, (m.mean() - E_L) / (campbellMean - E_L), 0.01, "mean offset over Campbell's r w tau_s R");
    }

    /**
     * Under loihi with physical parameters there is no {@code dv}: the events are held as a current for
     * their step, {@code w / (R (1 - e^{-dt/tau_m}))} for a jump, which a leaky membrane turns into the
     * same jump {@code w}. The neurodynex neuron as Loihi runs it ({@code tau_m = 8 ms}, effective
     * 7.981 ms; {@code v_reset = E_L}, no refractory period); the mean offset is the discrete
     * {@code w lambda / (1 - d)} within 0.5 % (the quantized decay moves tau_m by -0.23 %, the s.e. is 0.06 %).
     */
    @Test
    void loihiHoldsTheJumpsAsCurrentsOfTheSameEffect() {
        Network net = new Network(DT).seed(4).precision(Precision.LOIHI);
        net.addLif("lif", 200, Map.of("v_reset", "-70 mV", "refractory", 0));
        net.addInput("poisson", "lif", Map.of("rate", "10 kHz", "weight", "0.1 mV"));
        net.recordState("lif", List.of("v"), null, EVERY);
        Simulation sim = net.build();
        sim.runSteps(STEPS);
        assertEquals(0, sim.spikes().count(), "subthreshold");
        MembraneMoments m = MembraneMoments.of(sim, "v", 200, SKIP);
        double d = Math.exp(-DT / 8e-3), offset = 0.1e-3 * 1.0 / (1 - d);
        assertEquals(offset, m.mean() + 70e-3, 0.005 * offset, "mean offset of v (measured -0.04 %)");
    }

    /** Events only inside [start, stop): v is exactly E_L before, and decays without new jumps after. */
    @Test
    void eventsOnlyInsideTheWindow() {
        Network net = new Network(DT).seed(2);
        net.addLif("lif", 20, Map.of("tau_m", "10 ms", "E_L", "-65 mV", "v_threshold", "0 V"));
        net.addInput("poisson", "lif", Map.of("rate", "5 kHz", "weight", "0.2 mV", "start", "20 ms", "stop", "40 ms"));
        net.recordState("lif", List.of("v"), null, 1);
        Simulation sim = net.build();
        sim.runSteps(600);
        double d = Math.exp(-DT / TAU_M);
        boolean moved = false;
        for (int i = 0; i < 20; i++) {
            double[] v = sim.stateRecorders().getFirst().trace("v", i);
            for (int s = 0; s <= 200; s++) assertEquals((float) E_L, (float) v[s], "neuron " + i + " step " + s);
            moved |= v[201] != v[200];
            for (int s = 401; s < 600; s++) {
                assertEquals((v[s - 1] - E_L) * d, v[s] - E_L, 1e-8, "free decay after stop, neuron " + i + " step " + s);
            }
        }
        assertTrue(moved, "the first step of the window has events");
    }

    @Test
    void badWeightsAndRatesAreOneLineErrors() {
        assertMessage("input 'poisson' parameter 'tau_syn': is required when the weight is a current (87.8 pA);"
                + " give a voltage weight such as '0.1 mV' for jumps of v", Map.of("rate", "1 kHz", "weight", "87.8 pA"));
        assertMessage("input 'poisson' parameter 'weight': must be a current such as '87.8 pA' (with tau_syn) or a voltage"
                + " such as '0.1 mV', got '5 ms'", Map.of("rate", "1 kHz", "weight", "5 ms"));
        assertMessage("input 'poisson' parameter 'weight': '0.1' has no unit; it must be a current such as '87.8 pA' (with tau_syn)"
                + " or a voltage such as '0.1 mV'", Map.of("rate", "1 kHz", "weight", 0.1));
        assertMessage("input 'poisson' parameter 'rate': must be >= 0 Hz, got -5 Hz", Map.of("rate", "-5 Hz", "weight", "1 mV"));
        assertMessage("input 'poisson' parameter 'rate': rate * dt must be <= 10000 events per step, got 1 GHz at dt = 100 us",
                Map.of("rate", "1 GHz", "weight", "1 mV"));
        assertMessage("input 'poisson' parameter 'weight': is required (per event: a current such as '87.8 pA' (needs tau_syn)"
                + " or a voltage such as '0.1 mV' (a jump of v, or R I with tau_syn))", Map.of("rate", "1 kHz"));
    }

    private static void assertMessage(String expected, Map<String, ?> params) {
        ParameterException e = assertThrows(ParameterException.class, () -> {
            Network net = new Network(DT);
            net.addLif("lif", 3, Map.of());
            net.addInput("poisson", "lif", params);
            net.build();
        });
        assertEquals(expected, e.getMessage());
    }
}
