package org.spikelane.cli.plot;

import java.util.HashMap;
import java.util.Map;
import org.spikelane.Simulation;
import org.spikelane.cli.scenario.InputEvents;
import org.spikelane.cli.scenario.InputLabels;
import org.spikelane.cli.scenario.NeuronGroups;
import org.spikelane.cli.scenario.RateSmoothingWidth;
import org.spikelane.cli.scenario.Scenario;

/**
 * What the plots know of the scenario besides the recordings: each neuron's inputs, the moments
 * the inputs act, the named neuron groups, and the width of the Gaussian that smooths the rate
 * panel (0: none; {@code record.rate_smoothing}). A simulation built in Java has none of these.
 */
public record PlotContext(InputLabels inputs, InputEvents events, NeuronGroups groups, double rateSmoothing) {
    public PlotContext(InputLabels inputs, InputEvents events, NeuronGroups groups) {
        this(inputs, events, groups, 0);
    }

    public static PlotContext none() {
        return new PlotContext(InputLabels.none(), InputEvents.none(), NeuronGroups.none());
    }

    /** The context of {@code scenario} run as {@code sim} for {@code steps} steps. */
    public static PlotContext of(Scenario scenario, Simulation sim, long steps) {
        Map<String, Integer> sizes = new HashMap<>();
        sim.populations().forEach(p -> sizes.put(p.name(), p.size()));
        return new PlotContext(new InputLabels(scenario, sizes), InputEvents.of(scenario, steps), NeuronGroups.of(scenario),
                RateSmoothingWidth.of(scenario));
    }

    /** "population P, neuron 3200 (group I)": the title of a neuron's panel. */
    public String neuronTitle(String population, int neuron) {
        String group = groups.groupOf(population, neuron);
        return "population " + population + ", neuron " + neuron + (group == null ? "" : " (group " + group + ")");
    }

    /** "P 3200 (I)": a neuron in a legend. */
    public String neuronShort(String population, int neuron) {
        String group = groups.groupOf(population, neuron);
        return population + " " + neuron + (group == null ? "" : " (" + group + ")");
    }
}
