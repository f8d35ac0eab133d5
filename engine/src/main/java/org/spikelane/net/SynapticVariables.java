package org.spikelane.net;

import java.util.ArrayList;
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
 * whose dimensions differ are only available qualified.
 */
public final class SynapticVariables {
    private SynapticVariables() {}

    /** Registers the variables of {@code projections} (in connection order) on their targets. */
    public static void register(List<Projection> projections) {
        Map<LifPopulation, List<Projection>> byTarget = new LinkedHashMap<>();
        for (Projection p : projections) byTarget.computeIfAbsent(p.target(), t -> new ArrayList<>()).add(p);
        for (var entry : byTarget.entrySet()) {
            LifPopulation target = entry.getKey();
            Map<String, List<Variable>> plain = new LinkedHashMap<>();
            Map<String, Integer> seenSource = new LinkedHashMap<>();
            for (Projection p : entry.getValue()) {
                int nth = seenSource.merge(p.source().name(), 1, Integer::sum);
                String suffix = "@" + p.source().name() + (nth > 1 ? "#" + nth : "");
                for (Variable v : p.kernel().variables()) {
                    target.addVariable(new Named(v.name() + suffix, v));
                    plain.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(v);
                }
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
