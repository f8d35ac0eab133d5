package org.spikelane.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.spikelane.neuron.LifModel;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.neuron.LifState;
import org.spikelane.neuron.ScalarLifKernel;
import org.spikelane.neuron.VectorLifKernel;
import org.spikelane.spi.Params;

/**
 * The LIF kernels' conductance path (exponential Euler with g held over the step), which the
 * conductance synapses drive: the vector kernel against the scalar reference, and the scalar
 * kernel against the closed form of one step.
 */
class ConductancePathTest {
    private static final double DT = 1e-4;

    private static LifPopulation population(int n, boolean vector) {
        Map<String, Object> raw = Map.of(
                "E_L", "-60 mV", "v_reset", "-60 mV", "v_threshold", "-50 mV", "C", "200 pF", "refractory", "5 ms",
                "tau_m", Map.of("uniform", Map.of("low", "15 ms", "high", "25 ms")),
                "v_init", Map.of("uniform", Map.of("low", "-60 mV", "high", "-50 mV")));
        Params p = Params.resolve("population 'p'", LifModel.PARAMS, raw, n, org.spikelane.random.RandomStream.root(3));
        LifPopulation pop = new LifPopulation("p", n, DT, p, vector ? new VectorLifKernel() : new ScalarLifKernel());
        pop.state().enableConductance();
        return pop;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 17, 1000, 4099})
    void vectorKernelMatchesTheScalarReference(int n) {
        LifPopulation scalar = population(n, false);
        LifPopulation vector = population(n, true);
        SplittableRandom random = new SplittableRandom(n);
        int spikes = 0;
        LifState[] both = {scalar.state(), vector.state()};
        for (int step = 0; step < 250; step++) {
            for (int i = 0; i < n; i++) {
                // excitatory and inhibitory conductances (E 0 mV, -80 mV) and a small current
                float ge = (float) (random.nextDouble() * 40e-9);
                float gi = (float) (random.nextDouble() * 20e-9);
                float current = (float) (random.nextDouble() * 0.2e-9);
                for (LifState s : both) {
                    s.g[i] += ge + gi;
                    s.gE[i] += gi * -80e-3f;
                    s.current[i] += current;
                }
            }
            for (LifPopulation p : List.of(scalar, vector)) {
                p.update(step, 0, p.padded());
                p.finishStep();
            }
            assertEquals(scalar.spikeCount(), vector.spikeCount(), "spike count at step " + step);
            assertArrayEquals(java.util.Arrays.copyOf(scalar.spikes(), scalar.spikeCount()),
                    java.util.Arrays.copyOf(vector.spikes(), vector.spikeCount()), "spikes at step " + step);
            spikes += scalar.spikeCount();
            for (int i = 0; i < n; i++) {
                float a = scalar.state().v[i];
                float b = vector.state().v[i];
                assertEquals(a, b, 2 * Math.ulp(a), "v of neuron " + i + " at step " + step);
            }
        }
        assertTrue(spikes > 0, "the drive should make some neurons fire");
    }

    @Test
    void oneStepIsExponentialEulerWithConductanceHeldOverTheStep() {
        LifPopulation pop = population(1, false);
        LifState s = pop.state();
        double v0 = s.v[0];
        double gL = s.leakConductance[0];
        double c = s.capacitance(0);
        double g = 30e-9;
        double eRev = -80e-3;
        s.g[0] = (float) g;
        s.gE[0] = (float) (g * eRev);
        pop.update(0, 0, pop.padded());
        pop.finishStep();
        double gTot = gL + g;
        double vInf = (gL * -60e-3 + g * eRev) / gTot;
        double expected = vInf + (v0 - vInf) * Math.exp(-DT * gTot / c);
        assertEquals(expected, s.v[0], 1e-7);
        assertEquals(0f, s.g[0], "the kernel clears the conductance accumulator");
    }
}
