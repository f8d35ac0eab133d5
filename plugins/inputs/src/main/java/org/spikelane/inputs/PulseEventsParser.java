package org.spikelane.inputs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spikelane.spi.InputContext;
import org.spikelane.spi.ParameterException;
import org.spikelane.spi.Params;
import org.spikelane.spi.SpikeSource;
import org.spikelane.spi.Suggest;
import org.spikelane.units.Dimension;
import org.spikelane.units.UnitException;
import org.spikelane.units.Units;

/**
 * Reads a pulse input's {@code events} structure, checks it completely at build time and turns it
 * into a {@link PulseEventSource}. Three forms:
 * <ul>
 *   <li>{@code {times: [..], neurons: [..]}}: one event per pair; neurons are population indices
 *       that must be among the input's targets;</li>
 *   <li>{@code {every: 500 ms, random_neuron: true, start: .., count: ..}}: events at
 *       {@code start + k every}, {@code start} defaulting to {@code every} (first event at
 *       {@code t = every}, like the seed's generator at {@code 500 ms * (k + 1)}); each event picks
 *       one target at random, or reaches every target when {@code random_neuron} is false
 *       (the default); {@code count} limits the number of events;</li>
 *   <li>{@code {from: population}}: the spikes of a population of the same size, one to one.</li>
 * </ul>
 */
final class PulseEventsParser {
    static final String PARAM = "events";
    static final String FORMS = "expected {times: [...], neurons: [...]}, {every: 500 ms, random_neuron: true}"
            + " or {from: <population>}";
    private static final List<String> SCHEDULE = List.of("times", "neurons");
    private static final List<String> PERIODIC = List.of("every", "random_neuron", "start", "count");
    private static final List<String> SPIKES = List.of("from");

    private final InputContext context;
    private final Params params;
    private final Targets targets;

    private PulseEventsParser(InputContext context, Params params, Targets targets) {
        this.context = context;
        this.params = params;
        this.targets = targets;
    }

    static PulseEventSource parse(InputContext context, Params params, Targets targets) {
        return new PulseEventsParser(context, params, targets).parse(params.structure(PARAM));
    }

    private PulseEventSource parse(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) throw error("must be a map; " + FORMS + ", got " + raw);
        if (map.isEmpty()) throw error("is empty; " + FORMS);
        Set<String> known = new LinkedHashSet<>(SCHEDULE);
        known.addAll(PERIODIC);
        known.addAll(SPIKES);
        List<String> forms = new ArrayList<>();
        for (Object key : map.keySet()) {
            String k = String.valueOf(key);
            if (!known.contains(k)) {
                throw error("unknown key '" + k + "'" + Suggest.didYouMean(k, known) + "; " + FORMS);
            }
            String form = SCHEDULE.contains(k) ? "times" : PERIODIC.contains(k) ? "every" : "from";
            if (!forms.contains(form)) forms.add(form);
        }
        if (forms.size() > 1) throw error("mixes the forms " + String.join(" and ", forms) + "; " + FORMS);
        return switch (forms.getFirst()) {
            case "times" -> schedule(map);
            case "every" -> periodic(map);
            default -> spikes(map);
        };
    }

    private PulseEventSource schedule(Map<?, ?> map) {
        List<?> times = list(map, "times");
        List<?> neurons = list(map, "neurons");
        if (times.size() != neurons.size()) {
            throw error(times.size() + " times but " + neurons.size() + " neurons; give one neuron per time");
        }
        int n = times.size();
        long[] stepOf = new long[n];
        int[] slotOf = new int[n];
        for (int i = 0; i < n; i++) {
            double t = time(times.get(i), "times[" + i + "]");
            if (!(t >= 0) || Double.isInfinite(t)) throw error("times[" + i + "]: must be a finite time >= 0 s, got " + format(t));
            stepOf[i] = context.toSteps(t);
            slotOf[i] = slot(neurons.get(i), "neurons[" + i + "]");
        }
        // stable sort by step: events of one step keep the order the user gave
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(stepOf[a], stepOf[b]));
        long[] steps = new long[n];
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) {
            steps[i] = stepOf[order[i]];
            slots[i] = slotOf[order[i]];
        }
        return new ScheduledPulseEvents(steps, slots);
    }

    private PulseEventSource periodic(Map<?, ?> map) {
        if (!map.containsKey("every")) throw error("missing 'every', the interval between events; " + FORMS);
        double every = time(map.get("every"), "every");
        if (!(every > 0) || Double.isInfinite(every)) throw error("every: must be a finite time > 0 s, got " + format(every));
        long everySteps = context.toSteps(every);
        if (everySteps < 1) {
            throw error("every: " + format(every) + " is shorter than half a step (dt = " + format(context.dt()) + ")");
        }
        long first = everySteps;
        if (map.containsKey("start")) {
            double start = time(map.get("start"), "start");
            if (!(start >= 0) || Double.isInfinite(start)) throw error("start: must be a finite time >= 0 s, got " + format(start));
            first = context.toSteps(start);
        }
        long count = Long.MAX_VALUE;
        if (map.containsKey("count")) {
            Object c = map.get("count");
            if (!(c instanceof Number num) || num.doubleValue() != Math.rint(num.doubleValue()) || num.doubleValue() < 1) {
                throw error("count: must be a whole number >= 1, got " + c);
            }
            count = num.longValue();
        }
        boolean random = map.containsKey("random_neuron") && bool(map.get("random_neuron"), "random_neuron");
        return new PeriodicPulseEvents(first, everySteps, count, targets.count, random ? context.randomStream("random_neuron") : null);
    }

    private PulseEventSource spikes(Map<?, ?> map) {
        Object name = map.get("from");
        if (!(name instanceof String population) || population.isBlank()) {
            throw error("from: must name a population, got " + name);
        }
        SpikeSource source = context.spikesOf(population, PARAM);
        if (source.size() != targets.populationSize()) {
            throw error("from: population '" + population + "' has " + source.size() + " neurons but the target has "
                    + targets.populationSize() + "; spikes map one to one (neuron i drives neuron i)");
        }
        return new SpikeDrivenPulseEvents(source, targets);
    }

    private List<?> list(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) throw error("missing '" + key + "'; " + FORMS);
        if (value instanceof List<?> l) return l;
        if (value instanceof double[] a) return Arrays.stream(a).boxed().toList();
        if (value instanceof int[] a) return Arrays.stream(a).boxed().toList();
        return List.of(value); // a single event
    }

    private double time(Object raw, String where) {
        if (raw instanceof Number n) return n.doubleValue();
        if (raw instanceof String s) {
            try {
                return Units.parse(s, Dimension.TIME, where);
            } catch (UnitException e) {
                throw error(where + ": " + e.problem());
            }
        }
        throw error(where + ": expected a time such as '500 ms', got " + raw);
    }

    private int slot(Object raw, String where) {
        long index;
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            index = n.longValue();
        } else if (raw instanceof String s && s.strip().matches("-?\\d+")) {
            index = Long.parseLong(s.strip());
        } else {
            throw error(where + ": expected a neuron index (a whole number), got " + raw);
        }
        int slot = index == (int) index ? targets.slot((int) index) : -1;
        if (slot < 0) {
            throw error(where + ": neuron " + index + " is not driven by this input (targets: " + targets.describe() + ")");
        }
        return slot;
    }

    private boolean bool(Object raw, String where) {
        if (raw instanceof Boolean b) return b;
        if ("true".equals(raw)) return true;
        if ("false".equals(raw)) return false;
        throw error(where + ": expected true or false, got " + raw);
    }

    private static String format(double seconds) { return Units.format(seconds, Dimension.TIME); }

    private ParameterException error(String problem) { return params.error(PARAM, problem); }
}
