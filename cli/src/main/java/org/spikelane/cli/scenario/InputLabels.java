package org.spikelane.cli.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Short descriptions of the inputs that drive each neuron, as the user wrote them ("step 2.01 nA",
 * "sine 2.5 nA 250 Hz"), for plot titles: two traces whose currents differ by 0.5 % look the same.
 */
public final class InputLabels {
    /** Keys worth showing, in this order, when an input has them. */
    private static final List<String> SHOWN = List.of("shape", "amplitude", "from", "to", "frequency", "offset");

    private final Map<String, Map<Integer, List<String>>> labels = new HashMap<>();

    private InputLabels() {}

    /** No labels: for a simulation built in Java, which has no scenario to name its inputs. */
    public static InputLabels none() {
        return new InputLabels();
    }

    /** @param sizes population sizes, for inputs without {@code neurons} (every neuron) */
    public InputLabels(Scenario scenario, Map<String, Integer> sizes) {
        if (!(scenario.root().get("inputs") instanceof List<?> inputs)) return;
        for (Object raw : inputs) {
            if (!(raw instanceof Map<?, ?> input) || !(input.get("target") instanceof String target)) continue;
            StringBuilder text = new StringBuilder(String.valueOf(input.get("type")));
            for (String key : SHOWN) {
                Object v = input.get(key);
                if (v instanceof String || v instanceof Number) text.append(' ').append(key.equals("to") ? "to " : "").append(v);
            }
            List<Integer> neurons = new ArrayList<>();
            if (input.get("neurons") instanceof List<?> list) {
                for (Object n : list) if (n instanceof Number num) neurons.add(num.intValue());
            } else if (input.get("neurons") instanceof Number num) {
                neurons.add(num.intValue());
            } else {
                for (int n = 0; n < sizes.getOrDefault(target, 0); n++) neurons.add(n);
            }
            for (int n : neurons) {
                labels.computeIfAbsent(target, k -> new HashMap<>()).computeIfAbsent(n, k -> new ArrayList<>()).add(text.toString());
            }
        }
    }

    /** "step 2.01 nA + bias 20 nA", or "" if nothing drives the neuron. */
    public String of(String population, int neuron) {
        List<String> l = labels.getOrDefault(population, Map.of()).get(neuron);
        return l == null ? "" : String.join(" + ", l);
    }
}
