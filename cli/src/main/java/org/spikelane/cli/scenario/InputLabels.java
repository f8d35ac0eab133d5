package org.spikelane.cli.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.units.Dimension;

/**
 * Short descriptions of the inputs that drive each neuron, as the user wrote them ("step 2.01 nA",
 * "sine 2.5 nA 250 Hz"), for plot titles: two traces whose currents differ by 0.5 % look the same.
 * A pulse labels only the neurons its events name; a pulse to random neurons labels none (which
 * neuron it hit is drawn in the engine, and the traces plot finds it in the recorded current).
 */
public final class InputLabels {
    /** Keys worth showing, in this order, when an input has them. */
    private static final List<String> SHOWN = List.of("shape", "amplitude", "from", "to", "frequency", "offset");

    private final Map<String, Map<Integer, List<String>>> labels = new HashMap<>();
    private final Map<String, Map<Integer, List<Sine>>> sines = new HashMap<>();

    /**
     * A sine input as the plots need it: its index in {@code inputs}, its frequency and window in SI
     * units (stop infinite when open).
     */
    public record Sine(int input, double frequency, double start, double stop) {}

    private InputLabels() {}

    /** No labels: for a simulation built in Java, which has no scenario to name its inputs. */
    public static InputLabels none() {
        return new InputLabels();
    }

    /** @param sizes population sizes, for inputs without {@code neurons} (every neuron) */
    public InputLabels(Scenario scenario, Map<String, Integer> sizes) {
        if (!(scenario.root().get("inputs") instanceof List<?> inputs)) return;
        NeuronGroups groups = NeuronGroups.of(scenario);
        for (int index = 0; index < inputs.size(); index++) {
            if (!(inputs.get(index) instanceof Map<?, ?> input) || !(input.get("target") instanceof String target)) continue;
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
            } else if (input.get("neurons") instanceof String group && groups.of(target).containsKey(group)) {
                NeuronGroups.Range r = groups.of(target).get(group);
                for (int n = r.from(); n < r.to(); n++) neurons.add(n);
            } else {
                for (int n = 0; n < sizes.getOrDefault(target, 0); n++) neurons.add(n);
            }
            if (input.get("events") instanceof Map<?, ?> events) {
                // a pulse reaches only the neurons its events name; a random one's are known after the run (the plot finds them)
                if (Boolean.TRUE.equals(events.get("random_neuron"))) continue;
                if (events.get("neurons") instanceof List<?> hit) {
                    neurons.clear();
                    for (Object n : hit) if (n instanceof Number num && !neurons.contains(num.intValue())) neurons.add(num.intValue());
                }
            }
            Sine sine = "sine".equals(input.get("type")) ? sine(index, input) : null;
            for (int n : neurons) {
                if (sine != null) sines.computeIfAbsent(target, k -> new HashMap<>()).computeIfAbsent(n, k -> new ArrayList<>()).add(sine);
                labels.computeIfAbsent(target, k -> new HashMap<>()).computeIfAbsent(n, k -> new ArrayList<>()).add(text.toString());
            }
        }
    }

    private static Sine sine(int index, Map<?, ?> input) {
        try {
            double f = org.spikelane.units.Units.parse(String.valueOf(input.get("frequency")), Dimension.FREQUENCY, "frequency");
            double start = input.get("start") == null ? 0 : org.spikelane.units.Units.parse(String.valueOf(input.get("start")), Dimension.TIME, "start");
            double stop = input.get("stop") == null ? Double.POSITIVE_INFINITY
                    : org.spikelane.units.Units.parse(String.valueOf(input.get("stop")), Dimension.TIME, "stop");
            return f > 0 ? new Sine(index, f, start, stop) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The neuron's only sine input, or null when it has none or several. */
    public Sine sine(String population, int neuron) {
        List<Sine> l = sines.getOrDefault(population, Map.of()).get(neuron);
        return l == null || l.size() != 1 ? null : l.get(0);
    }

    /** "step 2.01 nA + bias 20 nA", or "" if nothing drives the neuron. */
    public String of(String population, int neuron) {
        List<String> l = labels.getOrDefault(population, Map.of()).get(neuron);
        return l == null ? "" : String.join(" + ", l);
    }
}
