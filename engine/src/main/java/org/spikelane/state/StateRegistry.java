package org.spikelane.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.spikelane.fixed.OverflowCount;
import org.spikelane.fixed.Quantization;
import org.spikelane.record.Variable;

/**
 * Every array and scalar of a simulation, in the order the components declared them: the one
 * list that checkpoint/restore, state listings and (later) partitioning walk. Built once with the
 * simulation; nothing here runs per step.
 */
public final class StateRegistry {
    private final List<StateEntry> entries = new ArrayList<>();
    private final Set<String> labels = new HashSet<>();
    private final Set<String> undeclared = new LinkedHashSet<>();
    /** Recordable variables by owner, then name, in declaration order. */
    private final Map<String, Map<String, Variable>> recordables = new LinkedHashMap<>();
    /** Parameters that may change between steps, by owner, then name. */
    private final Map<String, Map<String, NeuronSetter>> settables = new LinkedHashMap<>();
    private final List<Supplier<List<Quantization>>> quantizationReports = new ArrayList<>();
    private final List<Supplier<List<OverflowCount>>> overflowReports = new ArrayList<>();

    /** A declarer that registers under {@code owner}. */
    public StateDeclarer declarer(String owner) {
        return new Declarer(owner);
    }

    /**
     * Records that {@code owner} (a third-party kernel that does not override its
     * {@code declareState}) keeps state the registry cannot see; checkpoints then refuse to run.
     */
    public void markUndeclared(String owner) { undeclared.add(owner); }

    /** Owners whose state is unknown; empty when the registry is complete. */
    public Set<String> undeclared() { return Collections.unmodifiableSet(undeclared); }

    public List<StateEntry> entries() { return Collections.unmodifiableList(entries); }

    /** The recordable variable {@code name} of {@code owner}, or null. */
    public Variable recordable(String owner, String name) {
        return recordables.getOrDefault(owner, Map.of()).get(name);
    }

    /** Names of the recordable variables of {@code owner}, in declaration order. */
    public List<String> recordableNames(String owner) {
        return List.copyOf(recordables.getOrDefault(owner, Map.of()).keySet());
    }

    /** The setter of {@code parameter} of {@code owner}, or null if it cannot change while running. */
    public NeuronSetter settable(String owner, String parameter) {
        return settables.getOrDefault(owner, Map.of()).get(parameter);
    }

    /** Names of the parameters of {@code owner} that may change between steps. */
    public List<String> settableNames(String owner) {
        return List.copyOf(settables.getOrDefault(owner, Map.of()).keySet());
    }

    /** Owners with at least one parameter that may change between steps. */
    public List<String> settableOwners() { return List.copyOf(settables.keySet()); }

    /** Every component's quantization report, in declaration order (empty under float32). */
    public List<Quantization> quantization() {
        List<Quantization> out = new ArrayList<>();
        for (Supplier<List<Quantization>> r : quantizationReports) out.addAll(r.get());
        return out;
    }

    /** Every component's clip and wrap counts so far, in declaration order (empty under float32). */
    public List<OverflowCount> overflows() {
        List<OverflowCount> out = new ArrayList<>();
        for (Supplier<List<OverflowCount>> r : overflowReports) out.addAll(r.get());
        return out;
    }

    /** The entry, or null. */
    public StateEntry find(String owner, String name) {
        for (StateEntry e : entries) if (e.owner().equals(owner) && e.name().equals(name)) return e;
        return null;
    }

    /**
     * One line per entry (owner, name, type, role, unit, length), then per owner its recordable
     * variables and its settable parameters; for listings and debugging.
     */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (StateEntry e : entries) {
            out.append(String.format(java.util.Locale.ROOT, "%-50s %-24s %-7s %-11s %-10s %d%n", e.owner(), e.name(),
                    e.type().name().toLowerCase(java.util.Locale.ROOT), e.role().name().toLowerCase(java.util.Locale.ROOT), e.unit(),
                    e.length()));
        }
        recordables.forEach((owner, vars) -> out.append(owner).append(" records: ").append(String.join(", ", vars.keySet())).append('\n'));
        settables.forEach((owner, params) -> out.append(owner).append(" can set: ").append(String.join(", ", params.keySet())).append('\n'));
        return out.toString();
    }

    /** Total bytes of the entries with {@code role}. */
    public long bytes(Role role) {
        long sum = 0;
        for (StateEntry e : entries) if (e.role() == role) sum += e.bytes();
        return sum;
    }

    private void add(StateEntry e) {
        if (!labels.add(e.owner() + "\u0000" + e.name())) {
            throw new IllegalStateException(e.owner() + " declares '" + e.name() + "' twice");
        }
        entries.add(e);
    }

    private final class Declarer implements StateDeclarer {
        private final String owner;

        Declarer(String owner) { this.owner = owner; }

        @Override public void undeclared() { markUndeclared(owner); }

        @Override
        public void settable(String parameter, NeuronSetter setter) {
            if (settables.computeIfAbsent(owner, o -> new LinkedHashMap<>()).putIfAbsent(parameter, setter) != null) {
                throw new IllegalStateException(owner + " declares the settable '" + parameter + "' twice");
            }
        }

        @Override public void quantization(Supplier<List<Quantization>> report) { quantizationReports.add(report); }

        @Override public void overflows(Supplier<List<OverflowCount>> counts) { overflowReports.add(counts); }

        @Override
        public void recordable(Variable variable) {
            Map<String, Variable> own = recordables.computeIfAbsent(owner, o -> new LinkedHashMap<>());
            if (own.putIfAbsent(variable.name(), variable) != null) {
                throw new IllegalStateException(owner + " declares the recordable '" + variable.name() + "' twice");
            }
        }

        private void fixed(String name, Role role, String unit, Object values) {
            if (values == null) throw new IllegalArgumentException(owner + " declares '" + name + "' as null");
            add(new StateEntry(owner, name, ElementType.of(values), role, unit, () -> values, null, false));
        }

        @Override public void array(String name, Role role, String unit, float[] values) { fixed(name, role, unit, values); }

        @Override public void array(String name, Role role, String unit, double[] values) { fixed(name, role, unit, values); }

        @Override public void array(String name, Role role, String unit, int[] values) { fixed(name, role, unit, values); }

        @Override public void array(String name, Role role, String unit, long[] values) { fixed(name, role, unit, values); }

        @Override public void array(String name, Role role, String unit, boolean[] values) { fixed(name, role, unit, values); }

        @Override
        public void resizable(String name, Role role, String unit, Supplier<Object> current, Consumer<Object> replace) {
            add(new StateEntry(owner, name, ElementType.of(current.get()), role, unit, current, replace, false));
        }

        @Override
        public void scalar(String name, Role role, String unit, LongSupplier get, LongConsumer set) {
            add(new StateEntry(owner, name, ElementType.LONG, role, unit, () -> new long[] {get.getAsLong()},
                    a -> set.accept(((long[]) a)[0]), true));
        }

        @Override
        public void decimal(String name, Role role, String unit, DoubleSupplier get, DoubleConsumer set) {
            add(new StateEntry(owner, name, ElementType.DOUBLE, role, unit, () -> new double[] {get.getAsDouble()},
                    a -> set.accept(((double[]) a)[0]), true));
        }
    }
}
