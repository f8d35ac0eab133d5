package org.spikelane.net;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spikelane.neuron.LifPopulation;
import org.spikelane.record.Variable;

/**
 * Makes the synapse kernels' variables recordable on their target population.
 *
 * <p>Naming rule: the plain name ({@code g}, {@code I_syn}) is the <em>sum</em> over every
 * projection onto the population that exposes it (the total synaptic conductance or current,
 * which is what a trace of a neuron usually wants); each projection's own value is also
 * available as {@code name@source} (e.g. {@code g@exc}), with {@code #2}, {@code #3} appended
 * when several projections come from the same source. Summing needs equal dimensions; names
 * whose dimensions differ are only available qualified. Projections whose kernels expose the
 * same variable instance share its state ({@link org.spikelane.spi.FusedCurrent}): the state is
 * counted once in the sum, and their qualified names are refused with a one-line reason.
 */
public final class SynapticVariables {
    private SynapticVariables() {}

    /** Registers the variables of {@code projections} (in connection order) on their targets. */
    public static void register(List<Projection> projections) {
        Map<LifPopulation, List<Projection>> byTarget = new LinkedHashMap<>();
        for (Projection p : projections) byTarget.computeIfAbsent(p.target(), t -> new ArrayList<>()).add(p);
        for (var entry : byTarget.entrySet()) {
            LifPopulation target = entry.getKey();
            // who exposes each variable: one instance seen from several projections is one state they share
            Map<Variable, List<String>> users = new IdentityHashMap<>();
            Map<Variable, List<String>> owners = new IdentityHashMap<>();
            List<Variable> order = new ArrayList<>(); // first-seen order: the names' order must not depend on hashing
            Map<String, Integer> seenSource = new LinkedHashMap<>();
            for (Projection p : entry.getValue()) {
                int nth = seenSource.merge(p.source().name(), 1, Integer::sum);
                String suffix = "@" + p.source().name() + (nth > 1 ? "#" + nth : "");
                for (Variable v : p.kernel().variables()) {
                    if (!users.containsKey(v)) order.add(v);
                    users.computeIfAbsent(v, k -> new ArrayList<>()).add(v.name() + suffix);
                    owners.computeIfAbsent(v, k -> new ArrayList<>()).add(p.label());
                }
            }
            Map<String, List<Variable>> plain = new LinkedHashMap<>();
            for (Variable v : order) {
                List<String> qualified = users.get(v);
                if (qualified.size() == 1) {
                    target.addVariable(new Named(qualified.get(0), v));
                } else {
                    String why = String.join(", ", owners.get(v)) + " share one synaptic state (the same synapse with the same"
                            + " parameters into population '" + target.name() + "'), so '%s' alone does not exist; record '"
                            + v.name() + "' (their sum, with every other projection's '" + v.name() + "'), or give them different parameters";
                    for (String name : qualified) target.addNotRecordable(name, String.format(why, name));
                }
                plain.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(v);
            }
            for (var e : plain.entrySet()) {
                List<Variable> parts = e.getValue();
                boolean sameDimension = parts.stream().allMatch(v -> v.dimension() == parts.get(0).dimension());
                if (parts.size() == 1) target.addVariable(parts.get(0));
                else if (sameDimension) target.addVariable(new Sum(e.getKey(), parts.toArray(Variable[]::new)));
            }
        }
    }

    private record Named(String name, Variable of) implements Variable {
        @Override public org.spikelane.units.Dimension dimension() { return of.dimension(); }

        @Override public double value(int neuron) { return of.value(neuron); }
    }

    private record Sum(String name, Variable[] parts) implements Variable {
        @Override public org.spikelane.units.Dimension dimension() { return parts[0].dimension(); }

        @Override public double value(int neuron) {
            double s = 0;
            for (Variable v : parts) s += v.value(neuron);
            return s;
        }
    }
}
