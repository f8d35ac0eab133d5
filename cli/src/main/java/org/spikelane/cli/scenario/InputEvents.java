package org.spikelane.cli.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.spikelane.units.Dimension;

/**
 * The moments a scenario's inputs act, read from the scenario for the plots to mark and zoom
 * into: pulse events, the onset and end of steps and ramps, and the spikes of spike generators.
 * The target of a random pulse is drawn inside the engine; it is left unknown here
 * ({@link Event#neurons} null) for the plot to find in the recorded current.
 */
public final class InputEvents {
    /** More events than this are a texture, not moments to mark one by one. */
    public static final int MAX_EVENTS = 64;

    /**
     * @param step     the step the event acts on
     * @param label    what happens, e.g. "pulse 10 nA", "step 2.05 nA on"
     * @param target   the population acted on ("" for a generator whose spikes go to many)
     * @param neurons  the neurons it acts on; null for a random pulse's (unknown) target or every target
     * @param random   whether the target neuron was drawn at random
     */
    public record Event(long step, String label, String target, int[] neurons, boolean random) {}

    private final List<Event> events;

    private InputEvents(List<Event> events) {
        this.events = events;
    }

    public static InputEvents none() {
        return new InputEvents(List.of());
    }

    /** Events within {@code [0, steps)}; a scenario that cannot be read gives none (it ran, so it can). */
    public static InputEvents of(Scenario scenario, long steps) {
        List<Event> out = new ArrayList<>();
        try {
            collect(scenario, steps, out);
        } catch (ScenarioException | IllegalArgumentException e) {
            return none();
        }
        out.removeIf(e -> e.step < 0 || e.step >= steps);
        out.sort(Comparator.comparingLong(Event::step));
        return new InputEvents(out.size() > MAX_EVENTS ? List.copyOf(out.subList(0, MAX_EVENTS)) : List.copyOf(out));
    }

    public List<Event> all() { return events; }

    public boolean isEmpty() { return events.isEmpty(); }

    private static void collect(Scenario scenario, long steps, List<Event> out) {
        Tree tree = scenario.tree();
        NeuronGroups groups = NeuronGroups.of(scenario);
        double dt = scenario.dt();
        List<Object> inputs = tree.list(scenario.root().get("inputs"), "inputs");
        for (int i = 0; i < inputs.size(); i++) {
            if (!(inputs.get(i) instanceof Map<?, ?> raw)) continue;
            Map<String, Object> input = tree.map(raw, "inputs." + i);
            String type = String.valueOf(input.get("type"));
            String target = String.valueOf(input.get("target"));
            int[] neurons = groups.neurons(tree, input.get("neurons"), target, "inputs." + i + ".neurons");
            String amplitude = input.get("amplitude") instanceof String a ? " " + a : "";
            switch (type) {
                case "pulse" -> pulses(tree, input, target, neurons, "pulse" + amplitude, dt, steps, out);
                case "step", "ramp", "sine" -> {
                    String what = type + (type.equals("ramp") ? "" : amplitude);
                    if (input.get("start") != null) out.add(new Event(step(tree, input.get("start"), dt), what + " on", target, neurons, false));
                    if (input.get("stop") != null) out.add(new Event(step(tree, input.get("stop"), dt), what + " off", target, neurons, false));
                }
                default -> { }
            }
        }
        generatorSpikes(scenario, tree, dt, steps, out);
    }

    private static void pulses(Tree tree, Map<String, Object> input, String target, int[] neurons, String label, double dt, long steps,
                               List<Event> out) {
        if (!(input.get("events") instanceof Map<?, ?> events)) return;
        if (events.get("times") instanceof List<?> times) {
            List<?> which = events.get("neurons") instanceof List<?> l ? l : List.of();
            for (int k = 0; k < times.size(); k++) {
                int[] hit = k < which.size() && which.get(k) instanceof Number n ? new int[] {n.intValue()} : neurons;
                out.add(new Event(step(tree, times.get(k), dt), label, target, hit, false));
            }
        } else if (events.get("every") != null) {
            long every = step(tree, events.get("every"), dt);
            if (every < 1) return;
            long first = events.get("start") != null ? step(tree, events.get("start"), dt) : every;
            long count = events.get("count") instanceof Number n ? n.longValue() : Long.MAX_VALUE;
            boolean random = Boolean.TRUE.equals(events.get("random_neuron"));
            for (long k = 0, s = first; k < count && s < steps && out.size() <= 4 * MAX_EVENTS; k++, s += every) {
                out.add(new Event(s, label, target, random ? null : neurons, random));
            }
        }
    }

    /** Each spike of a spike generator (repeated with its period) is an event for what it projects onto. */
    private static void generatorSpikes(Scenario scenario, Tree tree, double dt, long steps, List<Event> out) {
        for (Object raw : tree.list(scenario.root().get("populations"), "populations")) {
            if (!(raw instanceof Map<?, ?> pop) || !"spike_generator".equals(pop.get("model"))) continue;
            if (!(pop.get("spikes") instanceof Map<?, ?> spikes) || !(spikes.get("times") instanceof List<?> times)) continue;
            long period = spikes.get("period") != null ? step(tree, spikes.get("period"), dt) : 0;
            String label = "spike of " + pop.get("name");
            for (long offset = 0; offset < steps && out.size() <= 4 * MAX_EVENTS; offset += period) {
                for (Object t : times) out.add(new Event(offset + step(tree, t, dt), label, "", null, false));
                if (period < 1) break;
            }
        }
    }

    private static long step(Tree tree, Object time, double dt) {
        return Math.round(tree.quantity(time, Dimension.TIME, "time") / dt);
    }
}
