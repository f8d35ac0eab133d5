package org.spikelane.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spikelane.random.RandomStream;
import org.spikelane.units.Dimension;

class ParamsTest {
    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.quantity("tau", Dimension.TIME, 2e-3, Range.positive(), "decay time"),
            ParamSpec.quantity("amplitude", Dimension.CURRENT, null, Range.any(), "height"),
            ParamSpec.perNeuron("bias", Dimension.CURRENT, 0.0, Range.any(), "per-neuron bias"),
            ParamSpec.choice("shape", "exponential", List.of("exponential", "inverse"), "pulse shape"));

    private static String error(Map<String, ?> raw) {
        return assertThrows(ParameterException.class, () -> Params.resolve("input 'pulse'", SPECS, raw, 3)).getMessage();
    }

    @Test
    void resolvesUnitsDefaultsAndLists() {
        Params p = Params.resolve("input 'pulse'", SPECS, Map.of("amplitude", "10 nA", "bias", List.of("1 nA", "2 nA", 3e-9)), 3);
        assertEquals(10e-9, p.get("amplitude"), 1e-21);
        assertEquals(2e-3, p.get("tau"));
        assertArrayEquals(new double[] {1e-9, 2e-9, 3e-9}, p.perNeuron("bias", 3), 1e-21);
        assertEquals("exponential", p.choice("shape"));
        assertTrue(p.given("amplitude"));
        assertTrue(!p.given("tau"));
    }

    @Test
    void negativeTauNamesOwnerParameterAndRange() {
        assertEquals("input 'pulse' parameter 'tau': must be > 0 s, got -2 ms", error(Map.of("amplitude", "1 nA", "tau", "-2 ms")));
    }

    @Test
    void unknownParameterSuggestsTheClosest() {
        assertEquals("input 'pulse' parameter 'amplitud': unknown parameter (did you mean 'amplitude'?); known: tau, amplitude, bias, shape",
                error(Map.of("amplitud", "1 nA")));
    }

    @Test
    void missingRequiredParameter() {
        assertEquals("input 'pulse' parameter 'amplitude': is required (a current such as '2 nA')", error(Map.of()));
    }

    @Test
    void wrongUnit() {
        assertEquals("input 'pulse' parameter 'tau': '5 mV' is a voltage, expected a time such as '20 ms'",
                error(Map.of("amplitude", "1 nA", "tau", "5 mV")));
    }

    @Test
    void listOfWrongLength() {
        assertEquals("input 'pulse' parameter 'bias': list has 2 values but there are 3 target neurons",
                error(Map.of("amplitude", "1 nA", "bias", List.of("1 nA", "2 nA"))));
    }

    @Test
    void unknownChoice() {
        assertEquals("input 'pulse' parameter 'shape': 'inverted' is not one of [exponential, inverse] (did you mean 'inverse'?)",
                error(Map.of("amplitude", "1 nA", "shape", "inverted")));
    }

    @Test
    void distributionsAreSeededAndHaveTheirMoments() {
        Map<String, ?> raw = Map.of("amplitude", "1 nA", "bias", Map.of("normal", Map.of("mean", "20 nA", "sd", "2 nA")));
        int n = 20000;
        double[] a = Params.resolve("x", SPECS, raw, n, RandomStream.root(5)).perNeuron("bias", n);
        double[] b = Params.resolve("x", SPECS, raw, n, RandomStream.root(5)).perNeuron("bias", n);
        assertArrayEquals(a, b);
        double mean = java.util.Arrays.stream(a).average().orElseThrow();
        double var = java.util.Arrays.stream(a).map(x -> (x - mean) * (x - mean)).sum() / (n - 1);
        // 4 standard errors of the estimators
        assertEquals(20e-9, mean, 4 * 2e-9 / Math.sqrt(n));
        assertEquals(4e-18, var, 4 * 4e-18 * Math.sqrt(2.0 / (n - 1)));
    }

    @Test
    void aNeuronsDrawnValueDependsOnlyOnItsIndexSoASliceDrawsItAlone() {
        Map<String, ?> raw = Map.of("amplitude", "1 nA", "bias", Map.of("normal", Map.of("mean", "20 nA", "sd", "2 nA")));
        double[] whole = Params.resolve("x", SPECS, raw, 1000, RandomStream.root(5)).perNeuron("bias", 1000);
        double[] prefix = Params.resolve("x", SPECS, raw, 300, RandomStream.root(5)).perNeuron("bias", 300);
        assertArrayEquals(java.util.Arrays.copyOf(whole, 300), prefix);
        RandomStream bias = RandomStream.root(5).substream("bias");
        for (int i : new int[] {0, 299, 999}) assertEquals(20e-9 + 2e-9 * bias.gaussian(0, i), whole[i], 0.0, "neuron " + i);
    }

    @Test
    void uniformDistributionStaysInItsBounds() {
        double[] u = Values.expand(Map.of("uniform", Map.of("low", "-60 mV", "high", "-50 mV")), Dimension.VOLTAGE, 5000,
                RandomStream.root(1), "population 'exc'", "v_init");
        for (double x : u) assertTrue(x >= -0.060 && x < -0.050);
        String msg = assertThrows(ParameterException.class, () -> Values.expand(Map.of("gauss", Map.of()), Dimension.VOLTAGE, 3,
                RandomStream.root(1), "population 'exc'", "v_init")).getMessage();
        assertEquals("population 'exc' parameter 'v_init': unknown distribution 'gauss'; known: normal, uniform", msg);
    }
}
