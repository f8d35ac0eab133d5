package org.spikelane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.NetworkBuilder;
import org.spikelane.cli.scenario.Scenario;
import org.spikelane.spi.PluginRegistry;
import org.spikelane.state.StateEntry;

/**
 * Nothing hides outside the state registry: for every example, under each precision it runs in,
 * every primitive array reachable from the built simulation (through engine and plugin objects,
 * arrays, collections and lambdas) is a registered array, and no random generator object with
 * hidden state is reachable. A kernel that adds an array and forgets to declare it fails here,
 * naming the path to the array.
 */
class StateRegistryCompletenessTest {
    /**
     * Build-time values the step never reads (resolved parameters, the parsed spec), and how the
     * step's work is divided among threads (a checkpoint must resume under any thread count, so
     * the split is not state).
     */
    private static final Set<String> BUILD_ONLY = Set.of("org.spikelane.spi.Params", "org.spikelane.net.ProjectionSpec",
            "org.spikelane.schedule.Slices", "org.spikelane.schedule.Workers", "org.spikelane.net.RowSlices");

    static Stream<String[]> examplesAndPrecisions() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String example : ExamplesTest.examples().toList()) {
            out.add(new String[] {example, null});
            if (!example.startsWith("loihi")) out.add(new String[] {example, "fixed"});
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examplesAndPrecisions")
    void everyArrayIsDeclared(String example, String precision) throws Exception {
        List<String> sets = new ArrayList<>(ExamplesTest.testSized(example));
        if (precision != null) sets.add("precision=" + precision);
        Scenario scenario = Scenario.load(Cli.example(example), sets);
        Simulation sim = NetworkBuilder.simulation(scenario, PluginRegistry.discover());
        sim.runSteps(3);

        Map<Object, Boolean> declared = new IdentityHashMap<>();
        for (StateEntry e : sim.stateRegistry().entries()) if (!e.scalar()) declared.put(e.array(), true);
        assertTrue(sim.stateRegistry().undeclared().isEmpty(), "undeclared: " + sim.stateRegistry().undeclared());

        Set<String> hidden = new TreeSet<>();
        walk(sim, "simulation", new IdentityHashMap<>(), declared, hidden);
        assertEquals(Set.of(), hidden, "arrays or generators outside the state registry");
    }

    private static void walk(Object o, String path, Map<Object, Boolean> seen, Map<Object, Boolean> declared, Set<String> hidden)
            throws IllegalAccessException {
        if (o == null || seen.put(o, true) != null) return;
        Class<?> c = o.getClass();
        if (c.isArray()) {
            if (c.getComponentType().isPrimitive()) {
                if (!declared.containsKey(o)) hidden.add(path + " (" + c.getComponentType() + "[" + java.lang.reflect.Array.getLength(o) + "])");
            } else {
                Object[] a = (Object[]) o;
                for (int k = 0; k < a.length; k++) walk(a[k], path + "[" + k + "]", seen, declared, hidden);
            }
            return;
        }
        String name = c.getName();
        if (o instanceof java.util.SplittableRandom || o instanceof java.util.Random) {
            hidden.add(path + " (" + c.getSimpleName() + ": generator state a checkpoint cannot see)");
            return;
        }
        if (o instanceof Collection<?> items) {
            int k = 0;
            for (Object item : items) walk(item, path + "[" + k++ + "]", seen, declared, hidden);
            return;
        }
        if (o instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) walk(e.getValue(), path + "[" + e.getKey() + "]", seen, declared, hidden);
            return;
        }
        if (!name.startsWith("org.spikelane.") || name.startsWith("org.spikelane.state.") || BUILD_ONLY.contains(name)
                || o instanceof Enum<?>) {
            return;
        }
        for (Class<?> k = c; k != null && k.getName().startsWith("org.spikelane."); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                f.setAccessible(true);
                walk(f.get(o), path + "." + f.getName(), seen, declared, hidden);
            }
        }
    }
}
