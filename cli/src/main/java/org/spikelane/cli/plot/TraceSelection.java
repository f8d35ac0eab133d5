package org.spikelane.cli.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.spikelane.Simulation;
import org.spikelane.record.StateRecorder;

/**
 * Which recorded neurons traces.png shows, and the sentence saying why: first the neurons the
 * inputs' events act on (a pulse's targets), then neurons driven differently from those already
 * chosen, then the rest in recording order, up to {@link #MAX}.
 */
record TraceSelection(List<Traced> shown, int recorded, List<String> why) {
    /** More neurons than this make an unreadably tall image; the rest are in state.csv. */
    static final int MAX = 4;

    /** One recorded neuron: its recorder and index. */
    record Traced(StateRecorder recorder, int neuron) {
        String population() { return recorder.population(); }
    }

    static TraceSelection of(Simulation sim, List<EventHits.Hit> hits, PlotContext ctx) {
        List<Traced> all = new ArrayList<>();
        for (StateRecorder r : sim.stateRecorders()) {
            if (r.samples() == 0) continue;
            for (int n : r.neurons()) all.add(new Traced(r, n));
        }
        Set<Traced> chosen = new LinkedHashSet<>();
        int byEvent = 0;
        for (EventHits.Hit h : hits) {
            if (h.population() == null) continue;
            for (Traced t : all) {
                if (chosen.size() < MAX && h.hits(t.population(), t.neuron()) && chosen.add(t)) byEvent++;
            }
        }
        Set<String> drives = new LinkedHashSet<>();
        for (Traced t : chosen) drives.add(ctx.inputs().of(t.population(), t.neuron()));
        int byDrive = 0;
        for (Traced t : all) {
            String drive = ctx.inputs().of(t.population(), t.neuron());
            if (chosen.size() < MAX && !drives.contains(drive) && chosen.add(t)) {
                drives.add(drive);
                byDrive++;
            }
        }
        for (Traced t : all) if (chosen.size() < MAX) chosen.add(t);
        List<Traced> shown = List.copyOf(chosen);
        List<String> why = new ArrayList<>();
        String which = shown.size() == all.size() ? "all " + all.size() + " recorded neurons" : shown.size() + " of " + all.size() + " recorded neurons";
        StringBuilder b = new StringBuilder("Shown: " + which + " (" + names(shown, ctx) + ")");
        if (shown.size() < all.size() || byEvent > 0) {
            List<String> reasons = new ArrayList<>();
            if (byEvent > 0) reasons.add(byEvent == 1 ? "first the neuron an input event acts on" : "first the " + byEvent + " neurons input events act on");
            if (byDrive > 0) reasons.add("then neurons with other inputs");
            if (shown.size() > byEvent + byDrive) reasons.add(byEvent + byDrive > 0 ? "then the first others recorded" : "the first recorded");
            b.append(": ").append(String.join(", ", reasons));
        }
        why.add(b.append('.').toString());
        if (shown.size() < all.size()) why.add("The other " + (all.size() - shown.size()) + " are in state.csv.");
        return new TraceSelection(shown, all.size(), why);
    }

    private static String names(List<Traced> shown, PlotContext ctx) {
        List<String> out = new ArrayList<>();
        String last = null;
        for (Traced t : shown) {
            String group = ctx.groups().groupOf(t.population(), t.neuron());
            String n = t.neuron() + (group == null ? "" : " (" + group + ")");
            out.add(t.population().equals(last) ? n : t.population() + " " + n);
            last = t.population();
        }
        return String.join(", ", out);
    }
}
